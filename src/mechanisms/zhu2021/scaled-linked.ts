/**
 * A competitor for zhu2021 Theorem 1's cheapness: the linked VCG (§4) with ONE agent's transfer
 * multiplied by λ ∈ [0, 1] when the others' (retracted) reports are a given μ^{−n}, unchanged
 * otherwise. Its allocation is lA, so it equals uA on Ω(T, μ_, μ̄) — the class Theorem 1 compares with.
 *
 * Ex-post IC separates by agent and by the others' reports: agent m ≠ n keeps lWᵐ, and agent n keeps
 * lWⁿ except at μ^{−n}, where reports outside Ωⁿ act as their retraction. So the mechanism is ex-post
 * iff W_λ = λ·lWⁿ(μ^{−n}, ·) is IC for agent n on Ωⁿ (decided by src/cheapness/zhu2021-continuum.ts),
 * and it satisfies limited liability since lWⁿ ≥ 0.
 */
import { Q } from "../../exact/rational.js";
import type { Profile, RepeatedModel } from "../../models/zhu2021/repeated.js";
import { retract } from "../../typespace/zhu2021-retraction.js";
import type { Order } from "./allocation.js";
import { linkedVcg, othersKey } from "./linked.js";
import type { Zhu2021Mechanism } from "./vcg.js";

export function scaledLinkedVcg(model: RepeatedModel, order: Order, others: Profile, agent: number, lambda: Q): Zhu2021Mechanism {
  if (lambda.sign() < 0 || lambda.gt(Q.ONE)) throw new RangeError(`scaled linked VCG: λ = ${lambda} is outside [0, 1]`);
  const base = linkedVcg(model, order);
  const at = othersKey(retract(model, others), agent);
  return {
    ...base,
    name: `${base.name}/agent-${agent + 1}-scaled-${lambda}`,
    transfer(reports) {
      const w = base.transfer(reports);
      if (othersKey(retract(model, reports), agent) === at) w[agent] = w[agent]!.mul(lambda);
      return w;
    },
  };
}
