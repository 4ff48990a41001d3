/**
 * Planted bugs for the single-resource claims (zhu2022 / stylized). Each is a plausible slip of an
 * implementer or of a proof: a retraction that looks ahead, one that does not land in Ω*, a mis-built
 * window, a project type with a wrong derivative, VCG without β^{t−T}, a linked minimum that
 * depends on the agent's own report, an allocation that wastes supply.
 */
import { Q, q } from "../../../src/exact/rational.js";
import { efficientAllocation, type Endowments, type SingleResourceModel } from "../../../src/models/single-resource/model.js";
import type { ProjectType } from "../../../src/models/single-resource/project.js";
import { dateTerms, othersSurplus } from "../../../src/mechanisms/single-resource/date-terms.js";
import { linkedVcg, SINGLE_KIND, unlinkedTransfers, type SingleResourceFamily, type SingleResourceMechanism } from "../../../src/mechanisms/single-resource/vcg.js";
import { contains, retract, type OmegaStar } from "../../../src/typespace/single-resource.js";
import type { RetractionSubject } from "../../../properties/shared/lemma1.js";
import type { MembershipSubject } from "../../../properties/zhu2022/lemma5.js";
import type { ProjectSubject } from "../../../properties/stylized/theorem1-surplus-tangent.js";

// --- retractions (Lemma 1) ---

/** Outside Ω*, jumps to one fixed member (the completion of the empty prefix): not adapted. */
export const jumpsToFixedMember: RetractionSubject = {
  name: "jumps to a fixed member",
  retract: (set, row) => (contains(set, row) ? [...row] : retract(set, row.map(() => q(10 ** 6)))),
};

/** Returns the report unchanged: not into Ω*. */
export const identityRetraction: RetractionSubject = { name: "identity", retract: (_set, row) => [...row] };

/** Clips each date into [0, ω_max] only, ignoring the average constraint: not into Ω* in general. */
export const clipsDates: RetractionSubject = {
  name: "clips dates, ignores the average",
  retract: (set: OmegaStar, row) => (set.kind === "box-average" ? row.map((x) => Q.min(x, set.max)) : retract(set, row)),
};

// --- membership (zhu2022 Lemma 5) ---

/** The window with only its upper side (the absolute value dropped). */
export const oneSidedWindow: MembershipSubject = {
  name: "window without its lower side",
  contains: (set, row) => {
    if (set.kind !== "window") return contains(set, row);
    const k = q(row.length - 1);
    const total = row.reduce((a, b) => a.add(b), Q.ZERO);
    return row.every((x) => total.sub(x).div(k).sub(set.avg).le(set.x));
  },
};

// --- project types (stylized surplus steps) ---

/** Evaluates f' at the wrong point (v/ω_avg replaced by 0 is f'(0)): a classic slip. */
export const derivativeAtZero: ProjectSubject = { name: "f' evaluated at 0", adapt: (f: ProjectType) => ({ ...f, df: () => f.df(Q.ZERO) }) };

// --- mechanisms ---

function family(name: string, build: (model: SingleResourceModel, omegaStar: OmegaStar) => SingleResourceMechanism): SingleResourceFamily {
  return { name, kind: SINGLE_KIND, build: ({ model, omegaStar }) => build(model, omegaStar) };
}

/** An efficient mechanism with exact transfers given by `transfers` (a Groves-like variant or a bug). */
function exactTransfers(name: string, mechName: string, transfers: (model: SingleResourceModel, p: Endowments) => Q[]): SingleResourceFamily {
  return family(name, (model, omegaStar) => ({
    name: mechName,
    kind: SINGLE_KIND,
    model,
    omegaStar,
    allocate: (p, t) => efficientAllocation(model, p, t),
    transferBounds: (p) => transfers(model, p).map((v) => ({ lo: v, hi: v })),
  }));
}

/** Vⁿ without β^{t−T}: every date's contribution at face value. */
export const unlinkedWithoutDiscount = exactTransfers("unlinked VCG without β^{t−T}", "mutant/unlinked-no-discount", (model, p) => unlinkedTransfers({ ...model, beta: Q.ONE }, p));

/** Linked VCG whose subtracted term depends on the agent's own report (Σ_t h_t(2ω_t)): not a Groves transfer. */
export const ownReportPivot = exactTransfers("linked VCG with an own-report pivot", "mutant/own-report-pivot", (model, p) =>
  p.map((row, n) => {
    const terms = dateTerms(model, p, n);
    return othersSurplus(terms, row).sub(othersSurplus(terms, row.map((x) => x.mul(q(2)))));
  }),
);

/** Allocates only half the supply (an inefficient allocation), with matching VCG transfers. */
export const halfSupply = family("half the supply", (model, omegaStar) => linkedVcg({ ...model, qbar: model.qbar.mul(Q.HALF) }, omegaStar));

/** Linked VCG with the minimum over Ω instead of Ω*ⁿ (infimum 0): the transfer is the full Vⁿ. */
export const minOverWholeSpace = family("minimum over Ω instead of Ω*", (model) => linkedVcg(model, { kind: "all" }));

/** Vⁿ paid in date-1 money (β^{T−1}·Vⁿ): the convention under which C/S = N − 1 is true. */
export const presentValueTransfers = exactTransfers("unlinked VCG in date-1 money", "variant/unlinked-present-value", (model, p) => unlinkedTransfers(model, p).map((v) => v.mul(model.beta.pow(model.T - 1))));

/** f' taken at twice its argument: a tangent at the wrong point (too flat where f is increasing). */
export const derivativeAtTwice: ProjectSubject = { name: "f' evaluated at 2a", adapt: (f: ProjectType) => ({ ...f, df: (a: Q) => f.df(a.mul(q(2))) }) };

/** Pays nothing: satisfies every upper bound on transfers, so a refuted bound's check is not a constant. */
export const zeroTransfers = exactTransfers("zero transfers", "variant/zero-transfers", (_model, p) => p.map(() => Q.ZERO));

/** Unlinked VCG plus a constant 1: still ex-post IC (Groves), but it overpays every agent. */
export const unlinkedPlusOne = exactTransfers("unlinked VCG plus 1", "mutant/unlinked-plus-one", (model, p) => unlinkedTransfers(model, p).map((v) => v.add(Q.ONE)));

/**
 * The linked VCG composed with a retraction of agent n's row that depends on the others' reports
 * (stylized Lemma 2's proof excludes exactly this): when another agent reports outside Ω*, agent n's
 * report is halved before it is retracted. With everyone inside Ω* it is the reference mechanism,
 * so only claims whose others may report outside Ω* can see it.
 */
export const othersDependentRetraction = family("retraction depending on the others' reports", (model, omegaStar) => {
  const base = linkedVcg(model, omegaStar);
  const shift = (p: Endowments): Q[][] => p.map((row, n) => (p.some((r, m) => m !== n && !contains(omegaStar, r)) ? row.map((x) => x.mul(Q.HALF)) : [...row]));
  return {
    name: "mutant/others-dependent-retraction",
    kind: SINGLE_KIND,
    model,
    omegaStar,
    allocate: (p, t) => base.allocate(shift(p), t),
    // No unilateral difference: the others' rows move with the agent's report, so the minimum need not cancel.
    transferBounds: (p) => base.transferBounds(shift(p)),
  };
});
