/**
 * zhu2021 Proposition 1, second paragraph (§4): "For T > 1, (uA, uW) need not be strategy-proof.
 * Fix an n, and consider the σ^{−n} where at all dates t > 1, all agents m ≠ n copy agent n's date 1
 * report. At date 1, agent n is better off reporting a sufficiently huge endowment."
 * The claim checked is the conjecture the paper refutes — truth-telling is a dominant strategy — so
 * the expected verdict is a counterexample, which the search must find by itself: the others play
 * generated adapted strategies (truth plus copies of earlier reports), agent n a misreport.
 */
import * as fc from "fast-check";
import type { Claim } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { fixedReport, play, utility, type Strategy } from "../../src/equilibrium/zhu2021-strategies.js";
import { REPEATED_KIND, unlinkedVcgFamily, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import type { Q } from "../../src/exact/rational.js";
import { repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { copyTermsArb, misreportArb, rowsFromJson, rowsToJson, strategyFromJson, strategyToJson } from "./deviation-common.js";
import { violated } from "./knapsack-common.js";
import { agentField, caseSize, decodeCase, dropAgent, dropDate, encodeCase, rows } from "./repeated-common.js";

export interface DominanceCase {
  readonly c: RepeatedCase;
  readonly agent: number;
  readonly misreport: Q[][];
  /** One strategy per agent; the deviating agent's entry is ignored. */
  readonly others: Strategy[];
}

export const proposition1StrategyProof: Claim<DominanceCase, Zhu2021Family> = {
  id: "zhu2021.proposition1.strategy-proof",
  paper: "zhu2021",
  section: "§4, Proposition 1 and the paragraph after its proof",
  statement: "Conjecture refuted by the paper for T > 1: truth-telling is a dominant strategy in (uA, uW) — no strategy profile σ^{−n} of the others makes a misreport better for agent n.",
  expect: "counterexample",
  note: "The paper's own remark: with others copying agent n's date-1 report at later dates, a huge date-1 report pays. Found by the search; the shrunk instance is stored under counterexamples/.",
  subjectKind: REPEATED_KIND,
  defaultSubject: unlinkedVcgFamily("ord"),
  runs: 400,
  arbitrary: () =>
    repeatedCaseArb({ minN: 1, maxN: 3, maxT: 3 }).chain((c) =>
      fc.nat({ max: c.model.N - 1 }).chain((agent) =>
        fc.record({
          c: fc.constant(c),
          agent: fc.constant(agent),
          misreport: misreportArb(c.truth[agent]!),
          others: fc.tuple(...Array.from({ length: c.model.N }, (_, m) => copyTermsArb(c.model, m))).map((ts) => ts.map((terms): Strategy => ({ base: "truth", terms }))),
        }),
      ),
    ),
  encode: ({ c, agent, misreport, others }) => encodeCase(c, { agent: agent + 1, misreport: rowsToJson(misreport), others: others.map(strategyToJson) }),
  decode(json) {
    const { c, extra } = decodeCase(json, ["agent", "misreport", "others"]);
    const agent = agentField(extra.agent, c.model.N);
    if (!Array.isArray(extra.others) || extra.others.length !== c.model.N) throw new InputError("instance.others", `expected N = ${c.model.N} strategies`);
    return {
      c,
      agent,
      misreport: rowsFromJson(extra.misreport, c.model, "instance.misreport"),
      others: extra.others.map((s, m) => strategyFromJson(s, c.model, `instance.others[${m}]`)),
    };
  },
  size: ({ c }) => caseSize(c),
  reduce({ c, agent, misreport, others }) {
    const out: DominanceCase[] = [];
    for (let m = 0; m < c.model.N; m++) {
      if (m === agent) continue;
      const d = dropAgent(c, m);
      if (!d) continue;
      const re = (k: number) => (k > m ? k - 1 : k);
      const strategies = others
        .filter((_, k) => k !== m)
        .map((s) => ({ ...s, terms: (s.terms ?? []).filter((t) => t.from !== m).map((t) => ({ ...t, from: re(t.from) })) }));
      out.push({ c: d, agent: re(agent), misreport, others: strategies });
    }
    for (let t = c.model.T - 1; t >= 0; t--) {
      const d = dropDate(c, t);
      if (!d) continue;
      const re = (k: number) => (k > t ? k - 1 : k);
      const strategies = others.map((s) => ({
        ...s,
        ...(s.constant ? { constant: s.constant.filter((_, k) => k !== t) } : {}),
        terms: (s.terms ?? []).filter((x) => x.date !== t && x.fromDate !== t).map((x) => ({ ...x, date: re(x.date), fromDate: re(x.fromDate) })),
      }));
      out.push({ c: d, agent, misreport: misreport.filter((_, k) => k !== t), others: strategies });
    }
    return out;
  },
  check({ c, agent, misreport, others }, family) {
    const { model, truth } = c;
    const mech = family.build(model);
    const honestProfile = others.map((s, m) => (m === agent ? ({ base: "truth" } as Strategy) : s));
    const lyingProfile = others.map((s, m) => (m === agent ? fixedReport(misreport) : s));
    const honestReports = play(model, truth, honestProfile);
    const lyingReports = play(model, truth, lyingProfile);
    const honest = utility(mech, truth, honestReports, agent);
    const lie = utility(mech, truth, lyingReports, agent);
    if (lie.U.gt(honest.U)) {
      return violated(
        `against the others' strategies, agent ${agent + 1} gains ${lie.U.sub(honest.U)} by misreporting`,
        { agent: agent + 1, truth: rows(truth), reportsIfTruthful: rows(honestReports), reportsIfLying: rows(lyingReports), truthfulU: honest.U.toString(), deviationU: lie.U.toString(), truthfulW: honest.W.toString(), deviationW: lie.W.toString() },
        { gain: lie.U.sub(honest.U).toString(), deviation: { agent: agent + 1, misreport: rowsToJson(misreport), others: others.map(strategyToJson) } },
      );
    }
    return { kind: "holds" };
  },
};
