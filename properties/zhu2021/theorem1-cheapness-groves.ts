/**
 * zhu2021 Theorem 1, second part (§4), in the form its proof actually establishes: the proof assumes
 * Lemma 4 (Wⁿ − uWⁿ depends on μ^{−n} only — false in general, see zhu2021.lemma4), so it compares
 * (lA, lW) with the GROVES competitors Wⁿ = uWⁿ + h(μ^{−n}). The paper's own sentence, over every
 * efficient ex-post mechanism, is zhu2021.theorem1.cheapness (refuted). Checked pointwise at a
 * truthful μ ∈ Ω(T, μ_, μ̄), in two ways:
 *  - against generated competitors with the ordA allocation (competitors.ts);
 *  - against the exact grid oracle (src/cheapness/zhu2021.ts) for one agent on the segment from the
 *    linked minimum's minimizer μ̂* to μⁿ in `divisions` steps: the least IC transfers there are a lower
 *    bound on EVERY competitor, including those that depend on the agent's own report. The subject may
 *    not pay less than them (below them, a certified broken IC constraint or negative transfer is
 *    found on the optimum's witness path), and the gap at μⁿ is reported: it closes as the steps
 *    shrink (the least transfers approach uWⁿ(μ) − uWⁿ(μ̂*) = lWⁿ(μ)), which is Theorem 1's
 *    cheapness at this profile in the limit; or on points straddling ordA's cell boundaries and the
 *    diagonal kink near μⁿ (src/cheapness/zhu2021-grids.ts), where planted bugs in the allocation or
 *    transfer show up as broken IC constraints.
 * "holds" rests on search: finitely many competitors and a finite grid.
 */
