/** What the battery's main thread and its worker threads exchange through the pool (pool.ts): structured-clone plain data. */

/** Handed to every worker once. */
export interface BatteryInit {
  /** hunt: the user's module, loaded by every worker (a function cannot cross threads). */
  readonly module?: string;
}

/** One claim to run; the worker reports its case count as progress and returns the ClaimResult. */
export interface BatteryJob {
  readonly id: string;
  readonly seed: number;
  readonly runs?: number;
  readonly timeLimitMs?: number;
}
