/**
 * Theorem 3's augmented GVCG for the replica P^r (§10.6): each agent is scored on the next one's
 * announcement (cyclically, agent r on agent 1),
 *   zᵢ^r(t) = (ε/r)·Q(t_{i+1}|tᵢ)/‖Q(·|tᵢ)‖₂  ∈ [0, ε/r],
 * so Σᵢ zᵢ^r ≤ ε whatever r is — the point of the theorem. The reward is a plug-in (`ReplicaReward`)
 * so that the claim applies to a user's variant; the zoo's mutants are variants of it.
 */
import { Q } from "../../exact/rational.js";
import { Surd } from "../../exact/surd.js";
import { derived, typeAt, type Mp2013Model } from "../../models/mp2013/model.js";
import { replicaDerived, type ReplicaBase, type ReplicaDerived } from "../../models/mp2013/replica.js";
import { gvcgFamily } from "./gvcg.js";
import { epsilonOf } from "./augmented.js";
import { memoMechanism, MP2013_KIND, type Mp2013Family } from "./types.js";

export const REPLICA_REWARD_KIND = "mp2013/replica-reward";

export interface ReplicaReward {
  readonly name: string;
  readonly kind: typeof REPLICA_REWARD_KIND;
  /** zᵢ^r when agent i announces s and the next agent announces β, in the r-agent replica. */
  reward(d: ReplicaDerived, r: number, eps: Q, s: number, beta: number): Surd;
}

/** ‖Q(·|α)‖₂² for each signal α. */
export function qNormsSquared(d: ReplicaDerived): Q[] {
  return d.Qm.map((row) => row.reduce((a, x) => a.add(x.mul(x)), Q.ZERO));
}

const qNorms = new WeakMap<ReplicaDerived, Q[]>();

/** Q(β|s)/‖Q(·|s)‖₂: the normalized neighbour belief, the spherical score before scaling. */
export function normalizedQ(d: ReplicaDerived, s: number, beta: number): Surd {
  let n = qNorms.get(d);
  if (!n) qNorms.set(d, (n = qNormsSquared(d)));
  return Surd.invRoot(n[s]!, d.Qm[s]![beta]!);
}

export const theorem3Reward: ReplicaReward = {
  name: "mp2013/theorem3-reward",
  kind: REPLICA_REWARD_KIND,
  reward: (d, r, eps, s, beta) => normalizedQ(d, s, beta).scale(eps.div(Q.of(r))),
};

/** (q, (αᵢ + zᵢ)) on the full r-agent model replicaModel(b, r): GVCG plus the neighbour reward. */
export function replicaAugmentedFamily(b: ReplicaBase, reward: ReplicaReward = theorem3Reward, eps?: Q): Mp2013Family {
  const name = `mp2013/gvcg+${reward.name}`;
  return {
    name,
    kind: MP2013_KIND,
    build(m: Mp2013Model) {
      const d = derived(m), rd = replicaDerived(b);
      const e = epsilonOf(m, eps, name);
      const inner = gvcgFamily.build(m);
      return memoMechanism(name, m, (t) => inner.allocate(t, 0), (t) =>
        inner.transfer(t).map((x, i) => x.add(reward.reward(rd, d.n, e, typeAt(d, t, i), typeAt(d, t, (i + 1) % d.n)))),
      );
    },
  };
}
