/**
 * The structured knapsack solver of zhu2021 eq. (1) against independent paths: the paper's
 * Figure 1a (by hand), the general exact LP of src/lp (a different algorithm and code path), and
 * the float oracle; plus its exact duality certificate catching corrupted answers.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InternalError } from "../../../src/exact/errors.js";
import { Q, q } from "../../../src/exact/rational.js";
import { floatSolve } from "../../../src/lp/index.js";
import { knapsackByLP } from "../../../src/models/zhu2021/investment.js";
import { certifyKnapsack, solveKnapsack, type Endowment } from "../../../src/models/zhu2021/knapsack.js";
import { priceSet } from "../../../src/models/zhu2021/prices.js";
import { economyArb } from "../../../src/search/zhu2021.js";
import { nonNegRational, posRational } from "../../../src/search/numbers.js";
import { knapsackLP } from "../../../src/bench/knapsack.js";

const v = (...xs: (number | string)[]) => xs.map((x) => q(x as never));

describe("Figure 1a of zhu2021", () => {
  // θ1 = (12, 0), θ2 = (0, 10) in infinite supply, one unit of θ3 = (2, 1), q = (12, 10).
  // By hand: θ3 is cheapest, invest all of it (uses (2, 1)); the rest (10, 9) goes to θ1 and θ2:
  // α = (10/12, 9/10, 1), v = 5/6 + 9/10 + 1 = 41/15; the price (1/12, 1/10) is unique since the
  // two unit-like types are partially invested (R = 2).
  const theta = [v(12, 0), v(0, 10), v(2, 1)];
  const mu: Endowment[] = [null, null, Q.ONE];
  it("solves the figure's knapsack", () => {
    const sol = solveKnapsack(theta, v(12, 10), mu);
    expect(sol.value.toString()).toBe("41/15");
    expect(sol.alpha.map(String)).toEqual(["5/6", "9/10", "1"]);
    expect(sol.price.map(String)).toEqual(["1/12", "1/10"]);
    const ps = priceSet(theta, mu, sol.alpha);
    expect(ps.unique).toBe(true);
    expect(ps.vertices?.map((p) => p.map(String))).toEqual([["1/12", "1/10"]]);
  });
});

const instance = economyArb({ maxR: 4, maxExtra: 6 }).chain((econ) =>
  fc.record({
    econ: fc.constant(econ),
    q: fc.array(posRational(30, 3), { minLength: econ.R, maxLength: econ.R }),
    // Finite unit-type endowments too: an agent's own v(A, μ^n) has no infinite supply.
    mu: fc.array(fc.option(nonNegRational(8, 4), { nil: null, freq: 4 }), { minLength: econ.I, maxLength: econ.I }),
  }),
).map(({ econ, q, mu }) => ({ econ, q, mu: mu.map((m, i) => (i < econ.R ? m : (m ?? Q.ONE))) }));

describe("structured solver vs general exact LP vs float oracle", () => {
  it("same optimum, same α where unique, and the float solver within 1e-6", () => {
    fc.assert(
      fc.property(instance, ({ econ, q: qq, mu }) => {
        const fast = solveKnapsack(econ.theta, qq, mu);
        const general = knapsackByLP(econ.theta, qq, mu);
        expect(fast.value.toString()).toBe(general.value.toString());
        if (mu.slice(0, econ.R).every((m) => m === null)) {
          // Lemma 1 (μ ≥ μ⁰): the efficient investment is unique, so both paths must find it.
          expect(fast.alpha.map(String)).toEqual(general.alpha.map(String));
        }
        const f = floatSolve(knapsackLP({ econ, q: qq, mu }));
        expect(f.status).toBe("optimal");
        expect(Math.abs(f.value - fast.value.toNumber())).toBeLessThan(1e-6 * Math.max(1, fast.value.toNumber()));
      }),
      { seed: 31, numRuns: 300 },
    );
  });

  it("handles degenerate ties: every type on the same price hyperplane but one", () => {
    // θ = (2,0), (0,2), (1,1)·… three types with p·θ = 1 at p = (1/2, 1/2) would violate condition 2,
    // but the solver itself must still terminate with the right value on such LPs (by hand: v = 2).
    const theta = [v(2, 0), v(0, 2), v(1, 1), v(1, 1)];
    const sol = solveKnapsack(theta, v(2, 2), [null, null, Q.ONE, Q.ONE]);
    expect(sol.value.toString()).toBe("2");
  });
});

describe("float pricing never decides", () => {
  it("finds a column whose reduced cost (10^-12) is below the float tolerance", () => {
    // R = 1: the unit type θ1 = (1) prices the resource at p = 1; θ2 = (1 − 10^-12) has reduced cost
    // 1 − p·θ2 = 10^-12 > 0, invisible to the float pricing. By hand: invest all of θ2 (μ2 = 1),
    // the rest in θ1, so v = 5 − (1 − 10^-12) + 1 = 5 + 10^-12.
    const eps = Q.of(1n, 10n ** 12n);
    const sol = solveKnapsack([[Q.ONE], [Q.ONE.sub(eps)]], [q(5)], [null, Q.ONE]);
    expect(sol.value.eq(q(5).add(eps))).toBe(true);
    expect(sol.alpha[1]!.eq(Q.ONE)).toBe(true);
  });
});

describe("the duality certificate", () => {
  const theta = [v(12, 0), v(0, 10), v(2, 1)];
  const mu: Endowment[] = [null, null, Q.ONE];
  const qq = v(12, 10);
  const sol = solveKnapsack(theta, qq, mu);
  it("accepts the right answer", () => {
    expect(() => certifyKnapsack(theta, qq, mu, sol.alpha, sol.price, sol.value)).not.toThrow();
  });
  it.each([
    ["a suboptimal α", () => certifyKnapsack(theta, qq, mu, [q("1/2"), q("9/10"), Q.ONE], sol.price, q("12/5"))],
    ["an infeasible α", () => certifyKnapsack(theta, qq, mu, [Q.ONE, q("9/10"), Q.ONE], sol.price, q("29/10"))],
    ["a wrong price", () => certifyKnapsack(theta, qq, mu, sol.alpha, [q("1/12"), q("1/9")], sol.value)],
    ["a negative price", () => certifyKnapsack(theta, qq, mu, sol.alpha, [q("-1/12"), q("1/10")], sol.value)],
    ["a misreported value", () => certifyKnapsack(theta, qq, mu, sol.alpha, sol.price, q("3"))],
  ])("rejects %s", (_, f) => {
    expect(f).toThrow(InternalError);
  });
});
