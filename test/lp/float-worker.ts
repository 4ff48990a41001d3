/**
 * Runs javascript-lp-solver in a worker thread so that a call that never returns (its phase 1 can cycle
 * forever) costs a timeout instead of the whole test run.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Model } from "javascript-lp-solver";

const LIBRARY = createRequire(import.meta.url).resolve("javascript-lp-solver");

const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const lib = require(workerData.library);
const solver = typeof lib.Solve === "function" ? lib : lib.default;
parentPort.on("message", (model) => parentPort.postMessage(solver.Solve(model)));
`;

export class FloatWorker {
  private worker: Worker | undefined;

  /** The library's raw answer, or "timeout" (the worker is then killed and replaced on next use). */
  async solve(model: Model, timeoutMs: number): Promise<{ raw: unknown } | "timeout"> {
    const worker = (this.worker ??= new Worker(WORKER_CODE, { eval: true, workerData: { library: LIBRARY } }));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners();
        void worker.terminate();
        this.worker = undefined;
        resolve("timeout");
      }, timeoutMs);
      worker.once("message", (raw: unknown) => {
        clearTimeout(timer);
        worker.removeAllListeners("error");
        resolve({ raw });
      });
      worker.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      worker.postMessage(model);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
