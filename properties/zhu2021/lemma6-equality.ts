/**
 * zhu2021 §6.1, Lemma 6 (second part): if Properties I and II hold for agent n at μ, then
 *   lWⁿ(μ) = max_{μ̂ⁿ ∈ Ωⁿ(T, μ_, μ̄)} Σ_t β^{t−T} p_t(μ)·Σ_i (μ̂ⁿ_ti − μⁿ_ti) θ_i 1{n > N(μ_t, i)}.
 * The right-hand side is one exact LP over Ωⁿ (src/mechanisms/zhu2021/small-surplus.ts); §6.2's
 * geometric algorithm computes the same maximum by hand.
 */
import type { Claim } from "../../src/claims/types.js";
import { violated } from "../../src/claims/verdicts.js";
import { lemma6Linear } from "../../src/mechanisms/zhu2021/small-surplus.js";
import type { Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { smallClaimFields, smallHypotheses, transferOf, type SmallCase } from "./small-common.js";

export const lemma6Equality: Claim<SmallCase, Zhu2021Family> = {
  id: "zhu2021.lemma6.equality",
  paper: "zhu2021",
  section: "§6.1, Lemma 6 (second part)",
  statement: "If, in addition to Property I, Property II is satisfied, then lWⁿ(μ) = max_{μ̂ⁿ ∈ Ωⁿ(T, μ_, μ̄)} Σ_t β^{t−T} p_t(μ)·[Σ_i (μ̂ⁿ_ti − μⁿ_ti) θ_i 1{n > N(μ_t, i)}].",
  expect: "holds",
  note: "Both properties decided exactly; the maximum is an exact LP over Ωⁿ.",
  ...smallClaimFields(true),
  check(c, family) {
    const h = smallHypotheses(c, true);
    if ("vacuous" in h) return h.vacuous;
    const n = c.agent;
    const W = transferOf(c, family);
    const rhs = lemma6Linear(c.model, c.truth, n, h.prices);
    if (W.eq(rhs)) return { kind: "holds" };
    return violated(`agent ${n + 1} has Properties I and II, yet lWⁿ(μ) = ${W} ≠ ${rhs}, the price-weighted maximum of Lemma 6`, { agent: n + 1, transfer: W.toString(), lemma6: rhs.toString() }, { gain: W.sub(rhs).abs().toString() });
  },
};
