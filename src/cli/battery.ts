/**
 * Runs a list of claims on K worker threads and returns the results in the list's order, whatever
 * order they finish in, so a seed gives the same report for every K. Each claim's seed derives
 * from the run seed and its id (claims/run.ts), so a claim gives the same result on any worker, in
 * any shard. The main thread only schedules, saves and displays; that keeps it free to show live
 * progress and to stop cleanly on Ctrl-C (workers terminated, finished claims kept and saved).
 */
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { AnyClaim } from "../claims/types.js";
import type { ClaimResult } from "../claims/run.js";
import { InputError } from "../exact/errors.js";
import type { RunRequest, WorkerInit, WorkerMessage } from "./battery-protocol.js";
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

export function runBattery(claims: readonly AnyClaim[], opts: BatteryOptions): Promise<BatteryRun> {
  const results: (ClaimResult | undefined)[] = claims.map(() => undefined);
  const k = Math.max(1, Math.min(opts.workers, claims.length));
  let next = 0;
  let finished = 0;
  let stopped = false;
  const workers: Worker[] = [];
  opts.progress?.start(claims.length);

  return new Promise<BatteryRun>((resolve, reject) => {
    // Both ways out release the signal handlers and the workers once.
    const stop = (interrupted: boolean): boolean => {
      if (stopped) return false;
      stopped = true;
      process.off("SIGINT", onSigint);
      opts.signal?.removeEventListener("abort", onAbort);
      for (const w of workers) void w.terminate();
      opts.progress?.stop(interrupted);
      return true;
    };
    const done = (interrupted: boolean) => {
      if (!stop(interrupted)) return;
      resolve({
        results: results.filter((r): r is ClaimResult => r !== undefined),
        notRun: claims.filter((_, i) => results[i] === undefined).map((c) => c.id),
        interrupted,
      });
    };
    const fail = (message: string) => {
      if (!stop(true)) return;
      reject(new InputError(opts.module !== undefined ? "--module" : "worker", message));
    };
    const onSigint = () => done(true);
    const onAbort = () => done(true);
    process.on("SIGINT", onSigint);
    opts.signal?.addEventListener("abort", onAbort);

    const dispatch = (w: Worker) => {
      if (stopped) return;
      if (next >= claims.length) return;
      const index = next++;
      const req: RunRequest = {
        type: "run",
        index,
        id: claims[index]!.id,
        seed: opts.seed,
        ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
        ...(opts.timeLimitMs !== undefined ? { timeLimitMs: opts.timeLimitMs } : {}),
      };
      opts.progress?.begin(index, claims[index]!.id);
      w.postMessage(req);
    };

    const init: WorkerInit = { entry: new URL("./battery-worker.ts", import.meta.url).href, ...(opts.module !== undefined ? { module: opts.module } : {}) };
    for (let i = 0; i < k; i++) {
      const w = new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: init });
      workers.push(w);
      w.on("message", (m: WorkerMessage) => {
        if (stopped) return;
        switch (m.type) {
          case "ready":
            dispatch(w);
            return;
          case "progress":
            opts.progress?.cases(m.index, m.cases);
            return;
          case "result": {
            const claim = claims[m.index]!;
            const r = opts.onResult ? opts.onResult(claim, m.result) : m.result;
            results[m.index] = r;
            opts.progress?.end(m.index, r);
            finished++;
            if (finished === claims.length) done(false);
            else dispatch(w);
            return;
          }
          case "failed":
            fail(m.message);
            return;
        }
      });
      w.on("error", (e) => fail(`a worker thread failed: ${e.message.split("\n")[0]}`));
    }
  });
}
