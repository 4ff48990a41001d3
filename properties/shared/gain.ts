/** An agent's utility gain from a unilateral misreport in a single-resource mechanism, as certified bounds. */
import { Q } from "../../src/exact/rational.js";
import { agentSurplus, betaPow, withRow, type Endowments } from "../../src/models/single-resource/model.js";
import type { SingleResourceMechanism } from "../../src/mechanisms/single-resource/vcg.js";
import type { Interval } from "../../src/mechanisms/types.js";
import { mechAllocations } from "./surplus.js";

export interface GainBounds {
  readonly lo: Q;
  readonly hi: Q;
  /** Sⁿ(A(lie), ωⁿ) − Sⁿ(A(truth), ωⁿ), exact. */
  readonly surplusGain: Q;
  /** Wⁿ(lie) − Wⁿ(truth), certified (exact when the mechanism gives a unilateral difference). */
  readonly transferDifference: Interval;
}

/**
 * Sⁿ(A(ω̂ⁿ, ω⁻ⁿ), ωⁿ) − Sⁿ(A(ω), ωⁿ) + β^{T−1}(Wⁿ(ω̂ⁿ, ω⁻ⁿ) − Wⁿ(ω)), the true row ωⁿ = reports[agent].
 * Transfers are paid at date T, hence β^{T−1} in date-1 money.
 */
export function unilateralGain(mech: SingleResourceMechanism, reports: Endowments, agent: number, misreport: readonly Q[], transferTruth?: Interval): GainBounds {
  const own = reports[agent]!;
  const lie = withRow(reports, agent, misreport);
  const surplusGain = agentSurplus(mech.model, mechAllocations(mech, lie, agent), own).sub(agentSurplus(mech.model, mechAllocations(mech, reports, agent), own));
  let transferDifference: Interval;
  if (mech.unilateralDifference) transferDifference = mech.unilateralDifference(reports, lie, agent);
  else {
    // Certified transfers at both profiles (the truth's may be passed in, already computed).
    const wt = transferTruth ?? mech.transferBounds(reports)[agent]!;
    const wl = mech.transferBounds(lie)[agent]!;
    transferDifference = { lo: wl.lo.sub(wt.hi), hi: wl.hi.sub(wt.lo) };
  }
  const disc = betaPow(mech.model.beta, mech.model.T - 1);
  return { lo: surplusGain.add(disc.mul(transferDifference.lo)), hi: surplusGain.add(disc.mul(transferDifference.hi)), surplusGain, transferDifference };
}
