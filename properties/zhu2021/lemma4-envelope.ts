/**
 * The differentiability condition behind zhu2021 Lemma 4's proof, checked rather than trusted.
 * The proof applies Milgrom and Segal (2002, Theorem 2) to Vⁿ(μ̂ⁿ, λ), which requires Vⁿ to be
 * absolutely continuous in λ with |∂Vⁿ/∂λ| bounded by an integrable function; the paper cites Lemma 3,
 * which bounds the derivative from ABOVE only. The two-sided bound that is actually needed holds if
 * v(q, ·) is 1-Lipschitz in ℓ1: |d/dλ v(q, (1 − λ)μ + λν)| ≤ Σ_i |ν_i − μ_i| (each unit of projects is
 * worth at most its unit payoff). Checked with the exact one-sided slopes of Lemma 3's check.
 * This hypothesis holds; the one that fails is differentiability AT THE MAXIMIZER (Milgrom–Segal's
 * Theorem 2 integrates ∂V/∂λ at the optimal report): v(Aⁿ(z), x) has a kink in x at x = z, and
 * Lemma 4 is false (zhu2021.lemma4).
 */
import type { Claim, Verdict } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import type { KnapsackSolver } from "../../src/models/zhu2021/knapsack.js";
import { lemma3, segmentSlopes, type Segment } from "./lemma3.js";
import { qs, violated } from "./knapsack-common.js";

export const lemma4Envelope: Claim<Segment, KnapsackSolver> = {
  ...lemma3,
  id: "zhu2021.lemma4.envelope",
  section: "§4, proof of Lemma 4 (Milgrom–Segal envelope theorem), with Lemma 3",
  statement:
    "Hypothesis of the envelope theorem used for Lemma 4: λ ↦ v(q, (1 − λ)μ + λν) is absolutely continuous with a bounded derivative; checked as |d/dλ v| ≤ Σ_i |ν_i − μ_i| at every λ* ∈ (0, 1].",
  expect: "holds",
  note: "The bound holds (v is 1-Lipschitz in ℓ1), which repairs the citation of Lemma 3 — but it does not repair the proof: Milgrom–Segal's integral formula also needs Vⁿ(μ̂ⁿ, ·) differentiable at the maximizer μ̂ⁿ = μ(λ), and with Leontief projects the agent's value has a kink exactly there. Lemma 4 itself is false (zhu2021.lemma4, certified).",
  check(seg, solver): Verdict {
    const { left, right, broken } = segmentSlopes(seg, solver);
    if (broken) return broken;
    if (left === undefined || (seg.lambdaStar.lt(Q.ONE) && right === undefined)) return { kind: "inconclusive", reason: "no affine piece found near λ*" };
    const { mu } = seg.point;
    const L = mu.reduce<Q>((s, m, i) => (m === null ? s : s.add((seg.nu[i] as Q).sub(m).abs())), Q.ZERO);
    for (const [side, d] of [["left", left], ["right", right]] as const) {
      if (d !== undefined && d.abs().gt(L)) {
        return violated(`the ${side} derivative ${d} exceeds the Lipschitz bound Σ|ν − μ| = ${L}`, { mu: qs(mu), nu: qs(seg.nu), lambdaStar: seg.lambdaStar.toString(), derivative: d.toString(), bound: L.toString() }, { gain: d.abs().sub(L).toString() });
      }
    }
    return { kind: "holds" };
  },
};
