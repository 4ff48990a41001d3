/**
 * bgs2019 §2.3–§2.4, the right half of the sandwich F_β𝒰 ⊆ 𝔘_β ⊆ 𝒰 (and (7), J*_β ≤ J^FB): B_β(𝒰) ⊆ 𝒰.
 * Promise keeping makes u = (1 − β)E[v∘p] + βE[w], a convex combination of a point of 𝒰 (an
 * allocation meeting (FA)) and one of 𝒰 (w ∈ 𝒰, 𝒰 convex); hence B_β(𝒰) ⊆ 𝒰, and 𝔘_β = B_β(𝔘_β)
 * stays inside 𝒰. Checked exactly for discrete values (the argument needs no density): the support of
 * B_β(𝒰) in each facet normal α of 𝒰 (an LP optimum certified by duality) is at most φ(α).
 */
import { dot } from "../../src/exact/linalg.js";
import * as fc from "fast-check";
import type { Claim, Verdict } from "../../src/claims/types.js";
import { violated } from "../../src/claims/verdicts.js";
import { Q } from "../../src/exact/rational.js";
import type { BBetaOperator, StageTable } from "../../src/equilibrium/bgs2019-b-beta.js";
import { perfectInformationSet } from "../../src/models/bgs2019/polytope-pi.js";
import { phi } from "../../src/models/bgs2019/support.js";
import { caseOf, OPERATOR_CLAIM, twoAgentValuesArb, witnessVerdict, type OperatorCase } from "./b-beta-common.js";
import { qs, vec } from "./common.js";

function caseArb(): fc.Arbitrary<OperatorCase> {
  return fc.tuple(twoAgentValuesArb(3), fc.constantFrom(Q.of(1, 2), Q.of(9, 10), Q.of(99, 100))).map(([values, beta]) => caseOf(values, beta));
}

export const sandwichUpper: Claim<OperatorCase, BBetaOperator> = {
  id: "bgs2019.sandwich-upper",
  section: "§2.3 (𝔘_β ⊆ 𝒰, (7)), §2.4 (the sandwich)",
  statement: "B_β(𝒰) ⊆ 𝒰: a state supported by promises in the perfect-information set lies in it, so 𝔘_β ⊆ 𝒰 and J*_β ≤ J^FB.",
  expect: "holds",
  note: "Needs no density (convexity of 𝒰 and promise keeping), so discrete values count; each facet of 𝒰 is one exact support LP of B_β(𝒰).",
  ...OPERATOR_CLAIM,
  runs: 25,
  arbitrary: caseArb,
  check(c, op): Verdict {
    const m = c.model;
    const U = perfectInformationSet(m.values);
    const maximizers: { u: readonly Q[]; T: StageTable }[] = [];
    for (const f of U.facets) {
      const s = op.supportOfBBeta(m, U, f.normal);
      if (!s) continue; // B_β(𝒰) empty: inside trivially
      if (s.value.gt(f.rhs) || dot(f.normal, s.u).gt(f.rhs)) {
        // The bound recomputed independently of the polytope: φ(α) = E[maxᵢ αᵢvᵢ] (5), or 0 for uᵢ ≥ 0.
        const bound = f.normal.every((x) => x.sign() >= 0) ? phi(m.values, f.normal) : Q.ZERO;
        const reach = dot(f.normal, s.u);
        if (reach.gt(bound))
          return violated(`B_β(𝒰) leaves 𝒰: the operator supports u = (${vec(s.u).join(", ")}) with promises in 𝒰, but αᵀu = ${reach} > ${bound} = ${f.normal.every((x) => x.sign() >= 0) ? "φ(α)" : "0"} for α = (${vec(f.normal).join(", ")})`, { u: vec(s.u), alpha: vec(f.normal), reach: qs(reach), bound: qs(bound), beta: qs(m.beta!) }, { gain: reach.sub(bound).toString() });
      }
      maximizers.push({ u: s.u, T: s.mechanism });
    }
    for (const { u, T } of maximizers) {
      const bad = witnessVerdict(m, U, u, T);
      if (bad) return bad;
    }
    return { kind: "holds", basis: "exact", how: `max αᵀu over B_β(𝒰) ≤ φ(α) for each of 𝒰's ${U.facets.length} facet normals (LP optima certified by duality; maximizers checked from the definitions)` };
  },
};
