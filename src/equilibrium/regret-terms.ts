/**
 * The one-date pieces of agent n's regret in the single-resource linked VCG (zhu2022 §2.4 with the
 * mechanism of §3.4). Against the others' retracted reports, whose date-t total is O, a report y of
 * agent n gets a(y) = q̄y/(y + O) (𝐀 is proportional) and his utility at date t, counting the
 * transfer's date-t part, is
 *     g(y) = w·f(a(y)/w) + O·f((q̄ − a(y))/O)        (own surplus at the TRUE w + the others' surplus)
 * — the pivot term of V* depends on the others alone, so it cancels from every gain. g is largest at
 * y = w (𝐀 is efficient: f'(a/w) = f'((q̄ − a)/O) there), rises on [0, w] and falls beyond: unimodal,
 * so its maximum over an interval is at the point of the interval nearest w.
 */
import { Q } from "../exact/rational.js";
import { contribution, type SingleResourceModel } from "../models/single-resource/model.js";
import type { DateTerm } from "../mechanisms/single-resource/date-terms.js";

/** g(y): agent n's date utility (own at the truth w, others at their total O) when he reports y. */
export function dateUtility(model: SingleResourceModel, w: Q, O: Q, y: Q): Q {
  const total = y.add(O);
  if (total.isZero()) return Q.ZERO; // nobody reports: nothing is allocated (model.ts)
  const a = model.qbar.mul(y).div(total);
  return contribution(model.f, w, a).add(contribution(model.f, O, model.qbar.sub(a)));
}

/** g in floats, the model's constants hoisted (guidance only: it runs inside float searches). */
export function dateUtilityFloat(model: SingleResourceModel): (w: number, O: number, y: number) => number {
  const q = model.qbar.toNumber(), inf = model.f.slopeAtInfinity.toNumber(), fF = model.f.fF;
  return (w, O, y) => {
    const total = y + O;
    if (total === 0) return 0;
    const a = (q * y) / total;
    return (w === 0 ? a * inf : w * fF(a / w)) + (O === 0 ? (q - a) * inf : O * fF((q - a) / O));
  };
}

/** sup_y g(y): at y = w, except when O = 0 (then any y > 0 takes all of q̄). */
export function dateOptimum(model: SingleResourceModel, w: Q, O: Q): Q {
  return O.isZero() ? contribution(model.f, w, model.qbar) : dateUtility(model, w, O, w);
}

/**
 * h̄(y) = c·(U − g(min(y, w))) as a DateTerm: the shortfall on the underreporting side [0, w], held at
 * its value 0 beyond w. It is what the exact linked-min optimizer needs — ≥ 0, non-increasing,
 * convex on all of [0, ∞) (g = g̃∘a with g̃(a) = w·f(a/w) + O·f((q̄ − a)/O) concave in the allocation a
 * and a(y) = q̄y/(y + O) concave increasing, so g is concave where g̃' ≥ 0, i.e. on [0, w]; h̄ leaves
 * w with slope 0). And h̄ ≤ h, so min Σ h̄ over the reachable reports is a valid lower bound of the
 * shortfall, i.e. an upper bound of the gain, tight when the optimum underreports at every date. (On
 * y > w, g need not be concave: a bounded decreasing function cannot stay concave.) When O = 0 the
 * term is the constant 0: g equals U for every y > 0 and is smaller only at y = 0.
 */
export function underreportTerm(model: SingleResourceModel, w: Q, O: Q, c: Q): DateTerm {
  const { f, qbar } = model;
  if (O.isZero()) return { value: () => Q.ZERO, slope: () => Q.ZERO, valueF: () => 0, slopeF: () => 0, convex: true };
  const U = dateOptimum(model, w, O);
  const cF = c.toNumber(), wF = w.toNumber(), OF = O.toNumber(), qF = qbar.toNumber(), UF = U.toNumber();
  const g = dateUtilityFloat(model);
  const gF = (y: number) => g(wF, OF, y);
  return {
    value: (y) => (y.ge(w) ? Q.ZERO : c.mul(U.sub(dateUtility(model, w, O, y)))),
    // g'(y) = a'(y)·(f'(a/w) − f'(q̄/(y + O))), a'(y) = q̄O/(y + O)²
    slope(y) {
      if (y.ge(w)) return Q.ZERO;
      const s = y.add(O);
      const a = qbar.mul(y).div(s);
      return c.mul(qbar.mul(O).div(s.mul(s))).mul(f.df(a.div(w)).sub(f.df(qbar.div(s)))).neg();
    },
    valueF: (y) => (y >= wF ? 0 : cF * (UF - gF(y))),
    slopeF(y) {
      if (y >= wF) return 0;
      const s = y + OF;
      const a = (qF * y) / s;
      return -cF * ((qF * OF) / (s * s)) * (f.dfF(a / wF) - f.dfF(qF / s));
    },
    convex: true,
  };
}
