/**
 * mp2013 §6.3, Proposition 2, quantitatively as its proof (§10.2) gives it: if νᵢ^P < δ for every i
 * with 0 < δ < min{ε/(2M(n − 1)), ε}, the GVCG mechanism is weakly ε-ex post IC (Definition 4).
 * The hypothesis holds for some δ exactly when ε > ε₀ = max{2M(n − 1), 1}·ν̂ (ν̂ = maxᵢ νᵢ), and
 * weak ε-ex post IC is monotone in ε and right-continuous, so "for every ε > ε₀" is one exact check
 * at the limit: Prob{(t̃₋ᵢ, tᵢ) ∈ T*, gain > ε₀ | tᵢ} ≤ ε₀ for every i, tᵢ, tᵢ′.
 */
import type { Claim, Verdict } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { weakEpsFailure } from "../../src/equilibrium/mp2013.js";
import { gvcgFamily } from "../../src/mechanisms/mp2013/gvcg.js";
import { MP2013_KIND, type Mp2013Family } from "../../src/mechanisms/mp2013/types.js";
import { informationalSize } from "../../src/models/mp2013/informational.js";
import { derived, showProfile, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { modelArb } from "../../src/search/mp2013.js";
import { decodeModel, encodeModel, modelSize, surd, typeName } from "./common.js";

/** ν̂ = maxᵢ νᵢ^P. */
export function maxSize(m: Mp2013Model): Q {
  const d = derived(m);
  return d.sizes.reduce((a, _, i) => Q.max(a, informationalSize(m, i, d).value), Q.ZERO);
}

export const proposition2: Claim<Mp2013Model, Mp2013Family> = {
  id: "mp2013.proposition2",
  paper: "mp2013",
  section: "§6.3, Proposition 2 (proof in §10.2: δ < min{ε/(2M(n − 1)), ε})",
  statement: "If q is outcome efficient, then for every ε > 0, with δ < min{ε/(2M(n − 1)), ε}: νᵢ^P < δ for each i implies the GVCG mechanism is weakly ε-ex post incentive compatible.",
  expect: "holds",
  subjectKind: MP2013_KIND,
  defaultSubject: gvcgFamily,
  runs: 150,
  arbitrary: () => modelArb({ kinds: ["small", "small", "free", "nei"] }),
  encode: encodeModel,
  decode: decodeModel,
  size: modelSize,
  check(m, family): Verdict {
    const d = derived(m);
    const nuHat = maxSize(m);
    const eps0 = Q.max(Q.of(2 * (d.n - 1)).mul(d.M), Q.ONE).mul(nuHat);
    const f = weakEpsFailure(family.build(m), eps0);
    if (f === null) return { kind: "holds", how: `weakly ε-ex post IC for every ε > ε₀ = ${eps0}` };
    return {
      kind: "violated",
      witness: {
        summary: `with ν̂ = ${nuHat}, every ε > ε₀ = ${eps0} meets the hypothesis, but agent ${f.i} of type ${typeName(m, f.i, f.ti)} gains more than ε₀ by announcing ${typeName(m, f.i, f.s)} with probability ${f.prob} > ε₀`,
        quantities: { nuHat: nuHat.toString(), M: d.M.toString(), eps0: eps0.toString(), agent: f.i, trueType: typeName(m, f.i, f.ti), announced: typeName(m, f.i, f.s), probability: f.prob.toString(), profiles: f.event.map((t) => showProfile(m, d, t)), gains: f.gains.map(surd) },
        deviation: { agent: f.i, type: typeName(m, f.i, f.ti), announce: typeName(m, f.i, f.s) },
        gain: f.prob.sub(eps0).toString(),
      },
    };
  },
};
