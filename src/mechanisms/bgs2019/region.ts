/**
 * Where the bgs2019 mechanism runs which phase: the thresholds u̲ and F of eq. (13) and the central
 * region F𝒰 ∩ {u ≥ u̲} of eq. (8), decided exactly (certified bounds on I_𝒰 for densities).
 */
import { InputError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import { alphaStar } from "../../models/bgs2019/alpha-star.js";
import { mean, top } from "../../models/bgs2019/distribution.js";
import { certifyAlphaStar } from "../../models/bgs2019/kkt.js";
import { phi } from "../../models/bgs2019/support.js";
import type { Bgs2019Model } from "../../models/bgs2019/json.js";

/** ξ of (13) when an instance gives neither ξ nor F: 4v̄ (the largest v̄ over agents); (C.8) is in the missing appendix. */
export const defaultXi = (m: Pick<Bgs2019Model, "values">): Q => Q.of(4).mul(m.values.reduce((a, d) => Q.max(a, top(d)), Q.ZERO));

/** The model with ξ = defaultXi when it gives neither ξ nor F (so that (13) has its constant). */
export const withDefaultXi = (m: Bgs2019Model): Bgs2019Model => (m.xi === null && m.F === null ? { ...m, xi: defaultXi(m) } : m);

/** u̲ and F of eq. (13): from ξ when given (u̲ = ξ(1 − β), F = 1 − u̲/m̲ unless F is given), else u̲ = (1 − F)m̲. */
export function thresholds(m: Bgs2019Model): { uLow: Q; F: Q } {
  const mLow = m.values.reduce((a, d) => Q.min(a, mean(d)), mean(m.values[0]!));
  if (m.xi !== null && m.beta !== null) {
    if (mLow.isZero()) throw new InputError("instance.values", "eq. (13) divides by m̲ = minᵢ E[vᵢ], which §2 assumes > 0; here it is 0");
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
  const r = inScaledSet(m.values, u, F);
  if (r.inside === true) return { inside: true, why: "" };
  return r.inside === false ? { inside: false, why: `u ∉ F·𝒰: ${r.why.replace(/ŵ/g, "u")}` } : { inside: null, why: r.why.replace(/ŵ/g, "u") };
}

/** Whether w ∈ s·𝒰 (s > 0): w ≥ 0 exactly, then the sign of I_𝒰(w/s) certified; the separating normal when outside. */
export type ScaledMembership =
  | { readonly inside: true }
  | { readonly inside: false; readonly why: string; readonly negative: number; readonly normal?: readonly Q[]; readonly distanceLo?: Q }
  | { readonly inside: null; readonly why: string };

export function inScaledSet(values: Bgs2019Model["values"], w: readonly Q[], s: Q): ScaledMembership {
  const neg = w.findIndex((x) => x.sign() < 0);
  if (neg >= 0) return { inside: false, why: `ŵ${neg} = ${w[neg]} < 0`, negative: neg };
  const scaled = w.map((x) => x.div(s));
  let a = alphaStar(values, scaled, { signOnly: true });
  // Straddling 0 at the default tolerance: once more with a much finer one (points within 10⁻⁶ of the frontier).
  if (a.valueLo.sign() <= 0 && a.valueHi.sign() > 0) a = alphaStar(values, scaled, { signOnly: true, tolerance: Q.of(1, 10 ** 15), maxCuts: 800 });
  if (a.valueHi.sign() <= 0) return { inside: true };
  // valueLo is the true objective αᵀ(w/s) − φ(α) at a.alpha: a separating hyperplane when positive.
  if (a.valueLo.sign() > 0) return { inside: false, why: `I_𝒰(ŵ/(${s})) ≥ ${a.valueLo} > 0`, negative: -1, normal: a.alpha, distanceLo: a.valueLo };
  // Undecided by the bounds (e.g. exactly on the frontier): an exact maximizer certified by KKT gives I_𝒰 itself.
  const cert = certifyAlphaStar(values, scaled, a.alpha);
  if (cert) {
    const I = cert.alpha.reduce((acc, x, i) => acc.add(x.mul(scaled[i]!)), Q.ZERO).sub(phi(values, cert.alpha));
    if (I.sign() <= 0) return { inside: true };
    return { inside: false, why: `I_𝒰(ŵ/(${s})) = ${I} > 0`, negative: -1, normal: cert.alpha, distanceLo: I };
  }
  return { inside: null, why: `I_𝒰(ŵ/(${s})) ∈ [${a.valueLo}, ${a.valueHi}] straddles 0` };
}
