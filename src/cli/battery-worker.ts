/**
 * A battery worker thread: loads the catalogue (and a hunted module) once, then runs the claims the
 * main thread sends, one at a time, reporting the case count (at most every 200 ms) and each result.
 */
import { loadCatalogue } from "../../properties/index.js";
import { getClaim } from "../claims/registry.js";
import { runClaim, type ClaimResult } from "../claims/run.js";
import { loadFamily } from "../mechanisms/plugin.js";
import type { BatteryInit, BatteryJob } from "./battery-protocol.js";
import { serveJobs } from "./pool-worker.js";

await serveJobs<BatteryJob, ClaimResult, number>(async (raw) => {
  const init = raw as BatteryInit;
  loadCatalogue();
  const subject = init.module !== undefined ? await loadFamily(init.module) : undefined;
  return (job, progress) => {
    const claim = getClaim(job.id);
    if (!claim) throw new Error(`unknown claim ${job.id}`);
    let last = 0;
    const onCase = (cases: number) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      progress(cases);
    };
    return runClaim(claim, {
      seed: job.seed,
      onCase,
      ...(subject !== undefined ? { subject } : {}),
      ...(job.runs !== undefined ? { runs: job.runs } : {}),
      ...(job.timeLimitMs !== undefined ? { timeLimitMs: job.timeLimitMs } : {}),
    });
  };
});
