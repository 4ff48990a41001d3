/**
 * Hoeffding's inequality as the papers use it for Assumption 1 (zhu2022 §3.5, zhu2021 §6.3): for an
 * average of m independent draws with range w̄, P(|avg − mean| ≥ x) ≤ 2e^{−I(x)·m}, I(x) = 2x²/w̄².
 * The exponential is irrational: certified rational bounds, so a verdict is decided only when they decide it.
 */
import { expBounds, type QInterval } from "../exact/exp.js";
import { Q } from "../exact/rational.js";

/** I(x) = 2x²/w̄². */
export const hoeffdingI = (x: Q, wbar: Q): Q => Q.of(2).mul(x).mul(x).div(wbar.mul(wbar));

/** coef·2e^{−I·m}, certified (a union bound over `coef` such tails). */
export function tailBound(coef: Q, I: Q, m: number): QInterval {
  const e = expBounds(I.mul(Q.of(m)).neg());
  const k = coef.mul(Q.of(2));
  return { lo: e.lo.mul(k), hi: e.hi.mul(k) };
}
