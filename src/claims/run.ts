/**
 * Runs one claim: fast-check generates instances, the claim's exact check decides each, and the
 * first violation is shrunk by fast-check along the arbitrary. The claim's seed is derived from the
 * run seed and the claim id, so a claim gives the same result alone (--only, --shard) or in the
 * full battery.
 */
import * as fc from "fast-check";
import { simplify } from "../search/simplify.js";
import type { AnyClaim, Json, Verdict, Witness } from "./types.js";

export type Status = "holds" | "counterexample" | "fails-outside-hypotheses" | "inconclusive" | "error";

export interface Found {
  readonly instance: Json;
  readonly witness: Witness;
  /** For outside-hypotheses findings: which hypothesis failed. */
  readonly hypothesis?: string;
  /** Shrink steps fast-check took from the first failing case. */
  readonly shrinks: number;
  readonly size?: Readonly<Record<string, number>>;
  /** Where the certified counterexample was stored, once saved. */
  readonly file?: string;
  /** fast-check's counterexample path (replays the shrunk case from the claim seed). */
  readonly path?: string;
  /** Simplification steps after shrinking, and the size before them. */
  readonly simplified?: number;
  readonly sizeBefore?: Readonly<Record<string, number>>;
  /** Size of the first failing case fast-check generated, before any shrinking. */
  readonly sizeFound?: Readonly<Record<string, number>>;
}

export interface ClaimResult {
  readonly id: string;
  readonly paper: string;
  readonly expect: "holds" | "counterexample";
  readonly status: Status;
  /** `met`, or `not met: …` when only instances outside the hypotheses failed. */
  readonly hypotheses: string;
  readonly seed: number;
  /** Cases generated and decided. */
  readonly cases: number;
  /** `searchOnly`: how many of the `holds` rest on a search, not an exact complete check (Verdict.basis). */
  readonly counts: { readonly holds: number; readonly searchOnly: number; readonly vacuous: number; readonly outside: number; readonly inconclusive: number };
  readonly ms: number;
  /** Cut by the time limit before `runs` cases (never counted as a pass by itself). */
  readonly cut: boolean;
  readonly counterexample?: Found;
  readonly outside?: Found;
  readonly error?: string;
  /** Did the status meet the claim's expectation? */
  readonly met: boolean;
}

export interface RunOptions {
  readonly seed: number;
  readonly runs?: number;
  readonly timeLimitMs?: number;
  /** Subject under test (defaults to the claim's reference implementation). */
  readonly subject?: unknown;
  /** Called after each decided case with the number decided so far (progress displays; keep it cheap). */
  readonly onCase?: (cases: number) => void;
}

