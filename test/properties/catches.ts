/** The planted-bug check every claim test repeats: the search finds a counterexample, and it replays. */
import { expect } from "vitest";
import { runClaim } from "../../src/claims/run.js";
import type { AnyClaim } from "../../src/claims/types.js";

export function expectCaught(claim: AnyClaim, mutant: unknown, opts: { seed?: number; runs?: number } = {}): void {
  const r = runClaim(claim, { seed: opts.seed ?? 42, ...(opts.runs ? { runs: opts.runs } : {}), subject: mutant });
  expect(r.status).toBe("counterexample");
  expect(claim.check(claim.decode(JSON.parse(JSON.stringify(r.counterexample!.instance))), mutant).kind).toBe("violated");
}
