/**
 * Replaying a stored counterexample from the file alone: decode the instance with the claim's
 * codec (so the instance is re-validated), re-run the claim's exact check against the recorded
 * subject, and require the same kind of failure with the same exact gain.
 */
import { getClaim } from "../claims/registry.js";
import { InputError } from "../exact/errors.js";
import type { CounterexampleFile } from "./schema.js";
import { loadCounterexample } from "./store.js";

export interface ReplayOutcome {
  readonly file: string;
  readonly claim: string;
  readonly reproduced: boolean;
  readonly detail: string;
}

/** Subjects a stored file may name besides the claim's reference implementation. */
export type SubjectResolver = (claimId: string, subject: string) => unknown;

export function replayData(file: string, cx: CounterexampleFile, resolve?: SubjectResolver): ReplayOutcome {
  const claim = getClaim(cx.claim);
  if (!claim) return { file, claim: cx.claim, reproduced: false, detail: `unknown claim id ${cx.claim}` };
  const subject = cx.subject === "reference" ? claim.defaultSubject : resolve?.(cx.claim, cx.subject);
  if (subject === undefined) return { file, claim: cx.claim, reproduced: false, detail: `unknown subject ${cx.subject}` };
  let instance: unknown;
  try {
    instance = claim.decode(cx.instance);
  } catch (e) {
    const msg = e instanceof InputError ? e.message : (e as Error).message;
    return { file, claim: cx.claim, reproduced: false, detail: `the stored instance no longer decodes: ${msg}` };
  }
  const v = claim.check(instance, subject);
  if (v.kind !== cx.kind) return { file, claim: cx.claim, reproduced: false, detail: `expected ${cx.kind}, the check now says ${v.kind}` };
  const gain = v.kind === "violated" || v.kind === "outside" ? v.witness.gain : undefined;
  if (cx.witness.gain !== undefined && gain !== cx.witness.gain) {
    return { file, claim: cx.claim, reproduced: false, detail: `gain changed: stored ${cx.witness.gain}, now ${gain ?? "none"}` };
  }
  return { file, claim: cx.claim, reproduced: true, detail: v.kind === "violated" || v.kind === "outside" ? v.witness.summary : "" };
}

export function replayFile(file: string, resolve?: SubjectResolver): ReplayOutcome {
  let cx: CounterexampleFile;
  try {
    cx = loadCounterexample(file);
  } catch (e) {
    return { file, claim: "?", reproduced: false, detail: (e as Error).message };
  }
  return replayData(file, cx, resolve);
}
