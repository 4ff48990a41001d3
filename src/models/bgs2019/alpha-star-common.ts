/** What α*(u) (eq. (6)) returns, its options, and the rational points its cuts are taken at. */
import { Q } from "../../exact/rational.js";
import { simplestBetween } from "../../exact/simplest.js";

export interface AlphaStar {
  /**
   * A maximizer. Densities: a point of the certified enclosure — the best point found when it is a
   * certified maximizer (valueLo = valueHi), else the point of the coarsest dyadic grid in the box.
   */
  readonly alpha: readonly Q[];
  /** Certified bounds on I_𝒰(u) = max_x {xᵀu − φ(x)} (equal when exact). */
  readonly valueLo: Q;
  readonly valueHi: Q;
  /** Coordinate box of the set of maximizers: exact for discrete values, an enclosure for densities. */
  readonly boxLo: readonly Q[];
  readonly boxHi: readonly Q[];
  /** Discrete values: the optimum, its value and the box are exact. */
  readonly exact: boolean;
  /** Exact support points (cuts) computed. */
  readonly cuts: number;
}

export interface AlphaStarOptions {
  /** Stop when the upper bound exceeds the lower bound on I_𝒰(u) by at most this (densities). */
  readonly tolerance?: Q;
  readonly maxCuts?: number;
  /** Densities: refine the enclosure until each coordinate's range is at most this wide. */
  readonly width?: Q;
  /** Stop as soon as the sign of I_𝒰(u) is certified (membership u ∈ 𝒰); the box is then not refined. */
  readonly signOnly?: boolean;
}

export const unitVector = (n: number, i: number): Q[] => Array.from({ length: n }, (_, j) => (j === i ? Q.ONE : Q.ZERO));

/** The simplest rational in [x − eps, x + eps] per coordinate but the last, which takes the rest; null if negative. */
export function snapToSimplex(x: readonly number[], eps: Q): Q[] | null {
  const head = x.slice(0, -1).map((xi) => {
    const q = Q.of(Math.round(xi * 2 ** 40), 2 ** 40);
    return simplestBetween(Q.max(Q.ZERO, q.sub(eps)), Q.min(Q.ONE, q.add(eps)));
  });
  const last = Q.ONE.sub(head.reduce((a, y) => a.add(y), Q.ZERO));
  return last.sign() < 0 ? null : [...head, last];
}

/**
 * A float point (clipped to x ≥ 0 and rescaled to sum 1: float LPs leave small violations) on the grid
 * 2^−bits: every coordinate but the largest rounded down, the largest taking the rest.
 */
export function dyadicPoint(raw: readonly number[], bits: number): Q[] {
  const clipped = raw.map((xi) => (Number.isFinite(xi) && xi > 0 ? xi : 0));
  const tot = clipped.reduce((a, b) => a + b, 0);
  const x = tot > 0 ? clipped.map((xi) => xi / tot) : raw.map(() => 1 / raw.length);
  let big = 0;
  x.forEach((xi, i) => {
    if (xi > x[big]!) big = i;
  });
  const D = 2 ** bits;
  const r = x.map((xi, i) => (i === big ? Q.ZERO : Q.of(Math.max(0, Math.floor(xi * D)), D)));
  r[big] = Q.ONE.sub(r.reduce((a, y) => a.add(y), Q.ZERO));
  return r;
}

/** A nonnegative double as a dyadic rational with `bits` bits after the point (negative: 0). */
export const dyadicWeight = (y: number, bits = 40): Q => (y > 0 && Number.isFinite(y) ? Q.of(BigInt(Math.round(y * 2 ** bits)), 1n << BigInt(bits)) : Q.ZERO);

/** Whether x lies in the simplex exactly (cut points must: the true value there bounds I_𝒰 from below). */
export const inSimplex = (x: readonly Q[]): boolean => x.every((xi) => xi.sign() >= 0) && x.reduce((a, xi) => a.add(xi), Q.ZERO).eq(Q.ONE);

