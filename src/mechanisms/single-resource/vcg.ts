/**
 * The VCG mechanisms of the single-resource model (zhu2022 §3.3–3.4, stylized §3):
 * - unlinked VCG (𝐀, V): Vⁿ(ω) = Σ_{m≠n} Σ_t β^{t−T} ω_t^m f(𝐀_t^m(ω)/ω_t^m), exact;
 * - linked VCG (𝐀|Ω*, V*): V*ⁿ(ω) = Vⁿ(ω) − min_{ω̂ⁿ ∈ Ω*ⁿ} Vⁿ(ω⁻ⁿ, ω̂ⁿ) (the papers write
 *   "arg min", a typo: a transfer is a number), composed with the Lemma 1 retraction so that it is
 *   defined on all of Ω (the "statistical mechanism"). The minimum is irrational in general, so the
 *   transfers come as certified intervals (linked-min.ts).
 */
import { InternalError } from "../../exact/errors.js";
import { Q, q, sum } from "../../exact/rational.js";
import { betaPow, dateContributions, efficientAllocation, type Endowments, type SingleResourceModel } from "../../models/single-resource/model.js";
import { contains, pieces, retract, type OmegaStar } from "../../typespace/single-resource.js";
import type { BoundedMechanism, Interval, MechanismFamily } from "../types.js";
import { dateTerms, dateTotals, othersSurplus, type DateTerm } from "./date-terms.js";
import { certifiedMin, windowMinimum, type MinBounds } from "./linked-min.js";

export const SINGLE_KIND = "single-resource";

export type SingleResourceMechanism = BoundedMechanism<SingleResourceModel, Endowments, Q[]> & {
  /** The set the transfers are linked over (Ω for unlinked VCG). */
  readonly omegaStar: OmegaStar;
};
export type SingleResourceFamily = MechanismFamily<{ model: SingleResourceModel; omegaStar: OmegaStar }, SingleResourceMechanism>;

/** Default relative tolerance of the certified minimum: far below any gap a verdict turns on. */
export const DEFAULT_TOL = q(1, 10 ** 12);

/** Vⁿ(ω) for every agent, exact: the total discounted contribution minus agent n's own. */
export function unlinkedTransfers(model: SingleResourceModel, reports: Endowments): Q[] {
  const { T, beta } = model;
  const own: Q[][] = reports.map(() => []);
  const totals: Q[] = [];
  for (let t = 0; t < T; t++) {
    const c = betaPow(beta, t - (T - 1));
    const date = dateContributions(model, reports, reports, t);
    totals.push(c.mul(sum(date)));
    date.forEach((o, n) => (own[n] as Q[]).push(c.mul(o)));
  }
  const grand = sum(totals);
  return own.map((row) => grand.sub(sum(row)));
}

export function unlinkedVcg(model: SingleResourceModel): SingleResourceMechanism {
  return {
    name: "single-resource/unlinked-vcg",
    kind: SINGLE_KIND,
    model,
    omegaStar: { kind: "all" },
    allocate: (profile, t) => efficientAllocation(model, profile, t),
    transferBounds: (profile) => unlinkedTransfers(model, profile).map((v) => ({ lo: v, hi: v })),
  };
}

/** Each agent's row replaced by its retraction [ωⁿ] (Lemma 1). */
export function retractProfile(omegaStar: OmegaStar, reports: Endowments): Q[][] {
  return reports.map((row) => retract(omegaStar, row));
}

/**
 * Node budget of the exact branch-and-bound when some hₜ is not convex (e.g. saturating2 with
 * q̄/O > 2b). Bounds stay valid when it runs out; a verdict they cannot decide is "inconclusive".
 */
export const NONCONVEX_NODES = 60;

/** min over ω̂ⁿ ∈ Ω*ⁿ of Σ_t h_t(ω̂_t), certified; the node budget applies only where some h_t is non-convex. */
function minimumOver(terms: readonly DateTerm[], model: SingleResourceModel, omegaStar: OmegaStar, tol: Q): MinBounds {
  if (omegaStar.kind === "window") {
    const w = windowMinimum(terms, omegaStar.avg, omegaStar.x, { tol });
    if (w && !contains(omegaStar, w.argmin!)) throw new InternalError("windowMinimum: its point is not in the window set");
    if (w && w.status === "certified") return w;
  }
  const convex = terms.every((h) => h.convex);
  return certifiedMin(terms, pieces(omegaStar, model.T), convex ? { tol } : { tol, maxRounds: NONCONVEX_NODES });
}

/** min over ω̂ⁿ ∈ Ω*ⁿ of Vⁿ(ω⁻ⁿ, ω̂ⁿ), certified. */
export function linkedMinimum(model: SingleResourceModel, omegaStar: OmegaStar, reports: Endowments, n: number, tol: Q = DEFAULT_TOL): MinBounds {
  return minimumOver(dateTerms(model, reports, n), model, omegaStar, tol);
}

/** V*ⁿ bounds at a profile already in Ω*: [Vⁿ − hi, Vⁿ − lo]. */
export function linkedTransferBounds(model: SingleResourceModel, omegaStar: OmegaStar, reports: Endowments, tol: Q = DEFAULT_TOL): Interval[] {
  const totals = dateTotals(model, reports);
  return reports.map((_, n) => {
    const terms = dateTerms(model, reports, n, totals);
    const v = othersSurplus(terms, reports[n] as Q[]);
    const m = minimumOver(terms, model, omegaStar, tol);
    return { lo: v.sub(m.hi), hi: v.sub(m.lo) };
  });
}

export function linkedVcg(model: SingleResourceModel, omegaStar: OmegaStar, tol: Q = DEFAULT_TOL): SingleResourceMechanism {
  return {
    name: "single-resource/linked-vcg",
    kind: SINGLE_KIND,
    model,
    omegaStar,
    allocate: (profile, t) => efficientAllocation(model, retractProfile(omegaStar, profile), t),
    transferBounds: (profile) => linkedTransferBounds(model, omegaStar, retractProfile(omegaStar, profile), tol),
    // The minimum depends on [ω]⁻ⁿ only, which a unilateral deviation leaves alone: it cancels.
    unilateralDifference(truth, lie, n) {
      const t = retractProfile(omegaStar, truth), l = retractProfile(omegaStar, lie);
      const d = othersSurplus(dateTerms(model, l, n), l[n] as Q[]).sub(othersSurplus(dateTerms(model, t, n), t[n] as Q[]));
      return { lo: d, hi: d };
    },
  };
}

export const unlinkedVcgFamily: SingleResourceFamily = { name: "single-resource/unlinked-vcg", kind: SINGLE_KIND, build: ({ model }) => unlinkedVcg(model) };
export const linkedVcgFamily: SingleResourceFamily = { name: "single-resource/linked-vcg", kind: SINGLE_KIND, build: ({ model, omegaStar }) => linkedVcg(model, omegaStar) };
