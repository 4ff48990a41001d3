/**
 * zhu2021 Lemma 4 (§4): if an efficient ex-post (A, W) has A = uA on Ω(T, μ_, μ̄), then
 * Wⁿ − uWⁿ depends on μ only through μ^{−n} there. Checked on pairs μ, μ̃ ∈ Ω(T, μ_, μ̄) that differ
 * in agent n's row only, for generated competitors (competitors.ts); the subject is the unlinked
 * VCG whose uWⁿ the lemma subtracts. Before comparing, ex-post IC of the competitor is spot-checked
 * between the two profiles (n reporting the other row gains nothing); if that fails, the
 * hypotheses are not met and the instance is vacuous.
 *
 * The generated competitors are all Groves (uWⁿ + h(μ^{−n})), for which the lemma is a tautology
 * that only tests the subject's uWⁿ. The competitor that decides the lemma is the linked VCG with
 * agent n's transfer scaled by λ* (theorem1-cheapness.ts): efficient, ex-post IC on the whole of
 * Ωⁿ (certified exactly), and Wⁿ − uWⁿ = (λ* − 1)·uWⁿ − λ*·K changes with agent n's own report
 * whenever λ* < 1 and uWⁿ does. FALSE as stated, for the reason given there (no envelope formula
 * at a kink of the agent's value on the diagonal).
 */
import * as fc from "fast-check";
import type { Claim } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { cheapestScale } from "../../src/cheapness/zhu2021-continuum.js";
import { utility } from "../../src/equilibrium/zhu2021-strategies.js";
import { scaledLinkedVcg } from "../../src/mechanisms/zhu2021/scaled-linked.js";
import { unlinkedVcgFamily, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { inTypeSpaceRow, withRow } from "../../src/models/zhu2021/repeated.js";
import { profileArb, repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { retractRow } from "../../src/typespace/zhu2021-retraction.js";
import { buildCompetitor, competitorArb, competitorFromJson, competitorToJson, type Competitor } from "./competitors.js";
import { rowsFromJson, rowsToJson } from "./deviation-common.js";
import { violated } from "./knapsack-common.js";
import { agentField, caseSize, decodeCase, dropAgent, dropDate, encodeCase, rows, outsideTypeSpace } from "./repeated-common.js";

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
  expect: "counterexample",
  note: "False as stated: the linked VCG with one agent's transfer scaled by λ* < 1 at the others' reports is efficient and ex-post IC on the whole continuum Ωⁿ (certified exactly), and its Wⁿ − uWⁿ moves with the agent's own report. The envelope theorem the proof applies needs the agent's value to be differentiable in his true endowment at his report; with Leontief projects it has a kink exactly there.",
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
  reduce({ c, agent, other, competitor }) {
    const out: Lemma4Case[] = [];
    for (let m = 0; m < c.model.N; m++) {
      const d = m === agent ? undefined : dropAgent(c, m);
      if (d) out.push({ c: d, agent: m < agent ? agent - 1 : agent, other, competitor });
    }
    for (let t = c.model.T - 1; t >= 0; t--) {
      const d = dropDate(c, t);
      if (d) out.push({ c: d, agent, other: other.filter((_, s) => s !== t), competitor });
    }
    return out;
  },
  check({ c, agent, other, competitor }, family) {
    const outside = outsideTypeSpace(c);
    if (outside) return outside;
    if (!inTypeSpaceRow(c.model, agent, other)) return { kind: "vacuous", hypothesis: "the other row is not in Ωⁿ(T, μ_, μ̄)" };
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
    // The scaled linked VCG: ex-post IC for agent n on all of Ωⁿ at these others' reports, exactly.
    const r = cheapestScale({ model, order: uw.order, profile: mu, agent });
    if (r.kind !== "found" || r.lambda.eq(Q.ONE)) return { kind: "holds" };
    const scaled = scaledLinkedVcg(model, uw.order, mu, agent, r.lambda);
    const e1 = scaled.transfer(mu)[agent]!.sub(uw.transfer(mu)[agent]!);
    const e2 = scaled.transfer(muT)[agent]!.sub(uw.transfer(muT)[agent]!);
    if (e1.eq(e2)) return { kind: "holds" };
    return violated(
      `Wⁿ − uWⁿ changes with agent ${agent + 1}'s own report (${e1} vs ${e2}) for the linked VCG with agent ${agent + 1}'s transfer scaled by λ* = ${r.lambda}, which is efficient and ex-post IC on all of Ωⁿ at these others' reports (exact supremum of the IC gain: 0, ${r.lps} LPs)`,
      { agent: agent + 1, lambda: r.lambda.toString(), profile: rows(mu), otherRow: rowsToJson(other), difference: e1.toString(), differenceOther: e2.toString() },
      { gain: e1.sub(e2).abs().toString(), deviation: { competitor: `linked VCG (${uw.order}A) with agent ${agent + 1}'s transfer × λ* when the others report μ^{−n}`, lambda: r.lambda.toString() } },
    );
  },
};
