/**
 * Planted bugs for the mp2013 claims: a GVCG whose outcome is not efficient, one whose transfer
 * drops the others' values (a pure pivot), an informational size that takes the wrong extremum or
 * forgets the distance, an optimal value F_S at a wrongly normalized belief, a stage-2 VCG
 * that drops the others' values, a "balanced" scheme without its 1/n, Theorem 2's construction repaired (rewards and δ halved), under which
 * the refutation of the proof's construction must disappear, Theorem 3's neighbour reward inverted, and
 * Lemma B's tail bound repaired (under which its refutation must disappear); for §7's rewards, a rule
 * without the 2-norm normalization and an inverted spherical rule; for §7.3's game, a stage 2 that
 * drops the others' values; and Proposition 4's Step 4 repaired (E‖Δρ‖ ≤ 3ν̂).
 */
import { Q } from "../../../src/exact/rational.js";
import { Surd } from "../../../src/exact/surd.js";
import { efficientOutcome, groupValue, gvcgTransfers, pivot } from "../../../src/mechanisms/mp2013/gvcg.js";
import { memoMechanism, MP2013_KIND, type Mp2013Family } from "../../../src/mechanisms/mp2013/types.js";
import { kyFan, shifts } from "../../../src/models/mp2013/informational.js";
import { derived, inSupport, type Mp2013Model } from "../../../src/models/mp2013/model.js";
import { SIZE_KIND, type SizeImpl } from "../../../properties/mp2013/informational-size.js";
import { THEOREM2_KIND, type Theorem2Construction } from "../../../properties/mp2013/theorem2.js";
import { referenceValue, VALUE_KIND, type ValueFunction } from "../../../properties/mp2013/lemma1.js";
import { postedArgmax, POSTED_KIND, postedVcg as postedVcgRef, type PostedMechanism } from "../../../src/mechanisms/mp2013/posted.js";
import { vHat } from "../../../src/models/mp2013/model.js";
import { normalizedQ, REPLICA_REWARD_KIND, type ReplicaReward } from "../../../src/mechanisms/mp2013/replica.js";
import { TAIL_KIND, type TailBound } from "../../../properties/mp2013/lemma-b.js";
import { hoeffdingI, tailBound } from "../../../src/probability/hoeffding.js";
import { REWARD_RULE_KIND, sphericalRule, type RewardRule } from "../../../src/mechanisms/mp2013/augmented.js";
import { condOthers } from "../../../src/models/mp2013/model.js";
import { TWO_STAGE_KIND, type TwoStageRules } from "../../../src/mechanisms/mp2013/two-stage.js";
import { SHIFT_BOUND_KIND, type ShiftBound } from "../../../properties/mp2013/proposition4-step4.js";

/** GVCG transfers around an outcome that maximizes everyone's value but agent 0's. */
export const ignoresAgent0: Mp2013Family = {
  name: "mp2013/gvcg with q blind to agent 0",
  kind: MP2013_KIND,
  build(m: Mp2013Model) {
    const d = derived(m);
    const q = (t: number): number => {
      if (!inSupport(d, t)) return d.c0;
      let best = 0;
      for (let c = 1; c < m.outcomes.length; c++) if (groupValue(m, d, c, t, 0).gt(groupValue(m, d, best, t, 0))) best = c;
      return best;
    };
    return memoMechanism(this.name, m, q, (t) => gvcgTransfers(m, d, t, q(t)).map((x) => Surd.of(x)));
  },
};

/** αᵢ = −max_c Σ_{j≠i} v̂ⱼ(c; t): the pivot alone, without Σ_{j≠i} v̂ⱼ(q(t); t). */
export const pivotOnly: Mp2013Family = {
  name: "mp2013/gvcg without the others' values",
  kind: MP2013_KIND,
  build(m: Mp2013Model) {
    const d = derived(m);
    const q = (t: number) => efficientOutcome(m, d, t);
    return memoMechanism(this.name, m, q, (t) => (inSupport(d, t) ? Array.from({ length: d.n }, (_, i) => Surd.of(pivot(m, d, i, t).neg())) : new Array<Surd>(d.n).fill(Surd.ZERO)));
  },
};

/** νᵢ with min over the pairs (tᵢ, tᵢ′) where Definition 3 takes the max. */
export const sizeMinOverPairs: SizeImpl = {
  name: "nu with min over pairs",
  kind: SIZE_KIND,
  size(m, i) {
    const d = derived(m);
    let best: Q | null = null;
    for (let a = 0; a < d.sizes[i]!; a++)
      for (let b = 0; b < d.sizes[i]!; b++) {
        if (a === b) continue;
        const v = kyFan(shifts(m, i, a, b, d));
        if (best === null || v.lt(best)) best = v;
      }
    return best ?? Q.ZERO;
  },
};

/** νᵢ as the probability of moving the posterior at all (Prob{I₀}), forgetting the Ky Fan trade-off. */
export const sizeEventMass: SizeImpl = {
  name: "nu as Prob{posterior moves}",
  kind: SIZE_KIND,
  size(m, i) {
    const d = derived(m);
    let best = Q.ZERO;
    for (let a = 0; a < d.sizes[i]!; a++)
      for (let b = 0; b < d.sizes[i]!; b++) {
        if (a === b) continue;
        const mass = shifts(m, i, a, b, d).reduce((acc, s) => (s.d.isZero() ? acc : acc.add(s.w)), Q.ZERO);
        if (mass.gt(best)) best = mass;
      }
    return best;
  },
};

