/**
 * The per-date pieces of the linked VCG minimum (see linked-min.ts for the whole method).
 *
 * Fix agent n, a date t and the other agents' date-t reports. For agent n's own date-t report
 * x ∈ [0, ∞)^I let
 *   g_t(x) := Σ_{m≠n, m=0..N} v(A^m_t, μ^m_t)        (the date-t term of uWⁿ, without β^{t−T})
 * where A_t is ordA (or p-ordA) at the column (μ^{−n}_t, x). This file
 *  - evaluates g_t by the DEFINITION (allocateDate, then one knapsack per player: the same functions
 *    unlinkedTransfers uses) — `trueDateValue`;
 *  - enumerates REGIONS covering the date's box B = [0, U], each with an exact formula for g_t, and
 *    the PIECES the branch and bound works with — `enumerateRegions`.
 *
 * Structure used (zhu2021 §3–4; conditions 1–2 assumed, as in the paper):
 *  (a) Regions. The date's knapsack max Σα s.t. Σ α_i θ_i ≤ q̄, 0 ≤ α_i ≤ M_i (M_i = ∞ for
 *      unit-like i < R, M_i = c_i + x_i otherwise, c_i = Σ_{m≠n} μ^m_i) has a unique optimum α(x)
 *      (Lemma 1). Every LP with an optimum has an optimal basis of the bounded-variable simplex: R
 *      basic columns (types or slacks) B, every nonbasic type at 0 (L) or at M_j (U), dual-feasible
 *      (p = 1_Bᵀ B⁻¹: p_r ≥ 0 for a nonbasic slack, 1 − p·θ_j ≤ 0 on L, ≥ 0 on U, and a unit-like type
 *      — upper bound ∞ — only L) and primal-feasible. Dual feasibility does not depend on x; primal
 *      feasibility of (B, L, U) is a polyhedron in x on which α_B(x) = B⁻¹(q̄ − Σ_{j∈U} (c_j + x_j) θ_j)
 *      is affine. By uniqueness α(x) equals this formula on the polyhedron, whichever optimal basis one
 *      looks at. So the polyhedra ("regions") of all dual-feasible (B, L, U) cover every x, and α is
 *      affine on each. (A nonbasic type with reduced cost 0 gets both statuses; both are enumerated.)
 *  (b) Payoffs. With the optimal α and a dual-optimal price p, complementary slackness gives
 *      α_i = M_i where p·θ_i < 1 and α_i = 0 where p·θ_i > 1; α is exhaustive (unit-like types are
 *      unlimited). So each player's bundle is used up by exactly the projects it was allotted, and
 *      weak duality with the same p shows no repacking does better: v(A^m, μ^m) = Σ_i share^m_i and
 *      v(A⁰, μ⁰) = Σ_i share⁰_i. Hence g_t(x) = Σ_i [α_i(x) − s_i(x)], s_i agent n's share. Under the
 *      serving order s_i = clip(α_i − a_i, 0, x_i), a_i = Σ_{m>n} μ^m_i (the agents served before
 *      him); under p-ord the principal absorbs the whole investment in unit-like types (s_i = 0 there).
 *      Per type on a region: nonbasic L gives 0; nonbasic U gives α_i − s_i = (c_i + x_i) − x_i = c_i
 *      (c_i ≥ a_i); an unserved basic type gives α_i; a served basic type gives
 *          α_i − clip(α_i − a_i, 0, x_i) = min( α_i , max(a_i, α_i − x_i) )          (★)
 *      (if α_i ≤ a_i both sides are α_i; otherwise both are max(a_i, α_i − x_i) ≤ α_i). Both arguments
 *      of the outer min are ≥ the true term everywhere, the first is affine and the second CONVEX.
 *  (c) Pieces. A piece is a region plus a choice, for each served basic type, of one argument of (★):
 *      "Z" (the affine α_i) or "PF" (the convex max(a_i, α_i − x_i), written in an LP as an epigraph
 *      variable z_i ≥ a_i, z_i ≥ α_i − x_i, which is exact under minimization). On its region every
 *      piece is ≥ g_t, and the minimum over the region's pieces is g_t. So min of g_t over any set =
 *      min over pieces of an LP — no regime polyhedra needed. A choice is dropped when it is dominated
 *      on the whole region (proved by an exact LP): PF when α_i ≤ a_i throughout, Z when α_i ≥ a_i
 *      throughout (always when a_i = 0, e.g. for the agent served first).
 *  (b)–(c) lean on the paper's lemmas; the code does not trust them: each region's formula
 *  Σ(...) with (★) is compared with `trueDateValue` (the definition) at a strict interior point, and
 *  linked-min.ts compares again at every point a leaf of the search returns.
 *
 * Dropping regions. Only regions with a strict interior point (relative to the box's affine hull: the
 * coordinates with U_i = 0 are fixed at 0) are kept; the point is checked exactly, and a region is
 * dropped only on an exact proof that it has none (linked-min-lp.ts `interiorPoint`). Why the kept
 * regions still cover the box: the dropped ones are empty or lie in finitely many proper affine
 * subspaces of the hull, a closed set with empty interior; the union of the kept regions is closed and
 * contains everything else, hence is dense in the box, hence is the whole box.
 */
