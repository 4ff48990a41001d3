/**
 * The grid oracle at scale (target: 10,000 grid points for one agent under 10 s, i.e. about 10⁸ pair
 * constraints if built blindly). With one-dimensional single-crossing types only adjacent pairs are
 * needed (leastSolution1D); the dense solver over every pair is the baseline, measured in the same
 * run on a smaller grid where both must agree exactly.
 *
 * Two problems:
 *  - "linear": g(i, j) = θ_i·a_j with θ_i = i/100 and a_j = ⌊j/2⌋/k (nondecreasing: increasing
 *    differences), a discrete screening problem whose exact sums keep small denominators;
 *  - "single-resource": agent 1 of the zhu2022/stylized model at T = 1 (gridOptimum). Its gains
 *    x·f(a(y)/x) have a different denominator at every grid point, so the exact running sums carry
 *    the least common multiple of hundreds of denominators: exact arithmetic, not the pair count,
 *    bounds the size here, and the bench reports it as measured.
 */
import { Q, q } from "../exact/rational.js";
import { leastSolution, leastSolution1D, type Gain, type LeastSolution } from "../cheapness/difference-constraints.js";
import { allocationFor, efficient, gridOptimum, valueInTransferUnits, type AgentSlice } from "../cheapness/single-resource.js";
import { makeModel } from "../models/single-resource/model.js";
import { saturating } from "../models/single-resource/project.js";
import * as fc from "fast-check";
import { cheapestScale, gainAt } from "../cheapness/zhu2021-continuum.js";
import { latticeRows } from "../cheapness/zhu2021-grids.js";
import type { Row } from "../cheapness/zhu2021.js";
import { InputError } from "../exact/errors.js";
import { inTypeSpace, type RepeatedModel } from "../models/zhu2021/repeated.js";
import { repeatedCaseArb } from "../search/zhu2021-repeated.js";
import { median, round } from "./stats.js";

export interface OracleBenchRow {
  readonly problem: "linear" | "single-resource";
  readonly method: "path (adjacent pairs)" | "dense (every pair)";
  readonly points: number;
  readonly pairsConsidered: number;
  readonly ms: number;
}

export interface OracleBench {
  readonly rows: OracleBenchRow[];
  /** Path and dense gave the same transfers on every baseline grid. */
  readonly agree: boolean;
}

function time<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: round(performance.now() - t0, 1) };
}

const linearGain = (k: number): Gain => (i, j) => Q.of(i, 100).mul(Q.of(Math.floor(j / 2), k));

/** Agent 1's reports i·4/k (i = 0..k−1) against others reporting 1 and 2 (N = 3, q̄ = 3, f(a) = a/(1 + a)). */
function singleResource(k: number): { slice: AgentSlice; grid: Q[][] } {
  const model = makeModel({ N: 3, T: 1, beta: Q.ONE, qbar: q(3), f: saturating(Q.ONE, Q.ONE) });
  return { slice: { model, omegaStar: { kind: "all" }, profile: [[Q.ONE], [Q.ONE], [q(2)]], agent: 0 }, grid: Array.from({ length: k }, (_, i) => [q(4 * i, k)]) };
}

const same = (a: LeastSolution, b: LeastSolution) => a.kind === "solved" && b.kind === "solved" && a.W.every((w, i) => w.eq(b.W[i]!));

