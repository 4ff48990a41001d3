/**
 * zhu2021.proposition2 on exact trees: a hand-derived instance, the battery from a fixed seed (inside
 * the hypothesis it holds; outside it is recorded as such), and the planted engine bugs caught.
 */
import { describe, expect, it } from "vitest";
import { expectCaught, expectMet } from "./catches.js";
import { Q, q } from "../../src/exact/rational.js";
import { cOf, deltaOf, proposition2 } from "../../properties/zhu2021/proposition2.js";
import { ENGINE_MUTANTS } from "../../examples/mutants/faults/probability.js";

describe("zhu2021.proposition2", () => {
  it("by hand: N = T = 1, μ ∈ {0 (9/10), 1 (1/10)}, Ω = {0}, β = v̄ = ε = 1, z = 1/2", () => {
    // δ = z(1 − z)ε²/(Tv̄)² = 1/4, so P̂(Ω) = 9/10 ≥ 3/4 holds; c = zε/(Tv̄) = 1/2. Condition (2) at s = 1:
    // (P(∉Ω | μ₁) + 1/2)·1 < 1 ⇔ P(∉Ω | μ₁) < 1/2: bound after 0 (P = 0), released after 1 (P = 1).
    // P̂(released) = 1/10 ≤ 1/2.
    const c = {
      trees: [{ T: 1, root: { children: [{ p: q(9, 10), node: { value: q(0), children: [] } }, { p: q(1, 10), node: { value: q(1), children: [] } }] } }],
      low: [Q.ZERO], high: [Q.ZERO], beta: Q.ONE, epsilon: Q.ONE, vbar: Q.ONE, z: Q.HALF,
    };
    expect(deltaOf(c, 1, 1).eq(q(1, 4))).toBe(true);
    expect(cOf(c, 1).eq(Q.HALF)).toBe(true);
    expect(proposition2.check(c, proposition2.defaultSubject)).toEqual({ kind: "holds", how: "P̂(released) = 1/10 ≤ c(z) = 1/2" });
  });
  it("meets its expectation from a fixed seed (seed 42)", () => expectMet(proposition2));
  it.each(ENGINE_MUTANTS)("catches the planted bug: %s", (_, mutant) => expectCaught(proposition2, mutant, { runs: 3000 }));
});