import { InputError, InternalError } from "../../exact/errors.js";
import { inverse } from "../../exact/linalg.js";
import { Q } from "../../exact/rational.js";
import { agentValue, principalValue } from "../../models/zhu2021/payoffs.js";
import { betaPow, type Profile, type RepeatedModel } from "../../models/zhu2021/repeated.js";
import { allocateDate, type Order } from "./allocation.js";
import { interiorPoint, solveExact, type Halfspace, type LpStats } from "./linked-min-lp.js";

/** An affine function a·x + b of agent n's date report x (length I). */
export interface Affine {
  readonly a: readonly Q[];
  readonly b: Q;
}

/** Which argument of (★) a piece uses for one served basic type: "Z" the affine α_j (agent n gets
 * nothing: α_j ≤ a_j), "PF" the convex max(a_j, α_j − x_j) (agent n gets a part or all of his x_j). */
export type Choice = "Z" | "PF";

/** A served basic type of a region: its term is min(α_j, max(a_j, α_j − x_j)). */
export interface Branch {
  readonly type: number;
  /** α_j on the region. */
  readonly alpha: Affine;
  /** a_j. */
  readonly above: Q;
  /** Upper bound of max(a_j, α_j − x_j) on the box (a finite box for the epigraph variable). */
  readonly zMax: Q;
  /** The non-dominated choices (one or two). */
  readonly choices: readonly Choice[];
}

export interface Region {
  /** Basic columns: type j < I, or I + r for the slack of resource r. */
  readonly basis: readonly number[];
  /** Nonbasic types at their upper bound M_j = c_j + x_j (fully invested). */
  readonly atUpper: readonly number[];
  /** The region is {x in the box : a·x ≤ b for every row}. */
  readonly rows: readonly Halfspace[];
  /** The terms of g_t that do not branch (nonbasic and unserved basic types). */
  readonly base: Affine;
  readonly branches: readonly Branch[];
  /** A point strictly inside every row that involves a free coordinate and strictly inside the box in those coordinates. */
  readonly interior: readonly Q[];
}

/** A region with one choice per branch. */
export interface Piece {
  readonly region: Region;
  readonly choice: readonly Choice[];
}

/** Everything about one date that does not depend on agent n's own report. */
export interface DateSetup {
  readonly t: number;
  /** β^{t−T}. */
  readonly weight: Q;
  /** The date-t reports column (N × I); agent n's row is replaced when evaluating. */
  readonly column: readonly (readonly Q[])[];
  /** c_i = Σ_{m≠n} μ^m_{ti}. */
  readonly others: readonly Q[];
  /** a_i = Σ_{m>n} μ^m_{ti} (0-based agents; agents n+1..N−1 are served before agent n). */
  readonly above: readonly Q[];
  /** Whether agent n's share of type i follows the serving order (false: unit-like types under p-ord). */
  readonly served: readonly boolean[];
}

