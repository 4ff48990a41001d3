/**
 * The catalogue and the runner for library users: run any claim of the battery (or a claim of your
 * own, written as a `Claim`) against any subject, with the battery's shrinking and exact
 * simplification, from a test file.
 */
import { loadCatalogue } from "../../properties/index.js";
import { allClaims, getClaim, matchClaims } from "../claims/registry.js";
import { runClaim, type ClaimResult } from "../claims/run.js";
import type { AnyClaim } from "../claims/types.js";
import { InputError } from "../exact/errors.js";

/** Every registered claim, sorted by id. */
export function all(): AnyClaim[] {
  loadCatalogue(); // idempotent
  return allClaims();
}

/** One claim by id (undefined if there is none). */
export function get(id: string): AnyClaim | undefined {
  loadCatalogue(); // idempotent
  return getClaim(id);
}

/** Claims whose ids match a glob (`*`, `?`, comma-separated alternatives), e.g. "zhu2021.lemma*". */
export function match(glob: string): AnyClaim[] {
  loadCatalogue(); // idempotent
  return matchClaims(glob);
}

export interface CheckOptions {
  /** Run seed (default 1: library calls are reproducible unless asked otherwise). */
  readonly seed?: number;
  /** Cases (default: the claim's own budget). */
  readonly runs?: number;
  readonly timeLimitMs?: number;
  /** The implementation under test, e.g. a `MechanismFamily` of the claim's subject kind (default: the reference). */
  readonly subject?: unknown;
}

/**
 * Runs one claim: a catalogue id or your own `Claim` object. The result carries the status, the
 * counts, and for a violation the shrunk, simplified and exactly certified counterexample.
 */
export function checkClaim(claim: string | AnyClaim, opts: CheckOptions = {}): ClaimResult {
  const c = typeof claim === "string" ? get(claim) : claim;
  if (!c) throw new InputError("claim", `no claim has id "${String(claim)}"`);
  return runClaim(c, {
    seed: opts.seed ?? 1,
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.timeLimitMs !== undefined ? { timeLimitMs: opts.timeLimitMs } : {}),
    ...(opts.subject !== undefined ? { subject: opts.subject } : {}),
  });
}
