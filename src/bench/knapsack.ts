/**
 * Benchmark: exact v(q, μ) (structured revised simplex + duality certificate) against
 * javascript-lp-solver's float solve of the same LP, on the same instances, in one run. The general
 * exact LP (src/lp) is timed too, to show what exploiting the structure buys.
 */
import { Q } from "../exact/rational.js";
import { floatSolve, solveLP, type LinearProgram } from "../lp/index.js";
import { checkCondition2 } from "../models/zhu2021/conditions.js";
import type { Economy } from "../models/zhu2021/economy.js";
import { solveKnapsack, type Endowment } from "../models/zhu2021/knapsack.js";
import { mulberry32, randInt } from "../exact/prng.js";
import { median } from "./stats.js";

export interface KnapsackBenchInstance {
  readonly econ: Economy;
  readonly q: Q[];
  readonly mu: Endowment[];
}

/**
 * Random valid instances in the paper's regime (§2: the unit-like types are inefficient projects,
 * "a last resort"): unit-like types c·e_r with c in [10, 40], other types with integer inputs in
 * [0, 10], supply in [20, 200], endowments n/d with n ≤ 10, d ≤ 4. Many types are then invested,
 * some partially, and the simplex really pivots (the mean pivot count is reported). Condition 2 is verified exactly (and
 * repaired by redrawing a type) when `exactConditions`; for large I the exact check enumerates
 * C(I, R + 1) subsets and is skipped — the LP is the same LP either way.
 */
export function knapsackBenchInstances(count: number, I: number, R: number, seed: number, exactConditions: boolean): KnapsackBenchInstance[] {
  const rnd = mulberry32(seed);
  const out: KnapsackBenchInstance[] = [];
  const drawType = (): Q[] => {
    for (;;) {
      const t = Array.from({ length: R }, () => Q.of(randInt(rnd, 0, 10)));
      if (t.some((x) => !x.isZero())) return t;
    }
  };
  while (out.length < count) {
    const theta: Q[][] = Array.from({ length: R }, (_, i) => Array.from({ length: R }, (_, r) => (r === i ? Q.of(randInt(rnd, 10, 40)) : Q.ZERO)));
    while (theta.length < I) {
      theta.push(drawType());
      if (exactConditions && !checkCondition2(theta, R).ok) theta.pop();
    }
    const supply = Array.from({ length: R }, () => Q.of(randInt(rnd, 20, 200)));
    const mu: Endowment[] = theta.map((_, i) => (i < R ? null : Q.of(randInt(rnd, 0, 10), randInt(rnd, 1, 4))));
    out.push({ econ: { R, I, theta, supply }, q: supply, mu });
  }
  return out;
}

export function knapsackLP(inst: KnapsackBenchInstance): LinearProgram {
  const { econ, q, mu } = inst;
  return {
    sense: "max",
    c: econ.theta.map(() => Q.ONE),
    rows: Array.from({ length: econ.R }, (_, r) => ({ a: econ.theta.map((t) => t[r] as Q), op: "<=" as const, b: q[r] as Q })),
    upper: mu.slice(),
  };
}


export interface KnapsackBenchRow {
  readonly size: string;
  readonly instances: number;
  readonly conditionsChecked: boolean;
  /** Median microseconds per solve. */
  readonly exactUs: number;
  readonly floatUs: number;
  readonly generalExactUs: number | null;
  /** exact / float: the target is ≤ 1. */
  readonly ratio: number;
  /** Instances where the float optimum differs from the exact one by more than 1e-6 (relative). */
  readonly floatDisagreements: number;
  readonly meanPivots: number;
}

export function benchKnapsack(count: number, I: number, R: number, seed: number, opts: { exactConditions: boolean; general: boolean }): KnapsackBenchRow {
  const insts = knapsackBenchInstances(count, I, R, seed, opts.exactConditions);
  const lps = insts.map(knapsackLP);
  // Warm up the JIT on both paths before measuring.
  for (let k = 0; k < Math.min(50, insts.length); k++) {
    solveKnapsack(insts[k]!.econ.theta, insts[k]!.q, insts[k]!.mu);
    floatSolve(lps[k]!);
  }
  const exact: number[] = [], float: number[] = [], general: number[] = [];
  let disagreements = 0, pivots = 0;
  insts.forEach((inst, k) => {
    // Alternate the order so neither solver systematically runs on a warmer cache.
    const runExact = () => {
      const t0 = performance.now();
      const sol = solveKnapsack(inst.econ.theta, inst.q, inst.mu);
      exact.push(performance.now() - t0);
      pivots += sol.pivots;
      return sol.value;
    };
    const runFloat = () => {
      const t0 = performance.now();
      const r = floatSolve(lps[k]!);
      float.push(performance.now() - t0);
      return r;
    };
    let v: Q, f: ReturnType<typeof floatSolve>;
    if (k % 2 === 0) {
      v = runExact();
      f = runFloat();
    } else {
      f = runFloat();
      v = runExact();
    }
    const exactValue = v.toNumber();
    if (f.status !== "optimal" || Math.abs(f.value - exactValue) > 1e-6 * Math.max(1, Math.abs(exactValue))) disagreements++;
    if (opts.general) {
      const t0 = performance.now();
      solveLP(lps[k]!);
      general.push(performance.now() - t0);
    }
  });
  const exactUs = median(exact) * 1000, floatUs = median(float) * 1000;
  return {
    size: `I=${I}, R=${R}`,
    instances: count,
    conditionsChecked: opts.exactConditions,
    exactUs: Math.round(exactUs * 10) / 10,
    floatUs: Math.round(floatUs * 10) / 10,
    generalExactUs: opts.general ? Math.round(median(general) * 10000) / 10 : null,
    ratio: Math.round((exactUs / floatUs) * 1000) / 1000,
    floatDisagreements: disagreements,
    meanPivots: Math.round((pivots / count) * 10) / 10,
  };
}
