/**
 * Propositions 2 and 3 (zhu2022 §3.3–3.4, stylized §3) against the exact grid oracle: the reference
 * mechanisms meet them (Proposition 3 only inside its hypothesis: outside it a strictly cheaper
 * mechanism is found and certified), and planted bugs are caught.
 */
import { describe, expect, it } from "vitest";
import { expectCaught } from "./catches.js";
import { runClaim } from "../../src/claims/run.js";
import { Q, q } from "../../src/exact/rational.js";
import { makeModel } from "../../src/models/single-resource/model.js";
import { saturating2 } from "../../src/models/single-resource/project.js";
import { zhu2022Proposition2 } from "../../properties/zhu2022/proposition2.js";
import { zhu2022Proposition3 } from "../../properties/zhu2022/proposition3.js";
import { stylizedProposition2 } from "../../properties/stylized/proposition2.js";
import { stylizedProposition3 } from "../../properties/stylized/proposition3.js";
import { minOverWholeSpace, ownReportPivot, unlinkedPlusOne, unlinkedWithoutDiscount, zeroTransfers } from "../../examples/mutants/faults/single-resource.js";

const SEED = 42;

describe.each([zhu2022Proposition2, stylizedProposition2].map((c) => [c.id, c] as const))("%s", (_id, claim) => {
  it(`holds for the unlinked VCG (seed ${SEED})`, () => {
    const r = runClaim(claim, { seed: SEED });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe("holds");
    expect(r.counts.holds).toBeGreaterThan(0);
  });
  it.each([
    ["unlinked VCG plus 1 (overpays: the unlinked VCG is cheaper)", unlinkedPlusOne],
    ["zero transfers (not IC: below the grid optimum)", zeroTransfers],
    ["unlinked VCG without β^{t−T}", unlinkedWithoutDiscount],
  ] as const)("catches the planted bug: %s", (_, mutant) => expectCaught(claim, mutant, { seed: SEED }));
});

describe.each([zhu2022Proposition3, stylizedProposition3].map((c) => [c.id, c] as const))("%s", (_id, claim) => {
  it(`the linked VCG meets it inside the hypothesis and loses to VCG-minus-a-constant-per-box outside it (seed ${SEED})`, () => {
    const r = runClaim(claim, { seed: SEED });
    expect(r.error).toBeUndefined();
    expect(r.met).toBe(true);
    expect(r.counts.holds).toBeGreaterThan(0);
    expect(r.status).toBe("fails-outside-hypotheses");
    expect(r.outside?.witness.summary).toMatch(/VCG minus one constant per box/);
    // the finding was shrunk and simplified like a counterexample, and still decodes and fails outside
    expect(r.outside!.shrinks + (r.outside!.simplified ?? 0)).toBeGreaterThan(0);
    expect(claim.check(claim.decode(r.outside!.instance), claim.defaultSubject).kind).toBe("outside");
  });
  it.each([
    ["minimum over Ω instead of Ω* (pays the full Vⁿ)", minOverWholeSpace],
    ["zero transfers (not IC)", zeroTransfers],
    ["own-report pivot (not Groves)", ownReportPivot],
  ] as const)("catches the planted bug: %s", (_, mutant) => expectCaught(claim, mutant, { seed: SEED }));
});

describe("zhu2022.proposition3 outside its hypothesis: the shrunk two-point Ω*", () => {
  // Ω*ⁿ = {1} ∪ {2}, N = 2, T = 1, β = 1, q̄ = 1, f(a) = 1 − 1/(1 + a)², ω = (1, 1), agent 1.
  // By hand: Vⁿ(y) = f(1/(y + 1)), so V(1) = f(1/2) = 5/9 and V(2) = f(1/3) = 7/16; the linked VCG pays
  // V(1) − min(5/9, 7/16) = 17/144. Type 1 reporting 2 gets a = 2/3 and loses
  // [f(1/2) + 5/9] − [f(2/3) + 7/16] = 10/9 − 431/400 = 121/3600, so box {1} may subtract
  // min(5/9, 7/16 + 121/3600) = 106/225 and pay 5/9 − 106/225 = 19/225 < 17/144.
  const model = makeModel({ N: 2, T: 1, beta: Q.ONE, qbar: Q.ONE, f: saturating2(Q.ONE, Q.ONE) });
  const point = (v: number) => ({ kind: "box" as const, lo: [q(v)], hi: [q(v)] });
  const c = { model, omegaStar: { kind: "union" as const, parts: [point(1), point(2)] }, truth: [[Q.ONE], [Q.ONE]] };
  it("is certified outside the hypothesis with the hand-computed numbers", () => {
    const v = zhu2022Proposition3.check({ c, agent: 0, divisions: 1 }, zhu2022Proposition3.defaultSubject);
    expect(v.kind).toBe("outside");
    if (v.kind !== "outside") return;
    expect(v.witness.quantities.subjectTransfer).toBe("17/144");
    expect(v.witness.quantities.cheaperTransfer).toBe("19/225");
    expect(v.witness.gain).toBe("121/3600");
  });
  it("joined into one box [1, 2] (connected, convex) the linked VCG is the cheapest known again", () => {
    const joined = { ...c, omegaStar: { kind: "box" as const, lo: [q(1)], hi: [q(2)] } };
    for (const claim of [zhu2022Proposition3, stylizedProposition3]) {
      const v = claim.check({ c: joined, agent: 0, divisions: 8 }, claim.defaultSubject);
      expect(v.kind).toBe("holds");
    }
  });
});
