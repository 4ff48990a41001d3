/**
 * Runs a list of claims on K worker threads and returns the results in the list's order, whatever
 * order they finish in, so a seed gives the same report for every K. Each claim's seed derives
 * from the run seed and its id (claims/run.ts), so a claim gives the same result on any worker, in
 * any shard. The main thread only schedules, saves and displays; that keeps it free to show live
 * progress and to stop cleanly on Ctrl-C (workers terminated, finished claims kept and saved).
 */
import { availableParallelism } from "node:os";
import type { AnyClaim } from "../claims/types.js";
import type { ClaimResult } from "../claims/run.js";
import { InputError } from "../exact/errors.js";
import type { BatteryInit, BatteryJob } from "./battery-protocol.js";
import { runPool } from "./pool.js";
import type { Progress } from "./progress.js";

export interface BatteryOptions {
  readonly seed: number;
  readonly runs?: number;
  readonly timeLimitMs?: number;
  readonly workers: number;
  /** hunt: the module each worker loads as the subject. */
  readonly module?: string;
  /** Called in the main thread as each result arrives (e.g. to save its counterexample); returns the result to keep. */
  readonly onResult?: (claim: AnyClaim, r: ClaimResult) => ClaimResult;
  readonly progress?: Progress;
  /** Stop early (tests); otherwise SIGINT stops the run. */
  readonly signal?: AbortSignal;
}

export interface BatteryRun {
  /** One entry per finished claim, in the order of the claims given. */
  readonly results: ClaimResult[];
  /** Ids of claims not finished because the run was interrupted. */
  readonly notRun: string[];
  readonly interrupted: boolean;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export function parseWorkers(s: string | undefined): number {
  if (s === undefined) return defaultWorkers();
  if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 64) throw new InputError("--workers", `expected an integer from 1 to 64, got "${s}"`);
  return Number(s);
}

export async function runBattery(claims: readonly AnyClaim[], opts: BatteryOptions): Promise<BatteryRun> {
  const results: (ClaimResult | undefined)[] = claims.map(() => undefined);
  const jobs: BatteryJob[] = claims.map((c) => ({
    id: c.id,
    seed: opts.seed,
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.timeLimitMs !== undefined ? { timeLimitMs: opts.timeLimitMs } : {}),
  }));
  opts.progress?.start(claims.length);
  let run: Awaited<ReturnType<typeof runPool>>;
  try {
    run = await runPool<BatteryJob, ClaimResult, number>({
      entry: new URL("./battery-worker.ts", import.meta.url),
      init: { ...(opts.module !== undefined ? { module: opts.module } : {}) } satisfies BatteryInit,
      jobs,
      workers: opts.workers,
      field: opts.module !== undefined ? "--module" : "worker",
      ...(opts.signal !== undefined ? { signal: opts.signal } : {}),
      onDispatch: (index) => opts.progress?.begin(index, claims[index]!.id),
      onProgress: (index, cases) => opts.progress?.cases(index, cases),
      onResult: (index, result) => {
        const r = opts.onResult ? opts.onResult(claims[index]!, result) : result;
        results[index] = r;
        opts.progress?.end(index, r);
      },
    });
  } catch (e) {
    opts.progress?.stop(true);
    throw e;
  }
  opts.progress?.stop(run.interrupted);
  return {
    results: results.filter((r): r is ClaimResult => r !== undefined),
    notRun: claims.filter((_, i) => results[i] === undefined).map((c) => c.id),
    interrupted: run.interrupted,
  };
}
