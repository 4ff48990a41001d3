/**
 * Stage 2 of §7.3's two-stage game: the VCG mechanism of the private-value problem in which agent
 * i's valuation is wᵢ(c, π, tᵢ) = Σ_θ vᵢ(c, θ, tᵢ)π(θ) at a posted belief π:
 *   q̂(t|π) ∈ argmax_c Σⱼ wⱼ(c, π, tⱼ) (first maximizer),
 *   x̂ᵢ(t|π) = Σ_{j≠i} wⱼ(q̂(t|π), π, tⱼ) − max_c Σ_{j≠i} wⱼ(c, π, tⱼ).
 * At π = ρ(t) = P_Θ(·|t) it is GVCG: q̂(t|ρ(t)) = q(t), x̂ᵢ(t|ρ(t)) = αᵢ^q(t).
 */
import { Q } from "../../exact/rational.js";
import { wValue, type Mp2013Model } from "../../models/mp2013/model.js";

export const POSTED_KIND = "mp2013/posted-vcg";

/** A stage-2 mechanism: outcome and transfers at a type profile (indices) and a posted belief. */
export interface PostedMechanism {
  readonly name: string;
  readonly kind: string;
  outcome(m: Mp2013Model, types: readonly number[], pi: readonly Q[]): number;
  transfer(m: Mp2013Model, i: number, types: readonly number[], pi: readonly Q[]): Q;
}

/** Σ_{j ∉ skip} wⱼ(c, π, tⱼ). */
export function postedValue(m: Mp2013Model, types: readonly number[], pi: readonly Q[], c: number, skip = -1): Q {
  return types.reduce((a, tj, j) => (j === skip ? a : a.add(wValue(m, j, c, pi, tj))), Q.ZERO);
}

export function postedArgmax(m: Mp2013Model, types: readonly number[], pi: readonly Q[], skip = -1): { c: number; value: Q } {
  let c = 0, value = postedValue(m, types, pi, 0, skip);
  for (let k = 1; k < m.outcomes.length; k++) {
    const v = postedValue(m, types, pi, k, skip);
    if (v.gt(value)) [c, value] = [k, v];
  }
  return { c, value };
}

export const postedVcg: PostedMechanism = {
  name: "mp2013/posted-belief VCG (§7.3, stage 2)",
  kind: POSTED_KIND,
  outcome: (m, types, pi) => postedArgmax(m, types, pi).c,
  transfer(m, i, types, pi) {
    const c = postedArgmax(m, types, pi).c;
    return postedValue(m, types, pi, c, i).sub(postedArgmax(m, types, pi, i).value);
  },
};
