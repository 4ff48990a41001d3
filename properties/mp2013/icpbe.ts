/**
 * What Propositions 3 and 4 share: whether the truthful assessment of §7.3's two-stage game is an
 * ICPBE (src/equilibrium/mp2013-two-stage.ts), as a witness when it is not.
 */
import type { Witness } from "../../src/claims/types.js";
import { largestStage1Gain, stage2Failure, type StageOneReward } from "../../src/equilibrium/mp2013-two-stage.js";
import type { TwoStageRules } from "../../src/mechanisms/mp2013/two-stage.js";
import type { Mp2013Model } from "../../src/models/mp2013/model.js";
import { qs, surd, typeName } from "./common.js";

const belief = (pi: readonly { toString(): string }[]): string => `(${pi.map(String).join(", ")})`;

/** Truth fails at a stage-2 information set after a truthful report (no reward can mend it: rewards are paid in stage 1). */
export function stage2Witness(m: Mp2013Model, rules: TwoStageRules): Witness | null {
  const f = stage2Failure(m, rules.stage2);
  if (!f) return null;
  const where = `agent ${f.i} of type ${typeName(m, f.i, f.ti)}, having reported truthfully, sees π = ${belief(f.pi)}`;
  return {
    summary: f.reached
      ? `stage 2 is not truthful: ${where} and gains ${f.gain} (weighted by P(t₋ᵢ|tᵢ)) by announcing ${typeName(m, f.i, f.s)}`
      : `stage 2 is not truthful: ${where} (a probability-0 posting) and no belief makes truth a best reply; ${typeName(m, f.i, f.s)} beats it`,
    quantities: { agent: f.i, trueType: typeName(m, f.i, f.ti), posted: f.pi.map(qs), reached: f.reached, announced: typeName(m, f.i, f.s), ...(f.gain ? { gain: qs(f.gain) } : {}) },
    deviation: { agent: f.i, type: typeName(m, f.i, f.ti), stage1: typeName(m, f.i, f.ti), stage2: typeName(m, f.i, f.s), posted: f.pi.map(qs) },
    ...(f.gain ? { gain: qs(f.gain) } : {}),
  };
}

/** The most profitable stage-1 lie with its best continuation, when it gains. */
export function stage1Witness(m: Mp2013Model, rules: TwoStageRules, z: StageOneReward): Witness | null {
  const l = largestStage1Gain(m, rules.stage2, z);
  if (!l || l.gain.sign() <= 0) return null;
  const plan = l.plan.map((p) => ({ posted: p.pi.map(qs), announce: typeName(m, l.i, p.s) }));
  return {
    summary: `not an ICPBE: agent ${l.i} of type ${typeName(m, l.i, l.ti)} expects to gain ${l.gain} by reporting ${typeName(m, l.i, l.r)} in stage 1 and then replying best to each posted belief`,
    quantities: { agent: l.i, trueType: typeName(m, l.i, l.ti), stage1Report: typeName(m, l.i, l.r), continuationGain: qs(l.D), totalGain: surd(l.gain), plan },
    deviation: { agent: l.i, type: typeName(m, l.i, l.ti), stage1: typeName(m, l.i, l.r), plan },
    gain: l.gain.toString(),
  };
}
