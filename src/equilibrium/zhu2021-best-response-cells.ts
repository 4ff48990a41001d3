/**
 * The per-date CELLS of agent n's best response (see zhu2021-best-response.ts for the whole method).
 *
 * Fix agent n, a date t, the other agents' date-t reports (truthful; retracted under the linked
 * mechanism) and agent n's TRUE date-t endowment μⁿ_t. For agent n's date-t report x the date-t
 * payoff terms are
 *   own_t(x)    := v(Aⁿ_t(x), μⁿ_t)                          (agent n's value, TRUE endowment)
 *   g_t(x)      := Σ_{m≠n, m=0..N} v(A^m_t(x), μ^m_t)         (everyone else, as in uWⁿ)
 *   h_t(x)      := ω_t · own_t(x) + γ_t · g_t(x)
 * with ω_t = β^{t} (0-based t: the paper's β^{t−1}) and γ_t = β^{T−1}·(transfer weight of date t)
 * (the paper's β^{T−1}·β^{t−T} = β^{t−1}, so for the reference mechanisms γ_t = ω_t).
 *
 * Structure (reused from linked-min-cells.ts, whose header has the arguments):
 *  (a) REGIONS. linked-min-cells `enumerateRegions` covers the date's box B = [0, upper] by closed
 *      polyhedra, one per dual-feasible knapsack basis with nonbasic statuses, on each of which the
 *      date's efficient investment α(x) is affine; g_t(x) = base(x) + Σ_{served basic j} (α_j(x) − s_j(x))
 *      where s_j(x) = clip(α_j(x) − a_j, 0, x_j) is agent n's share of type j (a_j: what the agents
 *      served before him report), s_j = x_j for a nonbasic type at its upper bound, and s_j = 0 for a
 *      nonbasic type at 0 and for a type the principal absorbs (unit-like types under p-ord).
 *  (b) REGIMES. Unlike the minimum of g_t (linked-min), the maximum of h_t cannot use one-sided
 *      "pieces": own_t increases and g_t decreases in agent n's share, so the share must be pinned
 *      down exactly. A CELL is a region plus one regime per served basic type j:
 *          Z: α_j − a_j ≤ 0            (s_j = 0)
 *          P: 0 ≤ α_j − a_j ≤ x_j      (s_j = α_j − a_j)
 *          F: α_j − a_j ≥ x_j          (s_j = x_j).
 *      The three closed regimes cover the region trivially; a regime is skipped only when the region
 *      proves (by the exact dominance LPs behind linked-min's `Branch.choices`) that it is not needed:
 *      Z is dropped when α_j − a_j ≥ 0 on the whole region (choice "Z" absent), then P ∪ F covers;
 *      P and F are dropped when α_j − a_j ≤ 0 on the whole region (choice "PF" absent), then Z covers.
 *      On a cell, s(x) is affine, g_t is affine, and the bundle Aⁿ_t(x) = Σ_j s_j(x) θ_j is affine.
 *  (c) ONE LP PER CELL. own_t(x) = v(Aⁿ_t(x), μⁿ_t) = max{Σ_k y_k : Σ_k y_k θ_k ≤ Aⁿ_t(x), 0 ≤ y ≤ μⁿ_t}
 *      (eq. (1), agent n repacks his bundle into his TRUE projects). Adding y as variables:
 *          max  γ_t·g_t(x) + ω_t·Σ_k y_k   s.t.  x ∈ cell ∩ B,  Σ_k y_k θ_k − Σ_j s_j(x) θ_j ≤ 0,  0 ≤ y ≤ μⁿ_t.
 *      For a fixed x the best y is a knapsack optimum (ω_t > 0), so the LP's value at x is exactly
 *      h_t(x) on the cell (own_t is concave there: a concave nondecreasing function of an affine
 *      bundle). Max over the cells' LPs = max of h_t over B.
 * The formulas lean on the paper's lemmas (Lemma 1's uniqueness of α, exhaustion): the code does not
 * trust them — every point an LP returns is re-evaluated by the definition (allocateDate + knapsacks)
 * and the search throws InternalError on any disagreement (`checkAtPoint`).
 */
import { InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { allocateDate, type Order } from "../mechanisms/zhu2021/allocation.js";
import { evalAffine, trueDateValue, type Affine, type DateSetup, type Region } from "../mechanisms/zhu2021/linked-min-cells.js";
import { type DateBlockLp, solveExact, type Halfspace, type LpStats, type SmallLp } from "../mechanisms/zhu2021/linked-min-lp.js";
import type { Economy } from "../models/zhu2021/economy.js";
import { agentValue } from "../models/zhu2021/payoffs.js";
import type { RepeatedModel } from "../models/zhu2021/repeated.js";

/** Agent n's share regime of one served basic type (see the header, (b)). */
export type Regime = "Z" | "P" | "F";

export interface Cell {
  readonly region: Region;
  /** One regime per `region.branches` entry. */
  readonly regime: readonly Regime[];
  /** The cell is {x in the box : a·x ≤ b for every row} (the region's rows and the regimes'). */
  readonly rows: readonly Halfspace[];
  /** s_i(x), agent n's share of every type i, affine on the cell. */
  readonly share: readonly Affine[];
  /** g_t(x) on the cell. */
  readonly others: Affine;
}

/** One date of the best-response problem: everything but agent n's own date-t report. */
export interface DateProblem {
  readonly t: number;
  /** linked-min's date setup (others' column, c, a, served); its `weight` is NOT used here. */
  readonly setup: DateSetup;
  /** The box B = [0, upper] the cells cover. */
  readonly upper: readonly Q[];
  /** μⁿ_t: agent n's TRUE date-t endowment. */
  readonly truthRow: readonly Q[];
  /** ω_t = β^t (0-based t). */
  readonly ownWeight: Q;
  /** γ_t = β^{T−1} × the transfer weight of date t. */
  readonly othersWeight: Q;
  readonly cells: readonly Cell[];
}

// --- affine helpers (length-I coefficient vectors) ---
function zeroAff(I: number): Affine {
  return { a: new Array<Q>(I).fill(Q.ZERO), b: Q.ZERO };
}
function coordAff(I: number, j: number): Affine {
  const a = new Array<Q>(I).fill(Q.ZERO);
  a[j] = Q.ONE;
  return { a, b: Q.ZERO };
}
function addAff(f: Affine, g: Affine): Affine {
  return { a: f.a.map((v, i) => v.add(g.a[i] as Q)), b: f.b.add(g.b) };
}
function subAff(f: Affine, g: Affine): Affine {
  return { a: f.a.map((v, i) => v.sub(g.a[i] as Q)), b: f.b.sub(g.b) };
}
function shiftAff(f: Affine, c: Q): Affine {
  return { a: f.a.slice(), b: f.b.add(c) };
}
/** f(x) ≤ 0 as a row. */
function le0(f: Affine): Halfspace {
  return { a: f.a.slice(), b: f.b.neg() };
}
/** f(x) ≥ 0 as a row. */
function ge0(f: Affine): Halfspace {
  return { a: f.a.map((v) => v.neg()), b: f.b };
}

/** The regimes a branch needs (see the header, (b)). */
function regimesOf(choices: readonly string[]): Regime[] {
  const out: Regime[] = [];
  if (choices.includes("Z")) out.push("Z");
  if (choices.includes("PF")) out.push("P", "F");
  return out;
}

/** All cells of a list of regions (a region's cells are the product of its branches' regimes). */
export function cellsOf(I: number, regions: readonly Region[]): Cell[] {
  const out: Cell[] = [];
  for (const region of regions) {
    let partial: Regime[][] = [[]];
    for (const br of region.branches) partial = partial.flatMap((c) => regimesOf(br.choices).map((r) => [...c, r]));
    for (const regime of partial) out.push(makeCell(I, region, regime));
  }
  return out;
}

function makeCell(I: number, region: Region, regime: readonly Regime[]): Cell {
  const share: Affine[] = Array.from({ length: I }, () => zeroAff(I));
  for (const j of region.atUpper) share[j] = coordAff(I, j); // α_j = c_j + x_j ≥ a_j + x_j: all of x_j
  const rows: Halfspace[] = region.rows.slice();
  let others = region.base;
  region.branches.forEach((br, k) => {
    const e = shiftAff(br.alpha, br.above.neg()); // α_j − a_j
    const eMinusX = subAff(e, coordAff(I, br.type)); // α_j − a_j − x_j
    let s: Affine;
    switch (regime[k] as Regime) {
      case "Z":
        rows.push(le0(e));
        s = zeroAff(I);
        break;
      case "P":
        rows.push(ge0(e), le0(eMinusX));
        s = e;
        break;
      case "F":
        rows.push(ge0(eMinusX));
        s = coordAff(I, br.type);
        break;
    }
    share[br.type] = s;
    others = addAff(others, subAff(br.alpha, s));
  });
  return { region, regime: regime.slice(), rows, share, others };
}

/** Does the cell (closed) contain x? (The box is checked separately.) */
export function cellContains(cell: Cell, x: readonly Q[]): boolean {
  return cell.rows.every((h) => evalAffine({ a: h.a, b: Q.ZERO }, x).le(h.b));
}

/** Agent n's bundle Σ_j s_j θ_j for a share vector. */
export function bundleOf(econ: Economy, share: readonly Q[]): Q[] {
  return Array.from({ length: econ.R }, (_, r) =>
    share.reduce((acc, s, j) => (s.isZero() ? acc : acc.add(s.mul((econ.theta[j] as readonly Q[])[r] as Q))), Q.ZERO),
  );
}

/** h_t at x by a cell's formulas: ω·v(Σ_j s_j(x) θ_j, μⁿ_t) + γ·g_t(x) (v by the exact knapsack). */
export function cellValue(econ: Economy, date: DateProblem, cell: Cell, x: readonly Q[]): Q {
  const share = cell.share.map((f) => evalAffine(f, x));
  const own = agentValue(econ, bundleOf(econ, share), date.truthRow);
  return date.ownWeight.mul(own).add(date.othersWeight.mul(evalAffine(cell.others, x)));
}

/** h_t at x by the DEFINITION: allocateDate at (μ^{−n}_t, x), one knapsack per player. */
export function definitionValue(model: RepeatedModel, order: Order, date: DateProblem, n: number, x: readonly Q[]): { value: Q; share: readonly Q[]; own: Q; others: Q } {
  const col = date.setup.column.map((row, m) => (m === n ? x.slice() : row.slice()));
  const alloc = allocateDate(model.econ, col, order);
  const own = agentValue(model.econ, alloc.bundles[n] as readonly Q[], date.truthRow);
  const others = trueDateValue(model, order, date.setup, n, x);
  return { value: date.ownWeight.mul(own).add(date.othersWeight.mul(others)), share: alloc.shares[n] as readonly Q[], own, others };
}

/**
 * Validation at a point an LP returned: the cell's share and g_t formulas equal the definition, and
 * the LP's value there (ω·Σy + γ·g) equals h_t by the definition. Returns h_t; throws InternalError.
 */
export function checkAtPoint(model: RepeatedModel, order: Order, date: DateProblem, n: number, cell: Cell, x: readonly Q[], lpValue: Q): Q {
  const def = definitionValue(model, order, date, n, x);
  const where = `date ${date.t + 1}, basis ${cell.region.basis.join(",")}, regimes ${cell.regime.join("")}, at (${x.join(", ")})`;
  cell.share.forEach((f, i) => {
    const s = evalAffine(f, x);
    if (!s.eq(def.share[i] as Q)) throw new InternalError(`best response: share formula ${s} of type ${i + 1} but allocateDate gives ${def.share[i]} (${where})`);
  });
  const g = evalAffine(cell.others, x);
  if (!g.eq(def.others)) throw new InternalError(`best response: g_t formula ${g} but the definition gives ${def.others} (${where})`);
  if (!lpValue.eq(def.value)) throw new InternalError(`best response: cell LP value ${lpValue} but h_t = ${def.value} by the definition (${where})`);
  return def.value;
}

/**
 * A cell as an LP block in MINIMIZATION form over z = (x (I), y (I)):
 *   minimize c·z + constant = −(γ·g_t(x) + ω·Σ y),
 *   rows: the cell's rows; Σ_k y_k θ_k(r) − Σ_j s_j(x) θ_j(r) ≤ 0 per resource; bounds x ∈ [0, upper], y ∈ [0, μⁿ_t].
 */
export interface CellBlock extends DateBlockLp {
  readonly cell: Cell;
  /** Exact max of h_t over the cell ∩ box, and a point attaining it (the x part). */
  readonly max: Q;
  readonly argmax: readonly Q[];
}

export function blockLp(b: Pick<CellBlock, "nv" | "c" | "rows" | "lo" | "hi">): SmallLp {
  return { n: b.nv, c: b.c, rows: b.rows, lo: b.lo, hi: b.hi };
}

function cellBlockData(econ: Economy, date: DateProblem, cell: Cell): Omit<CellBlock, "max" | "argmax"> {
  const { I, R } = econ;
  const nv = 2 * I;
  const c: Q[] = [...cell.others.a.map((v) => v.mul(date.othersWeight).neg()), ...Array.from({ length: I }, () => date.ownWeight.neg())];
  const constant = cell.others.b.mul(date.othersWeight).neg();
  const rows: Halfspace[] = cell.rows.map((h) => ({ a: [...h.a, ...new Array<Q>(I).fill(Q.ZERO)], b: h.b }));
  for (let r = 0; r < R; r++) {
    const a = new Array<Q>(nv).fill(Q.ZERO);
    let b = Q.ZERO;
    for (let j = 0; j < I; j++) {
      const th = (econ.theta[j] as readonly Q[])[r] as Q;
      if (th.isZero()) continue;
      a[I + j] = th; // + θ_j(r) y_j
      const s = cell.share[j] as Affine;
      for (let i = 0; i < I; i++) if (!(s.a[i] as Q).isZero()) a[i] = (a[i] as Q).sub(th.mul(s.a[i] as Q));
      b = b.add(th.mul(s.b));
    }
    rows.push({ a, b });
  }
  return {
    cell,
    nv,
    c,
    constant,
    rows,
    lo: new Array<Q>(nv).fill(Q.ZERO),
    hi: [...date.upper, ...date.truthRow],
  };
}

/**
 * The cells' LP blocks with their exact maxima; empty cells (exactly infeasible LP) are dropped.
 * Each maximizer is validated against the definition.
 */
export function cellBlocks(model: RepeatedModel, order: Order, date: DateProblem, n: number, stats: LpStats): CellBlock[] {
  const out: CellBlock[] = [];
  const I = model.econ.I;
  for (const cell of date.cells) {
    const d = cellBlockData(model.econ, date, cell);
    const r = solveExact(blockLp(d), stats);
    if (r.status !== "optimal") continue;
    const max = r.value.add(d.constant).neg();
    const x = r.x.slice(0, I);
    checkAtPoint(model, order, date, n, cell, x, max);
    out.push({ ...d, max, argmax: x });
  }
  return out;
}
