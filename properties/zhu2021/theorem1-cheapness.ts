/**
 * zhu2021 Theorem 1, second part (§4): (lA, lW) "is weakly cheaper than every efficient ex-post
 * (A, W) satisfying A(μ) = uA(μ) for all μ ∈ Ω(T, μ_, μ̄)" — over EVERY such competitor, as stated.
 *
 * The competitor: the linked VCG with agent n's transfer multiplied by λ* at the others' reports
 * μ^{−n}, where λ* is the least λ ∈ [0, 1] for which λ·lWⁿ(μ^{−n}, ·) is ex-post IC on the whole
 * continuum Ωⁿ(T, μ_, μ̄) — computed and certified exactly by src/cheapness/zhu2021-continuum.ts (the
 * supremum of the IC gain over Ωⁿ × Ωⁿ, cell pair by cell pair, is 0). It has allocation lA = uA on
 * Ω(T, μ_, μ̄), pays ≥ 0, and is ex-post (mechanisms/zhu2021/scaled-linked.ts says why agent n's IC
 * at μ^{−n} is all that changes). The subject may not pay agent n more than it at the truth μ.
 *
 * FALSE as stated: λ* < 1 is common and often λ* = 0. The proof rests on Lemma 4 (revenue
 * equivalence by the envelope theorem), which needs agent n's value v(Aⁿ(z), x) to be differentiable
 * in his true endowment x at his report z = x. With Leontief projects it is not: resources beyond his
 * projects' needs are worth nothing to him, resources below them cost a whole unit payoff per project,
 * so the value has a kink exactly on the diagonal, IC transfers are not pinned down up to h(μ^{−n}),
 * and a cheaper IC transfer exists. λ* = 0 is the extreme case: if every project of agent n is funded
 * whatever he reports in Ωⁿ, no report buys him anything, and zero transfers are IC.
 */
import * as fc from "fast-check";
import type { Claim } from "../../src/claims/types.js";
import { cheapestScale, type GainPoint } from "../../src/cheapness/zhu2021-continuum.js";
import { linkedVcg, linkedVcgFamily } from "../../src/mechanisms/zhu2021/linked.js";
import { REPEATED_KIND, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { betaPow } from "../../src/models/zhu2021/repeated.js";
import { repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { rowsToJson } from "./deviation-common.js";
import { violated } from "./knapsack-common.js";
import { agentField, caseSize, decodeCase, dropAgent, dropDate, encodeCase, rows, outsideTypeSpace } from "./repeated-common.js";

export interface ContinuumCheapnessCase {
  readonly c: RepeatedCase;
  /** 0-based: the agent whose transfer the competitor scales. */
  readonly agent: number;
}

const pointJson = (p: GainPoint) => ({ truth: rowsToJson(p.truth), report: rowsToJson(p.report), valueGain: p.a.toString(), uWGain: p.b.toString() });

export const theorem1Cheapness: Claim<ContinuumCheapnessCase, Zhu2021Family> = {
  id: "zhu2021.theorem1.cheapness",
  paper: "zhu2021",
  section: "§4, Theorem 1 (second sentence)",
  statement: "(lA, lW) is weakly cheaper than every efficient ex-post (A, W) satisfying A(μ) = uA(μ) for all μ ∈ Ω(T, μ_, μ̄).",
  expect: "counterexample",
  note:
    "False as stated: the linked VCG with one agent's transfer scaled by λ* < 1 (often λ* = 0: no transfer at all) is efficient, ex-post IC on the whole continuum Ωⁿ (certified exactly) and strictly cheaper. The proof's Lemma 4 (revenue equivalence by the envelope theorem) fails: with Leontief projects the agent's value has a kink in his true endowment exactly at his report, so IC transfers are not unique up to h(μ^{−n}). What the proof does show is zhu2021.theorem1.cheapness.groves.",
  subjectKind: REPEATED_KIND,
  defaultSubject: linkedVcgFamily("ord"),
  runs: 100,
  arbitrary: () => repeatedCaseArb({ maxN: 3, maxT: 2 }).chain((c) => fc.record({ c: fc.constant(c), agent: fc.nat({ max: c.model.N - 1 }) })),
  encode: ({ c, agent }) => encodeCase(c, { agent: agent + 1 }),
  decode(json) {
    const { c, extra } = decodeCase(json, ["agent"]);
    return { c, agent: agentField(extra.agent, c.model.N) };
  },
  size: ({ c }) => caseSize(c),
  reduce({ c, agent }) {
    const out: ContinuumCheapnessCase[] = [];
    for (let m = 0; m < c.model.N; m++) {
      const d = m === agent ? undefined : dropAgent(c, m);
      if (d) out.push({ c: d, agent: m < agent ? agent - 1 : agent });
    }
    for (let t = c.model.T - 1; t >= 0; t--) {
      const d = dropDate(c, t);
      if (d) out.push({ c: d, agent });
    }
    return out;
  },
  check({ c, agent: n }, family) {
    const outside = outsideTypeSpace(c);
    if (outside) return outside;
    const { model, truth } = c;
    const mech = family.build(model);
    const order = mech.order;
    const r = cheapestScale({ model, order, profile: truth, agent: n });
    if (r.kind === "inconclusive") return { kind: "inconclusive", reason: `continuum IC of the scaled competitor: ${r.reason}` };
    if (r.kind === "linked-not-ic") {
      return violated(
        `the reference linked VCG itself is not ex-post IC on Ωⁿ: agent ${n + 1} with true row ${JSON.stringify(rowsToJson(r.point.truth))} gains ${r.point.a.add(r.point.b)} by reporting ${JSON.stringify(rowsToJson(r.point.report))}`,
        { agent: n + 1, reports: rows(truth), ...pointJson(r.point) },
        { gain: r.point.a.add(r.point.b).toString() },
      );
    }
    const paid = mech.transfer(truth)[n]!;
    // the competitor scales the REFERENCE linked VCG (the subject's own transfer when it is the reference)
    const lw = family === linkedVcgFamily(order) ? paid : linkedVcg(model, order).transfer(truth)[n]!;
    const competitor = r.lambda.mul(lw);
    if (!paid.gt(competitor)) return { kind: "holds", how: `λ* = ${r.lambda}: the cheapest IC multiple of lWⁿ pays ${competitor}, the subject ${paid}` };
    const d = betaPow(model, model.T - 1);
    return violated(
      `agent ${n + 1} is paid ${paid} by ${mech.name}; the linked VCG with agent ${n + 1}'s transfer scaled by λ* = ${r.lambda} at these others' reports pays ${competitor}, has allocation uA on Ω(T, μ_, μ̄) and is ex-post IC on all of Ωⁿ (exact supremum of the IC gain over Ωⁿ × Ωⁿ: 0, ${r.lps} LPs)`,
      {
        agent: n + 1,
        reports: rows(truth),
        subjectTransfer: paid.toString(),
        linkedTransfer: lw.toString(),
        lambda: r.lambda.toString(),
        competitorTransfer: competitor.toString(),
        costDifference: d.mul(paid.sub(competitor)).toString(),
        ...(r.tight ? { lambdaIsLeast: pointJson(r.tight) } : {}),
      },
      { gain: paid.sub(competitor).toString(), deviation: { competitor: `linked VCG (${order}A) with agent ${n + 1}'s transfer × λ* when the others report μ^{−n}`, lambda: r.lambda.toString() } },
    );
  },
};

