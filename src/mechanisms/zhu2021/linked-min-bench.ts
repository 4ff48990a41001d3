/**
 * Benchmark of the linked VCG minimum (linked-min.ts): exact branch and bound against the grid brute
 * force, on the same seeded random instances of size N = 3, T = 3, I = 4, R = 2.
 */
import { mulberry32, randInt } from "../../exact/prng.js";
import { median } from "../../bench/stats.js";
import { InternalError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import { checkCondition2 } from "../../models/zhu2021/conditions.js";
import type { Profile, RepeatedModel } from "../../models/zhu2021/repeated.js";
import type { Order } from "./allocation.js";
import { gridMinimum, linkedMinimum } from "./linked-min.js";

export interface LinkedMinInstance {
  readonly model: RepeatedModel;
  readonly reports: Profile;
  readonly n: number;
  readonly order: Order;
}

export interface InstanceShape {
  readonly N: number;
  readonly T: number;
  readonly I: number;
  readonly R: number;
}

/**
 * A random valid instance: unit-like types c·e_r (c ∈ [4, 12]), other types with integer inputs in
 * [0, 6] (condition 2 checked exactly, a failing type is redrawn), supply in [10, 30], β = 9/10,
 * μ̄ⁿ_i = k/d (k ∈ [1, 6], d ∈ {1, 2}), μ_ⁿ ∈ {0, μ̄/2, μ̄}, reports k/d with k ∈ [0, 6] (unit-like
 * holdings zero half of the time), a random agent and order.
 */
export function randomLinkedMinInstance(rnd: () => number, shape: InstanceShape): LinkedMinInstance {
  const { N, T, I, R } = shape;
  const theta: Q[][] = Array.from({ length: R }, (_, i) => Array.from({ length: R }, (_, r) => (r === i ? Q.of(randInt(rnd, 4, 12)) : Q.ZERO)));
  while (theta.length < I) {
    const t = Array.from({ length: R }, () => Q.of(randInt(rnd, 0, 6)));
    if (t.every((x) => x.isZero())) continue;
    theta.push(t);
    if (!checkCondition2(theta, R).ok) theta.pop();
  }
  const supply = Array.from({ length: R }, () => Q.of(randInt(rnd, 10, 30)));
  const muHigh = Array.from({ length: N }, () => Array.from({ length: I }, () => Q.of(randInt(rnd, 1, 6), randInt(rnd, 1, 2))));
  const muLow = muHigh.map((h) => h.map((x) => x.mul(Q.of(randInt(rnd, 0, 2), 2))));
  const model: RepeatedModel = { econ: { R, I, theta, supply }, N, T, beta: Q.of(9, 10), muLow, muHigh };
  const reports = Array.from({ length: N }, () =>
    Array.from({ length: T }, () => Array.from({ length: I }, (_, i) => (i < R && rnd() < 0.5 ? Q.ZERO : Q.of(randInt(rnd, 0, 6), randInt(rnd, 1, 2))))),
  );
  return { model, reports, n: randInt(rnd, 0, N - 1), order: rnd() < 0.5 ? "ord" : "p-ord" };
}


export const BENCH_GRID_STEPS = 3;

export function benchLinkedMinimum(count: number, seed: number): { exactMsMedian: number; gridMsMedian: number; gridSteps: number; agree: number } {
  const rnd = mulberry32(seed);
  const shape: InstanceShape = { N: 3, T: 3, I: 4, R: 2 };
  const instances = Array.from({ length: count }, () => randomLinkedMinInstance(rnd, shape));
  const exactMs: number[] = [];
  const gridMs: number[] = [];
  let agree = 0;
  for (const inst of instances) {
    const t0 = performance.now();
    const exact = linkedMinimum(inst.model, inst.order, inst.reports, inst.n);
    const t1 = performance.now();
    const grid = gridMinimum(inst.model, inst.order, inst.reports, inst.n, BENCH_GRID_STEPS);
    const t2 = performance.now();
    exactMs.push(t1 - t0);
    gridMs.push(t2 - t1);
    if (grid.value.lt(exact.value)) throw new InternalError(`linked minimum above a grid value: ${exact.value} > ${grid.value}`);
    if (grid.value.eq(exact.value)) agree++;
  }
  return { exactMsMedian: median(exactMs), gridMsMedian: median(gridMs), gridSteps: BENCH_GRID_STEPS, agree };
}
