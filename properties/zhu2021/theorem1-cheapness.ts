/**
 * zhu2021 Theorem 1, second part (§4): (lA, lW) "is weakly cheaper than every efficient ex-post
 * (A, W) satisfying A(μ) = uA(μ) for all μ ∈ Ω(T, μ_, μ̄)". Checked pointwise (the proof shows
 * lWⁿ(μ) ≤ Wⁿ(μ) for every n), at a truthful μ ∈ Ω(T, μ_, μ̄), against generated competitors with
 * the ordA allocation (competitors.ts). The exact cheapest transfers on finite grids (the cheapness
 * oracle) will join these competitors when that layer lands.
 */
import * as fc from "fast-check";
import type { Claim } from "../../src/claims/types.js";
import { linkedVcgFamily } from "../../src/mechanisms/zhu2021/linked.js";
import { REPEATED_KIND, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { buildCompetitor, competitorArb, competitorFromJson, competitorToJson, type Competitor } from "./competitors.js";
import { violated } from "./knapsack-common.js";
import { caseSize, decodeCase, encodeCase, rows, outsideTypeSpace } from "./repeated-common.js";

export interface CheapnessCase {
  readonly c: RepeatedCase;
  readonly competitor: Competitor;
}

export const theorem1Cheapness: Claim<CheapnessCase, Zhu2021Family> = {
  id: "zhu2021.theorem1.cheapness",
  paper: "zhu2021",
  section: "§4, Theorem 1 (second sentence) and its proof",
  statement: "(lA, lW) is weakly cheaper than every efficient ex-post (A, W) satisfying A(μ) = uA(μ) for all μ ∈ Ω(T, μ_, μ̄).",
  expect: "holds",
  note: "Competitors so far: unlinked VCG + h(μ^{−n}) ≥ 0, linked VCG over wider type spaces, the reference linked VCG.",
  subjectKind: REPEATED_KIND,
  defaultSubject: linkedVcgFamily("ord"),
  runs: 250,
  arbitrary: () => fc.record({ c: repeatedCaseArb({ maxN: 3, maxT: 3 }), competitor: competitorArb }),
  encode: ({ c, competitor }) => encodeCase(c, { competitor: competitorToJson(competitor) }),
  decode(json) {
    const { c, extra } = decodeCase(json, ["competitor"]);
    return { c, competitor: competitorFromJson(extra.competitor) };
  },
  size: ({ c }) => caseSize(c),
  check({ c, competitor }, family) {
    const outside = outsideTypeSpace(c);
    if (outside) return outside;
    const mech = family.build(c.model);
    const other = buildCompetitor(c.model, competitor);
    const w = mech.transfer(c.truth);
    const x = other.transfer(c.truth);
    for (let n = 0; n < c.model.N; n++) {
      if (w[n]!.gt(x[n]!)) {
        return violated(
          `agent ${n + 1} is paid more by ${mech.name} than by the efficient ex-post competitor ${other.name}`,
          { agent: n + 1, reports: rows(c.truth), subjectTransfer: w[n]!.toString(), competitorTransfer: x[n]!.toString(), competitor: competitorToJson(competitor) },
          { gain: w[n]!.sub(x[n]!).toString(), deviation: { competitor: competitorToJson(competitor) } },
        );
      }
    }
    return { kind: "holds" };
  },
};
