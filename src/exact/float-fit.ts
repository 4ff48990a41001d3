/**
 * Floats read off exact numbers, for tables and plots only (never a verdict): ln of a rational whose
 * numerator and denominator overflow a double, and least-squares slopes of log–log rates.
 */
import type { Q } from "./rational.js";

/** ln x for a positive rational, without overflowing on long numerators and denominators. */
export function lnQ(x: Q): number {
  const ln = (b: bigint): number => {
    const s = b.toString(), head = Number(s.slice(0, 17));
    return Math.log(head) + (s.length - Math.min(17, s.length)) * Math.LN10;
  };
  return ln(x.num) - ln(x.den);
}

/** The least-squares slope of ys against xs (NaN when the xs do not vary). */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length, mx = xs.reduce((a, x) => a + x, 0) / n, my = ys.reduce((a, y) => a + y, 0) / n;
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0), sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? Number.NaN : sxy / sxx;
}
