/**
 * Incentive constraints linear in a reward's scale κ ≥ 0: gain_k(κ) = D_k − κ·S_k ≤ 0, with D_k the
 * gain of lie k without rewards and S_k the expected reward a truthful report earns over it at κ = 1.
 * Theorem 2(i) and Proposition 3 of mp2013 assert that some κ works ("there exist zᵢ"); the set of
 * scales that work is an interval, computed here exactly (D and S are sums of square roots, and
 * κ-bounds are compared by cross-multiplication, never by division).
 */
import { ceilDyadic, floorDyadic, Q } from "../exact/rational.js";
import { Surd } from "../exact/surd.js";

export interface ScaledConstraint<T> {
  readonly D: Surd;
  readonly S: Surd;
  readonly at: T;
}

/** κ = num/den with den > 0. */
export interface Ratio {
  readonly num: Surd;
  readonly den: Surd;
}

export type ScaleRange<T> =
  /** A lie that gains at every scale (S ≤ 0 < D) or two constraints whose ranges do not meet. */
  | { readonly kind: "empty"; readonly at: readonly T[]; readonly lower: Ratio | null; readonly upper: Ratio | null }
  /** Every κ in [least, upper] works (least null: κ = 0 does; upper null: no ceiling). */
  | { readonly kind: "interval"; readonly least: Ratio | null; readonly leastAt: T | null; readonly upper: Ratio | null; readonly upperAt: T | null };

/** a < b for ratios with positive denominators. */
export const ratioLt = (a: Ratio, b: Ratio): boolean => a.num.mul(b.den).lt(b.num.mul(a.den));

export function scaleRange<T>(cs: Iterable<ScaledConstraint<T>>): ScaleRange<T> {
  let least: Ratio | null = null, leastAt: T | null = null;
  let upper: Ratio | null = null, upperAt: T | null = null;
  for (const c of cs) {
    const s = c.S.sign(), d = c.D.sign();
    // S ≤ 0 < D: the lie gains more, or as much, the larger the reward.
    if (s <= 0 && d > 0) return { kind: "empty", at: [c.at], lower: null, upper: null };
    if (s > 0 && d > 0) {
      const r = { num: c.D, den: c.S };
      if (least === null || ratioLt(least, r)) [least, leastAt] = [r, c.at];
    } else if (s < 0) {
      // D ≤ 0 here: κ ≤ D/S = (−D)/(−S) ≥ 0.
      const r = { num: c.D.neg(), den: c.S.neg() };
      if (upper === null || ratioLt(r, upper)) [upper, upperAt] = [r, c.at];
    }
  }
  if (least !== null && upper !== null && ratioLt(upper, least)) return { kind: "empty", at: [leastAt!, upperAt!], lower: least, upper };
  return { kind: "interval", least, leastAt, upper, upperAt };
}

/** Certified rational bounds lo ≤ num/den ≤ hi (num ≥ 0, den > 0). */
export function ratioBounds(r: Ratio, bits = 64): { lo: Q; hi: Q } {
  const n = r.num.bounds(bits), d = r.den.bounds(bits);
  return { lo: Q.max(Q.ZERO, n.lo).div(d.hi), hi: n.hi.div(d.lo) };
}

/** A rational κ̄ ≥ num/den, checked exactly (κ̄·den − num ≥ 0). */
export function rationalAtLeast(r: Ratio): Q {
  for (let bits = 64; ; bits *= 2) {
    const d = r.den.bounds(bits);
    if (d.lo.sign() > 0) {
      const k = ceilDyadic(r.num.bounds(bits).hi.div(d.lo), bits / 2);
      if (r.den.scale(k).sub(r.num).sign() >= 0) return k;
    }
  }
}

/** A rational κ̲ < num/den strictly, checked exactly (num − κ̲·den > 0); num/den > 0. */
export function rationalBelow(r: Ratio): Q {
  for (let bits = 64; ; bits *= 2) {
    const { lo } = ratioBounds(r, bits);
    const k = floorDyadic(lo.sub(lo.div(Q.of(1 << 20))), bits / 2);
    if (r.num.sub(r.den.scale(k)).sign() > 0) return k;
  }
}
