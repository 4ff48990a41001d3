/**
 * Certified square roots of rationals: √x is irrational unless x is the square of a rational, so it
 * is returned either exactly (a perfect square) or as rational bounds lo < √x < hi from integer
 * square roots, tight to about `bits` bits after the binary point.
 */
import { Q } from "./rational.js";

/** ⌊√n⌋ for n ≥ 0: the float root when n is small enough to be exact, else Newton's method from 2^⌈bits/2⌉ ≥ √n (decreasing to ⌊√n⌋). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError("isqrt of a negative number");
  if (n < 1n << 52n) {
    let x = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (x * x > n) x -= 1n;
    while ((x + 1n) * (x + 1n) <= n) x += 1n;
    return x;
  }
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** √x when x ≥ 0 is the square of a rational (numerator and denominator both squares in lowest terms), else null. */
export function exactSqrt(x: Q): Q | null {
  if (x.sign() < 0) throw new RangeError(`square root of a negative number ${x}`);
  const n = x.num, d = x.den;
  const rn = isqrt(n), rd = isqrt(d);
  return rn * rn === n && rd * rd === d ? Q.of(rn, rd) : null;
}

export interface SqrtBounds {
  readonly lo: Q;
  readonly hi: Q;
  /** lo = hi = √x exactly. */
  readonly exact: boolean;
}

/** lo ≤ √x ≤ hi with hi − lo ≤ 2^−bits (relative to the scale 1), exact when x is a rational square. */
export function sqrtBounds(x: Q, bits: number): SqrtBounds {
  const r = exactSqrt(x);
  if (r !== null) return { lo: r, hi: r, exact: true };
  // √(n/d) = √(n·d)/d; scale by 2^bits: ⌊2^bits·√(nd)⌋ = isqrt(nd·4^bits).
  const nd = x.num * x.den;
  const s = isqrt(nd << BigInt(2 * bits));
  const den = x.den << BigInt(bits);
  return { lo: Q.of(s, den), hi: Q.of(s + 1n, den), exact: false };
}

/** ⌊n^{1/k}⌋ for n ≥ 0, k ≥ 1, by bisection on bits (exact integers). */
export function iroot(n: bigint, k: number): bigint {
  if (n < 0n) throw new RangeError("iroot of a negative number");
  if (k === 1 || n < 2n) return n;
  const K = BigInt(k);
  let lo = 0n, hi = 1n << BigInt(Math.ceil(n.toString(2).length / k) + 1);
  while (lo < hi) {
    const mid = (lo + hi + 1n) >> 1n;
    if (mid ** K <= n) lo = mid;
    else hi = mid - 1n;
  }
  return lo;
}

/** x^{1/k} when x ≥ 0 is the k-th power of a rational, else null. */
export function exactRoot(x: Q, k: number): Q | null {
  if (x.sign() < 0) throw new RangeError(`root of a negative number ${x}`);
  const n = x.num, d = x.den, K = BigInt(k);
  const rn = iroot(n, k), rd = iroot(d, k);
  return rn ** K === n && rd ** K === d ? Q.of(rn, rd) : null;
}
