/**
 * bgs2019 §2.4 with Proposition 2.1 and (13): the scaled perfect-information set F_β𝒰 is
 * self-generating, F_β𝒰 ⊆ B_β(F_β𝒰), whence the sandwich F_β𝒰 ⊆ 𝔘_β ⊆ 𝒰. The paper shows it for
 * densities through its own mechanism (Proposition 4.1 and Remark 2.1); this claim asks the SET
 * question, over all stage mechanisms, decided exactly by the LP of B_β at every vertex of F_β𝒰 (B_β
 * of a convex set is convex). Only discrete values make 𝒰 a polytope, and they are outside §2's
 * hypotheses: the claim is a probe of the statement's reach, met when it finds the set failing there.
 * ξ of (13) is (C.8) of the missing appendix: by default 4v̄, as in bgs2019.proposition4.1.
 */
import { dot } from "../../src/exact/linalg.js";
import * as fc from "fast-check";
import type { Claim, Verdict } from "../../src/claims/types.js";
import { outsideOrVacuous } from "../../src/claims/verdicts.js";
import { Q } from "../../src/exact/rational.js";
import { selfGenerating, type BBetaOperator } from "../../src/equilibrium/bgs2019-b-beta.js";
import { thresholds, withDefaultXi } from "../../src/mechanisms/bgs2019/region.js";
import { mean, top } from "../../src/models/bgs2019/distribution.js";
import { perfectInformationSet } from "../../src/models/bgs2019/polytope-pi.js";
import { scalePolytope } from "../../src/models/bgs2019/polytope.js";
import { caseOf, farkasQuantities, OPERATOR_CLAIM, twoAgentValuesArb, witnessesVerdict, type OperatorCase } from "./b-beta-common.js";
import { qs, vec } from "./common.js";


const DISCRETE = "discrete values (§2 assumes a density bounded away from 0)";

/**
 * β from F: with ξ = 4v̄, F_β = 1 − 4v̄(1 − β)/m̲, so F = 1 − 1/(2k) at β = 1 − m̲/(8v̄k); k = 1 is
 * the edge F = 1/2 of Proposition 4.1's hypothesis, larger k the limit β ↑ 1.
 */
function caseArb(): fc.Arbitrary<OperatorCase> {
  return fc.tuple(twoAgentValuesArb(3), fc.constantFrom(1, 2, 10, 100)).map(([values, k]) => {
    const mLow = values.reduce((a, d) => Q.min(a, mean(d)), mean(values[0]!));
    const vbar = values.reduce((a, d) => Q.max(a, top(d)), Q.ZERO);
    return caseOf(values, Q.ONE.sub(mLow.div(vbar.mul(Q.of(8 * k)))));
  });
}

export const selfGeneration: Claim<OperatorCase, BBetaOperator> = {
  id: "bgs2019.self-generation",
  section: "§2.4 (F_β𝒰 self-generating), Proposition 2.1, (13)",
  statement: "With F_β = 1 − u̲_β/m̲, u̲_β = ξ(1 − β) (13) and F_β ≥ 0.5, the scaled perfect-information set is self-generating: F_β𝒰 ⊆ B_β(F_β𝒰), so that F_β𝒰 ⊆ 𝔘_β ⊆ 𝒰.",
  expect: "holds",
  expectOutside: true,
  note: "The paper proves it for densities (Proposition 4.1 with Remark 2.1), through its mechanism; here B_β ranges over all stage mechanisms, exactly, on discrete values, which §2 excludes. Found: both answers occur there. If every agent has at most one positive value, 𝒰 itself is self-generating (at a vertex, the weighted-efficient allocation never serves a zero value and w ≡ u: a positive type gets the most it can, a zero type values only promises), so every F_β𝒰 is. With two positive values for some agent it fails as β ↑ 1 in every instance tried (from F between 9/10 and 199/200 on): e.g. values 1 against {1/2, 1} (½ each), β = 1599/1600, ξ = 4v̄, F = 299/300: the vertex F·(1/2, 1/2) is in no B_β(F𝒰). A vertex of a polytope leaves promises almost no room to vary (the slack is O((1 − β)(1 − F_β))), and (IC) without money needs variations of order 1 − β.",
  ...OPERATOR_CLAIM,
  runs: 30,
  arbitrary: caseArb,
  check(c, op): Verdict {
    const m = withDefaultXi(c.model);
    const { F, uLow } = thresholds(m);
    if (F.lt(Q.of(1, 2))) return { kind: "vacuous", hypothesis: `F_β = ${F} ≥ 1/2 (β ≥ β̲ of Proposition 4.1)` };
    const A = scalePolytope(perfectInformationSet(m.values), F);
    const r = selfGenerating(op, m, A);
    if (r.holds) {
      const bad = witnessesVerdict(m, A, r.witnesses);
      if (bad) return bad;
      return outsideOrVacuous(DISCRETE, null);
    }
    const cert = farkasQuantities(r.answer, m.values);
    if (!cert.ok) return { kind: "inconclusive", reason: `the operator's certificate that (${vec(r.vertex).join(", ")}) ∉ B_β(F𝒰) does not check: ${cert.why}` };
    // How far B_β(F𝒰) falls short along a facet of F𝒰 through the vertex (a certified LP optimum).
    let gain: Q | null = null, along: readonly Q[] | null = null;
    for (const f of A.facets) {
      if (f.normal.some((x) => x.sign() < 0) || !dot(f.normal, r.vertex).eq(f.rhs)) continue;
      const s = op.supportOfBBeta(m, A, f.normal);
      const gap = s ? f.rhs.sub(s.value) : null;
      if (gap && gap.sign() > 0) [gain, along] = [gap, f.normal];
      if (gain) break;
    }
    return outsideOrVacuous(DISCRETE, {
      summary: `the vertex u = (${vec(r.vertex).join(", ")}) of F_β𝒰 (F_β = ${F}, β = ${m.beta}, ξ = ${m.xi}) is not in B_β(F_β𝒰): no stage mechanism meets (FA), (PK(u)), (IC) with promises in F_β𝒰 (Farkas certificate over the LP)${along ? `; along the facet normal (${vec(along).join(", ")}) B_β(F𝒰) reaches ${gain} less than F𝒰` : ""}`,
      quantities: { u: vec(r.vertex), F: qs(F), uLow: qs(uLow), beta: qs(m.beta!), xi: m.xi ? qs(m.xi) : null, farkas: cert.multipliers, ...(along ? { normal: vec(along) } : {}) },
      ...(gain ? { gain: gain.toString() } : {}),
    });
  },
};