export function dateSetup(model: RepeatedModel, order: Order, reports: Profile, n: number, t: number): DateSetup {
  const { econ, N, T } = model;
  const column = Array.from({ length: N }, (_, m) => ((reports[m] as readonly (readonly Q[])[])[t] as readonly Q[]).slice());
  const others: Q[] = [];
  const above: Q[] = [];
  for (let i = 0; i < econ.I; i++) {
    let c = Q.ZERO;
    let a = Q.ZERO;
    for (let m = 0; m < N; m++) {
      if (m === n) continue;
      const v = (column[m] as Q[])[i] as Q;
      c = c.add(v);
      if (m > n) a = a.add(v);
    }
    others.push(c);
    above.push(a);
  }
  const served = Array.from({ length: econ.I }, (_, i) => !(order === "p-ord" && i < econ.R));
  return { t, weight: betaPow(model, t - (T - 1)), column, others, above, served };
}

/**
 * g_t(x) by the definition: the allocation of allocateDate at (μ^{−n}_t, x), then
 * Σ_{m≠n} v(A^m, μ^m) + v(A⁰, μ⁰) with one knapsack per player (exactly what unlinkedTransfers sums).
 */
export function trueDateValue(model: RepeatedModel, order: Order, setup: DateSetup, n: number, x: readonly Q[]): Q {
  const col = setup.column.map((row, m) => (m === n ? x.slice() : row.slice()));
  const alloc = allocateDate(model.econ, col, order);
  let s = principalValue(model.econ, alloc.principalBundle);
  for (let m = 0; m < model.N; m++) {
    if (m === n) continue;
    s = s.add(agentValue(model.econ, alloc.bundles[m] as readonly Q[], col[m] as readonly Q[]));
  }
  return s;
}

export function evalAffine(f: Affine, x: readonly Q[]): Q {
  let s = f.b;
  for (let i = 0; i < x.length; i++) {
    const a = f.a[i] as Q;
    if (!a.isZero()) s = s.add(a.mul(x[i] as Q));
  }
  return s;
}

// --- affine helpers (length-I coefficient vectors) ---
function constAff(I: number, b: Q): Affine {
  return { a: new Array<Q>(I).fill(Q.ZERO), b };
}
function varAff(I: number, j: number, coef: Q, b: Q): Affine {
  const a = new Array<Q>(I).fill(Q.ZERO);
  a[j] = coef;
  return { a, b };
}
function addAff(f: Affine, g: Affine): Affine {
  return { a: f.a.map((v, i) => v.add(g.a[i] as Q)), b: f.b.add(g.b) };
}
function subAff(f: Affine, g: Affine): Affine {
  return { a: f.a.map((v, i) => v.sub(g.a[i] as Q)), b: f.b.sub(g.b) };
}
/** The row f(x) ≤ 0, i.e. f.a·x ≤ −f.b. */
function le0(f: Affine): Halfspace {
  return { a: f.a.slice(), b: f.b.neg() };
}
/** The row f(x) ≥ 0. */
function ge0(f: Affine): Halfspace {
  return { a: f.a.map((v) => v.neg()), b: f.b };
}

function* subsets(n: number, k: number): Generator<number[]> {
  if (k > n) return;
  const s = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield s.slice();
    let i = k - 1;
    while (i >= 0 && s[i] === n - k + i) i--;
    if (i < 0) return;
    s[i]!++;
    for (let j = i + 1; j < k; j++) s[j] = s[j - 1]! + 1;
  }
}

export interface CellStats {
  /** Polyhedra tested for an interior point (one per dual-feasible basis and status choice). */
  candidates: number;
  readonly lp: LpStats;
}

