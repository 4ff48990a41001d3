/**
 * zhu2021 Lemma 4 (§4): if an efficient ex-post (A, W) has A = uA on Ω(T, μ_, μ̄), then
 * Wⁿ − uWⁿ depends on μ only through μ^{−n} there. Checked on pairs μ, μ̃ ∈ Ω(T, μ_, μ̄) that differ
 * in agent n's row only, for generated competitors (competitors.ts); the subject is the unlinked
 * VCG whose uWⁿ the lemma subtracts. Before comparing, ex-post IC of the competitor is spot-checked
 * between the two profiles (n reporting the other row gains nothing); if that fails, the
 * hypotheses are not met and the instance is vacuous.
 */
import * as fc from "fast-check";
import type { Claim } from "../../src/claims/types.js";
import type { Q } from "../../src/exact/rational.js";
import { utility } from "../../src/equilibrium/zhu2021-strategies.js";
import { unlinkedVcgFamily, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { withRow } from "../../src/models/zhu2021/repeated.js";
import { profileArb, repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { retractRow } from "../../src/typespace/zhu2021-retraction.js";
import { buildCompetitor, competitorArb, competitorFromJson, competitorToJson, type Competitor } from "./competitors.js";
import { rowsFromJson, rowsToJson } from "./deviation-common.js";
import { violated } from "./knapsack-common.js";
import { agentField, caseSize, decodeCase, encodeCase, rows, outsideTypeSpace } from "./repeated-common.js";

export interface Lemma4Case {
  readonly c: RepeatedCase;
  readonly agent: number;
  /** Agent n's other row μ̃ⁿ, in Ωⁿ(T, μ_, μ̄). */
  readonly other: Q[][];
  readonly competitor: Competitor;
}

export const lemma4: Claim<Lemma4Case, Zhu2021Family> = {
  id: "zhu2021.lemma4",
  paper: "zhu2021",
  section: "§4, Lemma 4",
  statement: "If an efficient ex-post (A, W) satisfies A(μ) = uA(μ) for all μ ∈ Ω(T, μ_, μ̄), then, for all n, Wⁿ − uWⁿ depends on μ only up to μ^{−n} on Ω(T, μ_, μ̄).",
  expect: "holds",
  // The subject is the unlinked VCG whose uWⁿ the lemma subtracts, not an arbitrary mechanism.
  subjectKind: "zhu2021/unlinked-vcg",
  defaultSubject: unlinkedVcgFamily("ord"),
  runs: 250,
  arbitrary: () =>
    repeatedCaseArb({ maxN: 3, maxT: 3 }).chain((c) =>
      fc.nat({ max: c.model.N - 1 }).chain((agent) =>
        fc.record({
          c: fc.constant(c),
          agent: fc.constant(agent),
          // Any row, retracted into Ωⁿ(T, μ_, μ̄).
          other: profileArb(c.model.econ, 1, c.model.T).map((p) => retractRow(c.model, agent, p[0]!)),
          competitor: competitorArb,
        }),
      ),
    ),
  encode: ({ c, agent, other, competitor }) => encodeCase(c, { agent: agent + 1, other: rowsToJson(other), competitor: competitorToJson(competitor) }),
  decode(json) {
    const { c, extra } = decodeCase(json, ["agent", "other", "competitor"]);
    return { c, agent: agentField(extra.agent, c.model.N), other: rowsFromJson(extra.other, c.model, "instance.other"), competitor: competitorFromJson(extra.competitor) };
  },
  size: ({ c }) => caseSize(c),
  check({ c, agent, other, competitor }, family) {
    const outside = outsideTypeSpace(c);
    if (outside) return outside;
    const { model, truth } = c;
    const mu = truth;
    const muT = withRow(truth, agent, other);
    const comp = buildCompetitor(model, competitor);
    // Spot-check the hypothesis: at either profile, reporting the other row does not pay.
    const gainAt = (truthP: typeof mu, lie: typeof mu) => utility(comp, truthP, lie, agent).U.sub(utility(comp, truthP, truthP, agent).U);
    if (gainAt(mu, muT).sign() > 0 || gainAt(muT, mu).sign() > 0) return { kind: "vacuous", hypothesis: "the competitor is not ex-post IC between the two profiles" };
    const uw = family.build(model);
    const d1 = comp.transfer(mu)[agent]!.sub(uw.transfer(mu)[agent]!);
    const d2 = comp.transfer(muT)[agent]!.sub(uw.transfer(muT)[agent]!);
    if (!d1.eq(d2)) {
      return violated(
        `Wⁿ − uWⁿ changes with agent ${agent + 1}'s own report (${d1} vs ${d2})`,
        { agent: agent + 1, competitor: competitorToJson(competitor), profile: rows(mu), otherRow: rowsToJson(other), difference: d1.toString(), differenceOther: d2.toString() },
        { gain: d1.sub(d2).abs().toString() },
      );
    }
    return { kind: "holds" };
  },
};
