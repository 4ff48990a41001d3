/**
 * An ordered job pool on worker threads: K workers, each booted through worker-boot.mjs (so a
 * TypeScript entry runs under tsx, plain node or vitest alike), take jobs one at a time; results come
 * back indexed, so the caller sees them in the jobs' order whatever order they finish in. SIGINT (or
 * the caller's signal) stops the pool: workers are terminated and `interrupted` is set.
 * The worker side is pool-worker.ts (`serveJobs`).
 */
import { Worker } from "node:worker_threads";
import { InputError } from "../exact/errors.js";

/** Messages of the pool protocol (both directions). */
export type ToWorker<J> = { readonly type: "job"; readonly index: number; readonly job: J };
export type FromWorker<R, P = never> =
  | { readonly type: "ready" }
  | { readonly type: "progress"; readonly index: number; readonly progress: P }
  | { readonly type: "result"; readonly index: number; readonly result: R }
  | { readonly type: "failed"; readonly message: string };

export interface PoolOptions<J, R, P = never> {
  /** The worker module (calls serveJobs). */
  readonly entry: URL;
  /** Handed to the worker's setup. */
  readonly init: unknown;
  readonly jobs: readonly J[];
  readonly workers: number;
  /** Called in the main thread as a job is handed to a worker. */
  readonly onDispatch?: (index: number) => void;
  /** Called with what a worker reports while a job runs (serveJobs' `progress`). */
  readonly onProgress?: (index: number, progress: P) => void;
  /** Called in the main thread as each result arrives. */
  readonly onResult?: (index: number, result: R) => void;
  readonly signal?: AbortSignal;
  /** The field named when a worker fails (exit 2). */
  readonly field: string;
}

export interface PoolRun<R> {
  /** By job index; undefined where the run was interrupted first. */
  readonly results: readonly (R | undefined)[];
  readonly interrupted: boolean;
}

export function runPool<J, R, P = never>(opts: PoolOptions<J, R, P>): Promise<PoolRun<R>> {
  const results: (R | undefined)[] = opts.jobs.map(() => undefined);
  const k = Math.max(1, Math.min(opts.workers, opts.jobs.length));
  const workers: Worker[] = [];
  let next = 0, finished = 0, stopped = false;
  return new Promise<PoolRun<R>>((resolve, reject) => {
    const stop = (): boolean => {
      if (stopped) return false;
      stopped = true;
      process.off("SIGINT", onInterrupt);
      opts.signal?.removeEventListener("abort", onInterrupt);
      for (const w of workers) void w.terminate();
      return true;
    };
    const done = (interrupted: boolean) => {
      if (stop()) resolve({ results, interrupted });
    };
    const fail = (message: string) => {
      if (stop()) reject(new InputError(opts.field, message));
    };
    const onInterrupt = () => done(true);
    if (opts.jobs.length === 0) {
      resolve({ results, interrupted: false });
      return;
    }
    process.on("SIGINT", onInterrupt);
    opts.signal?.addEventListener("abort", onInterrupt);
    const dispatch = (w: Worker) => {
      if (stopped || next >= opts.jobs.length) return;
      const index = next++;
      const msg: ToWorker<J> = { type: "job", index, job: opts.jobs[index] as J };
      opts.onDispatch?.(index);
      w.postMessage(msg);
    };
    for (let i = 0; i < k; i++) {
      const w = new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: { entry: opts.entry.href, init: opts.init } });
      workers.push(w);
      w.on("message", (m: FromWorker<R, P>) => {
        if (stopped) return;
        if (m.type === "ready") dispatch(w);
        else if (m.type === "progress") opts.onProgress?.(m.index, m.progress);
        else if (m.type === "failed") fail(m.message);
        else {
          results[m.index] = m.result;
          opts.onResult?.(m.index, m.result);
          if (++finished === opts.jobs.length) done(false);
          else dispatch(w);
        }
      });
      w.on("error", (e) => fail(`a worker thread failed: ${e.message.split("\n")[0]}`));
    }
  });
}