/** g_t on a region by its formula: base + Σ_branches min(α_j, max(a_j, α_j − x_j)). */
export function regionValue(region: Region, x: readonly Q[]): Q {
  let s = evalAffine(region.base, x);
  for (const br of region.branches) {
    const a = evalAffine(br.alpha, x);
    s = s.add(Q.min(a, Q.max(br.above, a.sub(x[br.type] as Q))));
  }
  return s;
}

/** A piece's value at x (≥ g_t on the region; the least piece of the region equals g_t). */
export function pieceValue(piece: Piece, x: readonly Q[]): Q {
  let s = evalAffine(piece.region.base, x);
  piece.region.branches.forEach((br, k) => {
    const a = evalAffine(br.alpha, x);
    s = s.add(piece.choice[k] === "Z" ? a : Q.max(br.above, a.sub(x[br.type] as Q)));
  });
  return s;
}

/** All pieces of the regions (the product of each region's non-dominated choices). */
export function piecesOf(regions: readonly Region[]): Piece[] {
  const out: Piece[] = [];
  for (const region of regions) {
    let partial: Choice[][] = [[]];
    for (const br of region.branches) partial = partial.flatMap((c) => br.choices.map((ch) => [...c, ch]));
    for (const choice of partial) out.push({ region, choice });
  }
  return out;
}

/**
 * All regions of g_t with a strict interior point inside the box {0 ≤ x ≤ upper} (see the file
 * header for why they cover the box), each validated against `trueDateValue` at its interior point.
 */
