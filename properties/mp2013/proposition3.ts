/**
 * mp2013 §7.3, Proposition 3: if every Λᵢ^P > 0, some rewards (zᵢ) give the two-stage game an ICPBE
 * (a perfect Bayesian equilibrium in which everyone reports truthfully at both stages). The proof
 * ("as for Theorem 2(i)") scales Proposition 4's spherical rewards. The subject is the game's rules;
 * the check finds the least scale κ exactly, or certifies that none works.
 */
import type { Claim, Verdict } from "../../src/claims/types.js";
import { vacuous } from "../../src/claims/verdicts.js";
import { fullSupport } from "../../src/equilibrium/mp2013-two-stage.js";
import type { Q } from "../../src/exact/rational.js";
import { paperTwoStage, stageOneReward, TWO_STAGE_KIND, type TwoStageRules } from "../../src/mechanisms/mp2013/two-stage.js";
import { derived, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { modelArb } from "../../src/search/mp2013.js";
import { decodeModel, encodeModel, modelSize } from "./common.js";
import { stage1Witness, stage2Witness } from "./icpbe.js";
import { twoStageConstraints } from "../../src/equilibrium/mp2013-scale.js";
import { someScaleVerdict, zeroVariability } from "./scale.js";

/** §7.3 assumes T = T*; instances are drawn with every profile possible. */
export const fullSupportModels = () => modelArb({ kinds: ["free", "small", "free"], maxAgents: 3, maxTypes: 3 }).filter((m) => fullSupport(derived(m)));

export const proposition3: Claim<Mp2013Model, TwoStageRules> = {
  id: "mp2013.proposition3",
  paper: "mp2013",
  section: "§7.3, Proposition 3 (proof in §10.4)",
  statement: "If P ∈ Δ*_{Θ×T} satisfies Λᵢ^P > 0 for each i, there exist (zᵢ) such that the associated two-stage game has an ICPBE.",
  expect: "holds",
  note: "Checked with the proof's rewards zᵢ = κ·P(t₋ᵢ|tᵢ)/‖P(·|tᵢ)‖₂ and the posted-belief VCG in stage 2: the least κ is found exactly and the game re-checked just above and below it. Stage-1 lies are followed by the best stage-2 reply at each posted belief, valued at the true posterior.",
  subjectKind: TWO_STAGE_KIND,
  defaultSubject: paperTwoStage,
  runs: 150,
  arbitrary: fullSupportModels,
  encode: encodeModel,
  decode: decodeModel,
  size: modelSize,
  check(m, rules): Verdict {
    if (!fullSupport(derived(m))) return vacuous("§7.3 assumes T = T* (every type profile has positive probability)");
    const s2 = stage2Witness(m, rules);
    if (s2) {
      const z = zeroVariability(m);
      return z ? { kind: "outside", hypothesis: `Λ${z.i} = 0`, witness: s2 } : { kind: "violated", witness: s2 };
    }
    const recheck = (k: Q) => stage1Witness(m, rules, stageOneReward(m, rules, k));
    return someScaleVerdict(m, twoStageConstraints(m, rules), recheck, "the two-stage game");
  },
};
