/**
 * `bench --simulation`: the Theorem 1 simulation exactly as `mechcheck simulate` runs it (sizes
 * 2..256, 20 runs each, on worker threads), timed end to end. Baseline from the same run: the compute
 * time summed over all runs, i.e. what one thread would need.
 */
import { simulateOnWorkers } from "./simulate-pool.js";
import { simulateOptions, type SimulateFlags } from "./simulate.js";

export interface FullSimulationBench {
  readonly paper: "zhu2022" | "stylized";
  readonly workers: number;
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly wallMs: number;
  /** Σ over runs of each run's compute time (ms). */
  readonly computeMs: number;
  /** Per size: its compute time summed over runs (ms). */
  readonly perSizeMs: readonly { N: number; ms: number }[];
  /** The largest N's cost/surplus bounds and float midpoint. */
  readonly costSurplus: { readonly lo: number; readonly hi: number; readonly float: number };
}

export const FULL_SIZES = "2,4,8,16,32,64,128,256";

export async function benchFullSimulation(paper: "zhu2022" | "stylized", workers: number, seed: number, sizes = FULL_SIZES, runs = 20): Promise<FullSimulationBench> {
  const id = `${paper}.theorem1`;
  const flags: SimulateFlags = { sizes, runs: String(runs), seed: String(seed) };
  const o = simulateOptions(id, flags);
  const t0 = performance.now();
  const run = await simulateOnWorkers(o, { id, flags }, workers);
  const wallMs = Math.round(performance.now() - t0);
  if (run.interrupted) {
    process.stderr.write("bench: interrupted\n");
    process.exit(130);
  }
  const last = run.rows[run.rows.length - 1]!;
  return {
    paper,
    workers,
    sizes: o.sizes,
    runs: o.runs,
    wallMs,
    computeMs: run.rows.reduce((s, r) => s + r.ms, 0),
    perSizeMs: run.rows.map((r) => ({ N: r.N, ms: r.ms })),
    costSurplus: { lo: last.costSurplus.lo.toNumber(), hi: last.costSurplus.hi.toNumber(), float: last.costSurplusFloat },
  };
}
