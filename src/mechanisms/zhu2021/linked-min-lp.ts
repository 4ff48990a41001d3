/**
 * Small LPs for the linked VCG minimum, solved FAST and answered EXACTLY.
 *
 * All LPs here have the form
 *     minimize c·x  subject to  a_i·x ≤ b_i (rows),  lo ≤ x ≤ hi  (every bound finite)
 * with rational data. A dense bounded-variable two-phase simplex in doubles (`floatSimplex`) only
 * SEARCHES; nothing it says is trusted. Every answer returned by the exported functions is proved
 * exactly over Q, by one of:
 *  - an exact vertex certificate: the float optimal basis names n active constraints; they are solved
 *    exactly, the point is checked feasible exactly, and the multipliers w ≥ 0 with c + Σ w_k g_k = 0
 *    (g_k the active normals) are solved exactly and checked — the KKT conditions of an LP, so the
 *    point is optimal and its value is the exact optimum;
 *  - an exact weak-duality bound: for ANY y ≥ 0, every feasible x satisfies
 *        c·x ≥ −y·b + Σ_j min_{x_j ∈ [lo_j, hi_j]} (c + Aᵀy)_j x_j            (Neumaier–Shcherbina),
 *    evaluated exactly with y the float duals rounded to small rationals — used to prune;
 *  - an exact Farkas certificate: y ≥ 0 with min over the box of (yᵀA)·x > y·b proves infeasibility;
 *  - when a float-derived certificate does not check (degeneracy, rounding), the general certified
 *    exact LP solver of src/lp (slow, but always right).
 */
