/**
 * The worker side of pool.ts: `setup` runs once with the pool's init (load modules, build options),
 * then every job is answered in turn; an answer may report progress while it runs. A setup or job
 * that throws ends the pool with its message.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { FromWorker, ToWorker } from "./pool.js";

export async function serveJobs<J, R, P = never>(setup: (init: unknown) => Promise<(job: J, progress: (p: P) => void) => R> | ((job: J, progress: (p: P) => void) => R)): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("serveJobs runs in a worker thread");
  const post = (m: FromWorker<R, P>) => port.postMessage(m);
  try {
    const answer = await setup((workerData as { init: unknown }).init);
    port.on("message", (m: ToWorker<J>) => {
      try {
        post({ type: "result", index: m.index, result: answer(m.job, (progress) => post({ type: "progress", index: m.index, progress })) });
      } catch (e) {
        post({ type: "failed", message: (e as Error).message });
      }
    });
    post({ type: "ready" });
  } catch (e) {
    post({ type: "failed", message: (e as Error).message });
  }
}
