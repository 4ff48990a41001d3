/** The planted-bug check every claim test repeats: the search finds a counterexample, and it replays. */
import { expect } from "vitest";
import { runClaim } from "../../src/claims/run.js";
import type { AnyClaim } from "../../src/claims/types.js";

export function expectCaught(claim: AnyClaim, mutant: unknown, opts: { seed?: number; runs?: number } = {}): void {
  const r = runClaim(claim, { seed: opts.seed ?? 42, ...(opts.runs ? { runs: opts.runs } : {}), subject: mutant });
  expect(r.status).toBe("counterexample");
  expect(claim.check(claim.decode(JSON.parse(JSON.stringify(r.counterexample!.instance))), mutant).kind).toBe("violated");
}

/** The claim meets its catalogue expectation from a fixed seed, without a counterexample. */
export function expectMet(claim: AnyClaim, seed = 42): void {
  const r = runClaim(claim, { seed });
  expect(r.error).toBeUndefined();
  expect(r.met).toBe(true);
  expect(r.status).not.toBe("counterexample");
}
