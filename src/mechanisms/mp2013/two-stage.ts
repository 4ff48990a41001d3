/**
 * §7.3's two-stage implementation game as a pluggable object: the stage-1 reward rule (zᵢ = κ·unitᵢ,
 * paid on the stage-1 reports) and the stage-2 mechanism at the posted belief. Propositions 3 and 4
 * are about this pair; a user's variant replaces either part.
 */
import type { Q } from "../../exact/rational.js";
import type { Surd } from "../../exact/surd.js";
import { derived, type Mp2013Model } from "../../models/mp2013/model.js";
import { sphericalRule, type RewardRule } from "./augmented.js";
import { postedVcg, type PostedMechanism } from "./posted.js";

export const TWO_STAGE_KIND = "mp2013/two-stage";

export interface TwoStageRules {
  readonly name: string;
  readonly kind: string;
  readonly stage2: PostedMechanism;
  readonly rule: RewardRule;
}

/** The proofs' game: spherical rewards in stage 1, the posted-belief VCG in stage 2. */
export const paperTwoStage: TwoStageRules = { name: "mp2013 §7.3: spherical rewards, then VCG at the posted belief", kind: TWO_STAGE_KIND, stage2: postedVcg, rule: sphericalRule };

/** zᵢ(r) = κ·unitᵢ(r) at a stage-1 report profile r. */
export function stageOneReward(m: Mp2013Model, rules: TwoStageRules, kappa: Q): (i: number, t: number) => Surd {
  const d = derived(m);
  return (i, t) => rules.rule.unit(m, d, i, t).scale(kappa);
}
