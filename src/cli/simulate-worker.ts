/** A simulate worker: rebuilds the experiment's options from the command line (and --project), then runs draws. */
import { sizeSetup, theorem1Run, type SizeSetup } from "../simulate/theorem1.js";
import { serveJobs } from "./pool-worker.js";
import { loadProjectModule } from "./project-module.js";
import { simulateOptions } from "./simulate.js";
import { toWire, type SimulateInit, type SimulateJob, type WireTotals } from "./simulate-pool.js";

await serveJobs<SimulateJob, WireTotals>(async (raw) => {
  const init = raw as SimulateInit;
  if (init.project !== undefined) await loadProjectModule(init.project);
  const o = simulateOptions(init.id, init.flags);
  const setups = new Map<number, SizeSetup>();
  return ({ N, run }) => {
    const t0 = performance.now();
    let setup = setups.get(N);
    if (!setup) setups.set(N, (setup = sizeSetup(o, N)));
    return toWire(theorem1Run(o, setup, run), performance.now() - t0);
  };
});
