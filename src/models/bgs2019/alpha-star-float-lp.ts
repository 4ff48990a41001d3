/**
 * A dense two-phase simplex in doubles for α*'s small LPs (a handful of variables, tens of rows).
 * It only proposes: a basis, a primal point and dual multipliers, which α* turns into exact
 * certificates (a weak-duality bound evaluated in rationals, or a basis re-solved exactly); a wrong
 * float answer costs tightness or a fallback to the exact solver, never correctness. It returns
 * null when it gives up (pivot limit, infeasible or unbounded in floats).
 */

import { solve, transpose } from "../../exact/linalg.js";
import { Q } from "../../exact/rational.js";

export interface FloatRow {
  readonly a: readonly number[];
  readonly op: "<=" | ">=" | "=";
  readonly b: number;
}

/** maximize cᵀx subject to the rows, x ≥ 0. */
export interface FloatLp {
  readonly c: readonly number[];
  readonly rows: readonly FloatRow[];
}

export interface FloatLpSolution {
  readonly x: number[];
  /** One multiplier per row (max convention: ≥ 0 on "<=" rows, ≤ 0 on ">=" rows). */
  readonly y: number[];
  readonly value: number;
  /** The basic column of each row: j < n structural, n + r the slack of row r; -1 an artificial pinned at 0. */
  readonly basis: number[];
}

const EPS = 1e-11;

export function floatSimplex(lp: FloatLp): FloatLpSolution | null {
  const n = lp.c.length, m = lp.rows.length;
  const maxPivots = 100 + 20 * (n + m);
  // Columns: n structural, m slacks (row r: +1 for "<=", -1 for ">=", none for "="), m artificials.
  const W = n + 2 * m;
  const flip = lp.rows.map((r) => r.b < 0);
  const op = lp.rows.map((r, i) => (flip[i] ? (r.op === "<=" ? ">=" : r.op === ">=" ? "<=" : "=") : r.op));
  const T: Float64Array[] = [];
  const rhs = new Float64Array(m);
  const basis: number[] = [];
  lp.rows.forEach((r, i) => {
    const row = new Float64Array(W);
    const sg = flip[i] ? -1 : 1;
    for (let j = 0; j < n; j++) row[j] = sg * r.a[j]!;
    if (op[i] === "<=") row[n + i] = 1;
    else if (op[i] === ">=") row[n + i] = -1;
    if (op[i] !== "<=") row[n + m + i] = 1;
    rhs[i] = sg * r.b;
    basis.push(op[i] === "<=" ? n + i : n + m + i);
    T.push(row);
  });
  const allowed = (k: number, phase: 1 | 2) => (k < n ? true : k < n + m ? op[k - n] !== "=" : phase === 1 && op[k - n - m] !== "<=");
  const basic = new Uint8Array(W);
  basis.forEach((k) => (basic[k] = 1));
  /** Reduced costs of the current objective, kept up to date by every pivot. */
  let d = new Float64Array(W);
  const pivot = (r: number, col: number) => {
    const pr = T[r]!, inv = 1 / pr[col]!;
    for (let j = 0; j < W; j++) pr[j]! *= inv;
    rhs[r]! *= inv;
    pr[col] = 1;
    for (let i = 0; i < m; i++) {
      if (i === r) continue;
      const f = T[i]![col]!;
      if (f === 0) continue;
      const row = T[i]!;
      for (let j = 0; j < W; j++) row[j]! -= f * pr[j]!;
      row[col] = 0;
      rhs[i]! -= f * rhs[r]!;
    }
    const f = d[col]!;
    if (f !== 0) for (let j = 0; j < W; j++) d[j]! -= f * pr[j]!;
    d[col] = 0;
    basic[basis[r]!] = 0;
    basis[r] = col;
    basic[col] = 1;
  };
  let pivots = 0;
  /**
   * Maximizes `cost`: Dantzig's rule, then Bland's (which cannot cycle) after 50 pivots; false when
   * unbounded or out of pivots.
   */
  const run = (cost: Float64Array, phase: 1 | 2): boolean => {
    d = Float64Array.from(cost);
    basis.forEach((k, i) => {
      if (cost[k] === 0) return;
      for (let j = 0; j < W; j++) d[j]! -= cost[k]! * T[i]![j]!;
    });
    for (let local = 0; ; local++) {
      let enter = -1;
      for (let k = 0; k < W; k++) {
        if (basic[k] || !allowed(k, phase) || d[k]! <= EPS) continue;
        if (enter < 0 || (local < 50 && d[k]! > d[enter]!)) enter = k;
        if (local >= 50) break;
      }
      if (enter < 0) return true;
      let leave = -1, best = Infinity;
      for (let i = 0; i < m; i++) {
        const a = T[i]![enter]!;
        // An artificial left basic at 0 after phase 1 must stay at 0: it blocks in either direction.
        const stuck = phase === 2 && basis[i]! >= n + m && Math.abs(a) > EPS;
        if (a <= EPS && !stuck) continue;
        const ratio = stuck ? 0 : rhs[i]! / a;
        if (ratio < best - EPS) [best, leave] = [ratio, i];
        else if (ratio <= best + EPS && basis[i]! < basis[leave]!) leave = i;
      }
      if (leave < 0 || ++pivots > maxPivots) return false;
      pivot(leave, enter);
    }
  };
  const phase1 = new Float64Array(W);
  for (let i = 0; i < m; i++) if (op[i] !== "<=") phase1[n + m + i] = -1;
  if (!run(phase1, 1)) return null;
  for (let i = 0; i < m; i++) if (basis[i]! >= n + m && rhs[i]! > 1e-9) return null; // infeasible in floats
  // Artificials still basic (at 0): pivot them out where a column allows it; the others stay, pinned at 0.
  for (let i = 0; i < m; i++) {
    if (basis[i]! < n + m) continue;
    let col = -1;
    for (let k = 0; k < n + m && col < 0; k++) if (allowed(k, 2) && !basic[k] && Math.abs(T[i]![k]!) > 1e-9) col = k;
    if (col >= 0) pivot(i, col);
  }
  const cost = new Float64Array(W);
  for (let j = 0; j < n; j++) cost[j] = lp.c[j]!;
  if (!run(cost, 2)) return null;
  const x = new Array<number>(n).fill(0);
  basis.forEach((k, i) => {
    if (k >= 0 && k < n) x[k] = rhs[i]!;
  });
  // y = c_Bᵀ B⁻¹: column r of B⁻¹ is the tableau column of row r's starting basic column.
  const y = lp.rows.map((_, r) => {
    const start = op[r] === "<=" ? n + r : n + m + r;
    let v = 0;
    for (let i = 0; i < m; i++) v += cost[basis[i]!]! * T[i]![start]!;
    return flip[r] ? -v : v;
  });
  return { x, y, value: x.reduce((s, xi, j) => s + xi * lp.c[j]!, 0), basis: basis.map((k) => (k >= n + m ? -1 : k)) };
}

