/**
 * Exact checks of LP answers. Each check is a complete proof of the claimed status, recomputed from
 * the LP data alone; nothing the solver did internally is trusted. Any failure throws InternalError.
 *
 * Notation: σ = +1 for max, -1 for min. Every check works on σ·c so that one set of sign rules serves both.
 */
import { InternalError } from "../exact/errors.js";
import { rank } from "../exact/linalg.js";
import { Q } from "../exact/rational.js";
import { emptyBoxIndex, rowDot, shapeOf, type LpShape } from "./shape.js";
import type { LinearProgram, LpConstraints, LpResult, LpRow } from "./types.js";

export function checkCertificate(lp: LinearProgram, r: LpResult): void {
  const shape = shapeOf(lp, lp.c);
  switch (r.status) {
    case "optimal":
      checkOptimal(lp, shape, r);
      return;
    case "infeasible":
      checkFarkas(lp, shape, r.farkas);
      return;
    case "unbounded":
      checkUnbounded(lp, shape, r.x, r.ray);
      return;
    default:
      throw new InternalError(`lp certificate: unknown status ${String((r as { status: unknown }).status)}`);
  }
}

function fail(what: string): never {
  throw new InternalError(`lp certificate: ${what}`);
}

function expectLength(v: readonly unknown[], len: number, name: string): void {
  if (!Array.isArray(v) || v.length !== len) fail(`${name} has length ${Array.isArray(v) ? v.length : "none"}, expected ${len}`);
}

/** Whether the row holds at x, given its left side a·x. */
function rowHolds(row: LpRow, ax: Q): boolean {
  const c = ax.cmp(row.b);
  return row.op === "<=" ? c <= 0 : row.op === ">=" ? c >= 0 : c === 0;
}

/** x satisfies every bound and every row exactly. */
export function checkPrimalPoint(lp: LpConstraints, shape: LpShape, x: readonly Q[], label: string): void {
  expectLength(x, shape.n, `${label}: x`);
  for (let j = 0; j < shape.n; j++) {
    const l = shape.lower[j], u = shape.upper[j], xj = x[j] as Q;
    if (l != null && xj.lt(l)) fail(`${label}: x[${j}] = ${xj} is below its lower bound ${l}`);
    if (u != null && xj.gt(u)) fail(`${label}: x[${j}] = ${xj} is above its upper bound ${u}`);
  }
  lp.rows.forEach((row, i) => {
    const ax = rowDot(row.a, x);
    if (!rowHolds(row, ax)) fail(`${label}: row ${i} is violated: a·x = ${ax} ${row.op} ${row.b} fails`);
  });
}

/**
 * A Farkas vector y (y_i >= 0 on "<=" rows, <= 0 on ">=" rows) makes every feasible x satisfy
 * (yᵀA)·x <= yᵀb; it proves infeasibility when even the minimum of (yᵀA)·x over the box exceeds yᵀb.
 * An empty box (some lower > upper) is infeasible on its own, whatever y is.
 */
export function checkFarkas(lp: LpConstraints, shape: LpShape, y: readonly Q[]): void {
  expectLength(y, shape.m, "infeasible: farkas");
  if (emptyBoxIndex(shape) >= 0) return;
  lp.rows.forEach((row, i) => {
    const s = (y[i] as Q).sign();
    if (row.op === "<=" && s < 0) fail(`infeasible: farkas[${i}] = ${y[i]} must be >= 0 on a <= row`);
    if (row.op === ">=" && s > 0) fail(`infeasible: farkas[${i}] = ${y[i]} must be <= 0 on a >= row`);
  });
  let yb = Q.ZERO;
  lp.rows.forEach((row, i) => {
    if (!(y[i] as Q).isZero()) yb = yb.add((y[i] as Q).mul(row.b));
  });
  let minimum = Q.ZERO;
  const g = combinedRow(lp, shape.n, y);
  for (let j = 0; j < shape.n; j++) {
    const gj = g[j] as Q;
    const s = gj.sign();
    if (s === 0) continue;
    const bound = s > 0 ? shape.lower[j] : shape.upper[j];
    if (bound == null) fail(`infeasible: (yᵀA)[${j}] = ${gj} but x[${j}] is unbounded ${s > 0 ? "below" : "above"}, so yᵀA·x has no minimum over the box`);
    minimum = minimum.add(gj.mul(bound));
  }
  if (!minimum.gt(yb)) fail(`infeasible: min over the box of yᵀA·x is ${minimum}, not above yᵀb = ${yb}`);
}

