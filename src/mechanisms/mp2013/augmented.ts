/**
 * Augmented mechanisms (§7.2): (q, (xᵢ + zᵢ)) with rewards zᵢ ≥ 0. The proofs of Theorem 2 and
 * Proposition 4 use the spherical scoring rule
 *   zᵢ(t₋ᵢ, tᵢ) = ε·P(t₋ᵢ|tᵢ)/‖P_{T₋ᵢ}(·|tᵢ)‖₂  ∈ [0, ε],
 * whose expected value under tᵢ's belief exceeds that of any lie tᵢ′ by (ε‖P(·|tᵢ)‖₂/2)·(the squared
 * distance of the normalized beliefs) — Claim 1 of Theorem 2's proof. ‖·‖₂ is irrational in general;
 * the rewards are exact `Surd`s.
 */
import { InputError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import { Surd } from "../../exact/surd.js";
import { condOthers, derived, typeAt, type Derived, type Mp2013Model } from "../../models/mp2013/model.js";
import { othersGiven } from "../../models/mp2013/informational.js";
import { memoMechanism, MP2013_KIND, type Mp2013Family } from "./types.js";

/** ‖P_{T₋ᵢ}(·|tᵢ)‖₂² for every agent and type. */
export function beliefNormsSquared(m: Mp2013Model, d: Derived = derived(m)): Q[][] {
  return d.sizes.map((k, i) => Array.from({ length: k }, (_, ti) => othersGiven(m, i, ti, d).reduce((a, x) => a.add(x.mul(x)), Q.ZERO)));
}

/** The spherical reward zᵢ(t) = ε·P(t₋ᵢ|tᵢ)/‖P(·|tᵢ)‖₂. */
export function sphericalReward(d: Derived, normsSq: readonly (readonly Q[])[], eps: Q, i: number, t: number): Surd {
  return Surd.invRoot(normsSq[i]![typeAt(d, t, i)]!, eps.mul(condOthers(d, t, i)));
}

export const REWARD_RULE_KIND = "mp2013/reward-rule";

/**
 * A reward rule up to its scale: zᵢ(t) = κ·unitᵢ(t) with κ ≥ 0. Theorem 2(i) and Proposition 3
 * assert that some scale works; Theorem 2(ii) and Proposition 4 fix κ = ε. A user's variant plugs in here.
 */
export interface RewardRule {
  readonly name: string;
  readonly kind: string;
  unit(m: Mp2013Model, d: Derived, i: number, t: number): Surd;
}

const norms = new WeakMap<Mp2013Model, Q[][]>();

function cachedNormsSquared(m: Mp2013Model, d: Derived): Q[][] {
  let x = norms.get(m);
  if (!x) norms.set(m, (x = beliefNormsSquared(m, d)));
  return x;
}

/** The proofs' rule: unitᵢ(t) = P(t₋ᵢ|tᵢ)/‖P(·|tᵢ)‖₂ (spherical scoring). */
export const sphericalRule: RewardRule = {
  name: "spherical scoring P(t₋ᵢ|tᵢ)/‖P(·|tᵢ)‖₂ (§10.3)",
  kind: REWARD_RULE_KIND,
  unit: (m, d, i, t) => sphericalReward(d, cachedNormsSquared(m, d), Q.ONE, i, t),
};

/** ε from the family or, failing that, the instance. */
export function epsilonOf(m: Mp2013Model, eps: Q | undefined, who: string): Q {
  const e = eps ?? m.epsilon;
  if (e === null) throw new InputError("instance.epsilon", `${who} needs ε (the instance's "epsilon")`);
  return e;
}

/** (q, (xᵢ + zᵢ)) with the base family's q and x and the rule's rewards (spherical by default) scaled by ε. */
export function augmentedFamily(base: Mp2013Family, eps?: Q, name = `${base.name}+spherical`, rule: RewardRule = sphericalRule): Mp2013Family {
  return {
    name,
    kind: MP2013_KIND,
    build(m) {
      const d = derived(m);
      const e = epsilonOf(m, eps, name);
      const inner = base.build(m);
      return memoMechanism(name, m, (t) => inner.allocate(t, 0), (t) => inner.transfer(t).map((x, i) => x.add(rule.unit(m, d, i, t).scale(e))));
    },
  };
}
