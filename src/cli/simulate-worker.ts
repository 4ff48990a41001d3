/** A simulate worker: rebuilds the experiment from the command line (and --project), then runs draws. */
import { serveJobs } from "./pool-worker.js";
import { loadProjectModule } from "./project-module.js";
import { experimentFor } from "./simulate-experiments.js";
import type { SimulateInit, SimulateJob, WireResult } from "./simulate-pool.js";

await serveJobs<SimulateJob, WireResult<unknown>>(async (raw) => {
  const init = raw as SimulateInit;
  if (init.project !== undefined) await loadProjectModule(init.project);
  const { experiment, codec } = experimentFor(init.id, init.flags);
  const setups = new Map<number, unknown>();
  return ({ size, run }) => {
    const t0 = performance.now();
    let setup = setups.get(size);
    if (setup === undefined) setups.set(size, (setup = experiment.setup(size)));
    return { totals: codec.encode(experiment.run(setup, run)), ms: performance.now() - t0 };
  };
});
