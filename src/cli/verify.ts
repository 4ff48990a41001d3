/** `mechcheck verify --claim ID --instance FILE`: one claim, one user instance, exactly. */
import { getClaim } from "../claims/registry.js";
import type { Json } from "../claims/types.js";
import { InputError } from "../exact/errors.js";
import { readJsonFile, writeOutput } from "./io.js";

export function runVerify(flags: { claim: string; instance: string; json?: string }): number {
  const claim = getClaim(flags.claim);
  if (!claim) throw new InputError("--claim", `unknown claim id "${flags.claim}" (see \`mechcheck list\`)`);
  const instance = claim.decode(readJsonFile(flags.instance, "--instance"));
  claim.admit?.(instance);
  const started = performance.now();
  const v = claim.check(instance, claim.defaultSubject);
  const ms = Math.round(performance.now() - started);
  const failed = v.kind === "violated" || v.kind === "outside";
  const status = v.kind === "violated" ? "counterexample" : v.kind === "outside" ? "fails-outside-hypotheses" : v.kind === "inconclusive" ? "inconclusive" : "holds";
  const hypotheses = v.kind === "outside" || v.kind === "vacuous" ? `not met: ${v.hypothesis}` : "met";
  const entry: Record<string, Json> = { id: claim.id, expect: claim.expect, status, hypotheses, cases: 1, ms };
  if (v.kind === "violated" || v.kind === "outside") entry.counterexample = { certified: true, summary: v.witness.summary, ...(v.witness.gain ? { gain: v.witness.gain } : {}), witness: v.witness.quantities };
  if (v.kind === "inconclusive") entry.reason = v.reason;
  if (v.kind === "holds") entry.basis = v.basis ?? "exact";
  if (v.kind === "holds" && v.how) entry.how = v.how;
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify({ seed: "none", claims: [entry] }, null, 2) + "\n");
  if (flags.json !== "-") {
    process.stdout.write(`${claim.id}: ${status}${hypotheses !== "met" ? ` (hypotheses ${hypotheses})` : ""}\n`);
    if (v.kind === "holds") {
      const basis = v.basis === "search" ? "search only: no violation found, NOT a proof for this instance" : "exact: a proof for this instance";
      process.stdout.write(`  basis: ${basis}${v.how ? ` (${v.how})` : ""}\n`);
    }
    if (v.kind === "violated" || v.kind === "outside") process.stdout.write(`  ${v.witness.summary}\n  ${JSON.stringify(v.witness.quantities)}\n`);
    if (v.kind === "inconclusive") process.stdout.write(`  ${v.reason}\n`);
  }
  return failed ? 1 : 0;
}
