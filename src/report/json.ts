/** The JSON result of `check` (INTERFACE.md), deterministic for a given seed apart from `ms`. */
import type { ClaimResult } from "../claims/run.js";
import type { Json } from "../claims/types.js";

export interface CheckReport {
  readonly seed: string;
  readonly claims: readonly ClaimResult[];
}

export function claimJson(r: ClaimResult): Json {
  const out: Record<string, Json> = {
    id: r.id,
    paper: r.paper,
    expect: r.expect,
    status: r.status,
    met: r.met,
    hypotheses: r.hypotheses,
    cases: r.cases,
    counts: { ...r.counts },
    cut: r.cut,
    seed: r.seed,
    ms: r.ms,
  };
  if (r.counterexample) {
    out.counterexample = {
      ...(r.counterexample.file ? { file: r.counterexample.file } : {}),
      ...(r.counterexample.witness.gain !== undefined ? { gain: r.counterexample.witness.gain } : {}),
      certified: true,
      summary: r.counterexample.witness.summary,
      shrinks: r.counterexample.shrinks,
      instance: r.counterexample.instance,
      witness: r.counterexample.witness.quantities,
    };
  }
  if (r.outside) out.outside = { hypothesis: r.outside.hypothesis ?? "", summary: r.outside.witness.summary, instance: r.outside.instance };
  if (r.error) out.error = r.error;
  return out;
}

export function reportJson(rep: CheckReport): string {
  return JSON.stringify({ seed: rep.seed, claims: rep.claims.map(claimJson) }, null, 2) + "\n";
}
