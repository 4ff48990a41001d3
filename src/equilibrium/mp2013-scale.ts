/**
 * The incentive constraints of mp2013's reward constructions, each linear in the reward scale κ
 * (zᵢ = κ·unitᵢ): the one-shot augmented GVCG (Theorem 2(i)) and §7.3's two-stage game
 * (Proposition 3). A lie's gain is D − κS, with D its gain without rewards and S what truth earns
 * over it per unit of κ; `scaleRange` (least-scale.ts) turns them into the scales that work.
 */
import { Surd } from "../exact/surd.js";
import type { RewardRule } from "../mechanisms/mp2013/augmented.js";
import { gvcgFamily } from "../mechanisms/mp2013/gvcg.js";
import type { TwoStageRules } from "../mechanisms/mp2013/two-stage.js";
import { condOthers, derived, inSupport, othersProfiles, withType, type Mp2013Model } from "../models/mp2013/model.js";
import type { ScaledConstraint } from "./least-scale.js";
import { interimGain } from "./mp2013.js";
import { stage1Lies } from "./mp2013-two-stage.js";

/** A lie: agent i of type tᵢ announcing (or, in stage 1, reporting) s. */
export interface LieAt {
  readonly i: number;
  readonly ti: number;
  readonly s: number;
}

/** S = Σ_{t₋ᵢ : (t₋ᵢ, tᵢ) ∈ T*} P(t₋ᵢ|tᵢ)(unitᵢ(t₋ᵢ, tᵢ) − unitᵢ(t₋ᵢ, s)). */
export function rewardAdvantage(m: Mp2013Model, rule: RewardRule, i: number, ti: number, s: number): Surd {
  const d = derived(m);
  let S = Surd.ZERO;
  for (const b of othersProfiles(d, i)) {
    const t = withType(d, b, i, ti);
    if (inSupport(d, t)) S = S.add(rule.unit(m, d, i, t).sub(rule.unit(m, d, i, withType(d, b, i, s))).scale(condOthers(d, t, i)));
  }
  return S;
}

/** Theorem 2(i): D = the GVCG interim gain of each lie. */
export function augmentedConstraints(m: Mp2013Model, rule: RewardRule): ScaledConstraint<LieAt>[] {
  const d = derived(m);
  const gvcg = gvcgFamily.build(m);
  const out: ScaledConstraint<LieAt>[] = [];
  for (let i = 0; i < d.n; i++)
    for (let ti = 0; ti < d.sizes[i]!; ti++)
      for (let s = 0; s < d.sizes[i]!; s++) if (s !== ti) out.push({ D: interimGain(gvcg, d, i, ti, s), S: rewardAdvantage(m, rule, i, ti, s), at: { i, ti, s } });
  return out;
}

/** Proposition 3: D = a stage-1 lie's best continuation gain (T = T*). */
export function twoStageConstraints(m: Mp2013Model, rules: TwoStageRules): ScaledConstraint<LieAt>[] {
  return stage1Lies(m, rules.stage2).map((l) => ({ D: Surd.of(l.D), S: rewardAdvantage(m, rules.rule, l.i, l.ti, l.r), at: { i: l.i, ti: l.ti, s: l.r } }));
}
