/** Turning a runner result into a stored certificate (the bridge between claims and the store). */
import type { ClaimResult } from "../claims/run.js";
import type { AnyClaim, Json } from "../claims/types.js";
import type { CounterexampleFile } from "./schema.js";
import { existsSync, readdirSync } from "node:fs";
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

/** Stored files of a claim (by name prefix). */
export function storedFor(dir: string, id: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.startsWith(`${id}-`) && f.endsWith(".json"));
}

/**
 * Saves a result's counterexample and returns the result with its file recorded. A claim whose
 * refutation is already known (expect: counterexample, with a stored file) is not stored again from
 * every fresh seed; a counterexample to a claim expected to hold is always stored.
 */
export function saveResult(dir: string, claim: AnyClaim, r: ClaimResult): ClaimResult {
  const f = toFile(claim, r);
  if (!f || !r.counterexample) return r;
  if (claim.expect === "counterexample" && storedFor(dir, claim.id).length > 0) return r;
  const { file } = saveCounterexample(dir, f);
  return { ...r, counterexample: { ...r.counterexample, file } };
}
