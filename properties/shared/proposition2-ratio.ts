/**
 * zhu2022 §3.3 and stylized §3, after Proposition 2: the unlinked VCG mechanism "is still
 * expensive with cost-to-surplus ratio C(ω)/S(𝐀(ω), ω) = N − 1". Checked exactly at every profile.
 *
 * With β < 1 and T > 1 this is false as written: C = Σ_n Vⁿ = (N − 1)·Σ_t β^{t−T}·S_t is paid at
 * date T while S = Σ_t β^{t−1}·S_t is discounted to date 1, so C/S = (N − 1)·β^{1−T}. The equality
 * holds when β = 1 or T = 1 (or when C is discounted to date 1, β^{T−1}·C/S = N − 1).
 */
import type { Claim, PaperKey } from "../../src/claims/types.js";
import { vacuous, violated } from "../../src/claims/verdicts.js";
import { q, sum } from "../../src/exact/rational.js";
import { SINGLE_KIND, unlinkedVcgFamily, type SingleResourceFamily } from "../../src/mechanisms/single-resource/vcg.js";
import { endowmentsArb, modelArb, type SingleCase } from "../../src/search/single-resource.js";
import { decodeSingle, encodeSingle } from "./single-resource.js";
import { mechSurplus } from "./surplus.js";

export function proposition2Ratio(paper: Extract<PaperKey, "zhu2022" | "stylized">, section: string): Claim<SingleCase, SingleResourceFamily> {
  return {
    id: `${paper}.proposition2.ratio`,
    paper,
    section,
    statement: "The unlinked VCG mechanism has cost-to-surplus ratio C(ω)/S(𝐀(ω), ω) = N − 1.",
    expect: "counterexample",
    note: "False for β < 1 and T > 1: C is paid at date T, S is discounted to date 1, so C/S = (N − 1)·β^{1−T}. True for β = 1 (the Theorem 1 family) or T = 1.",
    subjectKind: SINGLE_KIND,
    defaultSubject: unlinkedVcgFamily,
    runs: 200,
    // Ω* plays no part here: any profile in Ω = [0, ∞)^{NT}.
    arbitrary: () => modelArb({ maxN: 3, maxT: 3 }).chain((model) => endowmentsArb(model.N, model.T).map((truth): SingleCase => ({ model, omegaStar: { kind: "all" }, truth }))),
    encode: encodeSingle,
    decode: decodeSingle,
    size: (c) => ({ agents: c.model.N, dates: c.model.T }),
    check(c, family) {
      const mech = family.build({ model: c.model, omegaStar: c.omegaStar });
      const S = mechSurplus(mech, c.truth, c.truth);
      if (S.isZero()) return vacuous("S(𝐀(ω), ω) = 0: the ratio is undefined");
      const bounds = mech.transferBounds(c.truth);
      const lo = sum(bounds.map((b) => b.lo)), hi = sum(bounds.map((b) => b.hi));
      const target = q(c.model.N - 1).mul(S);
      if (lo.gt(target) || hi.lt(target)) {
        const C = lo.eq(hi) ? lo.toString() : `[${lo}, ${hi}]`;
        return violated(
          `C/S = ${lo.eq(hi) ? lo.div(S).toString() : `[${lo.div(S)}, ${hi.div(S)}]`} ≠ N − 1 = ${c.model.N - 1} (β = ${c.model.beta}, T = ${c.model.T})`,
          { N: c.model.N, T: c.model.T, beta: c.model.beta.toString(), cost: C, surplus: S.toString(), claimedRatio: String(c.model.N - 1), discountedRatio: c.model.beta.pow(c.model.T - 1).mul(lo).div(S).toString() },
          { gain: (lo.gt(target) ? lo.sub(target) : target.sub(hi)).div(S).toString() },
        );
      }
      return { kind: "holds" };
    },
  };
}