export function benchOracle(sizes: { linear: number; linearDense: number; single: number; singleDense: number } = { linear: 10_000, linearDense: 400, single: 400, singleDense: 100 }): OracleBench {
  const rows: OracleBenchRow[] = [];
  const points = (k: number) => Array.from({ length: k }, (_, i) => Q.of(i));
  const lin = (k: number) => time(() => leastSolution1D(points(k), linearGain(k), { singleCrossing: "assume" }));
  const big = lin(sizes.linear);
  rows.push({ problem: "linear", method: "path (adjacent pairs)", points: sizes.linear, pairsConsidered: big.value.pairsConsidered, ms: big.ms });
  const linPath = lin(sizes.linearDense);
  const linDense = time(() => leastSolution(sizes.linearDense, linearGain(sizes.linearDense)));
  rows.push({ problem: "linear", method: "path (adjacent pairs)", points: sizes.linearDense, pairsConsidered: linPath.value.pairsConsidered, ms: linPath.ms });
  rows.push({ problem: "linear", method: "dense (every pair)", points: sizes.linearDense, pairsConsidered: linDense.value.pairsConsidered, ms: linDense.ms });
  let agree = linPath.value.kind !== "not-single-crossing" && same(linPath.value, linDense.value);

  const sr = singleResource(sizes.single);
  const srPath = time(() => gridOptimum(sr.slice, sr.grid));
  rows.push({ problem: "single-resource", method: "path (adjacent pairs)", points: sizes.single, pairsConsidered: srPath.value.solution.pairsConsidered, ms: srPath.ms });
  const sd = singleResource(sizes.singleDense);
  const alloc = sd.grid.map((y) => allocationFor(sd.slice, efficient(sd.slice.model), y));
  const srDense = time(() => leastSolution(sd.grid.length, (i, j) => valueInTransferUnits(sd.slice, alloc[j]!, sd.grid[i]!)));
  const srSmall = time(() => gridOptimum(sd.slice, sd.grid));
  rows.push({ problem: "single-resource", method: "path (adjacent pairs)", points: sizes.singleDense, pairsConsidered: srSmall.value.solution.pairsConsidered, ms: srSmall.ms });
  rows.push({ problem: "single-resource", method: "dense (every pair)", points: sizes.singleDense, pairsConsidered: srDense.value.pairsConsidered, ms: srDense.ms });
  agree &&= same(srSmall.value.solution, srDense.value);
  return { rows, agree };
}

export interface ContinuumBench {
  readonly instances: number;
  /** Instances with λ* < 1 (a certified cheaper competitor) and with λ* = 0 (zero transfers IC). */
  readonly cheaper: number;
  readonly zero: number;
  readonly exactMsMedian: number;
  readonly exactMsMax: number;
  readonly lpsMedian: number;
  /** Baseline: the largest λ a lattice of Ωⁿ × Ωⁿ (2 steps per coordinate, 1 if too many) shows to fail. */
  readonly latticeMsMedian: number;
  readonly latticePairsMedian: number;
  /** The lattice bound never exceeded the exact λ* (it cannot: the lattice is inside Ωⁿ). */
  readonly latticeBelowExact: boolean;
  /** Instances where the lattice bound fell strictly short of λ* (what a grid alone would miss). */
  readonly latticeShort: number;
}

/** Ωⁿ's lattice with 2 steps per coordinate, or 1 when that has more than 400 candidate rows. */
function lattice(model: RepeatedModel): Row[] {
  try {
    return latticeRows(model, 0, 2, 400);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return latticeRows(model, 0, 1, 4096);
  }
}

/**
 * The exact continuum check of zhu2021's cheapness (cheapestScale) on generated instances (N ≤ 3,
 * T ≤ 2), beside a brute-force baseline over a lattice of Ωⁿ × Ωⁿ by the definition (gainAt).
 */
export function benchContinuum(count: number, seed: number): ContinuumBench {
  const cases = fc.sample(repeatedCaseArb({ maxN: 3, maxT: 2 }), { seed, numRuns: 4 * count }).filter((c) => inTypeSpace(c.model, c.truth)).slice(0, count);
  const exactMs: number[] = [], lps: number[] = [], latMs: number[] = [], pairs: number[] = [];
  let cheaper = 0, zero = 0, short = 0, below = true;
  for (const c of cases) {
    const slice = { model: c.model, order: "ord" as const, profile: c.truth, agent: 0 };
    const ex = time(() => cheapestScale(slice));
    exactMs.push(ex.ms);
    if (ex.value.kind !== "found") continue;
    lps.push(ex.value.lps);
    const lambda = ex.value.lambda;
    if (lambda.lt(Q.ONE)) cheaper++;
    if (lambda.isZero()) zero++;
    const lat = time(() => {
      const rows = lattice(c.model);
      let best = Q.ZERO;
      for (const x of rows) for (const z of rows) {
        const p = gainAt(slice, x, z);
        if (p.a.sign() > 0 && p.b.sign() < 0) best = Q.max(best, p.a.div(p.b).neg());
      }
      return { best, pairs: rows.length ** 2 };
    });
    latMs.push(lat.ms);
    pairs.push(lat.value.pairs);
    if (lat.value.best.gt(lambda)) below = false;
    if (lat.value.best.lt(lambda)) short++;
  }
  return {
    instances: cases.length,
    cheaper,
    zero,
    exactMsMedian: round(median(exactMs), 1),
    exactMsMax: round(Math.max(...exactMs), 1),
    lpsMedian: median(lps),
    latticeMsMedian: round(median(latMs), 1),
    latticePairsMedian: median(pairs),
    latticeBelowExact: below,
    latticeShort: short,
  };
}
