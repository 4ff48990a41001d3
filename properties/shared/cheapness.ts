/**
 * Cheapness of the VCG mechanisms against the exact grid oracle (src/cheapness):
 *  - Proposition 2 (zhu2022 §3.3, stylized §3): the unlinked VCG is the cheapest efficient ex-post
 *    direct mechanism over Ω;
 *  - Proposition 3 (zhu2022 §3.4 "if Ω* is smoothly path-connected", stylized §3 "if Ω* is convex"):
 *    the linked VCG is the cheapest over Ω*.
 * Checked for one agent n at a truthful ω, on a lattice G ⊂ Ω*ⁿ (with ωⁿ) against ω⁻ⁿ:
 *  1. the subject is efficient on G;
 *  2. it is never below the grid optimum (least IC transfers on G, a lower bound on every efficient
 *     ex-post mechanism): below it, the witness path of the optimum names a certified broken IC
 *     constraint or a negative transfer;
 *  3. no known efficient ex-post mechanism is cheaper at ω: over Ω the unlinked VCG itself (Groves;
 *     inf over own reports of Vⁿ is 0, so V − inf V = V), over a union of boxes the cheapest
 *     "VCG minus one constant per box" (src/cheapness/box-union.ts, exact, its IC re-checked on corners
 *     and G). A cheaper one refutes the claim; outside the hypotheses it is recorded as such.
 * "holds" rests on search (basis "search"): G is finite and the competitors known are those above.
 */
import * as fc from "fast-check";
import type { Claim, Json, PaperKey, Verdict } from "../../src/claims/types.js";
import { inconclusive, vacuous, violated } from "../../src/claims/verdicts.js";
import { InputError, InternalError, requireAgent } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { boxConstants, boxCorners, boxesContaining, ownV, searchBoxDeviations } from "../../src/cheapness/box-union.js";
import { brokenConstraint } from "../../src/cheapness/audit.js";
import { witnessPath } from "../../src/cheapness/difference-constraints.js";
import { cheapnessGrid, gridOptimum, inefficiency, valueInTransferUnits, allocationFor, efficient, type AgentSlice } from "../../src/cheapness/single-resource.js";
import { showInterval, type Interval } from "../../src/mechanisms/types.js";
import { SINGLE_KIND, type SingleResourceFamily, type SingleResourceMechanism } from "../../src/mechanisms/single-resource/vcg.js";
import { withRow, type Endowments } from "../../src/models/single-resource/model.js";
import { endowmentsArb, modelArb, omegaStarArb, separatedBoxesArb, singleCaseArb, type SingleCase } from "../../src/search/single-resource.js";
import { boxesOf, isConnected, isConvex } from "../../src/typespace/single-resource-shape.js";
import { contains, describeOmegaStar, type OmegaStar } from "../../src/typespace/single-resource.js";
import { decodeSingle, encodeSingle } from "./single-resource.js";

export interface CheapnessCase {
  readonly c: SingleCase;
  /** 0-based. */
  readonly agent: number;
  /** Lattice steps per date (1, 2, 4, … give nested grids). */
  readonly divisions: number;
}

export interface CheapnessSpec {
  readonly id: string;
  readonly paper: Extract<PaperKey, "zhu2022" | "stylized">;
  readonly section: string;
  readonly statement: string;
  readonly defaultSubject: SingleResourceFamily;
  /** Proposition 2 runs over Ω (the case's Ω* is replaced by "all"). */
  readonly over: "omega" | "omega-star";
  /** Proposition 3's hypothesis on Ω*, decided exactly (undefined: undecided). */
  readonly hypothesis?: { readonly text: string; readonly holds: (set: OmegaStar, T: number) => boolean | undefined };
  readonly note?: string;
}

export const CONNECTED = { text: "Ω* is smoothly path-connected", holds: isConnected };
export const CONVEX = { text: "Ω* is convex", holds: isConvex };

const show = (x: readonly Q[]) => `(${x.map(String).join(", ")})`;

/** Wⁿ(lie) − Wⁿ(truth) for a unilateral change of agent n's report, as certified bounds. */
function difference(mech: SingleResourceMechanism, truth: Endowments, lie: Endowments, n: number): Interval {
  if (mech.unilateralDifference) return mech.unilateralDifference(truth, lie, n);
  const a = mech.transferBounds(truth)[n]!, b = mech.transferBounds(lie)[n]!;
  return { lo: b.lo.sub(a.hi), hi: b.hi.sub(a.lo) };
}

