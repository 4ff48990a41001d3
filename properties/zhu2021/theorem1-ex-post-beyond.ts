/**
 * Probe of how far zhu2021 Theorem 1 (ex-post part) reaches: the same conclusion — truth-telling
 * is a best response in the linked VCG mechanism — when the true endowments lie OUTSIDE
 * Ω(T, μ_, μ̄), the case §5 of the paper handles only approximately (ε-ex-post). A failure here is
 * `fails-outside-hypotheses`, not a refutation. For the reference mechanism the best misreport is
 * exact and exhaustive (the retraction makes every report equivalent to one inside Ωⁿ).
 */
import * as fc from "fast-check";
import type { Claim } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { improveRow } from "../../src/equilibrium/local-search.js";
import { bestMisreport } from "../../src/equilibrium/zhu2021-best-response.js";
import { referenceOf } from "../../src/equilibrium/zhu2021-exhaustive.js";
import { fixedReport, play, TRUTHFUL, utility } from "../../src/equilibrium/zhu2021-strategies.js";
import { linkedVcgFamily } from "../../src/mechanisms/zhu2021/linked.js";
import { REPEATED_KIND, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { inTypeSpace } from "../../src/models/zhu2021/repeated.js";
import { rowsToJson } from "./deviation-common.js";
import { decodeMisreport, encodeMisreport, misreportCaseArb, reduceMisreport, type MisreportCase } from "./proposition1.js";
import { caseSize, rows } from "./repeated-common.js";

export const theorem1ExPostBeyond: Claim<MisreportCase, Zhu2021Family> = {
  id: "zhu2021.theorem1.ex-post.beyond",
  paper: "zhu2021",
  section: "§4, Theorem 1, probed outside Ω(T, μ_, μ̄) (cf. §5)",
  statement: "Probe: truth-telling remains a best response in (lA, lW) when the true endowments lie outside Ω(T, μ_, μ̄).",
  expect: "holds",
  expectOutside: true,
  note: "Outside the hypotheses by construction: a failure maps the reach of Theorem 1 (the retraction distorts truthful reports outside the type space), it does not refute it.",
  subjectKind: REPEATED_KIND,
  defaultSubject: linkedVcgFamily("ord"),
  runs: 120,
  arbitrary: () =>
    misreportCaseArb({ maxN: 3, maxT: 3 }).chain((inst) =>
      // Tighten the agent's upper bound below his true average: the truth leaves Ω(T, μ_, μ̄).
      fc.constantFrom(Q.ZERO, Q.HALF).map((f) => {
        const { model, truth } = inst.c;
        const avg = truth[inst.agent]!.reduce((s, col) => s.map((x, i) => x.add(col[i]!)), new Array<Q>(model.econ.I).fill(Q.ZERO)).map((x) => x.div(Q.of(model.T)));
        const muHigh = model.muHigh.map((r, n) => (n === inst.agent ? avg.map((x) => x.mul(f)) : r));
        const muLow = model.muLow.map((r, n) => r.map((x, i) => Q.min(x, muHigh[n]![i]!)));
        return { ...inst, c: { model: { ...model, muLow, muHigh }, truth } };
      }),
    ),
  encode: encodeMisreport,
  decode: decodeMisreport,
  size: ({ c }) => caseSize(c),
  reduce: reduceMisreport,
  check({ c, agent, misreport }, family) {
    const { model, truth } = c;
    if (inTypeSpace(model, truth)) return { kind: "vacuous", hypothesis: "the truth is inside Ω(T, μ_, μ̄) (Theorem 1 proper covers it)" };
    const mech = family.build(model);
    const honest = utility(mech, truth, truth, agent);
    const uOf = (row: readonly (readonly Q[])[]) => utility(mech, truth, play(model, truth, truth.map((_, m) => (m === agent ? fixedReport(row) : TRUTHFUL))), agent);
    const ref = referenceOf(family);
    const lieRow = ref ? bestMisreport(model, ref.order, ref.kind, truth, agent).misreport : improveRow(misreport, (row) => uOf(row).U).row;
    const lie = uOf(lieRow);
    if (lie.U.gt(honest.U)) {
      return {
        kind: "outside",
        hypothesis: "the true endowments are not in Ω(T, μ_, μ̄)",
        witness: {
          summary: `with the truth outside the type space, agent ${agent + 1} gains ${lie.U.sub(honest.U)} by misreporting`,
          quantities: { agent: agent + 1, truth: rows(truth), misreport: rowsToJson(lieRow), truthfulU: honest.U.toString(), deviationU: lie.U.toString() },
          gain: lie.U.sub(honest.U).toString(),
          deviation: { agent: agent + 1, misreport: rowsToJson(lieRow) },
        },
      };
    }
    return { kind: "holds" };
  },
};

