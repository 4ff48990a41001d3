/**
 * What Theorem 2(i) and Proposition 3 share: "if every Λᵢ > 0, some rewards zᵢ make the mechanism
 * incentive compatible". Their proofs take zᵢ = κ·(a rule), κ large; each lie's gain is D − κS, so the
 * scales that work form an interval, found exactly (src/equilibrium/least-scale.ts). The verdict
 * names the least κ; and a rational κ̄ just above it, and one just below, are re-checked through the
 * mechanism itself (an independent path): κ̄ must work and κ̲ must not.
 */
import type { Verdict, Witness } from "../../src/claims/types.js";
import { outsideOrVacuous } from "../../src/claims/verdicts.js";
import { InternalError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { rationalAtLeast, rationalBelow, ratioBounds, scaleRange, type ScaledConstraint } from "../../src/equilibrium/least-scale.js";
import { variability } from "../../src/models/mp2013/informational.js";
import type { LieAt } from "../../src/equilibrium/mp2013-scale.js";
import { derived, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { qs, surd, typeName } from "./common.js";

/** The first agent with Λᵢ = 0 (two types with the same belief about the others), or null. */
export function zeroVariability(m: Mp2013Model): { i: number; ti: number; ti2: number } | null {
  const d = derived(m);
  for (let i = 0; i < d.n; i++) {
    const v = variability(m, i, d);
    if (v && v.value.sign() === 0) return { i, ti: v.ti, ti2: v.ti2 };
  }
  return null;
}

const lieText = (m: Mp2013Model, l: LieAt): string => `agent ${l.i} of type ${typeName(m, l.i, l.ti)} announcing ${typeName(m, l.i, l.s)}`;

/**
 * The verdict on "some κ ≥ 0 makes every constraint hold", given the constraints and a re-check of
 * the mechanism at a rational κ (null when it is incentive compatible there, else why not).
 */
export function someScaleVerdict(m: Mp2013Model, constraints: readonly ScaledConstraint<LieAt>[], recheck: (k: Q) => Witness | null, what: string): Verdict {
  const range = scaleRange(constraints);
  const zero = zeroVariability(m);
  const hyp = zero && `Λ${zero.i} = 0: types ${typeName(m, zero.i, zero.ti)} and ${typeName(m, zero.i, zero.ti2)} of agent ${zero.i} hold the same belief about the others`;
  if (range.kind === "empty") {
    const c = constraints.find((x) => x.at === range.at[0])!;
    const w: Witness = {
      summary:
        range.at.length === 1
          ? `no reward scale makes ${what} incentive compatible: ${lieText(m, c.at)} gains ${c.D} without rewards, and the rewards favour truth by ${c.S} per unit of κ (≤ 0)`
          : `no reward scale makes ${what} incentive compatible: ${lieText(m, range.at[0]!)} needs κ ≥ ${range.lower!.num}/(${range.lower!.den}) while ${lieText(m, range.at[1]!)} needs κ ≤ ${range.upper!.num}/(${range.upper!.den})`,
      quantities: { lies: range.at.map((l) => lieText(m, l)), gainsWithoutReward: range.at.map((l) => surd(constraints.find((x) => x.at === l)!.D)), rewardAdvantagePerUnit: range.at.map((l) => surd(constraints.find((x) => x.at === l)!.S)) },
      deviation: { agent: c.at.i, type: typeName(m, c.at.i, c.at.ti), announce: typeName(m, c.at.i, c.at.s) },
    };
    return hyp ? outsideOrVacuous(hyp, w) : { kind: "violated", witness: w };
  }
  // An independent re-check of the least scale: κ̄ ≥ κ* works, κ̲ < κ* does not.
  const kBar = range.least === null ? Q.ZERO : rationalAtLeast(range.least);
  // κ̄ is re-checked when it stays under the ceiling (it can only overshoot a ceiling equal to κ*).
  const above = range.upper === null || range.upper.num.sub(range.upper.den.scale(kBar)).sign() >= 0 ? recheck(kBar) : null;
  if (above) throw new InternalError(`${what}: the exact scale range says κ = ${kBar} works, the mechanism says ${above.summary}`);
  if (range.least !== null) {
    const kLow = rationalBelow(range.least);
    if (recheck(kLow) === null) throw new InternalError(`${what}: the least scale is above ${kLow}, yet the mechanism is incentive compatible there`);
  }
  const b = range.least && ratioBounds(range.least);
  const how = range.least === null ? "κ = 0 already works (no lie gains without rewards)" : `least κ ≈ ${b!.hi.toNumber().toPrecision(8)} (exactly D/S, sums of square roots), set by ${lieText(m, range.leastAt!)}; κ̄ = ${qs(kBar)} re-checked`;
  return hyp ? { kind: "vacuous", hypothesis: hyp } : { kind: "holds", how };
}