export function cheapnessClaim(spec: CheapnessSpec): Claim<CheapnessCase, SingleResourceFamily> {
  const setOf = (c: SingleCase): OmegaStar => (spec.over === "omega" ? { kind: "all" } : c.omegaStar);
  return {
    id: spec.id,
    paper: spec.paper,
    section: spec.section,
    statement: spec.statement,
    expect: "holds",
    ...(spec.note ? { note: spec.note } : {}),
    subjectKind: SINGLE_KIND,
    defaultSubject: spec.defaultSubject,
    runs: 100,
    arbitrary: () => {
      const cases =
        spec.over === "omega"
          ? modelArb({ maxN: 3, maxT: 2 }).chain((model) => endowmentsArb(model.N, model.T).map((truth): SingleCase => ({ model, omegaStar: { kind: "all" }, truth })))
          : singleCaseArb({ maxN: 3, maxT: 2, omegaStar: (T) => fc.oneof({ weight: 3, arbitrary: omegaStarArb(T) }, { weight: 1, arbitrary: separatedBoxesArb(T) }) });
      return cases.chain((c) =>
        fc.record({
          agent: fc.nat({ max: c.model.N - 1 }),
          divisions: c.model.T === 1 ? fc.constantFrom(1, 2, 4, 8) : fc.constantFrom(1, 2, 4),
        }).map(({ agent, divisions }) => ({ c, agent, divisions })),
      );
    },
    encode: (d) => ({ ...(encodeSingle(d.c) as Record<string, Json>), agent: d.agent + 1, divisions: d.divisions }),
    decode(v) {
      const { agent, divisions, ...rest } = (v ?? {}) as Record<string, unknown>;
      const c = decodeSingle(rest);
      const n = Number(agent) - 1;
      requireAgent(n, c.model.N, "instance.agent");
      const k = Number(divisions);
      if (!Number.isInteger(k) || k < 1 || k > 64) throw new InputError("instance.divisions", "must be an integer in 1..64 (lattice steps per date)");
      return { c, agent: n, divisions: k };
    },
    size: (d) => ({ agents: d.c.model.N, dates: d.c.model.T, divisions: d.divisions }),
    check: (d, family) => checkCheapness(spec, setOf(d.c), d, family),
  };
}

function checkCheapness(spec: CheapnessSpec, set: OmegaStar, { c, agent, divisions }: CheapnessCase, family: SingleResourceFamily): Verdict {
  const { model, truth } = c;
  const outsideRow = truth.findIndex((row) => !contains(set, row));
  if (outsideRow >= 0) return vacuous(`the truthful report of agent ${outsideRow + 1} is not in Ω*ⁿ`);
  const mech = family.build({ model, omegaStar: set });
  const slice: AgentSlice = { model, omegaStar: set, profile: truth, agent };
  const grid = cheapnessGrid(model, set, truth, agent, divisions);
  const at = (y: readonly Q[]) => withRow(truth, agent, y);

  // 1. efficiency on the grid
  const bad = inefficiency(slice, (p, t) => mech.allocate(p, t), grid);
  if (bad) {
    return violated(`inefficient: with agent ${agent + 1} reporting ${show(grid[bad.point]!)}, agent ${bad.agent + 1} gets ${bad.got} at date ${bad.date + 1}, 𝐀 gives ${bad.efficient}`, {
      report: grid[bad.point]!.map(String),
      date: bad.date + 1,
      got: String(bad.got),
      efficient: bad.efficient.toString(),
    });
  }

  // 2. never below the grid optimum
  const opt = gridOptimum(slice, grid);
  if (opt.solution.kind !== "solved") throw new InternalError("the efficient allocation has a positive IC cycle on the grid, but VCG implements it");
  const { W } = opt.solution;
  const base = mech.transferBounds(truth)[agent]!;
  const subject = grid.map((y) => {
    const d = difference(mech, truth, at(y), agent);
    return { lo: base.lo.add(d.lo), hi: base.hi.add(d.hi) };
  });
  for (let i = 0; i < grid.length; i++) {
    if (!subject[i]!.hi.lt(W[i]!)) continue;
    return belowOptimum(slice, mech, grid, subject, W, witnessPath(opt.solution, i), i) ?? inconclusive(`the subject's transfer at ${show(grid[i]!)} is below the grid optimum ${W[i]} but no single constraint on the witness path is certified broken`);
  }

  // 3. a known cheaper efficient ex-post mechanism
  const own = truth[agent]!;
  const truthIndex = grid.findIndex((y) => y.every((v, t) => v.eq(own[t]!)));
  const mine = subject[truthIndex]!;
  const gap = { lo: mine.lo.sub(W[truthIndex]!), hi: mine.hi.sub(W[truthIndex]!) };
  const cheaper = knownCheaper(slice, set, grid);
  // decided once: connectivity costs exact LPs between pieces
  const hyp = spec.hypothesis?.holds(set, model.T);
  if (cheaper && mine.lo.gt(cheaper.value)) {
    const summary = `agent ${agent + 1} at ωⁿ = ${show(own)} is paid ${showInterval(mine)} by ${mech.name}, but the efficient ex-post ${cheaper.name} pays ${cheaper.value}`;
    const quantities: Record<string, Json> = {
      agent: agent + 1,
      omegaStar: describeOmegaStar(set),
      subjectTransfer: showInterval(mine),
      cheaperTransfer: cheaper.value.toString(),
      gridOptimum: W[truthIndex]!.toString(),
      gridPoints: grid.length,
      ...cheaper.quantities,
    };
    const extra = { gain: mine.lo.sub(cheaper.value).toString(), deviation: { competitor: cheaper.name, ...(cheaper.quantities.constants ? { constants: cheaper.quantities.constants } : {}) } };
    if (spec.hypothesis && hyp !== true) {
      return { kind: "outside", hypothesis: hyp === false ? `${spec.hypothesis.text} fails: ${describeOmegaStar(set)}` : `${spec.hypothesis.text} is not decided for ${describeOmegaStar(set)}`, witness: { summary, quantities, ...extra } };
    }
    return violated(summary, quantities, extra);
  }
  if (spec.hypothesis && hyp !== true) return vacuous(`${spec.hypothesis.text}: not met or not decided for ${describeOmegaStar(set)}`);
  return {
    kind: "holds",
    basis: "search",
    how: `${grid.length} grid reports (${opt.method}); at ωⁿ the grid optimum is ${W[truthIndex]}, the subject pays ${showInterval(mine)} (gap ${showInterval(gap)})${cheaper ? `, the cheapest known competitor ${cheaper.value}` : ""}`,
  };
}

