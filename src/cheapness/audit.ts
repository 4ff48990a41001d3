/**
 * Auditing a mechanism against the grid optimum, model-independent. Every ex-post IC mechanism with
 * nonnegative transfers is ≥ the least solution W on the grid. If a subject's transfer at grid point i
 * is below W(i), then along the optimum's witness path [s, …, i] (W(s) = 0, each edge tight) either the
 * subject pays less than 0 at s, or it breaks one of the path's IC constraints — summing the path's
 * constraints from W_subject(s) ≥ 0 would otherwise give W_subject(i) ≥ W(i). This finds that
 * constraint, certified from interval bounds.
 */
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import type { Interval } from "../mechanisms/types.js";

export type BrokenConstraint =
  /** The subject's transfer at grid point `at` is certified negative (upper bound `hi` < 0). */
  | { readonly kind: "negative"; readonly at: number; readonly hi: Q }
  /** Type `type` gains at least `gain` by reporting `report` (both grid indices). */
  | { readonly kind: "ic"; readonly type: number; readonly report: number; readonly valueGain: Q; readonly transferDifference: Interval; readonly gain: Q };

export interface AuditInputs {
  /** d(v, u): the value gain (transfer units) of type v reporting u, before transfers. */
  readonly d: (type: number, report: number) => Q;
  /** Bounds on W_subject(report) − W_subject(type). */
  readonly transferDifference: (type: number, report: number) => Interval;
  /** Bounds on W_subject at a grid point. */
  readonly subject: (i: number) => Interval;
}

export function brokenConstraint(path: readonly number[], io: AuditInputs): BrokenConstraint | undefined {
  const start = path[0]!;
  const s = io.subject(start);
  if (s.hi.sign() < 0) return { kind: "negative", at: start, hi: s.hi };
  for (let k = 0; k + 1 < path.length; k++) {
    const u = path[k]!, v = path[k + 1]!; // the edge u → v: type v mimicking u
    const valueGain = io.d(v, u);
    const transferDifference = io.transferDifference(v, u);
    const gain = valueGain.add(transferDifference.lo);
    if (gain.sign() > 0) return { kind: "ic", type: v, report: u, valueGain, transferDifference, gain };
  }
  return undefined;
}

/**
 * A grid's repeat check: called once per point in order, it throws an InputError at `field[i]` (1-based)
 * naming the earlier point with the same key (a repeated grid point is one type twice).
 */
export function repeatGuard(field: string): (key: string, i: number, shown?: string) => void {
  const seen = new Map<string, number>();
  return (key, i, shown) => {
    const first = seen.get(key);
    if (first !== undefined) throw new InputError(`${field}[${i + 1}]`, `repeats ${field}[${first + 1}]${shown ? ` = ${shown}` : ""}`);
    seen.set(key, i);
  };
}

/** Points from `from` to `to` in `divisions` equal steps (both ends included): nested for 1, 2, 4, …. */
export function segment(from: readonly Q[], to: readonly Q[], divisions: number): Q[][] {
  const out: Q[][] = [];
  for (let k = 0; k <= divisions; k++) {
    const r = Q.of(k, divisions);
    out.push(from.map((a, j) => a.add(to[j]!.sub(a).mul(r))));
  }
  return out;
}
