/**
 * zhu2021 §6.1, Lemma 6 (first part): if Property I holds for agent n at μ, then
 *   lWⁿ(μ) ≤ max_{μ̂ⁿ ∈ Ωⁿ(T, μ_, μ̄)} Sⁿ(μ⁻ⁿ, μ̂ⁿ),
 * with Sⁿ = Σ_t β^{t−1} v(Aⁿ_t, ·) as defined in §2 and the contribution valued at μ̂ⁿ (the proof's
 * last line). Both sides exact: the transfer from the subject mechanism, the maximum by the regime
 * LPs of src/mechanisms/zhu2021/small-surplus.ts. β < 1 is generated on purpose: the proof's last
 * line carries β^{t−T} where the definition of Sⁿ has β^{t−1}, so what it proves is
 * β^{T−1}·lWⁿ ≤ max Sⁿ; as written (date-T money against date-1 money) the lemma fails for β < 1.
 * Smallest case (found and shrunk): R = 1, θ = (1, 2), q̄ = 1, N = T = 2, β = 1/2, agent 1 may hold up to
 * 2 unit-type projects in total and holds none: lW¹ = 3 (others' projects, 1 + 1/β), max S¹ = 3/2.
 */
import type { Claim } from "../../src/claims/types.js";
import { violated } from "../../src/claims/verdicts.js";
import { maxOwnSurplus } from "../../src/mechanisms/zhu2021/small-surplus.js";
import type { Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { profileToJson } from "../../src/models/zhu2021/repeated-json.js";
import { smallClaimFields, smallHypotheses, transferOf, type SmallCase } from "./small-common.js";

export const lemma6: Claim<SmallCase, Zhu2021Family> = {
  id: "zhu2021.lemma6",
  paper: "zhu2021",
  section: "§6.1, Lemma 6 (first part)",
  statement: "If Property I is satisfied, then lWⁿ(μ) ≤ max_{μ̂ⁿ ∈ Ωⁿ(T, μ_, μ̄)} Sⁿ(μ⁻ⁿ, μ̂ⁿ).",
  expect: "counterexample",
  note: "False as stated for β < 1: lWⁿ is paid at date T, Sⁿ (§2) is in date-1 money. The proof's last line weights date t by β^{t−T}, i.e. it proves β^{T−1}·lWⁿ ≤ max Sⁿ (checked as zhu2021.transfer-bound, which holds). With β = 1, as in Theorem 2, nothing changes. Property I is decided exactly (box corners under condition 2); cases without it are vacuous.",
  ...smallClaimFields(true),
  check(c, family) {
    const h = smallHypotheses(c, false);
    if ("vacuous" in h) return h.vacuous;
    const n = c.agent;
    const W = transferOf(c, family);
    const best = maxOwnSurplus(c.model, c.truth, n);
    if (W.le(best.value)) return { kind: "holds" };
    return violated(
      `agent ${n + 1} has Property I, yet lWⁿ(μ) = ${W} > max Sⁿ(μ⁻ⁿ, μ̂ⁿ) = ${best.value} (attained at μ̂ⁿ = ${JSON.stringify(profileToJson([best.report])[0])}; β = ${c.model.beta}, T = ${c.model.T})`,
      { agent: n + 1, transfer: W.toString(), maxContribution: best.value.toString(), maximizer: profileToJson([best.report])[0]!, beta: c.model.beta.toString() },
      { gain: W.sub(best.value).toString() },
    );
  },
};
