/**
 * The worker side of pool.ts: `setup` runs once with the pool's init (load modules, build options),
 * then every job is answered in turn. A setup or job that throws ends the pool with its message.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { FromWorker, ToWorker } from "./pool.js";

export async function serveJobs<J, R>(setup: (init: unknown) => Promise<(job: J) => R> | ((job: J) => R)): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("serveJobs runs in a worker thread");
  const post = (m: FromWorker<R>) => port.postMessage(m);
  try {
    const answer = await setup((workerData as { init: unknown }).init);
    port.on("message", (m: ToWorker<J>) => {
      try {
        post({ type: "result", index: m.index, result: answer(m.job) });
      } catch (e) {
        post({ type: "failed", message: (e as Error).message });
      }
    });
    post({ type: "ready" });
  } catch (e) {
    post({ type: "failed", message: (e as Error).message });
  }
}
