/** Turning a runner result into a stored certificate (the bridge between claims and the store). */
import type { ClaimResult } from "../claims/run.js";
import type { AnyClaim, Json } from "../claims/types.js";
import type { CounterexampleFile } from "./schema.js";
import { saveCounterexample } from "./store.js";

export const VERSION = "0.1.0";

export function toFile(claim: AnyClaim, r: ClaimResult, subject = "reference"): CounterexampleFile | undefined {
  const cx = r.counterexample;
  if (!cx) return undefined;
  return {
    claim: claim.id,
    paper: claim.paper,
    kind: "violated",
    expect: claim.expect,
    subject,
    instance: cx.instance,
    ...(cx.witness.deviation !== undefined ? { deviation: cx.witness.deviation as Json } : {}),
    witness: { summary: cx.witness.summary, ...(cx.witness.gain !== undefined ? { gain: cx.witness.gain } : {}), quantities: cx.witness.quantities as Record<string, Json> },
    found: { seed: r.seed, ...(cx.path ? { path: cx.path } : {}), runs: r.cases, shrinks: cx.shrinks, version: VERSION },
    note: claim.note ?? claim.statement,
    ...(cx.size ? { size: { ...cx.size } } : {}),
  };
}

/** Saves a result's counterexample and returns the result with its file recorded. */
export function saveResult(dir: string, claim: AnyClaim, r: ClaimResult): ClaimResult {
  const f = toFile(claim, r);
  if (!f || !r.counterexample) return r;
  const { file } = saveCounterexample(dir, f);
  return { ...r, counterexample: { ...r.counterexample, file } };
}
