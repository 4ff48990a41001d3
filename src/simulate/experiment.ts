/**
 * An asymptotic experiment as plain data flow: for each size, one setup (what every run of that size
 * shares), independent runs (each a pure function of the setup and the run number, so runs can go to
 * any thread in any order), and a row built from the runs' totals in run order. theorem1.ts and
 * theorem2.ts implement it; the CLI runs it in this thread or on workers (cli/simulate-pool.ts) with
 * the same result.
 */
export interface Experiment<Setup, Totals, Row> {
  readonly sizes: readonly number[];
  readonly runs: number;
  setup(size: number): Setup;
  run(setup: Setup, run: number): Totals;
  row(setup: Setup, runs: readonly Totals[], ms: number): Row;
}

/** A run's totals across a thread boundary (structured clone cannot carry exact rationals). */
export interface Codec<Totals, Wire> {
  encode(t: Totals): Wire;
  decode(w: Wire): Totals;
}

/** Size after size on this thread; `onSize` sees each row as it is done. */
export function runInThread<S, T, R>(e: Experiment<S, T, R>, onSize?: (row: R) => void): R[] {
  return e.sizes.map((size) => {
    const t0 = performance.now();
    const setup = e.setup(size);
    const runs = Array.from({ length: e.runs }, (_, run) => e.run(setup, run));
    const row = e.row(setup, runs, performance.now() - t0);
    onSize?.(row);
    return row;
  });
}
