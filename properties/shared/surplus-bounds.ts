/**
 * The surplus bounds of the Theorem 1 proofs (zhu2022 Lemma 4; stylized §3 "Efficiency"):
 *   inf over Ω**(N) of S(𝐀(ω), ω) ≥ N²(ω_avg − y(N))·f(q/(ω_avg − y(N))),
 *   sup over Ω(N)   of S(𝐀(ω), ω) ≤ N²·q·f'(0).
 * Checked at each generated ω (the upper bound at every ω ≥ 0, the lower one on Ω**), exactly,
 * with S computed through the subject's allocation so that an inefficient allocation is caught.
 */
import type { Claim, PaperKey } from "../../src/claims/types.js";
import { vacuous, violated } from "../../src/claims/verdicts.js";
import { Q, q } from "../../src/exact/rational.js";
import { linkedVcgFamily, SINGLE_KIND, type SingleResourceFamily } from "../../src/mechanisms/single-resource/vcg.js";
import { familyCaseArb, familyReductions, type FamilyCase } from "../../src/search/single-resource.js";
import type { OmegaStar } from "../../src/typespace/single-resource.js";
import { decodeFamily, encodeFamily, familyModel, familySize } from "./single-resource.js";
import { mechSurplus } from "./surplus.js";

export function surplusBoundsClaim(spec: {
  id: string;
  paper: Extract<PaperKey, "zhu2022" | "stylized">;
  section: string;
  star: (c: FamilyCase) => OmegaStar;
  outside: (c: FamilyCase) => string | null;
}): Claim<FamilyCase, SingleResourceFamily> {
  return {
    id: spec.id,
    paper: spec.paper,
    section: spec.section,
    statement: "inf_{ω ∈ Ω**(N)} S(𝐀(ω), ω) ≥ N²(ω_avg − y(N))·f(q/(ω_avg − y(N))) and sup_{ω ∈ Ω(N)} S(𝐀(ω), ω) ≤ N²·q·f'(0).",
    expect: "holds",
    subjectKind: SINGLE_KIND,
    defaultSubject: linkedVcgFamily,
    runs: 200,
    arbitrary: () => familyCaseArb({ maxN: 4 }),
    encode: encodeFamily,
    decode: decodeFamily,
    size: familySize,
    reduce: familyReductions,
    check(c, family) {
      if (c.omega.some((r) => r.some((x) => x.lt(Q.ZERO)))) return vacuous("ω has a negative entry (outside Ω)");
      const mech = family.build({ model: familyModel(c), omegaStar: spec.star(c) });
      const S = mechSurplus(mech, c.omega, c.omega);
      const N2 = q(c.N * c.N);
      const upper = N2.mul(c.q).mul(c.f.df(Q.ZERO));
      if (S.gt(upper)) return violated(`S(𝐀(ω), ω) = ${S} > N²·q·f'(0) = ${upper}`, { surplus: S.toString(), upper: upper.toString() }, { gain: S.sub(upper).toString() });
      const out = spec.outside(c);
      if (out) return vacuous(out);
      const lo = c.avg.sub(c.y);
      if (!lo.gt(Q.ZERO)) return vacuous(`ω_avg − y(N) = ${lo} ≤ 0: the lower bound is undefined`);
      const lower = N2.mul(lo).mul(c.f.f(c.q.div(lo)));
      if (S.lt(lower)) return violated(`S(𝐀(ω), ω) = ${S} < N²(ω_avg − y)·f(q/(ω_avg − y)) = ${lower}`, { surplus: S.toString(), lower: lower.toString() }, { gain: lower.sub(S).toString() });
      return { kind: "holds" };
    },
  };
}
