/**
 * `simulate` on worker threads: one job per (N, run), largest N first (they dominate, so the pool
 * ends evenly), results regrouped by size in run order. The totals are exact rationals and the row of
 * a size is their sum, so the report is the same for every worker count (the ms column aside).
 */
import { parseQ } from "../exact/rational.js";
import { sizeResult, sizeSetup, type RunTotals, type SizeResult, type Theorem1Options } from "../simulate/theorem1.js";
import { runPool } from "./pool.js";
import type { SimulateFlags } from "./simulate.js";

export interface SimulateInit {
  readonly id: string;
  readonly flags: SimulateFlags;
  readonly project?: string;
}
export interface SimulateJob {
  readonly N: number;
  readonly run: number;
}
/** RunTotals with its rationals as strings (structured clone cannot carry Q), and the job's time. */
export interface WireTotals {
  readonly inStar: boolean;
  readonly sEff: string;
  readonly sMech: string;
  readonly cLo: string;
  readonly cHi: string;
  readonly cUnlinked: string;
  readonly uncertified: number;
  readonly ms: number;
}

export function toWire(r: RunTotals, ms: number): WireTotals {
  return { inStar: r.inStar, sEff: r.sEff.toString(), sMech: r.sMech.toString(), cLo: r.cLo.toString(), cHi: r.cHi.toString(), cUnlinked: r.cUnlinked.toString(), uncertified: r.uncertified, ms };
}

function fromWire(w: WireTotals): RunTotals {
  return { inStar: w.inStar, sEff: parseQ(w.sEff), sMech: parseQ(w.sMech), cLo: parseQ(w.cLo), cHi: parseQ(w.cHi), cUnlinked: parseQ(w.cUnlinked), uncertified: w.uncertified };
}

export async function simulateOnWorkers(o: Theorem1Options, init: SimulateInit, workers: number, onSize?: (r: SizeResult) => void): Promise<{ rows: SizeResult[]; interrupted: boolean }> {
  // each distinct N once (a repeated size draws the same runs: its row is the same), largest first
  const order = [...new Set(o.sizes)].sort((a, b) => b - a);
  const jobs: SimulateJob[] = order.flatMap((N) => Array.from({ length: o.runs }, (_, run) => ({ N, run })));
  const pending = new Map<number, number>(o.sizes.map((N) => [N, 0]));
  const byJob: (WireTotals | undefined)[] = jobs.map(() => undefined);
  // each size's row is built once, when its last run arrives (exact sums over big rationals)
  const rows = new Map<number, SizeResult>();
  const rowOf = (N: number): SizeResult => {
    let row = rows.get(N);
    if (!row) {
      const mine = jobs.flatMap((j, i) => (j.N === N ? [byJob[i] as WireTotals] : []));
      rows.set(N, (row = sizeResult(sizeSetup(o, N), mine.map(fromWire), mine.reduce((s, w) => s + w.ms, 0))));
    }
    return row;
  };
  const run = await runPool<SimulateJob, WireTotals>({
    entry: new URL("./simulate-worker.ts", import.meta.url),
    init,
    jobs,
    workers,
    field: init.project !== undefined ? "--project" : "worker",
    onResult: (i, r) => {
      byJob[i] = r;
      const N = (jobs[i] as SimulateJob).N;
      const done = (pending.get(N) as number) + 1;
      pending.set(N, done);
      if (done === o.runs) onSize?.(rowOf(N));
    },
  });
  if (run.interrupted) return { rows: [], interrupted: true };
  return { rows: o.sizes.map(rowOf), interrupted: false };
}