/** The same LP over exact rationals (maximize cᵀx, x ≥ 0). */
export interface ExactLp {
  readonly c: readonly Q[];
  readonly rows: readonly { readonly a: readonly Q[]; readonly op: "<=" | ">=" | "="; readonly b: Q }[];
}

export const toFloatLp = (lp: ExactLp): FloatLp => ({ c: lp.c.map((v) => v.toNumber()), rows: lp.rows.map((r) => ({ a: r.a.map((v) => v.toNumber()), op: r.op, b: r.b.toNumber() })) });

/**
 * Re-solves a float basis exactly and checks it: the basic solution (nonbasic structurals at 0, rows
 * with a nonbasic slack tight) must be feasible and the duals of the tight rows sign-feasible with no
 * improving column. Then x is an exact optimum and y an exact dual certificate; otherwise null.
 */
export function certifyBasis(lp: ExactLp, basis: readonly number[]): { x: Q[]; y: Q[]; value: Q } | null {
  const n = lp.c.length, m = lp.rows.length;
  if (basis.some((k) => k < 0)) return null;
  const Bs = basis.filter((k) => k < n);
  const tight = lp.rows.map((_, r) => r).filter((r) => lp.rows[r]!.op === "=" || !basis.includes(n + r));
  if (Bs.length !== tight.length) return null;
  const A = tight.map((r) => Bs.map((j) => lp.rows[r]!.a[j]!));
  const xB = Bs.length ? solve(A, tight.map((r) => lp.rows[r]!.b)) : [];
  const yT = Bs.length ? solve(transpose(A), Bs.map((j) => lp.c[j]!)) : [];
  if (!xB || !yT) return null;
  const x = new Array<Q>(n).fill(Q.ZERO);
  Bs.forEach((j, k) => (x[j] = xB[k]!));
  if (x.some((v) => v.sign() < 0)) return null;
  for (const r of lp.rows) {
    const ax = r.a.reduce((s, a, j) => s.add(a.mul(x[j]!)), Q.ZERO);
    if (r.op === "<=" ? ax.gt(r.b) : r.op === ">=" ? ax.lt(r.b) : !ax.eq(r.b)) return null;
  }
  const y = new Array<Q>(m).fill(Q.ZERO);
  tight.forEach((r, k) => (y[r] = yT[k]!));
  if (lp.rows.some((r, i) => (r.op === "<=" && y[i]!.sign() < 0) || (r.op === ">=" && y[i]!.sign() > 0))) return null;
  for (let j = 0; j < n; j++) {
    const d = lp.rows.reduce((s, r, i) => s.sub(y[i]!.mul(r.a[j]!)), lp.c[j]!);
    if (d.sign() > 0) return null;
  }
  return { x, y, value: lp.c.reduce((s, c, j) => s.add(c.mul(x[j]!)), Q.ZERO) };
}
