/** What the bgs2019 claims share: splitting claim-specific keys off an instance, and reading rational vectors. */
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import { readBgs2019, type Bgs2019Model } from "../../src/models/bgs2019/json.js";
import type { ValueDist } from "../../src/models/bgs2019/distribution.js";

/** Splits claim-specific `extra` keys off an instance object and validates the model part. */
export function decodeWith(v: unknown, extra: readonly string[] = []): { model: Bgs2019Model; rest: Record<string, unknown> } {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new InputError("instance", "expected a JSON object with \"model\": \"bgs2019\"");
  const o = { ...(v as Record<string, unknown>) };
  const rest: Record<string, unknown> = {};
  for (const k of extra) {
    if (k in o) rest[k] = o[k];
    delete o[k];
  }
  return { model: readBgs2019(o), rest };
}

/** A vector of n rationals, each ≥ 0. */
export function readNonnegVector(v: unknown, n: number, field: string): Q[] {
  if (!Array.isArray(v) || v.length !== n) throw new InputError(field, `expected ${n} rationals (one per agent)`);
  return v.map((x, i) => {
    const q = rationalAt(x, `${field}[${i}]`);
    if (q.sign() < 0) throw new InputError(`${field}[${i}]`, `weights are nonnegative (α ∈ ℝⁿ₊), got ${q}`);
    return q;
  });
}

/** A positive rational. */
export function readPositive(v: unknown, field: string): Q {
  const q = rationalAt(v, field);
  if (q.sign() <= 0) throw new InputError(field, `expected a positive rational, got ${q}`);
  return q;
}

export const qs = (x: Q): string => x.toString();
export const vec = (xs: readonly Q[]): string[] => xs.map(String);

export function distSize(ds: readonly ValueDist[]): Record<string, number> {
  return { agents: ds.length, points: Math.max(...ds.map((d) => (d.kind === "discrete" ? d.points.length : d.pieces.length))) };
}
