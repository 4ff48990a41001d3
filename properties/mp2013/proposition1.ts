/**
 * mp2013 §5, Proposition 1: if P has nonexclusive information (Definition 2) and q is outcome
 * efficient, the GVCG mechanism is ex post IC and ex post IR. NEI is decided exactly; without it
 * the conclusion is still evaluated and a failure there is reported outside the hypotheses.
 */
import { outsideOrVacuous } from "../../src/claims/verdicts.js";
import type { Claim, Verdict } from "../../src/claims/types.js";
import { largestExPostGain, lowestTruthfulPayoff } from "../../src/equilibrium/mp2013.js";
import { gvcgFamily } from "../../src/mechanisms/mp2013/gvcg.js";
import { MP2013_KIND, type Mp2013Family, type Mp2013Mechanism } from "../../src/mechanisms/mp2013/types.js";
import { neiFailure } from "../../src/models/mp2013/informational.js";
import { derived, showProfile, typeAt, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { modelArb } from "../../src/search/mp2013.js";
import type { Witness } from "../../src/claims/types.js";
import { decodeModel, encodeModel, modelSize, surd, typeName, who } from "./common.js";

/** Ex post IC and IR of a mechanism: the witness of the first that fails, or null. */
export function exPostIcIr(mech: Mp2013Mechanism): Witness | null {
  const m = mech.model;
  const d = derived(m);
  const lie = largestExPostGain(mech);
  if (lie && lie.gain.sign() > 0)
    return {
      summary: `not ex post IC: ${who(m, lie.i, lie.t)} gains ${lie.gain} by announcing ${typeName(m, lie.i, lie.s)}`,
      quantities: { agent: lie.i, profile: showProfile(m, d, lie.t), trueType: typeName(m, lie.i, typeAt(d, lie.t, lie.i)), announced: typeName(m, lie.i, lie.s), gain: surd(lie.gain) },
      deviation: { agent: lie.i, announce: typeName(m, lie.i, lie.s) },
      gain: lie.gain.toString(),
    };
  const low = lowestTruthfulPayoff(mech);
  if (low.value.sign() < 0)
    return {
      summary: `not ex post IR: ${who(m, low.i, low.t)} gets ${low.value} when everyone is truthful`,
      quantities: { agent: low.i, profile: showProfile(m, d, low.t), payoff: surd(low.value) },
    };
  return null;
}

export const proposition1: Claim<Mp2013Model, Mp2013Family> = {
  id: "mp2013.proposition1",
  paper: "mp2013",
  section: "§5, Proposition 1",
  statement: "If P exhibits nonexclusive information and q is outcome efficient, the GVCG mechanism (q, αᵢ^q) is ex post IC and ex post IR.",
  expect: "holds",
  note: "Without NEI the conclusion fails, as the paper says it may: the search finds ex post gains from lying (stored as fails-outside-hypotheses), which is what Proposition 2 and Theorem 2 quantify.",
  subjectKind: MP2013_KIND,
  defaultSubject: gvcgFamily,
  runs: 150,
  arbitrary: () => modelArb({ kinds: ["nei", "nei", "free"] }),
  encode: encodeModel,
  decode: decodeModel,
  size: modelSize,
  check(m, family): Verdict {
    const w = exPostIcIr(family.build(m));
    const nei = neiFailure(m);
    if (nei !== null) {
      const d = derived(m);
      const hyp = `nonexclusive information fails: agent ${nei.i}'s announcement moves P_Θ between ${showProfile(m, d, nei.t)} and ${showProfile(m, d, nei.t2)}`;
      return outsideOrVacuous(hyp, w);
    }
    return w ? { kind: "violated", witness: w } : { kind: "holds" };
  },
};
