/**
 * Planted-bug knapsack solvers for zhu2021 §3 (each a realistic fault). The claims must catch them:
 * a property that no mutant can fail is a defect. Every mutant reuses the exact solver and breaks
 * one thing, so a failure points at that one thing.
 */
import { Q } from "../../../src/exact/rational.js";
import { solveKnapsack, type Endowment, type KnapsackSolution, type KnapsackSolver } from "../../../src/models/zhu2021/knapsack.js";

type Theta = readonly (readonly Q[])[];

function withAlpha(sol: KnapsackSolution, alpha: Q[]): KnapsackSolution {
  return { ...sol, alpha, value: alpha.reduce((s, a) => s.add(a), Q.ZERO) };
}

/** Reads the last resource's stock twice over (a unit-conversion slip): over-uses that resource. */
export const ignoresLastResource: KnapsackSolver = {
  name: "mutant/ignores-last-resource",
  solve: (theta, q, mu) => solveKnapsack(theta, q.map((x, r) => (r === q.length - 1 ? x.mul(Q.of(2)) : x)), mu),
};

/** Caps every project's investment at one unit ("projects are unit-sized"): not homogeneous, not efficient. */
export const capsAtOne: KnapsackSolver = {
  name: "mutant/caps-at-one",
  solve: (theta, q, mu) => solveKnapsack(theta, q, mu.map((m, i) => (i < q.length ? m : Q.min(m as Q, Q.ONE)))),
};

/** Greedy in index order of the non-unit types, unit types fill the rest: the textbook wrong knapsack. */
export const greedyByIndex: KnapsackSolver = {
  name: "mutant/greedy-by-index",
  solve(theta: Theta, q: readonly Q[], mu: readonly Endowment[]) {
    const R = q.length;
    const left = q.slice();
    const alpha = theta.map(() => Q.ZERO);
    const take = (i: number) => {
      const th = theta[i] as readonly Q[];
      let a: Q | null = mu[i] as Endowment;
      th.forEach((t, r) => {
        if (t.sign() > 0) {
          const cap = (left[r] as Q).div(t);
          a = a === null ? cap : Q.min(a, cap);
        }
      });
      const amt = a ?? Q.ZERO;
      alpha[i] = amt;
      th.forEach((t, r) => (left[r] = (left[r] as Q).sub(amt.mul(t))));
    };
    for (let i = R; i < theta.length; i++) take(i);
    for (let i = 0; i < R; i++) take(i);
    const sol = solveKnapsack(theta, q, mu);
    return withAlpha(sol, alpha);
  },
};

/** Reports v with the non-unit payoffs counted twice (α itself is right). */
export const doubleCountsValue: KnapsackSolver = {
  name: "mutant/double-counts-value",
  solve(theta, q, mu) {
    const sol = solveKnapsack(theta, q, mu);
    const extra = sol.alpha.slice(q.length).reduce((s, a) => s.add(a), Q.ZERO);
    return { ...sol, value: sol.value.add(extra) };
  },
};

/** Leaves half of the first unit-like type's investment unused: an investment that is not exhaustive. */
export const notExhaustive: KnapsackSolver = {
  name: "mutant/not-exhaustive",
  solve(theta, q, mu) {
    const sol = solveKnapsack(theta, q, mu);
    return withAlpha(sol, sol.alpha.map((a, i) => (i === 0 ? a.mul(Q.HALF) : a)));
  },
};

/** Rounds every investment down to a multiple of 1/2 (a "discretized" solver): breaks exhaustion and local constancy. */
export const roundsToHalves: KnapsackSolver = {
  name: "mutant/rounds-to-halves",
  solve(theta, q, mu) {
    const sol = solveKnapsack(theta, q, mu);
    return withAlpha(sol, sol.alpha.map((a) => a.mul(Q.of(2)).floor().mul(Q.HALF)));
  },
};

export const knapsackMutants: readonly KnapsackSolver[] = [ignoresLastResource, capsAtOne, greedyByIndex, doubleCountsValue, notExhaustive, roundsToHalves];
