/**
 * zhu2021 Theorem 1, first part (§4): the linked VCG mechanism (lA, lW) is an efficient ex-post
 * mechanism: truthful reports on Ω(T, μ_, μ̄) give the efficient surplus, no misreport of one agent
 * (anywhere in the message space Ω, so the retraction is exercised) raises his payoff, and the
 * transfers respect limited liability (Wⁿ ≥ 0, part of the definition of a mechanism in §2).
 */
import type { Claim } from "../../src/claims/types.js";
import { linkedVcgFamily } from "../../src/mechanisms/zhu2021/linked.js";
import { REPEATED_KIND, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { play, fixedReport, TRUTHFUL } from "../../src/equilibrium/zhu2021-strategies.js";
import { violated } from "./knapsack-common.js";
import { checkExPost, decodeMisreport, encodeMisreport, misreportCaseArb, reduceMisreport, type MisreportCase } from "./proposition1.js";
import { caseSize, rows } from "./repeated-common.js";
import { rowsToJson } from "./deviation-common.js";

export const theorem1ExPost: Claim<MisreportCase, Zhu2021Family> = {
  id: "zhu2021.theorem1.ex-post",
  paper: "zhu2021",
  section: "§4, Theorem 1 (first sentence)",
  statement: "(lA, lW) is an efficient ex-post mechanism.",
  expect: "holds",
  subjectKind: REPEATED_KIND,
  defaultSubject: linkedVcgFamily("ord"),
  runs: 250,
  arbitrary: () => misreportCaseArb({ maxN: 3, maxT: 3 }),
  encode: encodeMisreport,
  decode: decodeMisreport,
  size: ({ c }) => caseSize(c),
  reduce: reduceMisreport,
  check(inst, family) {
    const v = checkExPost(family, inst);
    if (v.kind !== "holds") return v;
    const { c, agent, misreport } = inst;
    const mech = family.build(c.model);
    for (const [label, reports] of [
      ["truthful", c.truth],
      ["misreported", play(c.model, c.truth, c.truth.map((_, m) => (m === agent ? fixedReport(misreport) : TRUTHFUL)))],
    ] as const) {
      const w = mech.transfer(reports);
      const neg = w.findIndex((x) => x.sign() < 0);
      if (neg >= 0) return violated(`limited liability fails: agent ${neg + 1}'s transfer at the ${label} reports is ${w[neg]}`, { reports: rows(reports), transfers: w.map(String), misreport: rowsToJson(misreport) });
    }
    return v;
  },
};
