/** The JSON result of `check` (INTERFACE.md), deterministic for a given seed apart from `ms`. */
import type { ClaimResult, Found } from "../claims/run.js";
import { z } from "zod";
import type { Json } from "../claims/types.js";

export interface CheckReport {
  readonly seed: string;
  readonly claims: readonly ClaimResult[];
  /** Claims not finished because the run was interrupted (Ctrl-C); absent on a complete run. */
  readonly notRun?: readonly string[];
}

/** Instance sizes as found, after fast-check's shrinking, and after simplification (when the claim measures size). */
function sizes(f: Found): { sizes?: Json } {
  if (!f.size) return {};
  return { sizes: { ...(f.sizeFound ? { found: { ...f.sizeFound } } : {}), ...(f.sizeBefore ? { shrunk: { ...f.sizeBefore } } : {}), simplified: { ...f.size } } };
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
      simplifySteps: r.counterexample.simplified ?? 0,
      ...sizes(r.counterexample),
      instance: r.counterexample.instance,
      witness: r.counterexample.witness.quantities,
    };
  }
  if (r.outside) out.outside = { hypothesis: r.outside.hypothesis ?? "", summary: r.outside.witness.summary, ...(r.outside.file ? { file: r.outside.file } : {}), instance: r.outside.instance };
  if (r.error) out.error = r.error;
  return out;
}

export function reportJson(rep: CheckReport): string {
  const interrupted = rep.notRun !== undefined && rep.notRun.length > 0 ? { interrupted: true, notRun: [...rep.notRun] } : {};
  return JSON.stringify({ seed: rep.seed, ...interrupted, claims: rep.claims.map(claimJson) }, null, 2) + "\n";
}

const count = z.number().int().min(0);
const sizeSchema = z.record(z.string(), z.number());
const claimEntry = z.object({
  id: z.string().min(1),
  paper: z.string().min(1),
  expect: z.enum(["holds", "counterexample"]),
  status: z.enum(["holds", "counterexample", "fails-outside-hypotheses", "inconclusive", "error"]),
  met: z.boolean(),
  hypotheses: z.string(),
  cases: count,
  counts: z.object({ holds: count, searchOnly: count, vacuous: count, outside: count, inconclusive: count }),
  cut: z.boolean(),
  seed: z.number().int(),
  ms: z.number().min(0),
  counterexample: z
    .object({
      file: z.string().optional(),
      gain: z.string().optional(),
      certified: z.boolean().optional(),
      summary: z.string(),
      shrinks: count,
      simplifySteps: count.optional(),
      sizes: z.object({ found: sizeSchema.optional(), shrunk: sizeSchema.optional(), simplified: sizeSchema }).optional(),
      instance: z.unknown(),
      witness: z.record(z.string(), z.unknown()),
    })
    .optional(),
  outside: z.object({ hypothesis: z.string(), summary: z.string(), file: z.string().optional(), instance: z.unknown() }).optional(),
  error: z.string().optional(),
});

/** The JSON report as `check --json` writes it (validated when `merge` reads it back). */
export const reportSchema = z.object({
  seed: z.string(),
  interrupted: z.boolean().optional(),
  notRun: z.array(z.string()).optional(),
  claims: z.array(claimEntry),
});

/** A claim's result rebuilt from its JSON entry (for merging shards; the witness keeps its exact quantities). */
export function fromClaimJson(e: z.infer<typeof claimEntry>): ClaimResult {
  const { counterexample: c, outside: o, error, ...rest } = e;
  return {
    ...rest,
    ...(c
      ? {
          counterexample: {
            instance: c.instance as Json,
            witness: { summary: c.summary, quantities: c.witness as Record<string, Json>, ...(c.gain !== undefined ? { gain: c.gain } : {}) },
            shrinks: c.shrinks,
            ...(c.simplifySteps !== undefined ? { simplified: c.simplifySteps } : {}),
            ...(c.sizes ? { size: c.sizes.simplified, ...(c.sizes.shrunk ? { sizeBefore: c.sizes.shrunk } : {}), ...(c.sizes.found ? { sizeFound: c.sizes.found } : {}) } : {}),
            ...(c.file !== undefined ? { file: c.file } : {}),
          },
        }
      : {}),
    ...(o
      ? { outside: { instance: o.instance as Json, witness: { summary: o.summary, quantities: {} }, hypothesis: o.hypothesis, shrinks: 0, ...(o.file !== undefined ? { file: o.file } : {}) } }
      : {}),
    ...(error !== undefined ? { error } : {}),
  };
}