/** 32-bit FNV-1a of a string, for per-claim seeds. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export function claimSeed(runSeed: number, id: string): number {
  return hash32(`${runSeed}:${id}`);
}

export function meetsExpectation(expect: "holds" | "counterexample", status: Status, expectOutside = false): boolean {
  if (expect === "counterexample") return status === "counterexample";
  if (expectOutside) return status === "fails-outside-hypotheses";
  return status === "holds" || status === "fails-outside-hypotheses";
}

export function runClaim(claim: AnyClaim, opts: RunOptions): ClaimResult {
  const seed = claimSeed(opts.seed, claim.id);
  const subject = opts.subject ?? claim.defaultSubject;
  const counts = { holds: 0, searchOnly: 0, vacuous: 0, outside: 0, inconclusive: 0 };
  let outside: Found | undefined;
  let shrinking = false;
  let sizeFound: Readonly<Record<string, number>> | undefined;
  const started = performance.now();
  const decide = (inst: unknown): boolean => {
    const v: Verdict = claim.check(inst, subject);
    if (shrinking) return v.kind !== "violated";
    opts.onCase?.(counts.holds + counts.vacuous + counts.outside + counts.inconclusive + 1);
    switch (v.kind) {
      case "holds":
        counts.holds++;
        if (v.basis === "search") counts.searchOnly++;
        return true;
      case "vacuous":
        counts.vacuous++;
        return true;
      case "inconclusive":
        counts.inconclusive++;
        return true;
      case "outside":
        counts.outside++;
        if (!outside) outside = { instance: claim.encode(inst), witness: v.witness, hypothesis: v.hypothesis, shrinks: 0, size: claim.size?.(inst) };
        return true;
      case "violated":
        sizeFound = claim.size?.(inst);
        shrinking = true; // from here on fast-check is shrinking this failure
        return false;
    }
  };
  let details: fc.RunDetails<[unknown]>;
  try {
    details = fc.check(fc.property(claim.arbitrary(), decide), {
      seed,
      numRuns: opts.runs ?? claim.runs,
      ...(opts.timeLimitMs !== undefined ? { interruptAfterTimeLimit: opts.timeLimitMs, markInterruptAsFailure: false } : {}),
    });
  } catch (e) {
    return finish("error", { error: (e as Error).message });
  }
  const ms = Math.round(performance.now() - started);
  function finish(status: Status, extra: Partial<ClaimResult>): ClaimResult {
    const cases = counts.holds + counts.vacuous + counts.outside + counts.inconclusive + (status === "counterexample" ? 1 : 0);
    return {
      id: claim.id,
      paper: claim.paper,
      expect: claim.expect,
      status,
      hypotheses: status === "fails-outside-hypotheses" && outside ? `not met: ${outside.hypothesis}` : "met",
      seed,
      cases,
      counts: { ...counts },
      ms: Math.round(performance.now() - started),
      cut: false,
      met: meetsExpectation(claim.expect, status, claim.expectOutside === true),
      ...(outside ? { outside } : {}),
      ...extra,
    };
  }
  if (details.failed && details.counterexample) {
    const shrunk = details.counterexample[0];
    const { inst, simplified } = simplifyShrunk(claim, shrunk, (x) => claim.check(x, subject).kind === "violated");
    let v: Verdict;
    try {
      v = claim.check(inst, subject);
    } catch (e) {
      return finish("error", { error: `${(e as Error).message} (on instance ${JSON.stringify(claim.encode(inst))})` });
    }
    if (v.kind !== "violated") return finish("error", { error: `the shrunk counterexample no longer fails (${v.kind}): the check is not deterministic` });
    return finish("counterexample", { ms, counterexample: found(claim, { shrunk, inst, simplified, witness: v.witness, details, sizeFound }) });
  }
  if (details.failed) {
    const err: unknown = (details as { errorInstance?: unknown }).errorInstance;
    return finish("error", { error: err instanceof Error ? err.message : String(err ?? "unknown failure") });
  }
  const decided = counts.holds + counts.outside;
  const status: Status = counts.outside > 0 ? "fails-outside-hypotheses" : decided === 0 ? "inconclusive" : "holds";
  // A run cut by the time limit before its budget is never counted as a pass (fast-check would
  // report it as a success): it keeps its status and case count but does not meet the expectation.
  if (details.interrupted) return finish(status, { ms, cut: true, met: false });
  if (outside) outside = shrinkOutside(claim, subject, seed, opts, outside.size) ?? outside;
  return finish(status, { ms, ...(outside ? { outside } : {}) });
}

/**
 * An outside-hypotheses finding shrunk like a counterexample: the same seeded run again, now failing
 * at the first "outside" verdict (the same case: checks are deterministic), shrunk by fast-check
 * while it stays outside, then simplified. Undefined if the rerun does not reproduce it.
 */
function shrinkOutside(claim: AnyClaim, subject: unknown, seed: number, opts: RunOptions, sizeFound: Readonly<Record<string, number>> | undefined): Found | undefined {
  const isOutside = (x: unknown) => claim.check(x, subject).kind === "outside";
  const details = fc.check(fc.property(claim.arbitrary(), (x) => !isOutside(x)), {
    seed,
    numRuns: opts.runs ?? claim.runs,
    ...(opts.timeLimitMs !== undefined ? { interruptAfterTimeLimit: opts.timeLimitMs, markInterruptAsFailure: false } : {}),
  });
  if (!details.failed || !details.counterexample) return undefined;
  const shrunk = details.counterexample[0];
  const { inst, simplified } = simplifyShrunk(claim, shrunk, isOutside);
  const v = claim.check(inst, subject);
  if (v.kind !== "outside") return undefined;
  return { ...found(claim, { shrunk, inst, simplified, witness: v.witness, details, sizeFound }), hypothesis: v.hypothesis };
}

/** A shrunk and simplified failure as reported and stored. */
function found(claim: AnyClaim, f: { shrunk: unknown; inst: unknown; simplified: number; witness: Witness; details: fc.RunDetails<[unknown]>; sizeFound?: Readonly<Record<string, number>> | undefined }): Found {
  return {
    instance: claim.encode(f.inst),
    witness: f.witness,
    shrinks: f.details.numShrinks,
    size: claim.size?.(f.inst),
    simplified: f.simplified,
    ...(claim.size ? { sizeBefore: claim.size(f.shrunk) } : {}),
    ...(f.sizeFound ? { sizeFound: f.sizeFound } : {}),
    ...(f.details.counterexamplePath ? { path: f.details.counterexamplePath } : {}),
  };
}

/** The post-shrink simplification (best effort: on any failure the shrunk instance stands, and is re-checked by the caller). */
function simplifyShrunk(claim: AnyClaim, shrunk: unknown, stillFails: (x: unknown) => boolean): { inst: unknown; simplified: number } {
  try {
    const r = simplify(shrunk, {
      encode: (x) => claim.encode(x),
      decode: (j) => claim.decode(j),
      stillFails,
      ...(claim.reduce ? { reduce: (x: unknown) => claim.reduce!(x) } : {}),
    });
    return { inst: r.inst, simplified: r.steps };
  } catch {
    return { inst: shrunk, simplified: 0 };
  }
}
