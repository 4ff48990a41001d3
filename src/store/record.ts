/** Turning a runner result into a stored certificate (the bridge between claims and the store). */
import type { ClaimResult } from "../claims/run.js";
import type { AnyClaim, Json } from "../claims/types.js";
import type { CounterexampleFile } from "./schema.js";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadCounterexample, saveCounterexample } from "./store.js";

export const VERSION = "0.1.0";

/** Who the counterexample was found against: the reference, or a hunted variant and the module that exports it. */
export interface SubjectRef {
  readonly name: string;
  readonly module?: string;
}

const REFERENCE: SubjectRef = { name: "reference" };

export function toFile(claim: AnyClaim, r: ClaimResult, subject: SubjectRef = REFERENCE, kind: "violated" | "outside" = "violated"): CounterexampleFile | undefined {
  const cx = kind === "violated" ? r.counterexample : r.outside;
  if (!cx) return undefined;
  return {
    claim: claim.id,
    paper: claim.paper,
    kind,
    ...(kind === "outside" && cx.hypothesis ? { hypothesis: cx.hypothesis } : {}),
    expect: claim.expect,
    subject: subject.name,
    ...(subject.module !== undefined ? { module: subject.module } : {}),
    instance: cx.instance,
    ...(cx.witness.deviation !== undefined ? { deviation: cx.witness.deviation as Json } : {}),
    witness: { summary: cx.witness.summary, ...(cx.witness.gain !== undefined ? { gain: cx.witness.gain } : {}), quantities: cx.witness.quantities as Record<string, Json> },
    found: { seed: r.seed, ...(cx.path ? { path: cx.path } : {}), runs: r.cases, shrinks: cx.shrinks, ...(cx.simplified !== undefined ? { simplified: cx.simplified } : {}), version: VERSION },
    note: claim.note ?? claim.statement,
    ...(cx.size ? { size: { ...cx.size } } : {}),
    ...(cx.sizeFound ? { sizeFound: { ...cx.sizeFound } } : {}),
    ...(cx.sizeBefore ? { sizeShrunk: { ...cx.sizeBefore } } : {}),
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
export function saveResult(dir: string, claim: AnyClaim, r: ClaimResult, subject: SubjectRef = REFERENCE): ClaimResult {
  if (r.counterexample) {
    const f = toFile(claim, r, subject)!;
    if (claim.expect === "counterexample" && storedFor(dir, claim.id).length > 0) return r;
    const { file } = saveCounterexample(dir, f);
    return { ...r, counterexample: { ...r.counterexample, file } };
  }
  // A finding outside the hypotheses is stored once per claim: fresh seeds do not add more.
  if (r.outside && !storedKinds(dir, claim.id).includes("outside")) {
    const { file } = saveCounterexample(dir, toFile(claim, r, subject, "outside")!);
    return { ...r, outside: { ...r.outside, file } };
  }
  return r;
}

/** The kinds ("violated" / "outside") of a claim's stored files that parse. */
function storedKinds(dir: string, id: string): string[] {
  return storedFor(dir, id).flatMap((f) => {
    try {
      return [loadCounterexample(join(dir, f)).kind];
    } catch {
      return [];
    }
  });
}
