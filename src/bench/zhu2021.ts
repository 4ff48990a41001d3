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
import { mulberry32 } from "./prng.js";
import { median, round } from "./stats.js";

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
