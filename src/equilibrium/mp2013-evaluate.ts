/**
 * The exact quantities of one mp2013 instance, for `mechcheck eval`: informational size νᵢ (with
 * its maximizing pair and event), strict size σᵢ, variability Λᵢ, NEI, the GVCG outcome and
 * transfers at every profile, and each agent's largest ex post and interim misreport gains —
 * under GVCG and, when the instance gives ε, under Theorem 2's augmented mechanism — and the least
 * scale κ of the spherical rewards zᵢ = κ·P/‖P‖₂ that makes the augmented GVCG interim IC (Theorem
 * 2(i)) and, when T = T*, §7.3's two-stage game an ICPBE (Proposition 3).
 */
import type { Json } from "../exact/json.js";
import { ceilDyadic, floorDyadic } from "../exact/rational.js";
import type { Surd } from "../exact/surd.js";
import { augmentedFamily, sphericalRule } from "../mechanisms/mp2013/augmented.js";
import { paperTwoStage } from "../mechanisms/mp2013/two-stage.js";
import { ratioBounds, scaleRange, type ScaledConstraint } from "./least-scale.js";
import { augmentedConstraints, twoStageConstraints, type LieAt } from "./mp2013-scale.js";
import { fullSupport, stage2Failure } from "./mp2013-two-stage.js";
import { gvcgFamily } from "../mechanisms/mp2013/gvcg.js";
import type { Mp2013Mechanism } from "../mechanisms/mp2013/types.js";
import { informationalSize, neiFailure, strictSize, variability } from "../models/mp2013/informational.js";
import { derived, inSupport, showProfile, typeAt, type Mp2013Model } from "../models/mp2013/model.js";
import { largestInterimGain, largestExPostGain, lowestTruthfulPayoff, weakEpsFailure } from "./mp2013.js";

const sj = (x: Surd): Json => x.toJson();

function gains(mech: Mp2013Mechanism): Json[] {
  const m = mech.model;
  const d = derived(m);
  return d.sizes.map((_, i) => {
    const lie = largestExPostGain(mech, [i]);
    const interim = largestInterimGain(mech, [i]);
    return {
      agent: i,
      exPost: lie ? { gain: sj(lie.gain), at: showProfile(m, d, lie.t), trueType: m.types[i]![typeAt(d, lie.t, i)]!, announced: m.types[i]![lie.s]! } : null,
      interim: interim ? { gain: sj(interim.gain), trueType: m.types[i]![interim.ti]!, announced: m.types[i]![interim.s]! } : null,
    };
  });
}

/** The scales κ that work, as certified bounds on the least (and the ceiling, when there is one). */
function scaleJson(m: Mp2013Model, cs: readonly ScaledConstraint<LieAt>[]): Json {
  const r = scaleRange(cs);
  const lie = (l: LieAt): Json => ({ agent: l.i, trueType: m.types[l.i]![l.ti]!, announced: m.types[l.i]![l.s]! });
  if (r.kind === "empty") return { exists: false, blockedBy: r.at.map(lie) };
  const bound = (x: { num: Surd; den: Surd }): Json => {
    const b = ratioBounds(x);
    // Dyadic rounding outward keeps the bounds certified and short.
    return { lo: floorDyadic(b.lo, 40).toString(), hi: ceilDyadic(b.hi, 40).toString(), approx: Number(b.hi.toNumber().toPrecision(10)) };
  };
  return { exists: true, least: r.least ? bound(r.least) : "0", ...(r.leastAt ? { setBy: lie(r.leastAt) } : {}), ...(r.upper ? { ceiling: bound(r.upper), ceilingSetBy: lie(r.upperAt!) } : {}) };
}

export function evaluateMp2013(m: Mp2013Model): Record<string, Json> {
  const d = derived(m);
  const info = d.sizes.map((_, i) => {
    const nu = informationalSize(m, i, d);
    const sg = strictSize(m, i, d);
    const lam = variability(m, i, d);
    return {
      agent: i,
      nu: { value: nu.value.toString(), trueType: m.types[i]![nu.ti]!, announced: m.types[i]![nu.ti2]!, event: nu.event.map((t) => showProfile(m, d, t)), eventProbability: nu.eventProb.toString() },
      sigma: { value: sg.value.toString(), ...(sg.t >= 0 ? { at: showProfile(m, d, sg.t), announced: m.types[i]![sg.ti2]! } : {}) },
      Lambda: lam ? { ...(lam.value.toJson() as Record<string, Json>), pair: [m.types[i]![lam.ti]!, m.types[i]![lam.ti2]!] } : null,
    } as Json;
  });
  const nei = neiFailure(m, d);
  const gv = gvcgFamily.build(m);
  const profiles: Json[] = [];
  for (let t = 0; t < d.profiles; t++) {
    const sup = inSupport(d, t);
    profiles.push({
      profile: showProfile(m, d, t),
      probability: d.pT[t]!.toString(),
      ...(sup ? { posterior: d.post[t]!.map(String), outcome: m.outcomes[gv.allocate(t, 0)]!, transfers: gv.transfer(t).map((x) => x.toString()) } : { outcome: m.outcomes[d.c0]!, note: "outside T*: c₀, no transfers" }),
    });
  }
  const out: Record<string, Json> = {
    model: "mp2013",
    agents: d.n,
    types: m.types.map((ts) => [...ts]),
    states: [...m.states],
    outcomes: [...m.outcomes],
    M: d.M.toString(),
    c0: m.outcomes[d.c0]!,
    support: `${d.pT.filter((p) => !p.isZero()).length} of ${d.profiles} profiles`,
    nonexclusiveInformation: nei === null ? true : { holds: false, agent: nei.i, between: [showProfile(m, d, nei.t), showProfile(m, d, nei.t2)] },
    informational: info,
    gvcg: { profiles, largestGains: gains(gv), lowestTruthfulPayoff: lowestTruthfulPayoff(gv).value.toString() },
  };
  out.leastRewardScale = {
    rewards: "zᵢ = κ·P(t₋ᵢ|tᵢ)/‖P(·|tᵢ)‖₂",
    augmentedGvcg: scaleJson(m, augmentedConstraints(m, sphericalRule)),
    twoStage: !fullSupport(d)
      ? "§7.3 assumes T = T*"
      : stage2Failure(m, paperTwoStage.stage2) !== null
        ? "stage 2 is not truthful"
        : scaleJson(m, twoStageConstraints(m, paperTwoStage)),
  };
  if (m.epsilon !== null) {
    const aug = augmentedFamily(gvcgFamily).build(m);
    const f = weakEpsFailure(aug, m.epsilon);
    out.augmented = {
      epsilon: m.epsilon.toString(),
      rewards: "zᵢ = ε·P(t₋ᵢ|tᵢ)/‖P(·|tᵢ)‖₂ (Theorem 2's proof)",
      largestGains: gains(aug),
      weaklyEpsExPostIC: f === null ? true : { holds: false, agent: f.i, trueType: m.types[f.i]![f.ti]!, announced: m.types[f.i]![f.s]!, probability: f.prob.toString(), profiles: f.event.map((t) => showProfile(m, d, t)) },
    };
  }
  return out;
}
