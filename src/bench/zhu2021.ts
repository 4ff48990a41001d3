/**
 * Benchmarks of the zhu2021 mechanism targets: (1) linked VCG transfers for one profile at N = 3,
 * T = 3, I = 4, R = 2 (exact; target median < 50 ms) beside the brute-force grid minima on the same
 * instances; (2) how fast the search refutes the strategy-proofness conjecture of Proposition 1
 * from fresh seeds, and to what size it shrinks.
 */
import { getClaim } from "../claims/registry.js";
import { runClaim } from "../claims/run.js";
import { linkedTransferDetails } from "../mechanisms/zhu2021/linked.js";
import { BENCH_GRID_STEPS, randomLinkedMinInstance } from "../mechanisms/zhu2021/linked-min-bench.js";
import { gridMinimum } from "../mechanisms/zhu2021/linked-min.js";
import { retract } from "../typespace/zhu2021-retraction.js";
import { mulberry32 } from "../exact/prng.js";
import { median, round } from "./stats.js";
import { Q } from "../exact/rational.js";
import { bestMisreport, weightedUnlinkedVcg } from "../equilibrium/zhu2021-best-response.js";
import { fixedReport, play, TRUTHFUL, utility } from "../equilibrium/zhu2021-strategies.js";
import type { Profile, RepeatedModel } from "../models/zhu2021/repeated.js";

export interface LinkedTransferBench {
  readonly instances: number;
  readonly exactMsMedian: number;
  readonly exactMsMax: number;
  /** The same N minima on a grid of `gridSteps` steps per coordinate (an upper bound only). */
  readonly gridMsMedian: number;
  readonly gridSteps: number;
  /** Agent minima where the grid happened to reach the exact value. */
  readonly gridReachedExact: string;
}

export function benchLinkedTransfers(count: number, seed: number): LinkedTransferBench {
  const rnd = mulberry32(seed);
  const exact: number[] = [], grid: number[] = [];
  let hits = 0, total = 0;
  for (let k = 0; k < count; k++) {
    const inst = randomLinkedMinInstance(rnd, { N: 3, T: 3, I: 4, R: 2 });
    const t0 = performance.now();
    const details = linkedTransferDetails(inst.model, inst.reports, inst.order); // all N transfers, no memo
    exact.push(performance.now() - t0);
    const r = retract(inst.model, inst.reports);
    const t1 = performance.now();
    const g = Array.from({ length: inst.model.N }, (_, n) => gridMinimum(inst.model, inst.order, r, n, BENCH_GRID_STEPS).value);
    grid.push(performance.now() - t1);
    g.forEach((gv, n) => {
      total++;
      if (gv.eq(details[n]!.minimum)) hits++;
    });
  }
  return {
    instances: count,
    exactMsMedian: round(median(exact)),
    exactMsMax: round(Math.max(...exact)),
    gridMsMedian: round(median(grid)),
    gridSteps: BENCH_GRID_STEPS,
    gridReachedExact: `${hits}/${total}`,
  };
}

export interface RefutationBench {
  readonly claim: string;
  readonly seeds: number;
  readonly found: number;
  /** Wall time of the run that found it (search + shrinking), over the seeds that found it. */
  readonly msMedian: number;
  readonly msMax: number;
  readonly casesMedian: number;
  /** Shrunk sizes, e.g. "N=2,T=2" → count. */
  readonly shrunkSizes: Readonly<Record<string, number>>;
}

/** Runs a claim expected to be refuted from seeds 1..k (catalogue must be loaded). */
export function benchRefutation(id: string, seeds: number): RefutationBench {
  const claim = getClaim(id);
  if (!claim) throw new Error(`unknown claim ${id}`);
  const ms: number[] = [], cases: number[] = [];
  const sizes: Record<string, number> = {};
  let found = 0;
  for (let s = 1; s <= seeds; s++) {
    const t0 = performance.now();
    const r = runClaim(claim, { seed: s });
    const dt = performance.now() - t0;
    if (r.status !== "counterexample") continue;
    found++;
    ms.push(dt);
    cases.push(r.cases);
    const z = r.counterexample!.size ?? {};
    const key = `N=${z.agents},T=${z.dates}`;
    sizes[key] = (sizes[key] ?? 0) + 1;
  }
  return { claim: id, seeds, found, msMedian: round(median(ms)), msMax: round(Math.max(...ms)), casesMedian: median(cases), shrunkSizes: sizes };
}