/** yᵀA as a vector of length n. */
function combinedRow(lp: LpConstraints, n: number, y: readonly Q[]): Q[] {
  const g = new Array<Q>(n).fill(Q.ZERO);
  lp.rows.forEach((row, i) => {
    const yi = y[i] as Q;
    if (yi.isZero()) return;
    for (let j = 0; j < n; j++) {
      const a = row.a[j] as Q;
      if (!a.isZero()) g[j] = (g[j] as Q).add(yi.mul(a));
    }
  });
  return g;
}

/**
 * Optimality by weak duality: with σ·y sign-feasible and σ·d_j > 0 only where u_j is finite (< 0 only
 * where l_j is finite), every feasible x' has c·x' = yᵀAx' + d·x' bounded by the dual objective
 * yᵀb + Σ_j max/min over [l_j, u_j] of d_j x_j; x attains it, so x is optimal. Complementary slackness and
 * the basis are checked as well, since callers rely on x being that basic solution.
 */
function checkOptimal(lp: LinearProgram, shape: LpShape, r: Extract<LpResult, { status: "optimal" }>): void {
  const { n, m } = shape;
  expectLength(r.y, m, "optimal: y");
  expectLength(r.d, n, "optimal: d");
  checkPrimalPoint(lp, shape, r.x, "optimal");
  const cx = rowDot(lp.c, r.x);
  if (!r.value.eq(cx)) fail(`optimal: value ${r.value} differs from c·x = ${cx}`);
  const g = combinedRow(lp, n, r.y);
  for (let j = 0; j < n; j++) {
    const want = (lp.c[j] as Q).sub(g[j] as Q);
    if (!(r.d[j] as Q).eq(want)) fail(`optimal: d[${j}] = ${r.d[j]} but c - Aᵀy gives ${want}`);
  }
  const sigma = lp.sense === "max" ? 1 : -1;
  checkDualRows(lp, r.x, r.y, sigma);
  const boundTerms = checkReducedCosts(shape, r.x, r.d, sigma);
  let dual = boundTerms;
  lp.rows.forEach((row, i) => {
    if (!(r.y[i] as Q).isZero()) dual = dual.add((r.y[i] as Q).mul(row.b));
  });
  if (!dual.eq(cx)) fail(`optimal: dual objective ${dual} differs from primal objective ${cx}`);
  checkBasis(lp, shape, r.x, r.basis);
}

/** σ·y_i >= 0 on "<=" rows, <= 0 on ">=" rows, and y_i ≠ 0 only on rows tight at x. */
function checkDualRows(lp: LinearProgram, x: readonly Q[], y: readonly Q[], sigma: 1 | -1): void {
  lp.rows.forEach((row, i) => {
    const yi = y[i] as Q;
    const s = yi.sign() * sigma;
    if (row.op === "<=" && s < 0) fail(`optimal: y[${i}] = ${yi} has the wrong sign for a <= row of a ${lp.sense} problem`);
    if (row.op === ">=" && s > 0) fail(`optimal: y[${i}] = ${yi} has the wrong sign for a >= row of a ${lp.sense} problem`);
    if (s !== 0 && !rowDot(row.a, x).eq(row.b)) fail(`optimal: y[${i}] = ${yi} is nonzero but row ${i} is not tight`);
  });
}

/**
 * σ·d_j > 0 requires x_j at a finite upper bound, σ·d_j < 0 a finite lower bound. Returns Σ_j d_j·x_j,
 * which then equals the bound part of the dual objective (d_j times the bound it is tied to).
 */
