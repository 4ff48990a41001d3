/**
 * A battery worker thread: loads the catalogue (and a hunted module) once, then runs the claims the
 * main thread sends, one at a time, posting progress and each result.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadCatalogue } from "../../properties/index.js";
import { getClaim } from "../claims/registry.js";
import { runClaim } from "../claims/run.js";
import type { RunRequest, WorkerInit, WorkerMessage } from "./battery-protocol.js";
import { loadFamily } from "../mechanisms/plugin.js";

const port = parentPort!;
const init = workerData as WorkerInit;
const post = (m: WorkerMessage) => port.postMessage(m);

try {
  loadCatalogue();
  const subject = init.module !== undefined ? await loadFamily(init.module) : undefined;
  port.on("message", (req: RunRequest) => {
    const claim = getClaim(req.id);
    if (!claim) {
      post({ type: "failed", message: `unknown claim ${req.id}` });
      return;
    }
    let last = 0;
    const onCase = (cases: number) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      post({ type: "progress", index: req.index, cases });
    };
    const result = runClaim(claim, {
      seed: req.seed,
      onCase,
      ...(subject !== undefined ? { subject } : {}),
      ...(req.runs !== undefined ? { runs: req.runs } : {}),
      ...(req.timeLimitMs !== undefined ? { timeLimitMs: req.timeLimitMs } : {}),
    });
    post({ type: "result", index: req.index, result });
  });
  post({ type: "ready" });
} catch (e) {
  post({ type: "failed", message: (e as Error).message });
}