// ---- exact best misreport vs a float regret search ---------------------------------------------

export interface SearchComparison {
  readonly instances: number;
  /** Instances where the exact best misreport has a positive gain (the planted bug shows). */
  readonly violating: number;
  /** Of those, how many the float search also caught (gain > 0). */
  readonly floatCaught: number;
  /** Median of float-found gain / exact maximal gain over violating instances. */
  readonly medianFractionOfMaxGain: number;
  /** Worst case: the smallest fraction of the maximal gain the float search reached. */
  readonly minFractionOfMaxGain: number;
  readonly exactMsMedian: number;
  readonly floatMsMedian: number;
  readonly floatEvaluations: number;
}

/**
 * A float regret search of the kind learned-mechanism tools use: random restarts in a box around
 * the truth, then coordinate ascent with shrinking float steps, evaluating the utility (exactly, but
 * only ever compared as floats) at points rounded to 1/1000. It can only underestimate the maximal
 * gain, since every point it reports is a real misreport.
 */
function floatSearch(model: RepeatedModel, truth: Profile, n: number, U: (row: readonly (readonly Q[])[]) => number, rnd: () => number, restarts: number, rounds: number): { best: number; evals: number } {
  const toQ = (x: number) => Q.of(Math.max(0, Math.round(x * 1000)), 1000);
  const scale = 1 + Math.max(...truth[n]!.flat().map((x) => x.toNumber()));
  let best = -Infinity, evals = 0;
  for (let k = 0; k < restarts; k++) {
    let x = truth[n]!.map((c) => c.map(() => rnd() * 2 * scale));
    let fx = U(x.map((c) => c.map(toQ)));
    evals++;
    let step = scale / 2;
    for (let r = 0; r < rounds; r++, step /= 2) {
      for (let t = 0; t < x.length; t++) {
        for (let i = 0; i < x[t]!.length; i++) {
          for (const s of [step, -step]) {
            const y = x.map((c) => c.slice());
            y[t]![i] = Math.max(0, y[t]![i]! + s);
            const fy = U(y.map((c) => c.map(toQ)));
            evals++;
            if (fy > fx) {
              x = y;
              fx = fy;
            }
          }
        }
      }
    }
    best = Math.max(best, fx);
  }
  return { best, evals };
}

export function benchExactVsFloatSearch(count: number, seed: number): SearchComparison {
  const rnd = mulberry32(seed);
  const frac: number[] = [], exactMs: number[] = [], floatMs: number[] = [];
  let violating = 0, caught = 0, evalsTotal = 0;
  const ones = () => Q.ONE; // the planted bug: β^{t−T} dropped
  for (let k = 0; k < count; k++) {
    const inst = randomLinkedMinInstance(rnd, { N: 2, T: 2, I: 4, R: 2 });
    const model: RepeatedModel = { ...inst.model, beta: Q.of(1, 2) };
    const truth = inst.reports;
    const n = inst.n;
    const t0 = performance.now();
    const exact = bestMisreport(model, inst.order, "unlinked", truth, n, { transferWeights: ones });
    exactMs.push(performance.now() - t0);
    const mech = weightedUnlinkedVcg(model, inst.order, ones);
    const honest = utility(mech, truth, truth, n).U.toNumber();
    const U = (row: readonly (readonly Q[])[]) => utility(mech, truth, play(model, truth, truth.map((_, m) => (m === n ? fixedReport(row) : TRUTHFUL))), n).U.toNumber();
    const t1 = performance.now();
    const f = floatSearch(model, truth, n, U, rnd, 8, 6);
    floatMs.push(performance.now() - t1);
    evalsTotal += f.evals;
    if (exact.gain.sign() > 0) {
      violating++;
      const fg = f.best - honest;
      if (fg > 1e-12) caught++;
      frac.push(Math.max(0, fg) / exact.gain.toNumber());
    }
  }
  return {
    instances: count,
    violating,
    floatCaught: caught,
    medianFractionOfMaxGain: round(median(frac), 3),
    minFractionOfMaxGain: round(frac.length ? Math.min(...frac) : NaN, 3),
    exactMsMedian: round(median(exactMs)),
    floatMsMedian: round(median(floatMs)),
    floatEvaluations: Math.round(evalsTotal / count),
  };
}
