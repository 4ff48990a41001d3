/**
 * zhu2021 §6.1, Corollary 2: if β = 1, p(μ) = p1 (the same price every date) and Properties I and II
 * hold for agent n, then lWⁿ(μ) ≤ max_{μ̂ⁿ} Sⁿ(μ⁻ⁿ, μ̂ⁿ) − min_{μ̂ⁿ} Sⁿ(μ⁻ⁿ, μ̂ⁿ) over Ωⁿ(T, μ_, μ̄).
 * Under II the agent's contribution is concave in his report, so the maximum is an exact LP and the
 * minimum sits at a vertex of Ωⁿ (src/mechanisms/zhu2021/small-surplus.ts).
 */
import type { Claim } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { violated } from "../../src/claims/verdicts.js";
import { maxOwnSurplus, minOwnSurplus } from "../../src/mechanisms/zhu2021/small-surplus.js";
import type { Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { profileToJson } from "../../src/models/zhu2021/repeated-json.js";
import { smallClaimFields, smallHypotheses, transferOf, type SmallCase } from "./small-common.js";

export const corollary2: Claim<SmallCase, Zhu2021Family> = {
  id: "zhu2021.corollary2",
  paper: "zhu2021",
  section: "§6.1, Corollary 2",
  statement: "Suppose β = 1 and p(μ) = p1 for some p. If Properties I and II are satisfied, then lWⁿ(μ) ≤ max_{μ̂ⁿ} Sⁿ(μ⁻ⁿ, μ̂ⁿ) − min_{μ̂ⁿ} Sⁿ(μ⁻ⁿ, μ̂ⁿ).",
  expect: "holds",
  note: "Properties decided exactly; max Sⁿ by exact LPs, min Sⁿ over the vertices of Ωⁿ (Sⁿ is concave in μ̂ⁿ under Property II).",
  ...smallClaimFields(false),
  check(c, family) {
    if (!c.model.beta.eq(Q.ONE)) return { kind: "vacuous", hypothesis: `β = ${c.model.beta}, not 1` };
    const h = smallHypotheses(c, true);
    if ("vacuous" in h) return h.vacuous;
    const p0 = h.prices[0]!;
    if (!h.prices.every((p) => p.every((x, r) => x.eq(p0[r]!)))) return { kind: "vacuous", hypothesis: "the price is not the same every date (p(μ) ≠ p1)" };
    const n = c.agent;
    const W = transferOf(c, family);
    const hi = maxOwnSurplus(c.model, c.truth, n), lo = minOwnSurplus(c.model, c.truth, n);
    const bound = hi.value.sub(lo.value);
    if (W.le(bound)) return { kind: "holds" };
    return violated(
      `agent ${n + 1} has Properties I and II at a constant price, yet lWⁿ(μ) = ${W} > max Sⁿ − min Sⁿ = ${hi.value} − ${lo.value}`,
      { agent: n + 1, transfer: W.toString(), maxContribution: hi.value.toString(), minContribution: lo.value.toString(), maximizer: profileToJson([hi.report])[0]!, minimizer: profileToJson([lo.report])[0]! },
      { gain: W.sub(bound).toString() },
    );
  },
};
