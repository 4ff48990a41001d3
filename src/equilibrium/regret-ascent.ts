/**
 * Lower bounds for the regret's inner maximum: a local ascent over the reachable polytope that stays
 * EXACTLY feasible. From an exact member y it tries the directions e_i, −e_i and e_i − e_j; the
 * feasible step range along a direction is an exact ratio test on the piece's rows, floats choose a
 * step inside it (golden section on the float gain), the step is rounded to a dyadic rational inside
 * the range, and the move is kept only if the exact gain rises. Any point it returns is a member of
 * the piece, so its exact gain is a valid lower bound whatever the floats did.
 */
import { Q } from "../exact/rational.js";
import type { LpRow } from "../lp/index.js";
import type { Piece } from "../typespace/single-resource.js";

export interface AscentProblem {
  readonly piece: Piece;
  /** Coordinates that may move (the dates from t on). */
  readonly free: readonly number[];
  readonly gain: (y: readonly Q[]) => Q;
  readonly gainF: (y: readonly number[]) => number;
}

/** [lo, hi] of δ with y + δd feasible for every row and y + δd ≥ 0 (hi null: unbounded). */
function stepRange(rows: readonly LpRow[], y: readonly Q[], d: readonly Q[]): { lo: Q | null; hi: Q | null } {
  let lo: Q | null = null, hi: Q | null = null;
  const cap = (c: Q, slack: Q) => {
    // need c·δ ≤ slack
    if (c.isZero()) return;
    const v = slack.div(c);
    if (c.sign() > 0) hi = hi === null ? v : Q.min(hi, v);
    else lo = lo === null ? v : Q.max(lo, v);
  };
  for (const r of rows) {
    let ad = Q.ZERO, ay = Q.ZERO;
    r.a.forEach((a, s) => {
      if (!a.isZero()) {
        ad = ad.add(a.mul(d[s]!));
        ay = ay.add(a.mul(y[s]!));
      }
    });
    if (r.op !== ">=") cap(ad, r.b.sub(ay));
    if (r.op !== "<=") cap(ad.neg(), ay.sub(r.b));
  }
  d.forEach((c, s) => cap(c.neg(), y[s]!)); // y_s + δ d_s ≥ 0
  return { lo, hi };
}

function dyadicIn(x: number, lo: Q, hi: Q): Q {
  for (const bits of [8, 16, 24, 32, 44]) {
    const k = 2 ** bits;
    const v = Q.of(BigInt(Math.round(x * k)), BigInt(k));
    if (v.ge(lo) && v.le(hi)) return v;
  }
  return x <= (lo.toNumber() + hi.toNumber()) / 2 ? lo : hi;
}

/** Golden-section maximum of φ on [a, b] (floats; guidance only). */
function goldenMax(phi: (x: number) => number, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = b - r * (b - a), x2 = a + r * (b - a), f1 = phi(x1), f2 = phi(x2);
  for (let i = 0; i < 60 && b - a > 1e-13 * (1 + Math.abs(a) + Math.abs(b)); i++) {
    if (f1 < f2) {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + r * (b - a);
      f2 = phi(x2);
    } else {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - r * (b - a);
      f1 = phi(x1);
    }
  }
  return (a + b) / 2;
}

/** Local ascent from the exact member y0; returns an exact member and its exact gain. */
export function ascend(p: AscentProblem, y0: readonly Q[], sweeps = 12): { y: Q[]; gain: Q } {
  let y = [...y0];
  let g = p.gain(y);
  const T = y.length;
  const dirs: Q[][] = [];
  const unit = (i: number, c: Q) => Array.from({ length: T }, (_, s) => (s === i ? c : Q.ZERO));
  for (const i of p.free) dirs.push(unit(i, Q.ONE));
  for (const i of p.free) for (const j of p.free) if (i < j) dirs.push(unit(i, Q.ONE).map((v, s) => (s === j ? Q.ONE.neg() : v)));
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let moved = false;
    for (const d of dirs) {
      const { lo, hi } = stepRange(p.piece.rows, y, d);
      const loF = lo === null ? -1e6 : lo.toNumber(), hiF = hi === null ? Math.max(1, 4 * Math.abs(loF)) + 1e3 : hi.toNumber();
      if (!(hiF > loF)) continue;
      const yF = y.map((v) => v.toNumber()), dF = d.map((v) => v.toNumber());
      const best = goldenMax((x) => p.gainF(yF.map((v, s) => v + x * dF[s]!)), loF, hiF);
      const step = dyadicIn(best, lo ?? Q.of(-1_000_000), hi ?? Q.of(BigInt(Math.ceil(hiF))));
      if (step.isZero()) continue;
      const next = y.map((v, s) => v.add(step.mul(d[s]!)));
      const gn = p.gain(next);
      if (gn.gt(g)) {
        y = next;
        g = gn;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return { y, gain: g };
}
