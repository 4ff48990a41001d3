/**
 * bgs2019 §2.2, Remark 2.1 as a statement about sets: the lower triangle L = {u ∈ ℝⁿ₊ :
 * Σᵢ uᵢ/E[vᵢ] ≤ 1} is self-generating, L ⊆ B_β(L), decided by the LP of B_β at each vertex of L
 * (0 and E[vᵢ]eᵢ; B_β(L) is convex), independently of the paper's mechanism p^L. The remark's
 * argument needs no density, so discrete values are inside its hypotheses. When the operator says a
 * vertex is outside, the witness also carries Remark 2.1's own p^L = u/E[v], w^L = u, checked against
 * the definitions: the certificate then contradicts a mechanism that works.
 */
import * as fc from "fast-check";
import type { Claim, Verdict } from "../../src/claims/types.js";
import { violated } from "../../src/claims/verdicts.js";
import { Q } from "../../src/exact/rational.js";
import { checkStageMechanism, selfGenerating, type BBetaOperator, type StageTable } from "../../src/equilibrium/bgs2019-b-beta.js";
import { mean } from "../../src/models/bgs2019/distribution.js";
import type { Bgs2019Model } from "../../src/models/bgs2019/json.js";
import { discreteProfiles } from "../../src/models/bgs2019/polytope-pi.js";
import { lowerTriangle } from "../../src/models/bgs2019/polytope.js";
import { discreteArb } from "../../src/search/bgs2019.js";
import { caseOf, farkasQuantities, OPERATOR_CLAIM, twoAgentValuesArb, witnessesVerdict, type OperatorCase } from "./b-beta-common.js";
import { qs, vec } from "./common.js";

/** Remark 2.1's mechanism at u: pᵢ(v) = uᵢ/E[vᵢ] whatever v, w(v) = u. */
export function remarkMechanism(m: Bgs2019Model, u: readonly Q[]): StageTable {
  const profiles = discreteProfiles(m.values);
  const p = u.map((x, i) => x.div(mean(m.values[i]!)));
  return { profiles, p: profiles.prob.map(() => p), w: profiles.prob.map(() => [...u]) };
}

function caseArb(): fc.Arbitrary<OperatorCase> {
  const three = fc.array(discreteArb(2), { minLength: 3, maxLength: 3 }).filter((ds) => ds.every((d) => mean(d).sign() > 0));
  return fc
    .tuple(fc.oneof({ weight: 4, arbitrary: twoAgentValuesArb(4) }, { weight: 1, arbitrary: three }), fc.constantFrom(Q.of(1, 2), Q.of(9, 10), Q.of(99, 100)))
    .map(([values, beta]) => caseOf(values, beta));
}

export const remark21Set: Claim<OperatorCase, BBetaOperator> = {
  id: "bgs2019.remark2.1-set",
  section: "§2.2, Remark 2.1 with eq. (3)",
  statement: "The lower triangle L = {u ∈ ℝⁿ₊ : Σᵢ uᵢ/E[vᵢ] ≤ 1} is self-generating: L ⊆ B_β(L), hence L ⊆ 𝔘_β for any discount factor β.",
  expect: "holds",
  note: "Decided by the LP of B_β over all stage mechanisms, not by the paper's p^L; the remark's argument needs no density, so discrete values count.",
  ...OPERATOR_CLAIM,
  runs: 60,
  arbitrary: caseArb,
  check(c, op): Verdict {
    const m = c.model;
    const L = lowerTriangle(m.values);
    const r = selfGenerating(op, m, L);
    if (r.holds) {
      const bad = witnessesVerdict(m, L, r.witnesses);
      if (bad) return bad;
      return { kind: "holds", basis: "exact", how: `every vertex of L has a stage mechanism meeting (FA), (PK(u)), (IC) with promises in L, checked from the definitions; B_β(L) is convex` };
    }
    const cert = farkasQuantities(r.answer, m.values);
    if (!cert.ok) return { kind: "inconclusive", reason: `the operator's certificate that (${vec(r.vertex).join(", ")}) ∉ B_β(L) does not check: ${cert.why}` };
    const paper = checkStageMechanism(m, L, r.vertex, remarkMechanism(m, r.vertex));
    return violated(
      `the operator finds the vertex u = (${vec(r.vertex).join(", ")}) of L outside B_β(L) (β = ${m.beta}; Farkas certificate over its LP)${paper ? "" : ", yet Remark 2.1's p^L = u/E[v], w^L = u meets (FA), (PK(u)), (IC) and w ∈ L there (checked from the definitions)"}`,
      { u: vec(r.vertex), beta: qs(m.beta!), means: vec(m.values.map(mean)), farkas: cert.multipliers, remarkMechanismValid: paper === null },
    );
  },
};
