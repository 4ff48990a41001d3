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
import { gainBoundBreach } from "../../src/equilibrium/mp2013.js";
import { gvcgFamily } from "../../src/mechanisms/mp2013/gvcg.js";
import { MP2013_KIND, type Mp2013Family } from "../../src/mechanisms/mp2013/types.js";
import { derived, typeAt, type Mp2013Model } from "../../src/models/mp2013/model.js";
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
    const b = gainBoundBreach(family.build(m), Q.of(2 * (d.n - 1)).mul(d.M));
    if (b)
      return {
        kind: "violated",
        witness: {
          summary: `${who(m, b.i, b.t)} gains ${b.gain} by announcing ${typeName(m, b.i, b.s)}, above 2M(n − 1)‖ΔP_Θ‖ = ${b.bound}`,
          quantities: { agent: b.i, trueType: typeName(m, b.i, typeAt(d, b.t, b.i)), announced: typeName(m, b.i, b.s), gain: surd(b.gain), M: d.M.toString(), posteriorShift: b.shift.toString(), bound: b.bound.toString() },
          deviation: { agent: b.i, announce: typeName(m, b.i, b.s) },
          gain: b.gain.sub(b.bound).toString(),
        },
      };
    return { kind: "holds" };
  },
};
