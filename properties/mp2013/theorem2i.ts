/**
 * mp2013 §7.2, Theorem 2(i): if every Λᵢ^P > 0 and q is outcome efficient, some augmented GVCG
 * mechanism (q, αᵢ^q + zᵢ), zᵢ ≥ 0, is ex post IR and interim IC. The proof (§10.3, "part (i)")
 * scales part (ii)'s spherical rewards: zᵢ = κ·P(t₋ᵢ|tᵢ)/‖P(·|tᵢ)‖₂ with κ large. The subject is the
 * reward rule; the check finds the least κ that works, exactly, or certifies that none does.
 */
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import { largestInterimGain, lowestTruthfulPayoff } from "../../src/equilibrium/mp2013.js";
import { Q } from "../../src/exact/rational.js";
import { augmentedFamily, REWARD_RULE_KIND, sphericalRule, type RewardRule } from "../../src/mechanisms/mp2013/augmented.js";
import { gvcgFamily } from "../../src/mechanisms/mp2013/gvcg.js";
import { derived, showProfile, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { modelArb } from "../../src/search/mp2013.js";
import { decodeModel, encodeModel, modelSize, surd, typeName } from "./common.js";
import { someScaleVerdict } from "./scale.js";
import { augmentedConstraints } from "../../src/equilibrium/mp2013-scale.js";

/** The augmented mechanism at scale κ, through the general equilibrium code: null when ex post IR and interim IC. */
function recheck(m: Mp2013Model, rule: RewardRule, k: Q): Witness | null {
  const mech = augmentedFamily(gvcgFamily, k, `gvcg+${rule.name}`, rule).build(m);
  const d = derived(m);
  const low = lowestTruthfulPayoff(mech);
  if (low.value.sign() < 0) return { summary: `not ex post IR at κ = ${k}: agent ${low.i} at ${showProfile(m, d, low.t)} gets ${low.value}`, quantities: { kappa: k.toString(), payoff: surd(low.value) } };
  const ig = largestInterimGain(mech);
  if (ig && ig.gain.sign() > 0) return { summary: `not interim IC at κ = ${k}: agent ${ig.i} of type ${typeName(m, ig.i, ig.ti)} gains ${ig.gain} by announcing ${typeName(m, ig.i, ig.s)}`, quantities: { kappa: k.toString(), interimGain: surd(ig.gain) } };
  return null;
}

export const theorem2i: Claim<Mp2013Model, RewardRule> = {
  id: "mp2013.theorem2i",
  paper: "mp2013",
  section: "§7.2, Theorem 2(i) (proof in §10.3)",
  statement: "If P ∈ Δ*_{Θ×T} satisfies Λᵢ^P > 0 for each i and q is outcome efficient, there exists an augmented GVCG mechanism (q, αᵢ^q + zᵢ), zᵢ ≥ 0, that is ex post IR and interim IC.",
  expect: "holds",
  note: "Checked with the proof's rewards zᵢ = κ·P(t₋ᵢ|tᵢ)/‖P(·|tᵢ)‖₂: the least κ that works is found exactly (a maximum of ratios of sums of square roots) and re-checked through the mechanism just above and just below it. Ex post IR needs nothing beyond zᵢ ≥ 0.",
  subjectKind: REWARD_RULE_KIND,
  defaultSubject: sphericalRule,
  runs: 200,
  // Lopsided and point-mass beliefs ("free", zero weights) are where a wrong rule fails.
  arbitrary: () => modelArb({ kinds: ["free", "small", "free"], maxAgents: 3, maxTypes: 3 }),
  encode: encodeModel,
  decode: decodeModel,
  size: modelSize,
  check(m, rule): Verdict {
    return someScaleVerdict(m, augmentedConstraints(m, rule), (k) => recheck(m, rule, k), "the augmented GVCG mechanism");
  },
};
