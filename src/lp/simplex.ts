/**
 * Exact two-phase bounded-variable primal simplex on a dense tableau over Q.
 *
 * Every row a_i·x (op) b_i becomes the equality a_i·x + s_i = b_i with a bounded slack
 * ("<=": s_i in [0, ∞), ">=": s_i in (-∞, 0], "=": s_i in [0, 0]), so the whole problem is
 *     maximize cost·v  subject to  [A I]·v = b,  lo <= v <= hi
 * over the columns v = (x, s). Nonbasic columns sit at a finite bound, or at 0 when free; a free column
 * that enters becomes basic and, having no bound to hit, never leaves again. Minimization is solved as
 * maximization of -c and the duals are negated back.
 *
 * Pivoting uses Bland's rule in both phases: the entering column is the eligible one of smallest index,
 * the leaving one (including the entering column's own bound flip) is the blocking one of smallest
 * index among the minimum ratios. A cycle would consist of degenerate pivots only (every other step
 * strictly improves the objective); free columns never leave and fixed ones never enter, so every column
 * in a cycle sits at one bound throughout, and complementing the at-upper ones turns the cycle into one of
 * Bland's method in standard form, which cannot happen. MAX_PIVOTS is only a guard against a bug.
 */
import { InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { checkCertificate, checkFarkas, checkPrimalPoint } from "./certificate.js";
import { emptyBoxIndex, rowDot, shapeOf, type LpShape } from "./shape.js";
import type { FeasibilityResult, LinearProgram, LpConstraints, LpResult } from "./types.js";

/** Far beyond anything Bland's rule needs on our sizes; only a bug could reach it. */
const MAX_PIVOTS = 200_000;

interface Tableau {
  /** Rows of B⁻¹·[A I Art]. */
  T: Q[][];
  /** basis[r] is the column basic in row r. */
  basis: number[];
  /** rowOf[k] is the row where column k is basic, or -1. */
  rowOf: number[];
  /** Current value of every column (basic and nonbasic). */
  x: Q[];
  lo: (Q | null)[];
  hi: (Q | null)[];
  /** Reduced costs of the current objective (maximization convention). */
  d: Q[];
}

type Outcome = { kind: "optimal" } | { kind: "unbounded"; col: number; dir: 1 | -1 };

export function solveLP(lp: LinearProgram): LpResult {
  const result = solveUnchecked(lp);
  checkCertificate(lp, result);
  return result;
}

export function isFeasible(lp: LpConstraints): FeasibilityResult {
  const shape = shapeOf(lp);
  const phase1 = runPhase1(lp, shape);
  if (phase1.kind === "infeasible") {
    checkFarkas(lp, shape, phase1.farkas);
    return { feasible: false, farkas: phase1.farkas };
  }
  const x = phase1.t.x.slice(0, shape.n);
  checkPrimalPoint(lp, shape, x, "isFeasible");
  return { feasible: true, x };
}

function solveUnchecked(lp: LinearProgram): LpResult {
  const shape = shapeOf(lp, lp.c);
  const phase1 = runPhase1(lp, shape);
  if (phase1.kind === "infeasible") return { status: "infeasible", farkas: phase1.farkas };
  const { t } = phase1;
  const { n, m } = shape;
  const flip = lp.sense === "min";
  const cost = new Array<Q>(n + m).fill(Q.ZERO);
  for (let j = 0; j < n; j++) cost[j] = flip ? (lp.c[j] as Q).neg() : (lp.c[j] as Q);
  priceOut(t, cost);
  const outcome = iterate(t);
  const x = t.x.slice(0, n);
  if (outcome.kind === "unbounded") return { status: "unbounded", x, ray: rayOf(t, outcome, n) };
  // Reduced cost of slack i is 0 - yᵀe_i (rows negated for an artificial carry -e_i and the negated dual,
  // which cancel), so the duals are read off the slack columns; solving min c·x
  // as max -c·x negates duals and reduced costs, so negate them back.
  const y = Array.from({ length: m }, (_, i) => (flip ? (t.d[n + i] as Q) : (t.d[n + i] as Q).neg()));
  const d = t.d.slice(0, n).map((v) => (flip ? v.neg() : v));
  const basis = t.basis.slice().sort((a, b) => a - b);
  return { status: "optimal", x, value: rowDot(lp.c, x), y, d, basis };
}

type Phase1 = { kind: "feasible"; t: Tableau } | { kind: "infeasible"; farkas: Q[] };

/**
 * Finds a basic feasible solution of the rows and bounds, returning a tableau over the columns (x, s)
 * only, or a Farkas vector read off the phase-1 duals.
 */
function runPhase1(lp: LpConstraints, shape: LpShape): Phase1 {
  const { n, m } = shape;
  if (emptyBoxIndex(shape) >= 0) return { kind: "infeasible", farkas: new Array<Q>(m).fill(Q.ZERO) };
  const { t, artificials } = initialTableau(lp, shape);
  if (artificials === 0) return { kind: "feasible", t };
  const width = n + m + artificials;
  const cost = new Array<Q>(width).fill(Q.ZERO);
  for (let k = n + m; k < width; k++) cost[k] = Q.MINUS_ONE;
  priceOut(t, cost);
  if (iterate(t).kind === "unbounded") throw new InternalError("simplex: phase 1 objective (minus the artificial sum, at most 0) reported unbounded");
  let infeasibility = Q.ZERO;
  for (let k = n + m; k < width; k++) infeasibility = infeasibility.add(t.x[k] as Q);
  if (infeasibility.sign() > 0) {
    // With phase-1 duals y: every x column has reduced cost -(yᵀA)_j of the sign that makes the current x
    // minimize (yᵀA)·x over the box, and that minimum exceeds yᵀb by exactly the remaining infeasibility.
    return { kind: "infeasible", farkas: Array.from({ length: m }, (_, i) => (t.d[n + i] as Q).neg()) };
  }
  driveOutArtificials(t, n + m);
  dropColumnsFrom(t, n + m);
  return { kind: "feasible", t };
}

/** Starting point of a column: its finite lower bound, else its finite upper bound, else 0. */
function startValue(lo: Q | null, hi: Q | null): Q {
  return lo ?? hi ?? Q.ZERO;
}

function slackBounds(op: "<=" | ">=" | "="): [Q | null, Q | null] {
  if (op === "<=") return [Q.ZERO, null];
  if (op === ">=") return [null, Q.ZERO];
  return [Q.ZERO, Q.ZERO];
}

/**
 * Structural columns start at a bound; each row's slack is basic when the residual fits its bounds,
 * otherwise an artificial column ±e_i (sign of the residual, so it starts positive) takes its place.
 */
function initialTableau(lp: LpConstraints, shape: LpShape): { t: Tableau; artificials: number } {
  const { n, m } = shape;
  const xs = Array.from({ length: n }, (_, j) => startValue(shape.lower[j] ?? null, shape.upper[j] ?? null));
  const lo: (Q | null)[] = shape.lower.slice();
  const hi: (Q | null)[] = shape.upper.slice();
  const residual: Q[] = [];
  const needsArtificial: boolean[] = [];
  lp.rows.forEach((row) => {
    const [sl, sh] = slackBounds(row.op);
    lo.push(sl);
    hi.push(sh);
    const r = row.b.sub(rowDot(row.a, xs));
    residual.push(r);
    needsArtificial.push((sl !== null && r.lt(sl)) || (sh !== null && r.gt(sh)));
  });
  const artificials = needsArtificial.filter(Boolean).length;
  const width = n + m + artificials;
  const x: Q[] = [...xs, ...new Array<Q>(m + artificials).fill(Q.ZERO)];
  const T: Q[][] = [];
  const basis: number[] = [];
  let art = n + m;
  for (let i = 0; i < m; i++) {
    const row = new Array<Q>(width).fill(Q.ZERO);
    const a = lp.rows[i]!.a;
    const r = residual[i] as Q;
    // Scaling the row by the artificial's sign makes B⁻¹ = diag(±1) and the artificial's value |r|.
    const negate = needsArtificial[i] && r.sign() < 0;
    for (let j = 0; j < n; j++) row[j] = negate ? (a[j] as Q).neg() : (a[j] as Q);
    row[n + i] = negate ? Q.MINUS_ONE : Q.ONE;
    if (needsArtificial[i]) {
      row[art] = Q.ONE;
      lo.push(Q.ZERO);
      hi.push(null);
      x[art] = r.abs();
      basis.push(art++);
    } else {
      x[n + i] = r;
      basis.push(n + i);
    }
    T.push(row);
  }
  const rowOf = new Array<number>(width).fill(-1);
  basis.forEach((k, r) => (rowOf[k] = r));
  return { t: { T, basis, rowOf, x, lo, hi, d: new Array<Q>(width).fill(Q.ZERO) }, artificials };
}

/** Sets d = cost - c_Bᵀ·T for a fresh objective. */
function priceOut(t: Tableau, cost: readonly Q[]): void {
  const d = cost.slice();
  t.basis.forEach((k, r) => {
    const ck = cost[k] as Q;
    if (ck.isZero()) return;
    const row = t.T[r] as Q[];
    for (let j = 0; j < d.length; j++) {
      const v = row[j] as Q;
      if (!v.isZero()) d[j] = (d[j] as Q).sub(ck.mul(v));
    }
  });
  t.d = d;
}

/** Runs Bland-rule pivots until optimal or an unbounded improving direction is found. */
function iterate(t: Tableau): Outcome {
  for (let pivots = 0; pivots < MAX_PIVOTS; pivots++) {
    const col = enteringColumn(t);
    if (col < 0) return { kind: "optimal" };
    const dir: 1 | -1 = (t.d[col] as Q).sign() > 0 ? 1 : -1;
    const block = ratioTest(t, col, dir);
    if (block === undefined) return { kind: "unbounded", col, dir };
    step(t, col, dir, block);
  }
  throw new InternalError(`simplex: no termination after ${MAX_PIVOTS} pivots (Bland's rule should prevent this)`);
}

/** Smallest-index nonbasic column whose reduced cost improves the objective in a feasible direction. */
function enteringColumn(t: Tableau): number {
  for (let k = 0; k < t.d.length; k++) {
    if (t.rowOf[k] !== -1) continue;
    const s = (t.d[k] as Q).sign();
    if (s === 0) continue;
    const bound = s > 0 ? t.hi[k] : t.lo[k];
    if (bound == null || !(t.x[k] as Q).eq(bound)) return k;
  }
  return -1;
}

interface Block {
  /** Step length along the entering direction. */
  theta: Q;
  /** Column that reaches a bound (the entering column itself for a bound flip). */
  col: number;
  /** The bound it reaches. */
  bound: Q;
}

/** Minimum-ratio test; ties go to the smallest column index (Bland). Undefined means no limit. */
function ratioTest(t: Tableau, col: number, dir: 1 | -1): Block | undefined {
  let best: Block | undefined;
  const consider = (theta: Q, k: number, bound: Q): void => {
    if (best === undefined) {
      best = { theta, col: k, bound };
      return;
    }
    const c = theta.cmp(best.theta);
    if (c < 0 || (c === 0 && k < best.col)) best = { theta, col: k, bound };
  };
  const own = dir > 0 ? t.hi[col] : t.lo[col];
  if (own != null) consider(own.sub(t.x[col] as Q).abs(), col, own);
  for (let r = 0; r < t.T.length; r++) {
    const alpha = (t.T[r] as Q[])[col] as Q;
    if (alpha.isZero()) continue;
    const k = t.basis[r] as number;
    // x_k moves by -dir·alpha per unit step.
    const falling = (alpha.sign() > 0) === (dir > 0);
    const bound = falling ? t.lo[k] : t.hi[k];
    if (bound == null) continue;
    consider((t.x[k] as Q).sub(bound).div(alpha.abs()).abs(), k, bound);
  }
  return best;
}

/** Moves along the entering direction by the blocking step, then pivots unless it was a bound flip. */
function step(t: Tableau, col: number, dir: 1 | -1, block: Block): void {
  const { theta } = block;
  if (!theta.isZero()) {
    const move = dir > 0 ? theta : theta.neg();
    t.x[col] = (t.x[col] as Q).add(move);
    for (let r = 0; r < t.T.length; r++) {
      const alpha = (t.T[r] as Q[])[col] as Q;
      if (alpha.isZero()) continue;
      const k = t.basis[r] as number;
      t.x[k] = (t.x[k] as Q).sub(alpha.mul(move));
    }
  }
  if (block.col === col) {
    t.x[col] = block.bound;
    return;
  }
  const r = t.rowOf[block.col] as number;
  if (!(t.x[block.col] as Q).eq(block.bound)) {
    throw new InternalError(`simplex: leaving column ${block.col} ended at ${t.x[block.col]!.toString()}, not at its bound ${block.bound.toString()}`);
  }
  pivot(t, r, col);
}

/** Gauss–Jordan pivot on (r, col); column col becomes basic in row r. */
function pivot(t: Tableau, r: number, col: number): void {
  const prow = t.T[r] as Q[];
  const inv = (prow[col] as Q).inv();
  const nz: number[] = [];
  for (let j = 0; j < prow.length; j++) {
    const v = prow[j] as Q;
    if (v.isZero()) continue;
    prow[j] = v.mul(inv);
    nz.push(j);
  }
  for (let i = 0; i < t.T.length; i++) {
    if (i !== r) eliminate(t.T[i] as Q[], prow, nz, col);
  }
  eliminate(t.d, prow, nz, col);
  const leaving = t.basis[r] as number;
  t.rowOf[leaving] = -1;
  t.rowOf[col] = r;
  t.basis[r] = col;
}

/** target -= target[col] · prow, touching only the pivot row's nonzeros. */
function eliminate(target: Q[], prow: readonly Q[], nz: readonly number[], col: number): void {
  const f = target[col] as Q;
  if (f.isZero()) return;
  for (const j of nz) target[j] = (target[j] as Q).sub(f.mul(prow[j] as Q));
  target[col] = Q.ZERO;
}

/**
 * After a phase 1 that reached zero infeasibility, some artificials may still be basic at value 0.
 * Each such row has a nonzero entry in some non-artificial nonbasic column ([A I] has full row rank),
 * and pivoting there changes no value because the artificial being replaced is 0.
 */
function driveOutArtificials(t: Tableau, firstArtificial: number): void {
  for (let r = 0; r < t.basis.length; r++) {
    if ((t.basis[r] as number) < firstArtificial) continue;
    const row = t.T[r] as Q[];
    let col = -1;
    for (let k = 0; k < firstArtificial; k++) {
      if (t.rowOf[k] === -1 && !(row[k] as Q).isZero()) {
        col = k;
        break;
      }
    }
    if (col < 0) throw new InternalError(`simplex: artificial in row ${r} cannot be pivoted out although [A I] has full row rank`);
    pivot(t, r, col);
  }
}

function dropColumnsFrom(t: Tableau, width: number): void {
  t.T = t.T.map((row) => row.slice(0, width));
  t.x = t.x.slice(0, width);
  t.lo = t.lo.slice(0, width);
  t.hi = t.hi.slice(0, width);
  t.d = t.d.slice(0, width);
  t.rowOf = t.rowOf.slice(0, width);
}

/** The improving edge direction: the entering column moves by dir, basic columns by -dir·T[r][col]. */
function rayOf(t: Tableau, outcome: { col: number; dir: 1 | -1 }, n: number): Q[] {
  const { col, dir } = outcome;
  const full = new Array<Q>(t.x.length).fill(Q.ZERO);
  full[col] = dir > 0 ? Q.ONE : Q.MINUS_ONE;
  t.basis.forEach((k, r) => {
    const alpha = (t.T[r] as Q[])[col] as Q;
    if (!alpha.isZero()) full[k] = dir > 0 ? alpha.neg() : alpha;
  });
  return full.slice(0, n);
}
