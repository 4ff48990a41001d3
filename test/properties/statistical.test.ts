/**
 * zhu2022 Proposition 1 / Corollary 1 and stylized Proposition 1 on exact trees (regret at its bound):
 * a hand-derived instance, the expectation met from a fixed seed, and the planted engine bugs caught.
 */
import { describe, expect, it } from "vitest";
import { Q, q } from "../../src/exact/rational.js";
import { cap, statisticalClaim, type StatisticalResult } from "../../properties/shared/statistical.js";
import { ENGINE_MUTANTS } from "../../examples/mutants/faults/probability.js";
import { expectCaught, expectMet } from "./catches.js";

const leaf = (p: Q, v: Q) => ({ p, node: { value: v, children: [] } });
// Agent 1: 0 with probability 99/100, 1 with 1/100; agent 2: always 0. Ω*ⁿ = {0}. ε = 1/2, R̄ = 1, c = 1/2.
const hand = {
  trees: [{ T: 1, root: { children: [leaf(q(99, 100), Q.ZERO), leaf(q(1, 100), Q.ONE)] } }, { T: 1, root: { children: [leaf(Q.ONE, Q.ZERO)] } }],
  low: [Q.ZERO, Q.ZERO], high: [Q.ZERO, Q.ZERO], epsilon: Q.HALF, rbar: Q.ONE, c: Q.HALF,
};

describe.each(["zhu2022.proposition1", "zhu2022.corollary1", "stylized.proposition1"] as const)("%s", (id: StatisticalResult) => {
  const claim = statisticalClaim(id);
  it("by hand: only agent 1's path 1 leaves Ω* (P = 1/100 ≤ the cap); it is released at date 1 (P(∉Ω* | 1)·R̄ = 1 ≥ ε), and the conclusion holds", () => {
    // zhu2022 cap = c/(N − 1)·ε/R̄ = 1/4; stylized cap = cε/(NR̄) = 1/8. Released mass 1/100:
    // P^{−2}(agent 1 lies) = 1/100 ≤ ε; P(implemented) = 99/100 ≥ 1 − Nc/(N − 1) = 0; P(σ ≠ ω) = 1/100 < c.
    expect(cap(id, hand, 2).eq(id === "stylized.proposition1" ? q(1, 8) : q(1, 4))).toBe(true);
    expect(claim.check(hand, claim.defaultSubject)).toEqual({ kind: "holds" });
  });
  it("meets its expectation from a fixed seed (seed 42)", () => expectMet(claim));
  it.each(ENGINE_MUTANTS)("catches the planted bug: %s", (_, mutant) => expectCaught(claim, mutant, { runs: 2000 }));
});
