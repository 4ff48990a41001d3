/**
 * The zhu2022 / stylized claims: each holds for the papers' mechanisms on a fixed seed (or, for a
 * claim found false, is refuted by the search alone with an exact certificate) and each catches
 * planted bugs (examples/mutants/faults/single-resource.ts).
 */
import { describe, expect, it } from "vitest";
import { runClaim } from "../../src/claims/run.js";
import type { AnyClaim } from "../../src/claims/types.js";
import { Q, q } from "../../src/exact/rational.js";
import { saturating } from "../../src/models/single-resource/project.js";
import { zhu2022Lemma1 } from "../../properties/zhu2022/lemma1.js";
import { zhu2022Lemma4 } from "../../properties/zhu2022/lemma4.js";
import { zhu2022Lemma5 } from "../../properties/zhu2022/lemma5.js";
import { zhu2022Lemma6 } from "../../properties/zhu2022/lemma6.js";
import { zhu2022LinkedExPost } from "../../properties/zhu2022/linked-vcg-ex-post.js";
import { zhu2022Proposition2Ratio } from "../../properties/zhu2022/proposition2-ratio.js";
import { zhu2022Theorem1Step3 } from "../../properties/zhu2022/theorem1-step3.js";
import { stylizedLemma1 } from "../../properties/stylized/lemma1.js";
import { stylizedLemma3 } from "../../properties/stylized/lemma3.js";
import { stylizedLinkedExPost } from "../../properties/stylized/linked-vcg-ex-post.js";
import { stylizedProposition2Ratio } from "../../properties/stylized/proposition2-ratio.js";
import { stylizedTheorem1SurplusBounds } from "../../properties/stylized/theorem1-surplus-bounds.js";
import { stylizedTheorem1SurplusTangent } from "../../properties/stylized/theorem1-surplus-tangent.js";
import { clipsDates, derivativeAtTwice, derivativeAtZero, halfSupply, identityRetraction, jumpsToFixedMember, minOverWholeSpace, oneSidedWindow, ownReportPivot, presentValueTransfers, unlinkedWithoutDiscount, zeroTransfers } from "../../examples/mutants/faults/single-resource.js";

const SEED = 42;

const holding: [string, AnyClaim, [string, unknown][]][] = [
  [zhu2022Lemma1.id, zhu2022Lemma1, [["jumps to a fixed member (not adapted)", jumpsToFixedMember], ["identity (not into Ω*)", identityRetraction]]],
  [stylizedLemma1.id, stylizedLemma1, [["clips dates, ignores the average", clipsDates], ["jumps to a fixed member (not adapted)", jumpsToFixedMember]]],
  [zhu2022Lemma5.id, zhu2022Lemma5, [["window without its lower side", oneSidedWindow]]],
  [zhu2022Lemma4.id, zhu2022Lemma4, [["half the supply", halfSupply]]],
  [stylizedTheorem1SurplusBounds.id, stylizedTheorem1SurplusBounds, [["half the supply", halfSupply]]],
  [zhu2022LinkedExPost.id, zhu2022LinkedExPost, [["own-report pivot", ownReportPivot], ["half the supply", halfSupply], ["unlinked without β^{t−T}", unlinkedWithoutDiscount]]],
  [stylizedLinkedExPost.id, stylizedLinkedExPost, [["own-report pivot", ownReportPivot], ["unlinked without β^{t−T}", unlinkedWithoutDiscount]]],
  [zhu2022Lemma6.id, zhu2022Lemma6, [["minimum over Ω instead of Ω*", minOverWholeSpace]]],
  [zhu2022Theorem1Step3.id, zhu2022Theorem1Step3, [["f' evaluated at 2a", derivativeAtTwice]]],
];

describe.each(holding)("%s", (_id, claim, mutants) => {
  it(`holds for the reference (seed ${SEED})`, () => {
    const r = runClaim(claim, { seed: SEED });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe("holds");
    expect(r.counts.holds).toBeGreaterThan(0);
  });
  it.each(mutants)("catches the planted bug: %s", (_, mutant) => {
    const r = runClaim(claim, { seed: SEED, subject: mutant });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe("counterexample");
    expect(r.counterexample?.witness.summary.length).toBeGreaterThan(0);
  });
});

describe("claims found false: refuted by the search alone, and the check discriminates", () => {
  it.each([[zhu2022Proposition2Ratio.id, zhu2022Proposition2Ratio], [stylizedProposition2Ratio.id, stylizedProposition2Ratio]] as const)("%s: C/S = (N − 1)β^{1−T}, not N − 1, when β < 1 and T > 1", (_id, claim) => {
    const r = runClaim(claim, { seed: SEED });
    expect(r.status).toBe("counterexample");
    const w = r.counterexample!.witness.quantities as Record<string, string | number>;
    // Independent derivation (module comment of shared/proposition2-ratio.ts): β^{T−1}·C/S = N − 1.
    expect(w.discountedRatio).toBe(String(Number(w.N) - 1));
    expect(q(String(w.beta)).lt(Q.ONE)).toBe(true);
    expect(Number(w.T)).toBeGreaterThan(1);
    // Transfers in date-1 money have ratio exactly N − 1 at every profile: the check is not a constant.
    expect(runClaim(claim, { seed: SEED, subject: presentValueTransfers }).status).toBe("holds");
  });

  it("stylized.theorem1.step-surplus-tangent: refuted; f(a) = a/(1+a), v = 1, ω_avg = 4/3, y = 1 by hand: 1/4 < 16/49", () => {
    const r = runClaim(stylizedTheorem1SurplusTangent, { seed: SEED });
    expect(r.status).toBe("counterexample");
    // The hand computation: (1/3)·f(3) = (1/3)(3/4) = 1/4 and f'(3/4) = 1/(7/4)² = 16/49.
    const c = { N: 2, q: Q.ONE, f: saturating(Q.ONE, Q.ONE), avg: q(4, 3), max: q(2), x: Q.ZERO, y: Q.ONE, omega: [[q(4, 3), q(4, 3)], [q(4, 3), q(4, 3)]] };
    const v = stylizedTheorem1SurplusTangent.check(c, stylizedTheorem1SurplusTangent.defaultSubject);
    expect(v.kind).toBe("violated");
    if (v.kind === "violated") expect([v.witness.quantities.left, v.witness.quantities.right]).toEqual(["1/4", "16/49"]);
    // At y = 0 the inequality is strict concavity (f(a)/a > f'(a)): it holds, and a wrong f' breaks it.
    const y0 = { ...c, y: Q.ZERO };
    expect(stylizedTheorem1SurplusTangent.check(y0, stylizedTheorem1SurplusTangent.defaultSubject).kind).toBe("holds");
    expect(stylizedTheorem1SurplusTangent.check(y0, derivativeAtZero).kind).toBe("violated");
  });

  it("stylized.lemma3: the search finds a certified violation; a mechanism paying nothing passes (the check discriminates)", () => {
    const r = runClaim(stylizedLemma3, { seed: SEED });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe("counterexample");
    const zero = runClaim(stylizedLemma3, { seed: SEED, subject: zeroTransfers });
    expect(zero.status).toBe("holds");
    expect(zero.counts.holds).toBeGreaterThan(0);
  });
});