/** A certified broken constraint of the subject on the optimum's witness path (src/cheapness/audit.ts). */
function belowOptimum(slice: AgentSlice, mech: SingleResourceMechanism, grid: readonly (readonly Q[])[], subject: readonly Interval[], W: readonly Q[], path: readonly number[], i: number): Verdict | undefined {
  const { agent, profile } = slice;
  const alloc = efficient(slice.model);
  const value = (x: number, y: number) => valueInTransferUnits(slice, allocationFor(slice, alloc, grid[y]!), grid[x]!);
  const broken = brokenConstraint(path, {
    d: (v, u) => value(v, u).sub(value(v, v)),
    transferDifference: (v, u) => difference(mech, withRow(profile, agent, grid[v]!), withRow(profile, agent, grid[u]!), agent),
    subject: (k) => subject[k]!,
  });
  if (!broken) return undefined;
  const common = { agent: agent + 1, report: grid[i]!.map(String), subjectTransfer: showInterval(subject[i]!), gridOptimum: W[i]!.toString(), gridPoints: grid.length };
  if (broken.kind === "negative") {
    return violated(`limited liability fails: agent ${agent + 1} reporting ${show(grid[broken.at]!)} is paid at most ${broken.hi} < 0`, { ...common, negativeAt: grid[broken.at]!.map(String) }, { gain: broken.hi.neg().toString() });
  }
  const x = grid[broken.type]!, y = grid[broken.report]!;
  return violated(
    `not ex-post IC: type ${show(x)} of agent ${agent + 1} gains at least ${broken.gain} (transfer units) by reporting ${show(y)}; found because the subject pays ${showInterval(subject[i]!)} at ${show(grid[i]!)}, below the least IC transfers on the grid (${W[i]})`,
    { ...common, truth: x.map(String), misreport: y.map(String), valueGain: broken.valueGain.toString(), transferDifference: showInterval(broken.transferDifference) },
    { gain: broken.gain.toString(), deviation: { agent: agent + 1, misreport: y.map(String) } },
  );
}

/** The cheapest known efficient ex-post transfer to the agent at its truthful report, exact. */
function knownCheaper(slice: AgentSlice, set: OmegaStar, grid: readonly (readonly Q[])[]): { name: string; value: Q; quantities: Record<string, Json> } | undefined {
  const own = slice.profile[slice.agent]!;
  if (set.kind === "all") return { name: "unlinked VCG (Groves; inf of Vⁿ over own reports is 0)", value: ownV(slice, own), quantities: {} };
  const boxes = boxesOf(set);
  if (!boxes) return undefined;
  const k = boxConstants(slice, boxes);
  const problems = searchBoxDeviations(slice, k, [...boxCorners(boxes), ...grid]);
  if (problems.length > 0) throw new InternalError(`the box-constant mechanism failed its deviation search: ${problems.join("; ")}`);
  const c = boxesContaining(boxes, own)[0]!;
  return {
    name: "VCG minus one constant per box of Ω*ⁿ",
    value: ownV(slice, own).sub(k.m[c]!),
    quantities: {
      boxes: boxes.map((b) => ({ lo: b.lo.map(String), hi: b.hi.map(String) })),
      minVOnBox: k.upper.map(String),
      constants: k.m.map(String),
      linkedConstant: k.linkedMin.toString(),
      crossLoss: k.loss.map((row) => row.map((l) => ({ value: l.value.toString(), from: l.x.map(String), to: l.y.map(String) }))),
    },
  };
}
