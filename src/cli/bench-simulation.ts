/**
 * `bench --simulation`: the Theorem 1 simulation exactly as `mechcheck simulate` runs it (sizes
 * 2..256, 20 runs each, on worker threads), timed end to end. Baseline from the same run: the compute
 * time summed over all runs, i.e. what one thread would need.
 */
import { theorem1Codec, theorem1Experiment } from "../simulate/theorem1.js";
import { theorem2Codec, theorem2Experiment } from "../simulate/theorem2.js";
import { simulateOptions, theorem2Options } from "./simulate-experiments.js";
import type { SimulateFlags } from "./simulate-flags.js";
import { runTimed, type SimulateInit } from "./simulate-pool.js";
import type { Codec, Experiment } from "../simulate/experiment.js";

/** An experiment on `workers` threads, timed; an interrupt ends the bench (exit 130). */
async function timedOnWorkers<S, T, R, W>(e: Experiment<S, T, R>, codec: Codec<T, W>, init: SimulateInit, workers: number): Promise<{ rows: R[]; wallMs: number }> {
  const done = await runTimed(e, codec, init, workers, undefined, "bench: interrupted");
  if (done === null) process.exit(130);
  return done;
}

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
  const { rows, wallMs } = await timedOnWorkers(theorem1Experiment(o), theorem1Codec, { id, flags }, workers);
  const last = rows[rows.length - 1]!;
  return {
    paper,
    workers,
    sizes: o.sizes,
    runs: o.runs,
    wallMs,
    computeMs: rows.reduce((s, r) => s + r.ms, 0),
    perSizeMs: rows.map((r) => ({ N: r.N, ms: r.ms })),
    costSurplus: { lo: last.costSurplus.lo.toNumber(), hi: last.costSurplus.hi.toNumber(), float: last.costSurplusFloat },
  };
}

export interface Theorem2FullBench {
  readonly workers: number;
  readonly wallMs: number;
  readonly computeMs: number;
  readonly perSizeMs: readonly { k: number; T: number; ms: number }[];
  /** The largest k's cost/surplus (Monte Carlo mean, each run exact) and P(all truthful). */
  readonly costSurplus: number | null;
  readonly pAll: number;
}

/** `mechcheck simulate zhu2021.theorem2` with its defaults (k = 2..64, 20 runs), on worker threads. */
export async function benchFullTheorem2(workers: number, seed: number): Promise<Theorem2FullBench> {
  const flags: SimulateFlags = { seed: String(seed) };
  const o = theorem2Options(flags);
  const { rows, wallMs } = await timedOnWorkers(theorem2Experiment(o), theorem2Codec, { id: "zhu2021.theorem2", flags }, workers);
  const last = rows[rows.length - 1]!;
  return { workers, wallMs, computeMs: rows.reduce((s, r) => s + r.ms, 0), perSizeMs: rows.map((r) => ({ k: r.k, T: r.T, ms: r.ms })), costSurplus: last.costSurplus?.toNumber() ?? null, pAll: last.pAll.toNumber() };
}
