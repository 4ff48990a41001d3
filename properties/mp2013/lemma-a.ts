/**
 * mp2013 §4, Lemma A: for q outcome efficient and (t₋ᵢ, tᵢ), (t₋ᵢ, tᵢ′) ∈ T*, the GVCG ex post gain
 *   Uᵢ(tᵢ′|t) − Uᵢ(tᵢ|t) ≤ 2M(n − 1)·‖P_Θ(·|t₋ᵢ, tᵢ) − P_Θ(·|t₋ᵢ, tᵢ′)‖.
 * Intended meaning implemented (CLAIMS.md: typos): the statement prints "<" and an unparenthesized
 * "− v̂ᵢ(…) + αᵢ(…)"; the proof proves "≤" for the gain Uᵢ(tᵢ′) − Uᵢ(tᵢ), and "<" fails trivially
 * whenever both posteriors agree and the lie changes nothing (0 < 0).
 * Checked for every agent, true profile in T* and announced type, exactly.
 */
import type { Claim } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { gain } from "../../src/equilibrium/mp2013.js";
import { gvcgFamily } from "../../src/mechanisms/mp2013/gvcg.js";
import { MP2013_KIND, type Mp2013Family } from "../../src/mechanisms/mp2013/types.js";
import { derived, inSupport, norm1, typeAt, withType, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { modelArb } from "../../src/search/mp2013.js";
import { decodeModel, encodeModel, modelSize, surd, typeName, who } from "./common.js";

export const lemmaA: Claim<Mp2013Model, Mp2013Family> = {
  id: "mp2013.lemmaA",
  paper: "mp2013",
  section: "§4, Lemma A (proof in §10.1)",
  statement: "If q is outcome efficient and (t₋ᵢ, tᵢ), (t₋ᵢ, tᵢ′) ∈ T*, the GVCG gain of announcing tᵢ′ is at most 2M(n − 1)‖P_Θ(·|t₋ᵢ, tᵢ) − P_Θ(·|t₋ᵢ, tᵢ′)‖ (1-norm).",
  expect: "holds",
  note: "Implemented with ≤ and the gain Uᵢ(tᵢ′) − Uᵢ(tᵢ), as the proof shows; the printed strict '<' fails trivially when both sides are 0. The constant is loose by a factor 2: the proof's two Lipschitz steps each hold with (n − 1)M/2.",
  subjectKind: MP2013_KIND,
  defaultSubject: gvcgFamily,
  runs: 150,
  arbitrary: () => modelArb(),
  encode: encodeModel,
  decode: decodeModel,
  size: modelSize,
  check(m, family) {
    const d = derived(m);
    const mech = family.build(m);
    const K = Q.of(2 * (d.n - 1)).mul(d.M);
    for (let i = 0; i < d.n; i++)
      for (let t = 0; t < d.profiles; t++) {
        if (!inSupport(d, t)) continue;
        for (let s = 0; s < d.sizes[i]!; s++) {
          const t2 = withType(d, t, i, s);
          if (s === typeAt(d, t, i) || !inSupport(d, t2)) continue;
          const shift = norm1(d.post[t]!, d.post[t2]!);
          const g = gain(mech, d, i, t, s);
          const bound = K.mul(shift);
          if (g.gt(bound))
            return {
              kind: "violated",
              witness: {
                summary: `${who(m, i, t)} gains ${g} by announcing ${typeName(m, i, s)}, above 2M(n − 1)‖ΔP_Θ‖ = ${bound}`,
                quantities: { agent: i, trueType: typeName(m, i, typeAt(d, t, i)), announced: typeName(m, i, s), gain: surd(g), M: d.M.toString(), posteriorShift: shift.toString(), bound: bound.toString() },
                deviation: { agent: i, announce: typeName(m, i, s) },
                gain: g.sub(bound).toString(),
              },
            };
        }
      }
    return { kind: "holds" };
  },
};
