/** Messages between the battery's main thread and its worker threads (structured-clone plain data). */
import type { ClaimResult } from "../claims/run.js";

export interface WorkerInit {
  /** file: URL of battery-worker.ts, imported by the boot script once tsx is registered. */
  readonly entry: string;
  /** hunt: the user's module, loaded by every worker (a function cannot cross threads). */
  readonly module?: string;
}

export interface RunRequest {
  readonly type: "run";
  readonly index: number;
  readonly id: string;
  readonly seed: number;
  readonly runs?: number;
  readonly timeLimitMs?: number;
}

export type WorkerMessage =
  | { readonly type: "ready" }
  | { readonly type: "progress"; readonly index: number; readonly cases: number }
  | { readonly type: "result"; readonly index: number; readonly result: ClaimResult }
  | { readonly type: "failed"; readonly message: string };
