/**
 * zhu2021 §6.2: "the transfer to an agent satisfying Properties I. and II. can be computed via a
 * simple geometric algorithm" — τ(θ_i), the latest-touched enclosing price hyperplane (β^{t−T}-scaled),
 * and μ̃ⁿ with each type's allowance on τ(θ_i). Checked: the algorithm's value equals the subject's
 * linked transfer lWⁿ(μ) (computed by the exact linked minimum, src/mechanisms/zhu2021/linked-min*).
 */
import type { Claim } from "../../src/claims/types.js";
import { violated } from "../../src/claims/verdicts.js";
import { geometricTransfer } from "../../src/mechanisms/zhu2021/small-surplus.js";
import type { Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { smallClaimFields, smallHypotheses, transferOf, type SmallCase } from "./small-common.js";

export const geometric: Claim<SmallCase, Zhu2021Family> = {
  id: "zhu2021.geometric",
  paper: "zhu2021",
  section: "§6.2, the geometric algorithm",
  statement: "If Properties I and II hold for agent n, then lWⁿ(μ) = Σ_t β^{t−T} p_t(μ)·Σ_i (μ̃ⁿ_ti − μⁿ_ti) θ_i 1{n > N(μ_t, i)}, where μ̃ⁿ_ti = Tμ̄ⁿ_i if τ̃(θ_i) = t and 0 otherwise, τ(θ_i) = argmax_{t: n > N(μ_t, i)} β^{t−T} p_t·θ_i.",
  expect: "holds",
  note: "τ is computed exactly (ties kept; the first date is used); the transfer by the LP-based exact linked minimum.",
  ...smallClaimFields(true),
  check(c, family) {
    const h = smallHypotheses(c, true);
    if ("vacuous" in h) return h.vacuous;
    const W = transferOf(c, family);
    const g = geometricTransfer(c.model, c.truth, c.agent, h.prices);
    if (W.eq(g.value)) return { kind: "holds" };
    return violated(
      `agent ${c.agent + 1} has Properties I and II, yet the geometric algorithm gives ${g.value} and lWⁿ(μ) = ${W} (τ = ${g.tau.map((d, i) => `θ_${i + 1} ↦ {${d.join(", ")}}`).join(", ")})`,
      { agent: c.agent + 1, transfer: W.toString(), geometric: g.value.toString(), tau: g.tau },
      { gain: W.sub(g.value).abs().toString() },
    );
  },
};