/** Theorem 2's construction repaired: zᵢ = (ε/2)·P/‖P‖₂ and δ < (1/2)·min{…}. */
export const theorem2Repaired: Theorem2Construction = { name: "Theorem 2 repaired: rewards ε/2, δ halved", kind: THEOREM2_KIND, zScale: Q.of(1, 2), deltaScale: Q.of(1, 2) };

/** F_S at p rescaled by its largest entry (p/max p, a wrong normalization of the belief). */
export const valueRescaled: ValueFunction = {
  name: "F_S at p/max p",
  kind: VALUE_KIND,
  value(m, S, types, p) {
    const top = p.reduce((a, x) => (x.gt(a) ? x : a), Q.ZERO);
    return referenceValue.value(m, S, types, p.map((x) => x.div(top)));
  },
};

/** Stage-2 VCG whose transfer is the pivot alone: x̂ᵢ = −max_c Σ_{j≠i} wⱼ(c, π, tⱼ). */
export const postedPivotOnly: PostedMechanism = {
  name: "posted-belief VCG without the others' values",
  kind: POSTED_KIND,
  outcome: (m, types, pi) => postedArgmax(m, types, pi).c,
  transfer: (m, i, types, pi) => postedArgmax(m, types, pi, i).value.neg(),
};

/** βᵢ = Σⱼ v̂ⱼ − v̂ᵢ: the balanced scheme without its 1/n (so not balanced). */
export const balancedWithoutAverage: Mp2013Family = {
  name: "mp2013/balanced without 1/n",
  kind: MP2013_KIND,
  build(m: Mp2013Model) {
    const d = derived(m);
    const q = (t: number) => efficientOutcome(m, d, t);
    return memoMechanism(this.name, m, q, (t) => (inSupport(d, t) ? Array.from({ length: d.n }, (_, i) => Surd.of(groupValue(m, d, q(t), t).sub(vHat(m, d, i, q(t), t)))) : new Array<Surd>(d.n).fill(Surd.ZERO)));
  },
};

/** Theorem 3's reward inverted: (ε/r)·(1 − Q(β|s)/‖Q(·|s)‖₂) — still in [0, ε/r], but it pays for the wrong announcement. */
export const invertedNeighbourReward: ReplicaReward = {
  name: "(ε/r)·(1 − Q(β|s)/‖Q(·|s)‖₂)",
  kind: REPLICA_REWARD_KIND,
  reward: (d, r, eps, s, beta) => Surd.of(Q.ONE).sub(normalizedQ(d, s, beta)).scale(eps.div(Q.of(r))),
};

/** Lemma B's tail bound repaired: Hoeffding for the 1-norm, 2|A|·exp(−(r−1)δ²/(2|A|²)). */
export const repairedTailBound: TailBound = {
  name: "2|A|·exp(−(r−1)δ²/(2|A|²))",
  kind: TAIL_KIND,
  formula: "2|A|·exp(−nδ²/(2|A|²))",
  // ‖x‖₁ ≥ δ/2 forces some |x_α| ≥ δ/(2|A|): Hoeffding there, a union over the |A| signals
  bound: (A, n, delta) => tailBound(Q.of(A), hoeffdingI(delta.div(Q.of(2 * A)), Q.ONE), n),
};

/** The reward P(t₋ᵢ|tᵢ) without the 2-norm: a lie to a more concentrated belief can earn more than truth. */
export const linearRule: RewardRule = {
  name: "P(t₋ᵢ|tᵢ), not normalized",
  kind: REWARD_RULE_KIND,
  unit: (_m, d, i, t) => Surd.of(condOthers(d, t, i)),
};

/** The spherical rule inverted, 1 − P/‖P‖₂: in [0, 1] like the paper's, but it pays for lies. */
export const invertedSphericalRule: RewardRule = {
  name: "1 − P(t₋ᵢ|tᵢ)/‖P(·|tᵢ)‖₂",
  kind: REWARD_RULE_KIND,
  unit: (m, d, i, t) => Surd.of(Q.ONE).sub(sphericalRule.unit(m, d, i, t)),
};

/** §7.3's game with stage 2 dropping the others' values (a pure pivot): truth is no longer dominant there. */
export const twoStagePivotOnly: TwoStageRules = { name: "two-stage game with a pivot-only stage 2", kind: TWO_STAGE_KIND, stage2: postedPivotOnly, rule: sphericalRule };

/** §7.3's game paying the inverted spherical reward in stage 1. */
export const twoStageInvertedReward: TwoStageRules = { name: "two-stage game with inverted rewards", kind: TWO_STAGE_KIND, stage2: postedVcgRef, rule: invertedSphericalRule };

/** Step 4 of Proposition 4's proof repaired: E‖Δρ‖ ≤ 3ν̂ (ν̂ on the small shifts, 2 on an event of probability ≤ ν̂). */
export const repairedShiftBound: ShiftBound = { name: "E‖Δρ‖ ≤ 3ν̂", kind: SHIFT_BOUND_KIND, factor: Q.of(3) };
