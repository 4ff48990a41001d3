/**
 * Where the bgs2019 mechanism runs which phase: the thresholds u̲ and F of eq. (13) and the central
 * region F𝒰 ∩ {u ≥ u̲} of eq. (8), decided exactly (certified bounds on I_𝒰 for densities).
 */
import { Q } from "../../exact/rational.js";
import { alphaStar } from "../../models/bgs2019/alpha-star.js";
import { mean } from "../../models/bgs2019/distribution.js";
import type { Bgs2019Model } from "../../models/bgs2019/json.js";

/** u̲ and F of eq. (13): from ξ when given (u̲ = ξ(1 − β), F = 1 − u̲/m̲ unless F is given), else u̲ = (1 − F)m̲. */
export function thresholds(m: Bgs2019Model): { uLow: Q; F: Q } {
  const mLow = m.values.reduce((a, d) => Q.min(a, mean(d)), mean(m.values[0]!));
  if (m.xi !== null && m.beta !== null) {
    const uLow = m.xi.mul(Q.ONE.sub(m.beta));
    return { uLow, F: m.F ?? Q.ONE.sub(uLow.div(mLow)) };
  }
  const F = m.F ?? Q.ONE;
  return { uLow: Q.ONE.sub(F).mul(mLow), F };
}

/** Whether u lies in the central region F𝒰 ∩ {u ≥ u̲} (eq. (8)): true, false, or a reason it is undecided. */
export function inCentralRegion(m: Bgs2019Model): { inside: boolean; why: string } | { inside: null; why: string } {
  const u = m.u!;
  const { uLow, F } = thresholds(m);
  const low = u.findIndex((x) => x.lt(uLow));
  if (low >= 0) return { inside: false, why: `u${low} = ${u[low]} < u̲ = ${uLow}: the boundary region (eq. (8))` };
  if (F.sign() <= 0) return { inside: false, why: `F = ${F} ≤ 0` };
  const a = alphaStar(m.values, u.map((x) => x.div(F)), { signOnly: true });
  if (a.valueHi.sign() <= 0) return { inside: true, why: "" };
  if (a.valueLo.sign() > 0) return { inside: false, why: `u ∉ F·𝒰: I_𝒰(u/F) ≥ ${a.valueLo} > 0` };
  return { inside: null, why: `I_𝒰(u/F) ∈ [${a.valueLo}, ${a.valueHi}] straddles 0` };
}