export function enumerateRegions(model: RepeatedModel, order: Order, setup: DateSetup, n: number, upper: readonly Q[], stats: CellStats): Region[] {
  const { econ } = model;
  const { I, R } = econ;
  const theta = econ.theta;
  const out: Region[] = [];
  const colVec = (j: number): Q[] => (j < I ? (theta[j] as readonly Q[]).slice() : Array.from({ length: R }, (_, r) => (r === j - I ? Q.ONE : Q.ZERO)));
  // α_j ≤ min_r q̄_r / θ_j(r) for any investment.
  const alphaMax = Array.from({ length: I }, (_, j) => {
    let m: Q | null = null;
    (theta[j] as readonly Q[]).forEach((v, r) => {
      if (v.sign() <= 0) return;
      const b = (econ.supply[r] as Q).div(v);
      if (m === null || b.lt(m)) m = b;
    });
    if (m === null) throw new InputError(`theta[${j}]`, "a project type needs a positive input");
    return m as Q;
  });
  const box = { lo: upper.map(() => Q.ZERO), hi: upper.slice() };
  for (const S of subsets(I + R, R)) {
    const Bm = Array.from({ length: R }, (_, r) => S.map((j) => colVec(j)[r] as Q));
    const Binv = inverse(Bm);
    if (Binv === undefined) continue;
    // p_r = Σ_k c_{S[k]} Binv[k][r], with c = 1 for types and 0 for slacks.
    const p = Array.from({ length: R }, (_, r) => S.reduce((acc, j, k) => (j < I ? acc.add((Binv[k] as Q[])[r] as Q) : acc), Q.ZERO));
    const inB = new Set(S);
    let dualOk = true;
    for (let r = 0; r < R && dualOk; r++) if (!inB.has(I + r) && (p[r] as Q).sign() < 0) dualOk = false;
    const either: number[] = []; // nonbasic non-unit types with reduced cost 0: both statuses
    const fixedU: number[] = [];
    for (let j = 0; j < I && dualOk; j++) {
      if (inB.has(j)) continue;
      const th = theta[j] as readonly Q[];
      const d = Q.ONE.sub(th.reduce((acc, v, r) => acc.add(v.mul(p[r] as Q)), Q.ZERO));
      if (j < R) {
        if (d.sign() > 0) dualOk = false;
      } else if (d.sign() > 0) fixedU.push(j);
      else if (d.isZero()) either.push(j);
    }
    if (!dualOk) continue;
    for (let mask = 0; mask < 1 << either.length; mask++) {
      const U = [...fixedU, ...either.filter((_, k) => (mask >> k) & 1)].sort((a, b) => a - b);
      regionOfBasis(S, Binv, U);
    }
  }
  return out;

  function regionOfBasis(S: readonly number[], Binv: readonly (readonly Q[])[], U: readonly number[]): void {
    // rhs(x) = q̄ − Σ_{j∈U} (c_j + x_j) θ_j, an affine R-vector.
    const rhs: Affine[] = Array.from({ length: R }, (_, r) => constAff(I, econ.supply[r] as Q));
    for (const j of U) {
      const th = theta[j] as readonly Q[];
      for (let r = 0; r < R; r++) {
        const v = th[r] as Q;
        if (v.isZero()) continue;
        rhs[r] = subAff(rhs[r] as Affine, varAff(I, j, v, (setup.others[j] as Q).mul(v)));
      }
    }
    const alphaB: Affine[] = S.map((_, k) => {
      let f = constAff(I, Q.ZERO);
      for (let r = 0; r < R; r++) {
        const w = (Binv[k] as readonly Q[])[r] as Q;
        if (w.isZero()) continue;
        const g = rhs[r] as Affine;
        f = addAff(f, { a: g.a.map((v) => v.mul(w)), b: g.b.mul(w) });
      }
      return f;
    });
    const rows: Halfspace[] = [];
    S.forEach((j, k) => {
      const f = alphaB[k] as Affine;
      rows.push(ge0(f)); // α_B ≥ 0 (a basic slack too)
      if (j < I && j >= R) rows.push(le0(subAff(f, varAff(I, j, Q.ONE, setup.others[j] as Q)))); // α_j ≤ c_j + x_j
    });
    stats.candidates++;
    const pt = interiorPoint(rows, upper, stats.lp);
    if (pt === undefined) return;
    // Terms of g_t: U types give c_j; unserved basic types α_j; served basic types branch (★).
    let base = constAff(I, Q.ZERO);
    for (const j of U) base = addAff(base, constAff(I, setup.others[j] as Q));
    const branches: Branch[] = [];
    S.forEach((j, k) => {
      if (j >= I) return;
      const f = alphaB[k] as Affine;
      if (!setup.served[j]) {
        base = addAff(base, f);
        return;
      }
      const above = setup.above[j] as Q;
      const e = subAff(f, constAff(I, above)); // α_j − a_j
      // Dominance, proved by exact LPs over the region: PF is never below Z where e ≤ 0, Z never
      // below PF where e ≥ 0 (always so when a_j = 0, since α_j ≥ 0 is a row of the region).
      const choices: Choice[] = [];
      if (rangeOver(e, rows, "max").sign() > 0) choices.push("PF");
      if (above.sign() > 0 && rangeOver(e, rows, "min").sign() < 0) choices.push("Z");
      if (choices.length === 0) choices.push("Z"); // e ≡ 0 on the region: the two choices coincide
      branches.push({ type: j, alpha: f, above, zMax: Q.max(above, alphaMax[j] as Q), choices });
    });
    const region: Region = { basis: S.slice(), atUpper: U.slice(), rows, base, branches, interior: pt };
    const truth = trueDateValue(model, order, setup, n, pt);
    const formula = regionValue(region, pt);
    if (!truth.eq(formula)) {
      throw new InternalError(
        `linked minimum: region formula of date ${setup.t + 1} (basis ${S.join(",")}, upper ${U.join(",")}) gives ${formula} at (${pt.join(", ")}) but g_t = ${truth}`,
      );
    }
    out.push(region);
  }

  /** Exact min or max of an affine function over the region (inside the box). */
  function rangeOver(e: Affine, rows: readonly Halfspace[], sense: "min" | "max"): Q {
    const c = sense === "min" ? e.a : e.a.map((v) => v.neg());
    const r = solveExact({ n: I, c, rows, lo: box.lo, hi: box.hi }, stats.lp);
    if (r.status !== "optimal") throw new InternalError("linked minimum: a region with an interior point has an infeasible LP");
    return (sense === "min" ? r.value : r.value.neg()).add(e.b);
  }
}