import * as fc from "fast-check";
import type { Claim, Verdict } from "../../src/claims/types.js";
import { InputError, InternalError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { brokenConstraint, segment } from "../../src/cheapness/audit.js";
import { boundaryRows, dedupe } from "../../src/cheapness/zhu2021-grids.js";
import { witnessPath } from "../../src/cheapness/difference-constraints.js";
import { flat, gridBundles, repeatedLeastTransfers, repeatedValue, unflat, type Row } from "../../src/cheapness/zhu2021.js";
import { linkedMinimum } from "../../src/mechanisms/zhu2021/linked-min.js";
import { linkedVcgFamily } from "../../src/mechanisms/zhu2021/linked.js";
import { REPEATED_KIND, type Zhu2021Family, type Zhu2021Mechanism } from "../../src/mechanisms/zhu2021/vcg.js";
import { inTypeSpaceRow, withRow } from "../../src/models/zhu2021/repeated.js";
import { profileArb, repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { retractRow } from "../../src/typespace/zhu2021-retraction.js";
import { buildCompetitor, competitorArb, competitorFromJson, competitorToJson, type Competitor } from "./competitors.js";
import { violated } from "./knapsack-common.js";
import { agentField, caseSize, decodeCase, dropAgent, dropDate, encodeCase, rows, outsideTypeSpace } from "./repeated-common.js";
import { rowsFromJson, rowsToJson } from "./deviation-common.js";

export type GridKind = "segment" | "boundary" | "random";

export interface CheapnessCase {
  readonly c: RepeatedCase;
  readonly competitor: Competitor;
  /**
   * The grid audit: one agent; "segment": μ̂* → μⁿ in `divisions` steps; "boundary": μⁿ and points
   * straddling ordA's cell boundaries and the diagonal kink at ±1/(8·divisions) (zhu2021-grids.ts);
   * "random": μⁿ and the generated `rows` (each retracted into Ωⁿ when generated; checked on decode).
   */
  readonly grid: { readonly agent: number; readonly divisions: number; readonly kind: GridKind; readonly rows?: readonly Row[] };
}

export const theorem1CheapnessGroves: Claim<CheapnessCase, Zhu2021Family> = {
  id: "zhu2021.theorem1.cheapness.groves",
  paper: "zhu2021",
  section: "§4, Theorem 1 (second sentence) as its proof shows it, Lemma 4 assumed",
  statement: "(lA, lW) is weakly cheaper than every efficient ex-post (A, W) with A = uA on Ω(T, μ_, μ̄) whose transfers are Wⁿ = uWⁿ + h(μ^{−n}) (the class Lemma 4 would reduce every competitor to); and lW is never below the least ex-post IC transfers on a grid.",
  expect: "holds",
  note: "Competitors: unlinked VCG + h(μ^{−n}) ≥ 0, linked VCG over wider type spaces, the reference linked VCG, and the exact least IC transfers on a grid (a lower bound on every competitor).",
  subjectKind: REPEATED_KIND,
  defaultSubject: linkedVcgFamily("ord"),
  runs: 250,
  arbitrary: () =>
    repeatedCaseArb({ maxN: 3, maxT: 3 }).chain((c) =>
      fc.record({
        c: fc.constant(c),
        competitor: competitorArb,
        grid: fc.nat({ max: c.model.N - 1 }).chain((agent) =>
          fc.record({
            agent: fc.constant(agent),
            divisions: fc.constantFrom(1, 2, 4),
            kind: fc.constantFrom<GridKind>("segment", "boundary", "random"),
            rows: fc.array(profileArb(c.model.econ, 1, c.model.T).map((p) => retractRow(c.model, agent, p[0]!)), { minLength: 1, maxLength: 6 }),
          }),
        ),
      }),
    ),
  encode: ({ c, competitor, grid }) => encodeCase(c, { competitor: competitorToJson(competitor), grid: { agent: grid.agent + 1, divisions: grid.divisions, kind: grid.kind, ...(grid.kind === "random" ? { rows: (grid.rows ?? []).map(rowsToJson) } : {}) } }),
  decode(json) {
    const { c, extra } = decodeCase(json, ["competitor", "grid"]);
    const g = (extra.grid ?? {}) as Record<string, unknown>;
    const divisions = Number(g.divisions);
    if (!Number.isInteger(divisions) || divisions < 1 || divisions > 64) throw new InputError("instance.grid.divisions", "must be an integer in 1..64 (steps on the segment μ̂* → μⁿ)");
    const kind = g.kind ?? "segment";
    if (kind !== "segment" && kind !== "boundary" && kind !== "random") throw new InputError("instance.grid.kind", `must be "segment", "boundary" or "random" (got ${JSON.stringify(kind)})`);
    const agent = agentField(g.agent, c.model.N, "instance.grid.agent");
    if (kind !== "random") return { c, competitor: competitorFromJson(extra.competitor), grid: { agent, divisions, kind } };
    if (!Array.isArray(g.rows) || g.rows.length === 0) throw new InputError("instance.grid.rows", "a random grid needs a nonempty list of report rows (T × I)");
    const rowsIn = g.rows.map((r, k) => {
      const row = rowsFromJson(r, c.model, `instance.grid.rows[${k}]`);
      if (!inTypeSpaceRow(c.model, agent, row)) throw new InputError(`instance.grid.rows[${k}]`, `is outside Ωⁿ(T, μ_, μ̄) of agent ${agent + 1}`);
      return row;
    });
    return { c, competitor: competitorFromJson(extra.competitor), grid: { agent, divisions, kind, rows: rowsIn } };
  },
  size: ({ c }) => caseSize(c),
  // Fewer agents (not the audited one), and fewer dates for the grids built from the instance (a
  // "random" grid's stored rows would need re-checking against the smaller Ωⁿ: left alone).
  reduce({ c, competitor, grid }) {
    const out: CheapnessCase[] = [];
    for (let m = 0; m < c.model.N; m++) {
      const d = m === grid.agent ? undefined : dropAgent(c, m);
      if (d) out.push({ c: d, competitor, grid: { ...grid, agent: m < grid.agent ? grid.agent - 1 : grid.agent } });
    }
    if (grid.kind !== "random") {
      for (let t = c.model.T - 1; t >= 0; t--) {
        const d = dropDate(c, t);
        if (d) out.push({ c: d, competitor, grid });
      }
    }
    return out;
  },
  check({ c, competitor, grid }, family) {
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
    return gridAudit(c, mech, grid.agent, gridRows(c, grid), other.name);
  },
};

/** The audit's grid, inside Ωⁿ(T, μ_, μ̄), with μⁿ LAST. */
function gridRows(c: RepeatedCase, g: CheapnessCase["grid"]): Row[] {
  const { model, truth } = c;
  const n = g.agent;
  if (g.kind === "random") return dedupe([truth[n]!, ...(g.rows ?? [])]).reverse();
  if (g.kind === "boundary") {
    const [own, ...rest] = boundaryRows(model, "ord", truth, n, Q.of(1, 8 * g.divisions));
    return [...rest, own!];
  }
  const start = linkedMinimum(model, "ord", truth, n).minimizer;
  // μ̂* = μⁿ collapses the segment to one point; the segment lies in Ωⁿ (convex, both ends in it)
  const points = segment(flat(start), flat(truth[n]!), g.divisions);
  return points.filter((v, k) => k === 0 || v.some((x, j) => !x.eq(points[k - 1]![j]!))).map((v) => unflat(v, model.T, model.econ.I));
}

/** The subject against the least IC transfers on the grid (see the header); μⁿ is the grid's last row. */
function gridAudit(c: RepeatedCase, mech: Zhu2021Mechanism, n: number, grid: readonly Row[], competitor: string): Verdict {
  const { model, truth } = c;
  const slice = { model, profile: truth, agent: n };
  const allocate = (p: Parameters<Zhu2021Mechanism["allocate"]>[0], t: number) => mech.allocate(p, t);
  const b = gridBundles(slice, allocate, "ord", grid);
  if (b.kind === "differs") {
    return violated(`the allocation differs from uA (ordA) inside Ω(T, μ_, μ̄): agent ${n + 1} reporting ${JSON.stringify(rowsToJson(grid[b.point]!))} gets (${b.got.map(String).join(", ")}) at date ${b.date + 1}, uA gives (${b.expected.map(String).join(", ")})`, {
      agent: n + 1,
      report: rowsToJson(grid[b.point]!),
      date: b.date + 1,
    });
  }
  const { bundles } = b;
  const sol = repeatedLeastTransfers(model, grid, bundles);
  if (sol.kind !== "solved") return violated(`uA has a positive IC cycle on the grid: no transfers implement it (cycle weight ${sol.weight})`, { agent: n + 1, cycle: sol.cycle.map((i) => i + 1) });
  const paid = grid.map((r) => mech.transfer(withRow(truth, n, r))[n]!);
  const last = grid.length - 1; // μⁿ itself
  for (let i = 0; i < grid.length; i++) {
    if (!paid[i]!.lt(sol.W[i]!)) continue;
    const broken = brokenConstraint(witnessPath(sol, i), {
      d: (v, u) => repeatedValue(model, bundles[u]!, grid[v]!).sub(repeatedValue(model, bundles[v]!, grid[v]!)),
      transferDifference: (v, u) => ({ lo: paid[u]!.sub(paid[v]!), hi: paid[u]!.sub(paid[v]!) }),
      subject: (k) => ({ lo: paid[k]!, hi: paid[k]! }),
    });
    const common = { agent: n + 1, reports: rows(truth), gridRow: rowsToJson(grid[i]!), subjectTransfer: paid[i]!.toString(), gridOptimum: sol.W[i]!.toString() };
    if (broken?.kind === "negative") {
      return violated(`limited liability fails: agent ${n + 1} reporting ${JSON.stringify(rowsToJson(grid[broken.at]!))} is paid ${broken.hi} < 0`, { ...common, negativeAt: rowsToJson(grid[broken.at]!) }, { gain: broken.hi.neg().toString() });
    }
    if (broken?.kind === "ic") {
      return violated(
        `not ex-post IC: agent ${n + 1} with true row ${JSON.stringify(rowsToJson(grid[broken.type]!))} gains ${broken.gain} (transfer units) by reporting ${JSON.stringify(rowsToJson(grid[broken.report]!))}; found because ${mech.name} pays ${paid[i]} below the least IC transfers on the grid (${sol.W[i]})`,
        { ...common, truth: rowsToJson(grid[broken.type]!), misreport: rowsToJson(grid[broken.report]!), valueGain: broken.valueGain.toString() },
        { gain: broken.gain.toString(), deviation: { agent: n + 1, misreport: rowsToJson(grid[broken.report]!) } },
      );
    }
    throw new InternalError("exact transfers below the least solution must break a constraint on its witness path");
  }
  const gap: Q = paid[last]!.sub(sol.W[last]!);
  return { kind: "holds", basis: "search", how: `no cheaper than ${competitor}; on a ${grid.length}-point grid for agent ${n + 1}: least IC transfers at μⁿ ${sol.W[last]}, subject ${paid[last]} (gap ${gap})` };
}
