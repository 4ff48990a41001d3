/**
 * zhu2021 §6.1 claims (Lemma 6, its second part, Corollary 2) and their exact right-hand sides.
 * Independent paths: max Sⁿ from the regime LPs never falls below Sⁿ evaluated from the definition
 * (ordA allocation, agent's knapsack) at lattice points of Ωⁿ, and equals it at the returned
 * maximizer; min Sⁿ over Ωⁿ's vertices is never above Sⁿ at lattice points (concavity under II).
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { lemma6 } from "../../properties/zhu2021/lemma6.js";
import { lemma6Equality } from "../../properties/zhu2021/lemma6-equality.js";
import { corollary2 } from "../../properties/zhu2021/corollary2.js";
import { smallCaseArb } from "../../properties/zhu2021/small-common.js";
import { runClaim } from "../../src/claims/run.js";
import { Q } from "../../src/exact/rational.js";
import { geometricTransfer, lemma6Linear, maxOwnSurplus, minOwnSurplus, ownSurplus } from "../../src/mechanisms/zhu2021/small-surplus.js";
import { geometric } from "../../properties/zhu2021/geometric.js";
import { lemma6EqualityBeyond } from "../../properties/zhu2021/lemma6-equality-beyond.js";
import { inTypeSpaceRow } from "../../src/models/zhu2021/repeated.js";
import { propertyI, propertyII } from "../../src/models/zhu2021/smallness.js";

loadCatalogue();

/** Points of Ωⁿ: each type's T-date total at 0, 1/2, 1 of the way from Tμ_ to Tμ̄, split over dates in a few ways. */
function latticeOfOmega(c: { model: { T: number; econ: { I: number }; muLow: readonly (readonly Q[])[]; muHigh: readonly (readonly Q[])[] } }, n: number): Q[][][] {
  const { T } = c.model, I = c.model.econ.I;
  const splits = T === 1 ? [[Q.ONE]] : [[Q.ONE, Q.ZERO], [Q.ZERO, Q.ONE], [Q.HALF, Q.HALF], [Q.of(1, 4), Q.of(3, 4)]];
  let out: Q[][][] = [Array.from({ length: T }, () => new Array<Q>(I).fill(Q.ZERO))];
  for (let i = 0; i < I; i++) {
    const lo = c.model.muLow[n]![i]!.mul(Q.of(T)), hi = c.model.muHigh[n]![i]!.mul(Q.of(T));
    const totals = [lo, lo.add(hi).div(Q.of(2)), hi];
    out = out.flatMap((v) => totals.flatMap((tot) => splits.map((sp) => v.map((row, t) => row.map((x, k) => (k === i ? tot.mul(sp[t]!) : x))))));
  }
  return out;
}

describe("§6.1 exact right-hand sides", () => {
  const cases = fc.sample(smallCaseArb(true), { seed: 61, numRuns: 40 });
  it("max Sⁿ (regime LPs) bounds Sⁿ from the definition on a lattice of Ωⁿ, and is attained", () => {
    let checked = 0;
    for (const c of cases) {
      if (propertyI(c.model, c.truth, c.agent).kind !== "holds") continue;
      const best = maxOwnSurplus(c.model, c.truth, c.agent);
      expect(inTypeSpaceRow(c.model, c.agent, best.report)).toBe(true);
      expect(ownSurplus(c.model, c.truth, c.agent, best.report).eq(best.value)).toBe(true);
      for (const v of latticeOfOmega(c, c.agent)) expect(ownSurplus(c.model, c.truth, c.agent, v).le(best.value)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
  it("min Sⁿ (vertices) is below Sⁿ at every lattice point when Property II holds", () => {
    let checked = 0;
    for (const c of cases) {
      if (propertyII(c.model, c.truth, c.agent).kind !== "holds") continue;
      const low = minOwnSurplus(c.model, c.truth, c.agent);
      for (const v of latticeOfOmega(c, c.agent)) expect(ownSurplus(c.model, c.truth, c.agent, v).ge(low.value)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(2);
  });
});

describe("§6.2's geometric algorithm", () => {
  it("equals the exact LP maximum of Lemma 6's linear objective, and its report lies in Ωⁿ", () => {
    let checked = 0;
    for (const c of fc.sample(smallCaseArb(true), { seed: 62, numRuns: 60 })) {
      const two = propertyII(c.model, c.truth, c.agent);
      if (two.kind !== "holds") continue;
      const g = geometricTransfer(c.model, c.truth, c.agent, two.prices);
      expect(g.value.eq(lemma6Linear(c.model, c.truth, c.agent, two.prices))).toBe(true);
      expect(inTypeSpaceRow(c.model, c.agent, g.report)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe("Lemma 6 without Property II (the probe)", () => {
  it("finds the formula off when the agent can be marginal, reported outside the hypotheses, and the witness is exact", () => {
    const r = runClaim(lemma6EqualityBeyond, { seed: 2 });
    expect(r.status).toBe("fails-outside-hypotheses");
    expect(r.met).toBe(true);
    const q = r.outside!.witness.quantities as { transfer: string; lemma6: string };
    expect(q.transfer).not.toBe(q.lemma6);
  });
});

describe("§6.1 claims from fixed seeds", () => {
  it.each([
    ["zhu2021.lemma6", lemma6],
    ["zhu2021.lemma6.equality", lemma6Equality],
    ["zhu2021.corollary2", corollary2],
    ["zhu2021.geometric", geometric],
  ] as const)("%s runs and is not vacuous throughout", (_, claim) => {
    const r = runClaim(claim as never, { seed: 3 });
    expect(["holds", "counterexample"]).toContain(r.status);
    expect(r.cases).toBeGreaterThan(0);
  });
});