function checkReducedCosts(shape: LpShape, x: readonly Q[], d: readonly Q[], sigma: 1 | -1): Q {
  let total = Q.ZERO;
  for (let j = 0; j < shape.n; j++) {
    const dj = d[j] as Q;
    const s = dj.sign() * sigma;
    if (s === 0) continue;
    const bound = s > 0 ? shape.upper[j] : shape.lower[j];
    const side = s > 0 ? "upper" : "lower";
    if (bound == null) fail(`optimal: d[${j}] = ${dj} needs a finite ${side} bound on x[${j}], which has none (dual infeasible)`);
    if (!(x[j] as Q).eq(bound)) fail(`optimal: d[${j}] = ${dj} but x[${j}] = ${x[j]} is not at its ${side} bound ${bound}`);
    total = total.add(dj.mul(bound));
  }
  return total;
}

/**
 * One basic column per row, distinct, in range, linearly independent in [A I]; nonbasic columns sit at a
 * bound (free ones at 0) and nonbasic slacks at 0. Together these make x the unique basic solution of
 * the claimed basis, so a perturbed x cannot hide behind a valid-looking dual.
 */
function checkBasis(lp: LinearProgram, shape: LpShape, x: readonly Q[], basis: readonly number[]): void {
  const { n, m } = shape;
  expectLength(basis, m, "optimal: basis");
  const basic = new Set<number>();
  for (const k of basis) {
    if (!Number.isInteger(k) || k < 0 || k >= n + m) fail(`optimal: basis index ${k} is outside 0..${n + m - 1}`);
    if (basic.has(k)) fail(`optimal: basis index ${k} is repeated`);
    basic.add(k);
  }
  for (let j = 0; j < n; j++) {
    if (basic.has(j)) continue;
    const xj = x[j] as Q, l = shape.lower[j], u = shape.upper[j];
    const atBound = (l != null && xj.eq(l)) || (u != null && xj.eq(u)) || (l == null && u == null && xj.isZero());
    if (!atBound) fail(`optimal: x[${j}] = ${xj} is nonbasic but not at a bound`);
  }
  lp.rows.forEach((row, i) => {
    if (!basic.has(n + i) && !rowDot(row.a, x).eq(row.b)) fail(`optimal: slack of row ${i} is nonbasic but the row is not tight`);
  });
  const columns = lp.rows.map((row, i) => basis.map((k) => (k < n ? (row.a[k] as Q) : k - n === i ? Q.ONE : Q.ZERO)));
  if (m > 0 && rank(columns) < m) fail(`optimal: basis columns ${basis.join(", ")} are linearly dependent`);
}

function checkUnbounded(lp: LinearProgram, shape: LpShape, x: readonly Q[], ray: readonly Q[]): void {
  checkPrimalPoint(lp, shape, x, "unbounded");
  expectLength(ray, shape.n, "unbounded: ray");
  for (let j = 0; j < shape.n; j++) {
    const s = (ray[j] as Q).sign();
    if (s < 0 && shape.lower[j] != null) fail(`unbounded: ray[${j}] = ${ray[j]} < 0 but x[${j}] has lower bound ${shape.lower[j]}`);
    if (s > 0 && shape.upper[j] != null) fail(`unbounded: ray[${j}] = ${ray[j]} > 0 but x[${j}] has upper bound ${shape.upper[j]}`);
  }
  lp.rows.forEach((row, i) => {
    const ar = rowDot(row.a, ray);
    const s = ar.sign();
    const ok = row.op === "<=" ? s <= 0 : row.op === ">=" ? s >= 0 : s === 0;
    if (!ok) fail(`unbounded: a·ray = ${ar} leaves row ${i} (${row.op}) along the ray`);
  });
  const cr = rowDot(lp.c, ray);
  const improving = lp.sense === "max" ? cr.sign() > 0 : cr.sign() < 0;
  if (!improving) fail(`unbounded: c·ray = ${cr} does not ${lp.sense === "max" ? "increase" : "decrease"} the objective`);
}