import { InternalError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import { solveLP } from "../../lp/index.js";

/** a·x ≤ b. */
export interface Halfspace {
  readonly a: readonly Q[];
  readonly b: Q;
}

export interface SmallLp {
  readonly n: number;
  /** Minimize c·x. */
  readonly c: readonly Q[];
  readonly rows: readonly Halfspace[];
  readonly lo: readonly Q[];
  readonly hi: readonly Q[];
}

export interface LpStats {
  /** LPs solved (float searches). */
  lps: number;
  /** Exact vertex certificates computed. */
  exactVertices: number;
  /** Prunes proved by a rounded weak-duality bound. */
  dualBounds: number;
  /** Fallbacks to the general exact solver. */
  fallbacks: number;
}

export function newLpStats(): LpStats {
  return { lps: 0, exactVertices: 0, dualBounds: 0, fallbacks: 0 };
}

// ---------------------------------------------------------------------------------------------
// Float search: dense bounded-variable two-phase primal simplex.
// ---------------------------------------------------------------------------------------------

const FEAS_TOL = 1e-9;
const OPT_TOL = 1e-9;
const PIV_TOL = 1e-9;

export interface FloatLpResult {
  readonly status: "optimal" | "infeasible" | "failed";
  readonly x: Float64Array;
  readonly value: number;
  /** Row multipliers y ≥ 0 (optimal: c + Aᵀy − d = 0 with d the bound multipliers; infeasible: Farkas). */
  readonly y: Float64Array;
  /** Nonbasic columns at the end: j < n is x_j at a bound (`atUpper[j]` says which), n + i the slack of row i. */
  readonly nonbasic: readonly number[];
  readonly atUpper: readonly boolean[];
}

/** The data in doubles, prepared once per LP. */
interface FloatData {
  n: number;
  m: number;
  A: Float64Array[];
  b: Float64Array;
  c: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

function toFloat(lp: SmallLp): FloatData {
  const n = lp.n, m = lp.rows.length;
  const A = lp.rows.map((r) => Float64Array.from(r.a, (v) => v.toNumber()));
  return {
    n,
    m,
    A,
    b: Float64Array.from(lp.rows, (r) => r.b.toNumber()),
    c: Float64Array.from(lp.c, (v) => v.toNumber()),
    lo: Float64Array.from(lp.lo, (v) => v.toNumber()),
    hi: Float64Array.from(lp.hi, (v) => v.toNumber()),
  };
}

export function floatSimplex(lp: SmallLp): FloatLpResult {
  return floatSimplexData(toFloat(lp));
}

/** Gauss–Jordan pivot of a dense float tableau on (row r, column col), in place. */
function pivotTableau(T: Float64Array[], r: number, col: number): void {
  const prow = T[r]!;
  const W = prow.length;
  const inv = 1 / prow[col]!;
  for (let j = 0; j < W; j++) prow[j]! *= inv;
  prow[col] = 1;
  for (let r2 = 0; r2 < T.length; r2++) {
    if (r2 === r) continue;
    const row = T[r2]!;
    const fct = row[col]!;
    if (fct === 0) continue;
    for (let j = 0; j < W; j++) row[j]! -= fct * prow[j]!;
    row[col] = 0;
  }
}

const FAILED: FloatLpResult = { status: "failed", x: new Float64Array(0), value: NaN, y: new Float64Array(0), nonbasic: [], atUpper: [] };

function floatSimplexData(f: FloatData): FloatLpResult {
  const { n, m, A, b, c, lo, hi } = f;
  // Columns: 0..n−1 structural, n..n+m−1 slacks (a_i·x + s_i = b_i, s_i ≥ 0), then artificials.
  const x0 = Float64Array.from(lo);
  const residual = new Float64Array(m);
  let na = 0;
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    const a = A[i]!;
    for (let j = 0; j < n; j++) s -= a[j]! * x0[j]!;
    residual[i] = s;
    if (s < -FEAS_TOL) na++;
  }
  const W = n + m + na;
  const T: Float64Array[] = [];
  const basis = new Int32Array(m);
  const rowOf = new Int32Array(W).fill(-1);
  const val = new Float64Array(W);
  const clo = new Float64Array(W);
  const chi = new Float64Array(W).fill(Infinity);
  for (let j = 0; j < n; j++) {
    val[j] = x0[j]!;
    clo[j] = lo[j]!;
    chi[j] = hi[j]!;
  }
  let art = n + m;
  for (let i = 0; i < m; i++) {
    const row = new Float64Array(W);
    const a = A[i]!;
    const needs = residual[i]! < -FEAS_TOL;
    const sc = needs ? -1 : 1;
    for (let j = 0; j < n; j++) row[j] = sc * a[j]!;
    row[n + i] = sc;
    if (needs) {
      row[art] = 1;
      val[art] = -residual[i]!;
      basis[i] = art;
      rowOf[art] = i;
      art++;
    } else {
      val[n + i] = Math.max(0, residual[i]!);
      basis[i] = n + i;
      rowOf[n + i] = i;
    }
    T.push(row);
  }
  const d = new Float64Array(W);
  const priceOut = (cost: Float64Array): void => {
    d.set(cost);
    for (let r = 0; r < m; r++) {
      const ck = cost[basis[r]!]!;
      if (ck === 0) continue;
      const row = T[r]!;
      for (let j = 0; j < W; j++) d[j]! -= ck * row[j]!;
    }
  };
  const active = new Uint8Array(W).fill(1); // artificials are switched off after phase 1
  /** Runs pivots to optimality; false if the float run fails (the caller then uses the exact solver). */
  const iterate = (): boolean => {
    let degenerate = 0;
    for (let it = 0; it < 5000; it++) {
      const bland = degenerate > 30;
      let enter = -1;
      let best = 0;
      for (let k = 0; k < W; k++) {
        if (rowOf[k] !== -1 || !active[k]) continue;
        const dk = d[k]!;
        let score = 0;
        if (dk < -OPT_TOL && val[k]! < chi[k]! - FEAS_TOL) score = -dk;
        else if (dk > OPT_TOL && val[k]! > clo[k]! + FEAS_TOL) score = dk;
        if (score === 0) continue;
        if (bland) {
          enter = k;
          break;
        }
        if (score > best) {
          best = score;
          enter = k;
        }
      }
      if (enter < 0) return true;
      const dir = d[enter]! < 0 ? 1 : -1;
      let theta = chi[enter]! - clo[enter]!; // own bound flip
      let leaveRow = -1;
      let leaveToUpper = false;
      let bestPiv = 0;
      for (let r = 0; r < m; r++) {
        const alpha = T[r]![enter]!;
        if (Math.abs(alpha) <= PIV_TOL) continue;
        const k = basis[r]!;
        const move = -dir * alpha; // basic k changes by move·θ
        let t: number;
        let toUpper: boolean;
        if (move < 0) {
          t = (val[k]! - clo[k]!) / -move;
          toUpper = false;
        } else {
          if (chi[k] === Infinity) continue;
          t = (chi[k]! - val[k]!) / move;
          toUpper = true;
        }
        if (t < 0) t = 0;
        if (t < theta - 1e-12 || (t <= theta + 1e-12 && leaveRow >= 0 && (bland ? k < basis[leaveRow]! : Math.abs(alpha) > bestPiv))) {
          theta = Math.min(theta, t);
          leaveRow = r;
          leaveToUpper = toUpper;
          bestPiv = Math.abs(alpha);
        }
      }
      if (theta === Infinity) return false; // cannot happen in a boxed LP; the caller falls back
      degenerate = theta <= 1e-12 ? degenerate + 1 : 0;
      const step = dir * theta;
      if (theta !== 0) {
        val[enter]! += step;
        for (let r = 0; r < m; r++) {
          const alpha = T[r]![enter]!;
          if (alpha !== 0) val[basis[r]!]! -= alpha * step;
        }
      }
      if (leaveRow < 0) {
        val[enter] = dir > 0 ? chi[enter]! : clo[enter]!;
        continue;
      }
      const out = basis[leaveRow]!;
      val[out] = leaveToUpper ? chi[out]! : clo[out]!;
      // pivot
      const prow = T[leaveRow]!;
      pivotTableau(T, leaveRow, enter);
      const fd = d[enter]!;
      if (fd !== 0) {
        for (let j = 0; j < W; j++) d[j]! -= fd * prow[j]!;
        d[enter] = 0;
      }
      rowOf[out] = -1;
      rowOf[enter] = leaveRow;
      basis[leaveRow] = enter;
    }
    return false;
  };

  const readY = (): Float64Array => Float64Array.from({ length: m }, (_, i) => Math.max(0, d[n + i]!));
  if (na > 0) {
    const cost1 = new Float64Array(W);
    for (let k = n + m; k < W; k++) cost1[k] = 1;
    priceOut(cost1);
    if (!iterate()) return FAILED;
    let infeas = 0;
    for (let k = n + m; k < W; k++) infeas += val[k]!;
    if (infeas > 1e-7) {
      return { status: "infeasible", x: val.slice(0, n), value: NaN, y: readY(), nonbasic: [], atUpper: [] };
    }
    // Drive basic artificials (at ~0) out of the basis, then switch all artificials off.
    for (let r = 0; r < m; r++) {
      if (basis[r]! < n + m) continue;
      const row = T[r]!;
      let col = -1;
      let big = PIV_TOL;
      for (let k = 0; k < n + m; k++) {
        if (rowOf[k] === -1 && Math.abs(row[k]!) > big) {
          big = Math.abs(row[k]!);
          col = k;
        }
      }
      if (col < 0) continue; // a redundant row; its artificial stays basic at 0 (harmless)
      const out = basis[r]!;
      pivotTableau(T, r, col);
      rowOf[out] = -1;
      rowOf[col] = r;
      basis[r] = col;
      val[out] = 0;
    }
    for (let k = n + m; k < W; k++) {
      active[k] = 0;
      if (rowOf[k] === -1) val[k] = 0;
    }
  }
  const cost2 = new Float64Array(W);
  for (let j = 0; j < n; j++) cost2[j] = c[j]!;
  priceOut(cost2);
  if (!iterate()) return FAILED;
  const x = val.slice(0, n);
  let value = 0;
  for (let j = 0; j < n; j++) value += c[j]! * x[j]!;
  const nonbasic: number[] = [];
  const atUpper: boolean[] = new Array<boolean>(n).fill(false);
  for (let k = 0; k < n + m; k++) {
    if (rowOf[k] !== -1) continue;
    nonbasic.push(k);
    if (k < n) atUpper[k] = Math.abs(val[k]! - hi[k]!) < Math.abs(val[k]! - lo[k]!);
  }
  return { status: "optimal", x, value, y: readY(), nonbasic, atUpper };
}

// ---------------------------------------------------------------------------------------------
// Exact pieces.
// ---------------------------------------------------------------------------------------------

/** Best rational approximation with denominator ≤ maxDen (continued fractions). */
export function approxRational(x: number, maxDen = 1 << 16): Q {
  if (!Number.isFinite(x)) throw new InternalError(`approxRational(${x})`);
  const neg = x < 0;
  let v = Math.abs(x);
  if (v > 1e12) return Q.of(Math.round(x));
  let h0 = 0, h1 = 1, k0 = 1, k1 = 0;
  for (let it = 0; it < 40; it++) {
    const a = Math.floor(v);
    const h2 = a * h1 + h0, k2 = a * k1 + k0;
    if (k2 > maxDen) break;
    h0 = h1;
    h1 = h2;
    k0 = k1;
    k1 = k2;
    const frac = v - a;
    if (frac < 1e-12) break;
    v = 1 / frac;
    if (!Number.isFinite(v)) break;
  }
  if (k1 === 0) return Q.ZERO;
  return Q.of(neg ? -h1 : h1, k1);
}

function dotQ(a: readonly Q[], x: readonly Q[]): Q {
  let s = Q.ZERO;
  for (let j = 0; j < a.length; j++) {
    const v = a[j] as Q;
    if (v.isZero()) continue;
    const xj = x[j] as Q;
    if (!xj.isZero()) s = s.add(v.mul(xj));
  }
  return s;
}

/** Exact feasibility of x (bounds and rows). */
export function feasibleQ(lp: SmallLp, x: readonly Q[]): boolean {
  for (let j = 0; j < lp.n; j++) if ((x[j] as Q).lt(lp.lo[j] as Q) || (x[j] as Q).gt(lp.hi[j] as Q)) return false;
  for (const r of lp.rows) if (dotQ(r.a, x).gt(r.b)) return false;
  return true;
}

/**
 * Exact weak-duality bound: for y ≥ 0, min over the LP ≥ −y·b + Σ_j min over [lo_j, hi_j] of
 * (c + Aᵀy)_j x_j. With c = 0 it is the Farkas test (bound > 0 ⇒ infeasible).
 */
export function dualBound(lp: SmallLp, y: readonly Q[], withObjective = true): Q {
  const g = withObjective ? lp.c.slice() : new Array<Q>(lp.n).fill(Q.ZERO);
  let total = Q.ZERO;
  lp.rows.forEach((r, i) => {
    const yi = y[i] as Q;
    if (yi.isZero()) return;
    if (yi.sign() < 0) throw new InternalError("dualBound: negative multiplier");
    total = total.sub(yi.mul(r.b));
    for (let j = 0; j < lp.n; j++) {
      const a = r.a[j] as Q;
      if (!a.isZero()) g[j] = (g[j] as Q).add(yi.mul(a));
    }
  });
  for (let j = 0; j < lp.n; j++) {
    const gj = g[j] as Q;
    const s = gj.sign();
    if (s === 0) continue;
    total = total.add(gj.mul(s > 0 ? (lp.lo[j] as Q) : (lp.hi[j] as Q)));
  }
  return total;
}

function roundY(y: Float64Array): Q[] {
  return Array.from(y, (v) => (v <= 1e-11 ? Q.ZERO : approxRational(v)));
}

/** Solves M z = r exactly (M square); undefined when singular. */
function solveSquare(M: Q[][], r: Q[]): Q[] | undefined {
  const k = M.length;
  const a = M.map((row, i) => [...row, r[i] as Q]);
  for (let col = 0; col < k; col++) {
    let p = -1;
    for (let i = col; i < k; i++) if (!((a[i] as Q[])[col] as Q).isZero()) { p = i; break; }
    if (p < 0) return undefined;
    if (p !== col) [a[p], a[col]] = [a[col] as Q[], a[p] as Q[]];
    const pr = a[col] as Q[];
    const inv = (pr[col] as Q).inv();
    for (let j = col; j <= k; j++) if (!(pr[j] as Q).isZero()) pr[j] = (pr[j] as Q).mul(inv);
    for (let i = 0; i < k; i++) {
      if (i === col) continue;
      const row = a[i] as Q[];
      const fct = row[col] as Q;
      if (fct.isZero()) continue;
      for (let j = col; j <= k; j++) if (!(pr[j] as Q).isZero()) row[j] = (row[j] as Q).sub(fct.mul(pr[j] as Q));
    }
  }
  return a.map((row) => row[k] as Q);
}

/**
 * The exact vertex certificate for the float optimal basis: solve the n active constraints, check
 * primal feasibility, solve and sign-check the KKT multipliers. Undefined if anything fails.
 */
function exactVertex(lp: SmallLp, f: FloatLpResult): { x: Q[]; value: Q } | undefined {
  const n = lp.n;
  if (f.nonbasic.length !== n) return undefined;
  // Active constraint k as g_k·x ≤ h_k with outward normal g_k; a fixed variable (lo = hi) is an
  // equality, whose multiplier may have either sign.
  const G: Q[][] = [];
  const h: Q[] = [];
  const freeSign: boolean[] = [];
  for (const k of f.nonbasic) {
    if (k < n) {
      const e = new Array<Q>(n).fill(Q.ZERO);
      const fixed = (lp.lo[k] as Q).eq(lp.hi[k] as Q);
      if (f.atUpper[k] || fixed) {
        e[k] = Q.ONE;
        h.push(lp.hi[k] as Q);
      } else {
        e[k] = Q.MINUS_ONE;
        h.push((lp.lo[k] as Q).neg());
      }
      G.push(e);
      freeSign.push(fixed);
    } else {
      const r = lp.rows[k - n] as Halfspace;
      G.push(r.a.slice());
      h.push(r.b);
      freeSign.push(false);
    }
  }
  const x = solveSquare(G.map((g) => g.slice()), h);
  if (x === undefined || !feasibleQ(lp, x)) return undefined;
  // c + Gᵀ w = 0, w ≥ 0 (free on equalities): solve Gᵀ w = −c.
  const Gt = Array.from({ length: n }, (_, j) => G.map((g) => g[j] as Q));
  const w = solveSquare(Gt, lp.c.map((v) => v.neg()));
  if (w === undefined || w.some((v, k) => !freeSign[k] && v.sign() < 0)) return undefined;
  return { x, value: dotQ(lp.c, x) };
}

export type ExactLpResult = { status: "optimal"; x: Q[]; value: Q } | { status: "infeasible" };

/** The exact optimum (or exact infeasibility) of a small LP. */
export function solveExact(lp: SmallLp, stats: LpStats, f?: FloatLpResult): ExactLpResult {
  if (f === undefined) {
    stats.lps++;
    f = floatSimplex(lp);
  }
  if (f.status === "optimal") {
    stats.exactVertices++;
    const v = exactVertex(lp, f);
    if (v !== undefined) return { status: "optimal", ...v };
  } else if (f.status === "infeasible" && dualBound(lp, roundY(f.y), false).sign() > 0) {
    return { status: "infeasible" };
  }
  return fallback(lp, stats);
}

function fallback(lp: SmallLp, stats: LpStats): ExactLpResult {
  stats.fallbacks++;
  const res = solveLP({ sense: "min", c: lp.c, rows: lp.rows.map((r) => ({ a: r.a, op: "<=" as const, b: r.b })), lower: lp.lo, upper: lp.hi });
  if (res.status === "infeasible") return { status: "infeasible" };
  if (res.status !== "optimal") throw new InternalError("linked minimum: a boxed LP reported unbounded");
  return { status: "optimal", x: res.x, value: res.value };
}

export type BoundResult =
  /** Proved: every feasible x has c·x ≥ cutoff (including: infeasible). */
  | { kind: "pruned" }
  /** The exact optimum, below the cutoff. */
  | { kind: "optimal"; x: Q[]; value: Q; float: FloatLpResult }
  /** Float optimum below the cutoff (exact value not computed: the caller only branches on it). */
  | { kind: "open"; floatValue: number; float: FloatLpResult };

/**
 * For branch and bound: decides exactly whether min c·x ≥ cutoff (cutoff null = +∞); when not,
 * returns the exact optimum if `needExact`, else just the float value.
 */
export function boundLp(lp: SmallLp, cutoff: Q | null, needExact: boolean, stats: LpStats): BoundResult {
  stats.lps++;
  const f = floatSimplex(lp);
  if (f.status !== "optimal") {
    const r = solveExact(lp, stats, f);
    if (r.status === "infeasible") return { kind: "pruned" };
    if (cutoff !== null && r.value.ge(cutoff)) return { kind: "pruned" };
    return { kind: "optimal", x: r.x, value: r.value, float: f };
  }
  if (cutoff !== null) {
    const cf = cutoff.toNumber();
    if (f.value > cf + 1e-9 * (1 + Math.abs(cf))) {
      if (dualBound(lp, roundY(f.y)).ge(cutoff)) {
        stats.dualBounds++;
        return { kind: "pruned" };
      }
    }
  }
  if (!needExact && (cutoff === null || f.value < cutoff.toNumber() - 1e-7 * (1 + Math.abs(cutoff.toNumber())))) {
    return { kind: "open", floatValue: f.value, float: f };
  }
  const r = solveExact(lp, stats, f);
  if (r.status === "infeasible") return { kind: "pruned" };
  if (cutoff !== null && r.value.ge(cutoff)) return { kind: "pruned" };
  return { kind: "optimal", x: r.x, value: r.value, float: f };
}

/**
 * A point x of the box {0 ≤ x ≤ upper} with x_i = 0 where upper_i = 0 (fixed coordinates),
 * 0 < x_i < upper_i elsewhere, and a·x < b strictly on every row involving a free coordinate (a row
 * that does not is constant on the box's hull and only has to hold); undefined when there is none.
 * This is "the polyhedron has nonempty interior relative to the box's affine hull". Decided exactly:
 * LP max τ s.t. a·x + τ ≤ b (rows), τ ≤ x_i ≤ upper_i − τ (free coordinates), τ ∈ [−1, 1]; such a
 * point exists iff the maximum is > 0. A found point is checked exactly; "none" is proved by an exact
 * dual bound (τ ≤ 0), a Farkas certificate, or the exact solver.
 */
export function interiorPoint(rows: readonly Halfspace[], upper: readonly Q[], stats: LpStats): Q[] | undefined {
  const I = upper.length;
  const freeIdx: number[] = [];
  for (let i = 0; i < I; i++) if ((upper[i] as Q).sign() > 0) freeIdx.push(i);
  const k = freeIdx.length;
  const lpRows: Halfspace[] = [];
  const cellRows: Halfspace[] = [];
  for (const h of rows) {
    const a = freeIdx.map((i) => h.a[i] as Q);
    if (a.every((v) => v.isZero())) {
      if (h.b.sign() < 0) return undefined;
      continue;
    }
    cellRows.push({ a, b: h.b });
    lpRows.push({ a: [...a, Q.ONE], b: h.b });
  }
  freeIdx.forEach((i, col) => {
    const e = new Array<Q>(k + 1).fill(Q.ZERO);
    e[col] = Q.MINUS_ONE;
    e[k] = Q.ONE;
    lpRows.push({ a: e, b: Q.ZERO });
    const g = new Array<Q>(k + 1).fill(Q.ZERO);
    g[col] = Q.ONE;
    g[k] = Q.ONE;
    lpRows.push({ a: g, b: upper[i] as Q });
  });
  const c = new Array<Q>(k + 1).fill(Q.ZERO);
  c[k] = Q.MINUS_ONE; // minimize −τ
  const lp: SmallLp = {
    n: k + 1,
    c,
    rows: lpRows,
    lo: [...freeIdx.map(() => Q.ZERO), Q.MINUS_ONE],
    hi: [...freeIdx.map((i) => upper[i] as Q), Q.ONE],
  };
  const expand = (xf: readonly Q[]): Q[] => {
    const x = new Array<Q>(I).fill(Q.ZERO);
    freeIdx.forEach((i, col) => (x[i] = xf[col] as Q));
    return x;
  };
  const strictlyInside = (xf: readonly Q[]): boolean =>
    freeIdx.every((i, col) => (xf[col] as Q).sign() > 0 && (xf[col] as Q).lt(upper[i] as Q)) && cellRows.every((r) => dotQ(r.a, xf).lt(r.b));
  stats.lps++;
  const f = floatSimplex(lp);
  if (f.status === "optimal") {
    const tau = -f.value;
    if (tau > 1e-7) {
      // A rounded float point with small denominators first (nicer numbers), else the exact vertex.
      for (const den of [1 << 4, 1 << 10, 1 << 20]) {
        const xf = Array.from(f.x.subarray(0, k), (v) => approxRational(v, den));
        if (strictlyInside(xf)) return expand(xf);
      }
    } else if (dualBound(lp, roundY(f.y)).sign() >= 0) {
      // min −τ ≥ 0 proved: τ ≤ 0 everywhere.
      stats.dualBounds++;
      return undefined;
    }
  } else if (f.status === "infeasible" && dualBound(lp, roundY(f.y), false).sign() > 0) {
    return undefined; // even τ = −1 is impossible: the cell is empty
  }
  const r = solveExact(lp, stats, f);
  if (r.status === "infeasible") return undefined;
  if ((r.x[k] as Q).sign() <= 0) return undefined;
  const xf = r.x.slice(0, k);
  if (!strictlyInside(xf)) throw new InternalError("interior point: exact LP optimum with τ > 0 is not strictly inside");
  return expand(xf);
}

/** One date's block of a multi-date LP: its own variables (the first I are the date's report x_t). */
export interface DateBlockLp {
  readonly nv: number;
  readonly c: readonly Q[];
  readonly constant: Q;
  readonly rows: readonly Halfspace[];
  readonly lo: readonly Q[];
  readonly hi: readonly Q[];
}

/**
 * Stacks the blocks of the fixed dates into one LP and adds the coupling of the average constraint
 * on Σ_t x_t: Σ_t x_ti ≤ U_i whenever two or more dates are fixed, and Σ_t x_ti ≥ L_i at a leaf.
 * `start` is the constant carried in (e.g. the free dates' bound); the blocks' constants add to it.
 */
export function stackDateBlocks(blocks: readonly DateBlockLp[], I: number, U: readonly Q[], L: readonly Q[], leaf: boolean, start: Q): { lp: SmallLp; constant: Q; offsets: number[] } {
  const offsets: number[] = [];
  let nv = 0;
  for (const b of blocks) {
    offsets.push(nv);
    nv += b.nv;
  }
  const c = new Array<Q>(nv).fill(Q.ZERO);
  const lo: Q[] = [];
  const hi: Q[] = [];
  const rows: Halfspace[] = [];
  let constant = start;
  blocks.forEach((b, j) => {
    const off = offsets[j] as number;
    for (let v = 0; v < b.nv; v++) c[off + v] = b.c[v] as Q;
    constant = constant.add(b.constant);
    lo.push(...b.lo);
    hi.push(...b.hi);
    for (const h of b.rows) {
      const a = new Array<Q>(nv).fill(Q.ZERO);
      for (let v = 0; v < b.nv; v++) a[off + v] = h.a[v] as Q;
      rows.push({ a, b: h.b });
    }
  });
  const k = blocks.length;
  for (let i = 0; i < I; i++) {
    if (k >= 2) {
      const a = new Array<Q>(nv).fill(Q.ZERO);
      for (let j = 0; j < k; j++) a[(offsets[j] as number) + i] = Q.ONE;
      rows.push({ a, b: U[i] as Q });
    }
    if (leaf && (L[i] as Q).sign() > 0) {
      const a = new Array<Q>(nv).fill(Q.ZERO);
      for (let j = 0; j < k; j++) a[(offsets[j] as number) + i] = Q.MINUS_ONE;
      rows.push({ a, b: (L[i] as Q).neg() });
    }
  }
  return { lp: { n: nv, c, rows, lo, hi }, constant, offsets };
}
