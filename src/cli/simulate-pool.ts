/**
 * `simulate` on worker threads: one job per (size, run), largest size first (they dominate, so the
 * pool ends evenly), results regrouped by size in run order. Run totals are exact rationals and a
 * size's row is built from them in run order, so the report is the same for every worker count (the
 * ms column aside). Any experiment (src/simulate/experiment.ts) with a codec runs here; the worker
 * rebuilds it from the command line (simulate-worker.ts → experimentFor).
 */
import { runInThread, type Codec, type Experiment } from "../simulate/experiment.js";
import { runPool } from "./pool.js";
import type { SimulateFlags } from "./simulate-flags.js";

export interface SimulateInit {
  readonly id: string;
  readonly flags: SimulateFlags;
  readonly project?: string;
}
export interface SimulateJob {
  readonly size: number;
  readonly run: number;
}
/** A run's encoded totals and its compute time. */
export interface WireResult<W> {
  readonly totals: W;
  readonly ms: number;
}

export async function simulateOnWorkers<S, T, R, W>(e: Experiment<S, T, R>, codec: Codec<T, W>, init: SimulateInit, workers: number, onSize?: (r: R) => void): Promise<{ rows: R[]; interrupted: boolean }> {
  // each distinct size once (a repeated size draws the same runs: its row is the same), largest first
  const order = [...new Set(e.sizes)].sort((a, b) => b - a);
  const jobs: SimulateJob[] = order.flatMap((size) => Array.from({ length: e.runs }, (_, run) => ({ size, run })));
  const pending = new Map<number, number>(e.sizes.map((size) => [size, 0]));
  const byJob: (WireResult<W> | undefined)[] = jobs.map(() => undefined);
  // each size's row is built once, when its last run arrives (exact sums over big rationals)
  const rows = new Map<number, R>();
  const rowOf = (size: number): R => {
    let row = rows.get(size);
    if (row === undefined) {
      const mine = jobs.flatMap((j, i) => (j.size === size ? [byJob[i] as WireResult<W>] : []));
      row = e.row(e.setup(size), mine.map((w) => codec.decode(w.totals)), mine.reduce((s, w) => s + w.ms, 0));
      rows.set(size, row);
    }
    return row;
  };
  const run = await runPool<SimulateJob, WireResult<W>>({
    entry: new URL("./simulate-worker.ts", import.meta.url),
    init,
    jobs,
    workers,
    field: init.project !== undefined ? "--project" : "worker",
    onResult: (i, r) => {
      byJob[i] = r;
      const size = (jobs[i] as SimulateJob).size;
      const done = (pending.get(size) as number) + 1;
      pending.set(size, done);
      if (done === e.runs) onSize?.(rowOf(size));
    },
  });
  if (run.interrupted) return { rows: [], interrupted: true };
  return { rows: e.sizes.map(rowOf), interrupted: false };
}

/** In this thread (workers = 1) or on worker threads: the same rows either way. */
export async function runExperiment<S, T, R, W>(e: Experiment<S, T, R>, codec: Codec<T, W>, init: SimulateInit, workers: number, onSize?: (r: R) => void): Promise<{ rows: R[]; interrupted: boolean }> {
  return workers === 1 ? { rows: runInThread(e, onSize), interrupted: false } : simulateOnWorkers(e, codec, init, workers, onSize);
}

/** runExperiment, timed; null (after saying so on stderr, as `who`) when interrupted — the caller exits 130 and writes nothing. */
export async function runTimed<S, T, R, W>(e: Experiment<S, T, R>, codec: Codec<T, W>, init: SimulateInit, workers: number, onSize?: (r: R) => void, who = "simulate: interrupted; nothing written"): Promise<{ rows: R[]; wallMs: number } | null> {
  const t0 = performance.now();
  const run = await runExperiment(e, codec, init, workers, onSize);
  if (run.interrupted) {
    process.stderr.write(`${who}\n`);
    return null;
  }
  return { rows: run.rows, wallMs: Math.round(performance.now() - t0) };
}
