/**
 * Replaying a stored counterexample from the file alone: decode the instance with the claim's
 * codec (so the instance is re-validated), re-run the claim's exact check against the recorded
 * subject, and require the same kind of failure with the same exact gain.
 */
import { getClaim } from "../claims/registry.js";
import { InputError } from "../exact/errors.js";
import { loadFamily, type FamilyLike } from "../mechanisms/plugin.js";
import type { CounterexampleFile } from "./schema.js";
import { loadCounterexample } from "./store.js";

export interface ReplayOutcome {
  readonly file: string;
  readonly claim: string;
  readonly reproduced: boolean;
  readonly detail: string;
  /** The file itself is unreadable or fails the schema (bad input, not a failed reproduction). */
  readonly corrupt?: boolean;
}

/** Subjects a stored file may name besides the claim's reference implementation. */
export type SubjectResolver = (cx: CounterexampleFile) => unknown;

export function replayData(file: string, cx: CounterexampleFile, resolve?: SubjectResolver): ReplayOutcome {
  const claim = getClaim(cx.claim);
  if (!claim) return { file, claim: cx.claim, reproduced: false, detail: `unknown claim id ${cx.claim}` };
  const subject = cx.subject === "reference" ? claim.defaultSubject : resolve?.(cx);
  if (subject === undefined) return { file, claim: cx.claim, reproduced: false, detail: `unknown subject ${cx.subject}${cx.module ? ` (module ${cx.module})` : ""}` };
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
    return { file, claim: "?", reproduced: false, corrupt: true, detail: (e as Error).message };
  }
  return replayData(file, cx, resolve);
}

/**
 * Replays a file whose subject is a hunted variant by loading the module it names (relative to the
 * working directory, as hunt recorded it); a reference file replays as with replayFile.
 */
export async function replayStored(file: string, modules = new Map<string, FamilyLike | string>()): Promise<ReplayOutcome> {
  let cx: CounterexampleFile;
  try {
    cx = loadCounterexample(file);
  } catch (e) {
    return { file, claim: "?", reproduced: false, corrupt: true, detail: (e as Error).message };
  }
  if (cx.subject === "reference" || cx.module === undefined) return replayData(file, cx);
  if (!modules.has(cx.module)) {
    try {
      modules.set(cx.module, await loadFamily(cx.module));
    } catch (e) {
      modules.set(cx.module, (e as Error).message);
    }
  }
  const family = modules.get(cx.module)!;
  if (typeof family === "string") return { file, claim: cx.claim, reproduced: false, detail: family };
  if (family.name !== cx.subject) return { file, claim: cx.claim, reproduced: false, detail: `${cx.module} now exports ${family.name}, not ${cx.subject}` };
  return replayData(file, cx, () => family);
}
