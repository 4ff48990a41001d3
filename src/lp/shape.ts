/** Input validation and bound defaults shared by the solver and the certificate checker. */
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import type { LpConstraints, RowOp } from "./types.js";

export interface LpShape {
  /** Number of structural variables. */
  n: number;
  /** Number of rows. */
  m: number;
  /** Lower bounds with defaults filled in; null is -infinity. */
  lower: (Q | null)[];
  /** Upper bounds with defaults filled in; null is +infinity. */
  upper: (Q | null)[];
}

const OPS: readonly RowOp[] = ["<=", ">=", "="];

/**
 * Checks every length and row operator and fills in the default bounds. `n` is the objective length
 * when there is one, otherwise the first row or bound vector that exists tells it (0 if none does).
 */
export function shapeOf(lp: LpConstraints, c?: readonly Q[]): LpShape {
  if (!Array.isArray(lp.rows)) throw new InputError("lp.rows", "expected an array of rows");
  const n = c?.length ?? lp.rows[0]?.a.length ?? lp.lower?.length ?? lp.upper?.length ?? 0;
  lp.rows.forEach((row, i) => {
    if (!Array.isArray(row.a) || row.a.length !== n) {
      throw new InputError(`lp.rows[${i}].a`, `expected ${n} coefficients, got ${Array.isArray(row.a) ? row.a.length : typeof row.a}`);
    }
    if (!OPS.includes(row.op)) throw new InputError(`lp.rows[${i}].op`, `expected one of <=, >=, =, got ${String(row.op)}`);
    if (!(row.b instanceof Q)) throw new InputError(`lp.rows[${i}].b`, "expected a rational");
  });
  return { n, m: lp.rows.length, lower: fillBounds(lp.lower, n, Q.ZERO, "lp.lower"), upper: fillBounds(lp.upper, n, null, "lp.upper") };
}

function fillBounds(given: readonly (Q | null)[] | undefined, n: number, dflt: Q | null, field: string): (Q | null)[] {
  if (given === undefined) return new Array<Q | null>(n).fill(dflt);
  if (given.length !== n) throw new InputError(field, `expected ${n} bounds, got ${given.length}`);
  return given.slice();
}

/** Index of the first variable whose lower bound exceeds its upper bound, or -1. */
export function emptyBoxIndex(shape: LpShape): number {
  for (let j = 0; j < shape.n; j++) {
    const l = shape.lower[j], u = shape.upper[j];
    if (l != null && u != null && l.gt(u)) return j;
  }
  return -1;
}

/** a·x skipping zero coefficients (the rows of our LPs are sparse in practice). */
export function rowDot(a: readonly Q[], x: readonly Q[]): Q {
  let s = Q.ZERO;
  for (let j = 0; j < a.length; j++) {
    const aj = a[j] as Q;
    if (aj.isZero()) continue;
    const xj = x[j] as Q;
    if (xj.isZero()) continue;
    s = s.add(aj.mul(xj));
  }
  return s;
}
