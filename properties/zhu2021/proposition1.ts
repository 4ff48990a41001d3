/**
 * zhu2021 Proposition 1 (§4): the unlinked VCG mechanism (uA, uW) is an efficient ex-post mechanism.
 * Checked on generated instances: truthful reports give the efficient surplus, and no misreport
 * sequence of one agent (others truthful) raises his payoff Uⁿ = Sⁿ + β^{T−1} Wⁿ. Each generated
 * misreport is improved by an exact deterministic local search before comparing; every gain is an
 * exact difference of utilities. For the reference mechanisms on small instances the check is
 * exhaustive instead: the exact best misreport over the whole message space (src/equilibrium/
 * zhu2021-best-response.ts), so "holds" is a proof for that instance, and `verify` inherits it.
 */
import * as fc from "fast-check";
import type { Claim } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { TRUTHFUL, fixedReport, play, utility } from "../../src/equilibrium/zhu2021-strategies.js";
import { improveRow } from "../../src/equilibrium/local-search.js";
import { bestMisreport } from "../../src/equilibrium/zhu2021-best-response.js";
import { referenceOf } from "../../src/equilibrium/zhu2021-exhaustive.js";
import { contributions, dateValues, efficientSurplus } from "../../src/models/zhu2021/payoffs.js";
import { REPEATED_KIND, unlinkedVcgFamily, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { misreportArb, rowsFromJson, rowsToJson } from "./deviation-common.js";
import { violated } from "./knapsack-common.js";
import { agentField, caseSize, decodeCase, dropAgent, dropDate, encodeCase, outsideTypeSpace, rows } from "./repeated-common.js";

export interface MisreportCase {
  readonly c: RepeatedCase;
  /** 0-based deviating agent. */
  readonly agent: number;
  /** Agent's misreport sequence (T × I); the others report truthfully. */
  readonly misreport: Q[][];
}

export const misreportCaseArb = (shape: Parameters<typeof repeatedCaseArb>[0] = {}) =>
  repeatedCaseArb(shape).chain((c) =>
    fc.nat({ max: c.model.N - 1 }).chain((agent) => fc.record({ c: fc.constant(c), agent: fc.constant(agent), misreport: misreportArb(c.truth[agent]!) })),
  );

/** Smaller misreport cases: without another agent, or without the last date. */
export function reduceMisreport({ c, agent, misreport }: MisreportCase): MisreportCase[] {
  const out: MisreportCase[] = [];
  for (let m = 0; m < c.model.N; m++) {
    if (m === agent) continue;
    const d = dropAgent(c, m);
    if (d) out.push({ c: d, agent: m < agent ? agent - 1 : agent, misreport });
  }
  for (let t = c.model.T - 1; t >= 0; t--) {
    const d = dropDate(c, t);
    if (d) out.push({ c: d, agent, misreport: misreport.filter((_, s) => s !== t) });
  }
  return out;
}

export const encodeMisreport = ({ c, agent, misreport }: MisreportCase) => encodeCase(c, { agent: agent + 1, misreport: rowsToJson(misreport) });
export function decodeMisreport(json: unknown): MisreportCase {
  const { c, extra } = decodeCase(json, ["agent", "misreport"]);
  const agent = agentField(extra.agent, c.model.N);
  return { c, agent, misreport: rowsFromJson(extra.misreport, c.model, "instance.misreport") };
}

/** Ex-post IC and efficiency of a mechanism at one (truth, agent, misreport). */
/** Sizes up to which the reference mechanisms are checked exhaustively. */
export const EXHAUSTIVE_MAX = { N: 3, T: 3, I: 5 } as const;

export function checkExPost(family: Zhu2021Family, inst: MisreportCase) {
  const { c, agent } = inst;
  const outside = outsideTypeSpace(c);
  if (outside) return outside;
  let misreport = inst.misreport;
  const { model, truth } = c;
  const mech = family.build(model);
  const allocs = Array.from({ length: model.T }, (_, t) => mech.allocate(truth, t));
  const surplus = contributions(model, dateValues(model, allocs, truth)).reduce((a, b) => a.add(b), Q.ZERO);
  const best = efficientSurplus(model, truth);
  if (!surplus.eq(best)) return violated("truthful reports do not give the efficient surplus", { surplus: surplus.toString(), efficient: best.toString() }, { gain: best.sub(surplus).toString() });
  const honest = utility(mech, truth, truth, agent);
  const uOf = (row: readonly (readonly Q[])[]) => utility(mech, truth, play(model, truth, truth.map((_, m) => (m === agent ? fixedReport(row) : TRUTHFUL))), agent);
  const ref = referenceOf(family);
  const exhaustive = ref !== undefined && model.T <= EXHAUSTIVE_MAX.T && model.econ.I <= EXHAUSTIVE_MAX.I && model.N <= EXHAUSTIVE_MAX.N;
  if (ref && exhaustive) {
    // The reference mechanisms have an exhaustive oracle: the exact best misreport over the whole
    // message space (cells × exact LPs), so "no profitable deviation" is a proof for this instance.
    misreport = bestMisreport(model, ref.order, ref.kind, truth, agent).misreport;
  } else {
    // Any other mechanism: the generated misreport, then an exact deterministic local improvement.
    misreport = improveRow(misreport, (row) => uOf(row).U).row;
  }
  const lie = uOf(misreport);
  if (lie.U.gt(honest.U)) {
    return violated(
      `agent ${agent + 1} gains ${lie.U.sub(honest.U)} by misreporting (others truthful)`,
      { agent: agent + 1, truth: rows(truth), misreport: rowsToJson(misreport), truthfulU: honest.U.toString(), deviationU: lie.U.toString(), truthfulS: honest.S.toString(), truthfulW: honest.W.toString(), deviationS: lie.S.toString(), deviationW: lie.W.toString() },
      { gain: lie.U.sub(honest.U).toString(), deviation: { agent: agent + 1, misreport: rowsToJson(misreport) } },
    );
  }
  return exhaustive
    ? { kind: "holds" as const, basis: "exact" as const, how: "exhaustive best misreport: every linear cell of Uⁿ solved by exact LP" }
    : { kind: "holds" as const, basis: "search" as const, how: "generated misreport plus exact local improvement found no gain (not a proof)" };
}

export const proposition1: Claim<MisreportCase, Zhu2021Family> = {
  id: "zhu2021.proposition1",
  paper: "zhu2021",
  section: "§4, Proposition 1",
  statement: "(uA, uW) is an efficient ex-post mechanism.",
  expect: "holds",
  subjectKind: REPEATED_KIND,
  defaultSubject: unlinkedVcgFamily("ord"),
  runs: 400,
  arbitrary: () => misreportCaseArb(),
  encode: encodeMisreport,
  decode: decodeMisreport,
  size: ({ c }) => caseSize(c),
  reduce: reduceMisreport,
  check: (inst, family) => checkExPost(family, inst),
};
