/**
 * Certified rational bounds on the minimum inside the linked VCG transfer (zhu2022 §3.3):
 *     min over x ∈ Ω*ⁿ of Vⁿ(ω⁻ⁿ, x) = Σ_t h_t(x_t),
 * with Ω*ⁿ a finite union of polytope pieces (x ≥ 0 implicit) and each h_t from date-terms.ts.
 * The minimum is generally irrational, so the answer is lo ≤ min ≤ hi: hi = Σ h_t(argmin) at an
 * exactly feasible rational point, lo from an exact argument, refined until hi − lo ≤ tol·max(1, |hi|).
 *
 * WHAT IS ASSUMED OF THE TERMS (true of dateTerms: h_t = c·O·f(q̄/(x + O)) with c, O > 0 and f ≥ 0
 * increasing, or h_t ≡ 0): every h_t is non-increasing and ≥ 0 on [0, ∞); `convex` certifies
 * convexity on all of [0, ∞), so a tangent line there is a global underestimator.
 *
 * THE METHODS (per piece; a union takes lo = min of los, hi = min of his):
 *  - "monotone corner": box + sum pieces whose sum cap does not bind. Every feasible x is ≤ the box
 *    top u, and the h_t are non-increasing, so u is optimal: lo = hi, any terms. With unbounded
 *    coordinates and no cap, lo uses h ≥ 0 and hi walks those coordinates out ("unbounded tail").
 *  - "box+sum Lagrangian" (convex, box l ≤ x ≤ u plus l_S ≤ Σx ≤ S_cap, detected from the rows):
 *    weak duality with one multiplier μ ≥ 0 on the cap,
 *        min ≥ L(μ) = −μ·S_cap + Σ_t min_{x ∈ [l_t, u_t]} (h_t(x) + μx),
 *    each inner minimum bounded below exactly by the two tangents at rational points bracketing the
 *    1-D minimizer (innerBound). μ and the water-filling point x_t = clip((h_t')⁻¹(−μ)) come from floats;
 *    hi is the water-filling point rounded to rationals and moved exactly onto the cap (fixSum).
 *  - "sum-structured Lagrangian (LP multipliers)" (convex; every row reads α·Σ_s x_s + γ·x_t (op) b,
 *    e.g. the window set, and any piece when T ≤ 2): for fixed S = Σx the rows are per-coordinate
 *    bounds l_t(S) ≤ x_t ≤ u_t(S), so floats minimize φ(S) = min{Σh : box(S), Σx = S} (convex in S)
 *    by Brent's method over [S_min, S_max] (exact LPs) with a water-filling inside. Multipliers y: the
 *    exact dual of ONE LP, min ĝ·x over the rows active at the float optimum, ĝ ≈ ∇h there (sign-correct
 *    whatever ĝ is; inactive rows are left out so that an approximate ĝ cannot load them), and the same
 *    prices polished by float Newton on those rows (polishPrices: the float search resolves S* only to
 *    √ε, which leaves ĝ, hence the LP dual, off to first order). Weak duality with every row dualized
 *    then separates by date:
 *        min ≥ y·b + Σ_s min_{x ≥ 0} (h_s(x) − (Aᵀy)_s·x)                       (lagrangeBound).
 *    hi: the float point rounded, clipped into box(S) at a rational S ∈ [S_min, S_max], fixSum'd to S.
 *  - "tangent cuts" (convex, any other piece): Kelley's method on the exact LP
 *        min Σ z_t,  z_t ≥ c + s·x_t for every cut (s, c) of date t,  z ≥ 0 (h ≥ 0),  x in the piece,
 *    with s ≈ h_t'(p) (30 bits) and c ≤ min_x (h_t(x) − s·x) certified by innerBound and rounded down:
 *    a line below h_t everywhere (≈ the tangent at p, but with short coefficients: exact tangents at
 *    exact points make the simplex tableau explode). So the LP is a relaxation, its value a lower bound
 *    and its x exactly feasible (an upper bound). Its piece-row prices, and the same prices polished
 *    by a float Newton iteration on the binding rows (Kelley's prices converge only linearly), go to
 *    lagrangeBound (with the LP's own prices never weaker than the LP: the LP value is that Lagrangian
 *    for the piecewise-linear model ≤ h). New cuts go at the LP point and at a fan around the inner
 *    minimizers of the polished prices, where the optimum should be; non-binding cuts are dropped.
 *  - "branch-and-bound (non-convex)" (some `convex` false): best-first over boxes [a, b] ∩ piece;
 *    on a box, h_t(x_t) ≥ h_t(b_t) by monotonicity (≥ 0 when b_t = ∞), boxes tightened by interval
 *    propagation of the rows, emptiness and incumbents (exact LP vertices maximizing a float-weighted
 *    Σ w_t x_t, i.e. points on the far frontier of the box) from exact LPs. The monotone bound closes
 *    only as fast as boxes shrink, so this is for small T (≤ 4); for larger T, or tight tol, the
 *    budget runs out and the result is "inconclusive" with valid bounds.
 *
 * RIGOUR. Floats only choose points (multipliers, tangent points, candidates, S); every bound is an
 * exact rational computed from exact values and slopes: tangent-line minima, weak duality with
 * sign-checked multipliers, exact LP optima (certified by src/lp), monotonicity at exact points.
 * certifiedMin re-checks each piece's point (exactly feasible, value = hi) and lo ≤ hi.
 * Precision floor: points are placed to float accuracy, so gaps of ~1e-15 relative are typical (well
 * under the default tol = 1e-12); a tol near or below float resolution may end "inconclusive".
 *
 * BUDGET. `maxRounds` counts refinement rounds for the Lagrangian methods (the tangent spacing shrinks
 * 2¹¹-fold per round; default 6), LP rounds for "tangent cuts" (default 40) or expanded nodes for
 * branch and bound (default 4000); a value given in the options applies to whichever method runs.
 */
import { InputError, InternalError } from "../../exact/errors.js";
import { Q, floorDyadic, sum } from "../../exact/rational.js";
import { solveLP } from "../../lp/index.js";
import type { LpRow, RowOp } from "../../lp/index.js";
import { inPiece, type Piece } from "../../typespace/single-resource.js";
import { othersSurplus, type DateTerm } from "./date-terms.js";

export interface MinBounds {
  lo: Q;
  hi: Q;
  /** Exactly feasible point with Σ h_t = hi (always present; the type allows null for callers). */
  argmin: Q[] | null;
  /** Index of the piece attaining hi. */
  piece: number;
  status: "certified" | "inconclusive";
  method: string;
  rounds: number;
}

export interface CertifiedMinOptions {
  /** Relative target: certified when hi − lo ≤ tol·max(1, |hi|). Default 1e-12. */
  readonly tol?: Q;
  readonly maxRounds?: number;
}

const DEFAULT_TOL = Q.of(1, 1_000_000_000_000);
const DEFAULT_BUDGET = { refine: 6, cuts: 40, nodes: 4000 } as const;

interface PieceResult {
  lo: Q;
  hi: Q;
  x: Q[];
  method: string;
  rounds: number;
}

interface Ctx {
  readonly terms: readonly DateTerm[];
  readonly T: number;
  readonly tol: Q;
  readonly maxRounds: number | undefined;
}

export function certifiedMin(terms: readonly DateTerm[], pieces: readonly Piece[], opts: CertifiedMinOptions = {}): MinBounds {
  const T = terms.length;
  if (T < 1) throw new InputError("T", "needs at least one date");
  pieces.forEach((p, i) =>
    p.rows.forEach((r, j) => {
      if (r.a.length !== T) throw new InputError(`omegaStar.pieces[${i + 1}].rows[${j + 1}]`, `must have T = ${T} coefficients (got ${r.a.length})`);
    }),
  );
  const tol = opts.tol ?? DEFAULT_TOL;
  if (tol.sign() < 0) throw new InputError("tol", `must be ≥ 0 (got ${tol})`);
  const ctx: Ctx = { terms, T, tol, maxRounds: opts.maxRounds };
  const results = pieces.map((p) => minOverPiece(ctx, p));
  let best = -1;
  results.forEach((r, i) => {
    if (r && (best < 0 || r.hi.lt((results[best] as PieceResult).hi))) best = i;
  });
  if (best < 0) throw new InputError("omegaStar", "Ω*ⁿ is empty");
  // Re-check every piece's answer exactly, whatever method produced it: its point is in the piece,
  // its hi is the value there, and its lo does not exceed that value (else lo would be wrong).
  results.forEach((r, i) => {
    if (r === null) return;
    if (!inPiece(pieces[i] as Piece, r.x)) throw new InternalError(`certifiedMin: point [${r.x.join(", ")}] is not in piece ${i}`);
    if (!othersSurplus(terms, r.x).eq(r.hi)) throw new InternalError(`certifiedMin: hi of piece ${i} is not the value at its point`);
    if (r.lo.gt(r.hi)) throw new InternalError(`certifiedMin: lower bound ${r.lo} of piece ${i} exceeds a feasible value ${r.hi}`);
  });
  const found = results.filter((r): r is PieceResult => r !== null);
  const lo = found.reduce((m, r) => Q.min(m, r.lo), (found[0] as PieceResult).lo);
  const { hi, x } = results[best] as PieceResult;
  return {
    lo,
    hi,
    argmin: x,
    piece: best,
    status: closed(ctx, lo, hi) ? "certified" : "inconclusive",
    method: [...new Set(found.map((r) => r.method))].join("; "),
    rounds: found.reduce((s, r) => s + r.rounds, 0),
  };
}

function closed(ctx: Ctx, lo: Q, hi: Q): boolean {
  return hi.sub(lo).le(ctx.tol.mul(Q.max(Q.ONE, hi.abs())));
}

/** null: the piece is empty. */
/** Pieces are immutable, and a set's pieces are reused across agents (typespace caches them): classify each once. */
const structures = new WeakMap<Piece, Structure | "empty" | null>();

function minOverPiece(ctx: Ctx, piece: Piece): PieceResult | null {
  let st = structures.get(piece);
  if (st === undefined) structures.set(piece, (st = structureOf(piece.rows, ctx.T)));
  if (st === "empty") return null;
  const convex = ctx.terms.every((h) => h.convex);
  if (st && st.own.every((r) => r.alpha.isZero())) {
    const box = boxSumOf(st, ctx.T);
    if (box === null) return null;
    const easy = monotoneCorner(ctx, box);
    if (easy !== undefined) return easy;
    if (convex) return waterFilling(ctx, box);
  } else if (convex) {
    const r = st ? sumStructured(ctx, piece, st) : undefined;
    return r !== undefined ? r : tangentCuts(ctx, piece);
  }
  return branchAndBound(ctx, piece);
}

// ───────────────────────────── structure of the rows ─────────────────────────────

/** α·Σ_s x_s + γ·x_t (op) b with γ ≠ 0 (α = 0: a bound on x_t alone). */
interface OwnRow {
  t: number;
  alpha: Q;
  gamma: Q;
  op: RowOp;
  b: Q;
}

/** Σ_s x_s (op) b. */
interface SumRow {
  op: RowOp;
  b: Q;
}

interface Structure {
  sums: SumRow[];
  own: OwnRow[];
}

function flip(op: RowOp): RowOp {
  return op === "<=" ? ">=" : op === ">=" ? "<=" : "=";
}

/**
 * Writes every row as a sum row or an own row; null if some row is neither (two or more coordinates
 * off the common coefficient), "empty" if a zero row fails.
 */
function structureOf(rows: readonly LpRow[], T: number): Structure | "empty" | null {
  const st: Structure = { sums: [], own: [] };
  for (const row of rows) {
    const a = row.a;
    if (a.every((c) => c.isZero())) {
      const ok = row.op === "<=" ? row.b.sign() >= 0 : row.op === ">=" ? row.b.sign() <= 0 : row.b.isZero();
      if (!ok) return "empty";
      continue;
    }
    const a0 = a[0] as Q;
    if (a.every((c) => c.eq(a0))) {
      st.sums.push({ op: a0.sign() < 0 ? flip(row.op) : row.op, b: row.b.div(a0) });
      continue;
    }
    // the common coefficient α, shared by all but one entry (T = 2: 0 if a coefficient is 0, else a_2)
    const a1 = a[1] as Q;
    const alpha = T === 2 ? (a0.isZero() || a1.isZero() ? Q.ZERO : a1) : a0.eq(a1) || a0.eq(a[2] as Q) ? a0 : a1;
    const off = a.flatMap((c, t) => (c.eq(alpha) ? [] : [t]));
    if (off.length !== 1) return null;
    const t = off[0] as number;
    st.own.push({ t, alpha, gamma: (a[t] as Q).sub(alpha), op: row.op, b: row.b });
  }
  return st;
}

/** Per-coordinate bounds once S = Σx is fixed (S null: box+sum rows only, where α = 0). */
interface Box {
  l: Q[];
  u: (Q | null)[];
}

function boxAt(st: Structure, T: number, S: Q | null): Box {
  const l = Array.from({ length: T }, () => Q.ZERO);
  const u: (Q | null)[] = Array.from({ length: T }, () => S);
  for (const r of st.own) {
    const v = r.b.sub(S === null ? Q.ZERO : r.alpha.mul(S)).div(r.gamma);
    const op = r.gamma.sign() < 0 ? flip(r.op) : r.op;
    if (op !== "<=") l[r.t] = Q.max(l[r.t] as Q, v);
    if (op !== ">=") u[r.t] = u[r.t] === null ? v : Q.min(u[r.t] as Q, v);
  }
  return { l, u };
}

/** The same bounds in floats, as affine functions c0 + c1·S, for the float search over S. */
function boxAtF(st: Structure, T: number): (S: number) => { l: number[]; u: number[] } {
  const rows = st.own.map((r) => ({
    t: r.t,
    op: r.gamma.sign() < 0 ? flip(r.op) : r.op,
    c0: r.b.div(r.gamma).toNumber(),
    c1: r.alpha.div(r.gamma).neg().toNumber(),
  }));
  return (S) => {
    const l = new Array<number>(T).fill(0);
    const u = new Array<number>(T).fill(S);
    for (const r of rows) {
      const v = r.c0 + r.c1 * S;
      if (r.op !== "<=") l[r.t] = Math.max(l[r.t] as number, v);
      if (r.op !== ">=") u[r.t] = Math.min(u[r.t] as number, v);
    }
    return { l, u };
  };
}

interface BoxSum extends Box {
  sLo: Q;
  sHi: Q | null;
}

/** The box and the sum interval of a box+sum structure, or null when the box itself is empty. */
function boxSumOf(st: Structure, T: number): BoxSum | null {
  const { l, u } = boxAt(st, T, null);
  let sLo = Q.ZERO;
  let sHi: Q | null = null;
  for (const r of st.sums) {
    if (r.op !== "<=") sLo = Q.max(sLo, r.b);
    if (r.op !== ">=") sHi = sHi === null ? r.b : Q.min(sHi, r.b);
  }
  if (l.some((lt, t) => u[t] !== null && lt.gt(u[t] as Q))) return null;
  return { l, u, sLo, sHi };
}

// ───────────────────────────── floats: guidance only ─────────────────────────────

/** x as a dyadic rational with `bits` significant bits (floats choose points; the rational is exact). */
export function dyadic(x: number, bits = 52): Q {
  if (!Number.isFinite(x)) throw new InternalError(`linked-min: non-finite float guidance ${x}`);
  if (Math.abs(x) < 2 ** -900) return Q.ZERO;
  const k = bits - Math.floor(Math.log2(Math.abs(x)));
  const n = BigInt(Math.round(x * 2 ** k));
  return k >= 0 ? Q.of(n, 1n << BigInt(k)) : Q.of(n << BigInt(-k));
}

/** A root of the non-decreasing fn with fn(a) < 0 < fn(b): Illinois steps, a bisection every fourth. */
function rootF(fn: (x: number) => number, a: number, b: number): number {
  let fa = fn(a), fb = fn(b), side = 0;
  for (let i = 0; i < 120; i++) {
    let m = i % 4 === 3 ? a + (b - a) / 2 : a - (fa * (b - a)) / (fb - fa);
    if (!(m > a && m < b)) m = a + (b - a) / 2;
    if (!(m > a && m < b)) break; // adjacent floats
    const fm = fn(m);
    if (fm === 0) return m;
    if (fm < 0) {
      a = m;
      fa = fm;
      if (side < 0) fb /= 2;
      side = -1;
    } else {
      b = m;
      fb = fm;
      if (side > 0) fa /= 2;
      side = 1;
    }
  }
  return Math.abs(fa) <= Math.abs(fb) ? a : b;
}

/** argmin of h(x) + mu·x over [lo, hi] in floats (h convex, so h' + mu is non-decreasing). */
export function argminF(h: DateTerm, mu: number, lo: number, hi: number): number {
  // (inline arrows below: this runs millions of times, and a named closure costs a helper call under tsx)
  if (h.slopeF(lo) + mu >= 0) return lo;
  if (hi < Infinity) return h.slopeF(hi) + mu <= 0 ? hi : rootF((x) => h.slopeF(x) + mu, lo, hi);
  let a = lo, b = Math.max(2 * lo, lo + 1);
  while (h.slopeF(b) + mu < 0) {
    if (b > 1e300) return b;
    a = b;
    b *= 2;
  }
  return rootF((x) => h.slopeF(x) + mu, a, b);
}

const totalF = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0);

/**
 * Water-filling in floats: x_t = argmin of h_t + μx over [l_t, u_t] with μ ≥ 0 chosen so that
 * Σx = S (the sum is non-increasing in μ: halve to a bracket, then rootF). Needs Σl ≤ S ≤ Σu.
 */
function fillF(terms: readonly DateTerm[], l: readonly number[], u: readonly number[], S: number): { x: number[]; mu: number } {
  const at = (mu: number) => terms.map((h, t) => argminF(h, mu, l[t] as number, u[t] as number));
  const x0 = at(0);
  if (totalF(x0) <= S) return { x: spreadF(terms, x0, u, S), mu: 0 };
  const hi = Math.max(0, ...terms.map((h, t) => -h.slopeF(l[t] as number))); // every x_t = l_t there
  let lo = hi / 2;
  for (let i = 0; i < 1100 && totalF(at(lo)) <= S; i++) lo /= 2;
  const mu = rootF((m) => S - totalF(at(m)), lo, hi);
  return { x: spreadF(terms, at(mu), u, S), mu };
}

/** Raises the steepest coordinates (within u) until Σx = S: where a flat stretch left room. */
function spreadF(terms: readonly DateTerm[], x: number[], u: readonly number[], S: number): number[] {
  let rest = S - totalF(x);
  const order = x.map((_, t) => t).sort((s, t) => terms[s].slopeF(x[s]) - terms[t].slopeF(x[t]));
  for (const t of order) {
    if (rest <= 0) break;
    const add = Math.min(rest, (u[t] as number) - (x[t] as number));
    x[t] = (x[t] as number) + add;
    rest -= add;
  }
  return x;
}

/**
 * The minimum of a convex function on [a, b] (unimodal suffices) by Brent's method (Forsythe, Malcolm
 * and Moler's fmin): parabolic steps through the three best points, a golden-section step whenever a
 * parabola is not trusted, stopping at about √ε relative in s — below that, float values of a smooth
 * minimum are noise. A handful of evaluations where golden section alone needs ~70; this is float
 * guidance only (the caller certifies whatever point it gets). The endpoints compete too.
 */
function brentMinF(phi: (s: number) => number, a: number, b: number): { s: number; v: number; end: "lo" | "hi" | null } {
  const va = phi(a), vb = phi(b);
  const C = (3 - Math.sqrt(5)) / 2;
  let lo = a, hi = b;
  let x = lo + C * (hi - lo), w = x, v = x;
  let fx = phi(x), fw = fx, fv = fx;
  let d = 0, e = 0;
  for (let i = 0; i < 100; i++) {
    const m = (lo + hi) / 2;
    const tol1 = 1.5e-8 * Math.abs(x) + 1e-300, tol2 = 2 * tol1;
    if (Math.abs(x - m) <= tol2 - (hi - lo) / 2) break;
    let golden = true;
    if (Math.abs(e) > tol1) {
      // parabola through (v, fv), (w, fw), (x, fx)
      let r = (x - w) * (fx - fv), q = (x - v) * (fx - fw), p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      const eOld = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (lo - x) && p < q * (hi - x)) {
        d = p / q;
        const u = x + d;
        if (u - lo < tol2 || hi - u < tol2) d = x < m ? tol1 : -tol1;
        golden = false;
      }
    }
    if (golden) {
      e = x < m ? hi - x : lo - x;
      d = C * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = phi(u);
    if (fu <= fx) {
      if (u < x) hi = x;
      else lo = x;
      v = w; fv = fw;
      w = x; fw = fx;
      x = u; fx = fu;
    } else {
      if (u < x) lo = u;
      else hi = u;
      if (fu <= fw || w === x) {
        v = w; fv = fw;
        w = u; fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u; fv = fu;
      }
    }
  }
  if (va <= fx && va <= vb) return { s: a, v: va, end: "lo" };
  if (vb <= fx) return { s: b, v: vb, end: "hi" };
  return { s: x, v: fx, end: null };
}

/** The tangent spacing (relative) of refinement round r: second-order tight, floored near float resolution. */
function spacing(r: number): number {
  return 2 ** -Math.min(24 + 11 * r, 46);
}

// ───────────────────────────── exact bounds ─────────────────────────────

/**
 * A rigorous lower bound on min over [lo, hi] (hi null: ∞) of g(x) = h(x) + k·x, h convex and ≥ 0:
 * exact at an endpoint whose slope already points inwards, else the minimum of the max of the
 * tangents at rational p1 < p2 around the float minimizer `guess` with g'(p1) ≤ 0 ≤ g'(p2) (each
 * tangent is ≤ g everywhere, so their max is, and its minimum is their intersection). null when the
 * infimum is −∞ (k < 0 on an unbounded interval).
 */
export function innerBound(h: DateTerm, k: Q, lo: Q, hi: Q | null, guess: number, rel: number): Q | null {
  const g = (x: Q) => h.value(x).add(k.mul(x));
  const dg = (x: Q) => h.slope(x).add(k);
  const sLo = dg(lo);
  if (sLo.sign() >= 0) return g(lo);
  const sHi = hi === null ? null : dg(hi);
  if (hi !== null && (sHi as Q).sign() <= 0) return g(hi);
  if (hi === null && k.isZero()) return Q.ZERO; // inf h ≥ 0, and h' < 0 at lo
  const hiF = hi === null ? Infinity : hi.toNumber();
  const x0 = Number.isFinite(guess) ? Math.min(Math.max(guess, lo.toNumber()), hiF) : lo.toNumber();
  const delta = rel * (x0 > 0 ? x0 : 1);
  const bits = Math.min(52, Math.ceil(-Math.log2(rel)) + 8); // resolve the spacing, no finer: small numbers
  let left = { p: lo, s: sLo };
  for (let i = 0, w = delta; i < 6; i++, w *= 64) {
    const p = dyadic(x0 - w, bits);
    if (p.le(lo)) break;
    const s = dg(p);
    if (s.sign() <= 0) {
      left = { p, s };
      break;
    }
  }
  let right: { p: Q; s: Q } | null = hi === null ? null : { p: hi, s: sHi as Q };
  for (let i = 0, w = delta; i < 12 && Number.isFinite(x0 + w); i++, w *= 64) {
    const p = dyadic(x0 + w, bits);
    if (hi !== null && p.ge(hi)) break;
    const s = dg(p);
    if (s.sign() >= 0) {
      right = { p, s };
      break;
    }
  }
  if (right === null) {
    // no sign change found on [lo, ∞): g ≥ k·x ≥ k·lo because h ≥ 0 (−∞ if k < 0)
    return k.sign() < 0 ? null : k.mul(lo);
  }
  const g1 = g(left.p), g2 = g(right.p);
  if (left.s.isZero()) return g1;
  if (right.s.isZero()) return g2;
  const xi = g2.sub(g1).add(left.s.mul(left.p)).sub(right.s.mul(right.p)).div(left.s.sub(right.s));
  return g1.add(left.s.mul(xi.sub(left.p)));
}

/**
 * Weak duality with every row dualized. y follows the LP's min convention (≤ rows y ≤ 0, ≥ rows
 * y ≥ 0), so y_i·(a_i·x − b_i) ≥ 0 on the piece and
 *     Σ h(x) ≥ y·b + Σ_s (h_s(x_s) − (Aᵀy)_s·x_s) ≥ y·b + Σ_s min_{x_s ≥ 0} (…)   for every feasible x.
 * null when some inner infimum is −∞.
 */
function lagrangeBound(terms: readonly DateTerm[], rows: readonly LpRow[], y: readonly Q[], rel: number): { bound: Q; guess: number[] } | null {
  rows.forEach((r, i) => {
    const s = (y[i] as Q).sign();
    if ((r.op === "<=" && s > 0) || (r.op === ">=" && s < 0)) throw new InternalError(`linked-min: multiplier of row ${i} has the wrong sign`);
  });
  // Aᵀy over the nonzero multipliers only (most rows are inactive; rows are dense in T)
  const nz = rows.flatMap((_, i) => ((y[i] as Q).isZero() ? [] : [i]));
  let bound = sum(nz.map((i) => (y[i] as Q).mul((rows[i] as LpRow).b)));
  const guess: number[] = [];
  for (let s = 0; s < terms.length; s++) {
    const k = sum(nz.map((i) => (y[i] as Q).mul((rows[i] as LpRow).a[s] as Q))).neg();
    const h = terms[s] as DateTerm;
    guess.push(argminF(h, k.toNumber(), 0, Infinity));
    const inner = innerBound(h, k, Q.ZERO, null, guess[s] as number, rel);
    if (inner === null) return null;
    bound = bound.add(inner);
  }
  return { bound, guess };
}

/**
 * Moves x within [l, u] until Σx = S exactly: raising the steepest coordinates first or lowering the
 * flattest first (floats only order the moves). Needs Σl ≤ S ≤ Σu.
 */
function fixSum(terms: readonly DateTerm[], x: Q[], box: Box, S: Q): Q[] {
  let diff = S.sub(sum(x));
  const up = diff.sign() > 0;
  const slope = x.map((v, t) => terms[t].slopeF(v.toNumber()));
  const order = x.map((_, t) => t).sort((s, t) => (up ? slope[s] - slope[t] : slope[t] - slope[s]));
  for (const t of order) {
    if (diff.isZero()) break;
    const xt = x[t] as Q;
    const room = up ? (box.u[t] === null ? diff : (box.u[t] as Q).sub(xt)) : xt.sub(box.l[t] as Q);
    const move = Q.min(room, diff.abs());
    x[t] = up ? xt.add(move) : xt.sub(move);
    diff = up ? diff.sub(move) : diff.add(move);
  }
  if (!diff.isZero()) throw new InternalError(`linked-min: cannot place Σx = ${S} in the box`);
  return x;
}

/** The float point rounded to rationals and clipped into the box. */
function roundInto(xF: readonly number[], box: Box, bits = 52): Q[] {
  return xF.map((v, t) => {
    const c = Q.max(dyadic(v, bits), box.l[t] as Q);
    return box.u[t] === null ? c : Q.min(c, box.u[t] as Q);
  });
}

/** Keeps the better of two (value, point) candidates. */
function better(a: { hi: Q; x: Q[] } | null, x: Q[], terms: readonly DateTerm[]): { hi: Q; x: Q[] } {
  const v = othersSurplus(terms, x);
  return a === null || v.lt(a.hi) ? { hi: v, x } : a;
}

// ───────────────────────────── box + sum ─────────────────────────────

/**
 * The cases decided by monotonicity alone (any terms): empty; cap not binding (the box top u is
 * optimal); T = 1 (the cap is); Σl = cap (only l is feasible); no cap with unbounded coordinates (lo
 * from h ≥ 0, hi by walking them out). undefined: the cap binds, a real optimization.
 */
function monotoneCorner(ctx: Ctx, box: BoxSum): PieceResult | null | undefined {
  const { l, u, sLo, sHi } = box;
  const sumL = sum(l);
  const sumU = u.every((v) => v !== null) ? sum(u as Q[]) : null;
  if ((sHi !== null && (sLo.gt(sHi) || sumL.gt(sHi))) || (sumU !== null && sumU.lt(sLo))) return null;
  const exact = (x: Q[]): PieceResult => {
    const v = othersSurplus(ctx.terms, x);
    return { lo: v, hi: v, x, method: "monotone corner", rounds: 0 };
  };
  if (sumU !== null && (sHi === null || sumU.le(sHi))) return exact(u as Q[]);
  if (sHi !== null && l.length === 1) return exact([sHi]); // one date: the cap itself
  if (sHi !== null) return sumL.eq(sHi) ? exact(l) : undefined;
  return unboundedTail(ctx, box);
}

/** No cap, some u_t = ∞: lo = Σ h_t(u_t) over the finite ones (h ≥ 0 elsewhere); hi walks out. */
function unboundedTail(ctx: Ctx, box: BoxSum): PieceResult {
  const lo = sum(box.u.map((v, t) => (v === null ? Q.ZERO : ctx.terms[t].value(v))));
  const base = [Q.ONE, box.sLo, ...box.l].reduce((m, v) => Q.max(m, v));
  let best: { hi: Q; x: Q[] } | null = null;
  let rounds = 0;
  const budget = ctx.maxRounds ?? DEFAULT_BUDGET.refine;
  while (rounds < budget && (best === null || !closed(ctx, lo, best.hi))) {
    rounds++;
    const far = base.mul(Q.of(2n ** BigInt(16 * rounds)));
    best = better(best, box.u.map((v) => v ?? far), ctx.terms);
  }
  const b = best ?? better(null, box.u.map((v) => v ?? base), ctx.terms);
  return { lo, hi: b.hi, x: b.x, method: "unbounded tail (monotone)", rounds };
}

/** Convex terms, binding cap: one multiplier μ on Σx ≤ cap (header). */
function waterFilling(ctx: Ctx, box: BoxSum): PieceResult {
  const { terms } = ctx;
  const cap = box.sHi as Q;
  const lF = box.l.map((v) => v.toNumber());
  const uF = box.u.map((v) => (v === null ? Infinity : v.toNumber()));
  const { x: xF, mu: muF } = fillF(terms, lF, uF, cap.toNumber());
  const mu = dyadic(muF);
  const x = fixSum(terms, roundInto(xF, box), box, cap);
  const hi = othersSurplus(terms, x);
  let lo: Q | null = null;
  let rounds = 0;
  const budget = ctx.maxRounds ?? DEFAULT_BUDGET.refine;
  while (rounds < budget && (lo === null || !closed(ctx, lo, hi))) {
    const rel = spacing(rounds++);
    // one bound per (shared term, box): the multiplier is common, so equal terms in equal boxes agree
    const memo = new Map<DateTerm, Map<string, Q>>();
    const inner = terms.map((h, t) => {
      let byBox = memo.get(h);
      if (!byBox) memo.set(h, (byBox = new Map()));
      const key = `${box.l[t]}|${box.u[t]}`;
      let v = byBox.get(key);
      // rounded down to a short dyadic: still a lower bound, and the sum over dates stays cheap
      if (v === undefined) byBox.set(key, (v = floorDyadic(innerBound(h, mu, box.l[t] as Q, box.u[t] as Q | null, xF[t] as number, rel) as Q, 80)));
      return v;
    });
    const L = sum(inner).sub(mu.mul(cap));
    lo = lo === null ? L : Q.max(lo, L);
  }
  return { lo: lo ?? Q.ZERO, hi, x, method: "box+sum Lagrangian", rounds };
}

// ───────────────────────────── sum-structured pieces (window) ─────────────────────────────

/** Convex terms, sum-structured rows (header). undefined: Σx is unbounded (left to tangent cuts); null: empty. */
function sumStructured(ctx: Ctx, piece: Piece, st: Structure): PieceResult | null | undefined {
  const { terms, T } = ctx;
  const ones = Array.from({ length: T }, () => Q.ONE);
  const up = solveLP({ sense: "max", c: ones, rows: piece.rows });
  if (up.status === "infeasible") return null;
  if (up.status === "unbounded") return undefined;
  const dn = solveLP({ sense: "min", c: ones, rows: piece.rows });
  if (dn.status !== "optimal") throw new InternalError("linked-min: min Σx not optimal on a bounded nonempty piece");
  const sMin = dn.value, sMax = up.value;

  const { g, fillAt } = searchOverS(terms, st, sMin.toNumber(), sMax.toNumber());
  const S = g.end === "lo" ? sMin : g.end === "hi" ? sMax : Q.min(sMax, Q.max(sMin, dyadic(g.s)));
  const xF = fillAt(S.toNumber()) ?? up.x.map((v) => v.toNumber());

  // exact point: round, clip into box(S), put the sum on S; LP vertices compete
  const box = boxAt(st, T, S);
  let best = better(null, fixSum(terms, roundInto(xF, box), box, S), terms);
  best = better(best, up.x, terms);
  const dual = activeDuals(terms, piece.rows, xF);
  if (inPiece(piece, dual.x)) best = better(best, dual.x, terms); // its LP may have dropped rows

  const yNewton = polishPrices(terms, piece.rows, dual.y.map((v) => v.toNumber()), dual.active).map((v) => dyadic(v));
  let lo: Q | null = null;
  let rounds = 0;
  const budget = ctx.maxRounds ?? DEFAULT_BUDGET.refine;
  while (rounds < budget && (lo === null || !closed(ctx, lo, best.hi))) {
    const rel = spacing(rounds++);
    for (const y of [yNewton, dual.y]) {
      const L = lagrangeBound(terms, piece.rows, y, rel);
      if (L !== null) lo = lo === null ? L.bound : Q.max(lo, L.bound);
    }
  }
  return { lo: lo ?? Q.ZERO, hi: best.hi, x: best.x, method: "sum-structured Lagrangian (LP multipliers)", rounds };
}

/**
 * The float search alone, without a certificate: water-filling at each S, Brent over S ∈ [sMin, sMax]
 * (the range of Σx over the piece, from the caller). What the certified method is guided by; float
 * twins (the regret's float estimate, src/equilibrium/regret-float.ts) use it to show what exactness
 * costs. null when the piece is not sum-structured (then only the certified method applies).
 */
export function floatMinimum(terms: readonly DateTerm[], piece: Piece, sMin: number, sMax: number): { x: number[]; value: number } | null {
  let st = structures.get(piece);
  if (st === undefined) structures.set(piece, (st = structureOf(piece.rows, terms.length)));
  if (st === null || st === "empty") return null;
  const { g, fillAt } = searchOverS(terms, st, sMin, sMax);
  const x = fillAt(g.s);
  return x === null ? null : { x, value: totalF(x.map((v, t) => terms[t].valueF(v))) };
}

/** The float search over S = Σx of a sum-structured piece: φ(S) by water-filling in box(S), Brent over [sMin, sMax]. */
function searchOverS(terms: readonly DateTerm[], st: Structure, sMin: number, sMax: number): { g: ReturnType<typeof brentMinF>; fillAt: (S: number) => number[] | null } {
  const boxF = boxAtF(st, terms.length);
  const fillAt = (S: number) => {
    const { l, u } = boxF(S);
    const slack = 1e-12 * Math.abs(S); // rounding must not shut out an endpoint S_min or S_max
    return totalF(l) > S + slack || totalF(u) < S - slack ? null : fillF(terms, l, u, S).x;
  };
  const phi = (S: number) => {
    const x = fillAt(S);
    return x === null ? Infinity : totalF(x.map((v, t) => terms[t].valueF(v)));
  };
  return { g: brentMinF(phi, sMin, sMax), fillAt };
}

/**
 * Multipliers for lagrangeBound: the exact dual of min ĝ·x, ĝ = h'(x̂) rounded (≤ 0), over the rows
 * active at the float optimum x̂ (all rows if that LP is unbounded). Any such dual is sign-correct,
 * so the bound is valid whatever x̂ is; x̂ only decides how tight.
 */
function activeDuals(terms: readonly DateTerm[], rows: readonly LpRow[], xF: readonly number[]): { y: Q[]; x: Q[]; active: number[] } {
  const c = terms.map((h, t) => dyadic(Math.min(0, h.slopeF(xF[t] as number))));
  const slack = (r: LpRow) => {
    let lhs = 0, scale = Math.abs(r.b.toNumber());
    r.a.forEach((a, t) => {
      const v = a.toNumber() * (xF[t] as number);
      lhs += v;
      scale += Math.abs(v);
    });
    return Math.abs(lhs - r.b.toNumber()) <= 1e-7 * scale + 1e-300;
  };
  const active = rows.flatMap((r, i) => (slack(r) ? [i] : []));
  const r1 = solveLP({ sense: "min", c, rows: active.map((i) => rows[i] as LpRow) });
  if (r1.status === "optimal") {
    const y = rows.map(() => Q.ZERO);
    active.forEach((i, j) => (y[i] = r1.y[j] as Q));
    return { y, x: r1.x, active };
  }
  const r2 = solveLP({ sense: "min", c, rows });
  if (r2.status !== "optimal") throw new InternalError(`linked-min: linearized LP is ${r2.status} on a bounded piece`);
  return { y: r2.y, x: r2.x, active: rows.map((_, i) => i) };
}

// ───────────────────────────── general polytopes: tangent cuts ─────────────────────────────

interface Cut {
  t: number;
  s: Q;
  row: LpRow;
}

/** Convex terms, any piece: Kelley's method with float-placed cuts and Lagrangian bounds (header). */
function tangentCuts(ctx: Ctx, piece: Piece): PieceResult | null {
  const { terms, T } = ctx;
  const m = piece.rows.length;
  const zeros = Array.from({ length: T }, () => Q.ZERO);
  const pieceRows: LpRow[] = piece.rows.map((r) => ({ a: [...r.a, ...zeros], op: r.op, b: r.b }));
  const c = [...zeros, ...zeros.map(() => Q.ONE)];
  // A cut z_t ≥ c + s·x_t near the point p: s ≈ h'(p) rounded to 30 bits, c ≤ min_x (h(x) − s·x) (an
  // exact inner bound, rounded down). Valid for any s; short coefficients keep the exact LP fast
  // (exact tangents at exact points grow the tableau entries to hundreds of bits).
  const cutAt = (t: number, p: number): Cut | null => {
    const h = terms[t] as DateTerm;
    const s = dyadic(Math.min(0, h.slopeF(p)), 30);
    const inner = innerBound(h, s.neg(), Q.ZERO, null, p, 2 ** -30);
    if (inner === null) return null;
    const a = [...zeros, ...zeros];
    a[t] = s.neg();
    a[T + t] = Q.ONE;
    return { t, s, row: { a, op: ">=", b: floorDyadic(inner, 40) } };
  };
  // x ≥ 0 and z ≥ 0 (h ≥ 0) are the LP's default bounds
  let cuts: Cut[] = terms.flatMap((_, t) => cutAt(t, 0) ?? []);
  let best: { hi: Q; x: Q[] } | null = null;
  let lo: Q | null = null;
  let rounds = 0;
  const budget = ctx.maxRounds ?? DEFAULT_BUDGET.cuts;
  while (rounds < budget && (lo === null || best === null || !closed(ctx, lo, best.hi))) {
    const res = solveLP({ sense: "min", c, rows: [...pieceRows, ...cuts.map((k) => k.row)] });
    if (res.status === "infeasible") return null;
    if (res.status === "unbounded") throw new InternalError("linked-min: cut LP unbounded although Σz ≥ 0");
    const x = res.x.slice(0, T);
    best = better(best, x, terms);
    lo = lo === null ? res.value : Q.max(lo, res.value);
    // Weak duality with the LP's piece-row prices and with their Newton-polished version
    const rel = cutSpacing(rounds++);
    const yLp = res.y.slice(0, m);
    const yF = yLp.map((v) => v.toNumber());
    const yNewton = polishPrices(terms, piece.rows, yF, yF.flatMap((v, i) => (v === 0 ? [] : [i]))).map((v) => dyadic(v, 40));
    const bounds = [yNewton, yLp].map((y) => lagrangeBound(terms, piece.rows, y, rel));
    for (const L of bounds) if (L !== null) lo = Q.max(lo, L.bound);
    const guess = (bounds[0] ?? bounds[1])?.guess;
    // Keep the binding cuts (the LP value cannot drop); add cuts at the LP point and at a fan around
    // the inner minimizers of the polished prices, where the optimum should be, so the model is
    // accurate there.
    cuts = cuts.filter((_, j) => !(res.y[m + j] as Q).isZero());
    terms.forEach((_, t) => {
      const g = guess?.[t] ?? (x[t] as Q).toNumber();
      const fan = [0, 1, 16, 256].flatMap((w) => [g * (1 - w * rel), g * (1 + w * rel)]);
      for (const p of [(x[t] as Q).toNumber(), ...fan]) {
        const k = p >= 0 && p < 1e300 ? cutAt(t, p) : null;
        if (k && !cuts.some((o) => o.t === t && o.s.eq(k.s))) cuts.push(k);
      }
    });
  }
  if (best === null || lo === null) throw new InternalError("linked-min: tangent cuts ran no round");
  return { lo, hi: best.hi, x: best.x, method: "tangent cuts", rounds };
}

/**
 * Float Newton on the prices of the rows `act`: solves a_i·x(y) = b_i (i ∈ act), where x_s(y) minimizes
 * h_s(x) − (Aᵀy)_s·x over x ≥ 0, i.e. the optimality conditions if `act` is the optimal active set.
 * LP prices at an approximate gradient are off to first order (Kelley's converge only linearly; the
 * float S search resolves S* only to √ε); these converge fast when the active set is right, and are
 * merely useless otherwise (guidance only: any sign-correct y gives a valid bound).
 */
function polishPrices(terms: readonly DateTerm[], rows: readonly LpRow[], y0: readonly number[], act: readonly number[]): number[] {
  const a = rows.map((r) => r.a.map((v) => v.toNumber()));
  const b = rows.map((r) => r.b.toNumber());
  const signed = (i: number, v: number) => (rows[i].op === "<=" ? Math.min(0, v) : rows[i].op === ">=" ? Math.max(0, v) : v);
  const state = (y: readonly number[]) => {
    const x = terms.map((h, s) => argminF(h, -act.reduce((acc, i) => acc + y[i] * a[i][s], 0), 0, Infinity));
    const r = act.map((i) => a[i].reduce((acc, ai, s) => acc + ai * x[s], 0) - b[i]);
    return { x, r, norm: Math.hypot(...r) };
  };
  let y = y0.slice();
  let cur = state(y);
  for (let it = 0; it < 30 && act.length > 0 && Number.isFinite(cur.norm) && cur.norm > 0; it++) {
    // ∂r_i/∂y_j = Σ_s a_is a_js / h_s''(x_s) over the coordinates off their bound
    const w = cur.x.map((x, s) => (x > 0 ? 1 / Math.max(curvatureF(terms[s], x), 1e-300) : 0));
    const J = act.map((i) => act.map((j) => a[i].reduce((acc, ai, s) => acc + ai * a[j][s] * w[s], 0)));
    const d = solveF(J, cur.r);
    if (d === null) break;
    let step = 1, next = null;
    for (let k = 0; k < 12; k++, step /= 2) {
      const yt = y.slice();
      act.forEach((i, n) => (yt[i] = signed(i, y[i] - step * d[n])));
      const st = state(yt);
      if (st.norm < cur.norm) {
        next = { y: yt, st };
        break;
      }
    }
    if (next === null) break;
    y = next.y;
    cur = next.st;
  }
  return y;
}

/** h''(x) by a central difference of the float slope. */
function curvatureF(h: DateTerm, x: number): number {
  const e = 1e-5 * x;
  return (h.slopeF(x + e) - h.slopeF(x - e)) / (2 * e);
}

/** Gaussian elimination with partial pivoting in floats; null if singular. */
function solveF(J: readonly (readonly number[])[], r: readonly number[]): number[] | null {
  const n = r.length;
  const M = J.map((row, i) => [...row, r[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(M[i][c]) > Math.abs(M[p][c])) p = i;
    if (!(Math.abs(M[p][c]) > 0)) return null;
    [M[c], M[p]] = [M[p], M[c]];
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = M[i][c] / M[c][c];
      for (let j = c; j <= n; j++) M[i][j] -= f * M[c][j];
    }
  }
  const d = M.map((row, i) => row[n] / row[i]);
  return d.every(Number.isFinite) ? d : null;
}

/** Relative spacing of the cut fan and the Lagrangian's tangents in Kelley's round r. */
function cutSpacing(r: number): number {
  return 2 ** -Math.min(12 + 8 * r, 46);
}

// ───────────────────────────── non-convex: branch and bound ─────────────────────────────

interface BbNode {
  a: Q[];
  b: (Q | null)[];
  lb: Q;
}

/**
 * Tightens the box [a, b] by each row alone (exact interval arithmetic: c_t·x_t ≤ r − min of the other
 * terms over the box). false when the box misses the piece.
 */
function propagate(rows: readonly LpRow[], a: Q[], b: (Q | null)[]): boolean {
  for (let pass = 0; pass < 2; pass++) {
    for (const row of rows) {
      const forms: [readonly Q[], Q][] = [];
      if (row.op !== ">=") forms.push([row.a, row.b]);
      if (row.op !== "<=") forms.push([row.a.map((v) => v.neg()), row.b.neg()]);
      for (const [c, r] of forms) {
        // min of c_s·x_s over the box; null = −∞
        const mins = c.map((cs, s) => (cs.sign() > 0 ? cs.mul(a[s] as Q) : cs.sign() < 0 ? (b[s] === null ? null : cs.mul(b[s] as Q)) : Q.ZERO));
        const infinite = mins.filter((v) => v === null).length;
        const finite = sum(mins.filter((v): v is Q => v !== null));
        for (let t = 0; t < c.length; t++) {
          const ct = c[t] as Q;
          if (ct.isZero()) continue;
          const own = mins[t] as Q | null;
          if (own === null ? infinite !== 1 : infinite !== 0) continue;
          const v = r.sub(own === null ? finite : finite.sub(own)).div(ct);
          if (ct.sign() > 0) b[t] = b[t] === null ? v : Q.min(b[t] as Q, v);
          else a[t] = Q.max(a[t] as Q, v);
          if (b[t] !== null && (a[t] as Q).gt(b[t] as Q)) return false;
        }
      }
    }
  }
  return true;
}

/** A node with its monotone bound Σ h_t(b_t) (0 for b_t = ∞, as h ≥ 0); null if it misses the piece. */
function makeNode(ctx: Ctx, rows: readonly LpRow[], a: Q[], b: (Q | null)[]): BbNode | null {
  if (!propagate(rows, a, b)) return null;
  return { a, b, lb: sum(b.map((v, t) => (v === null ? Q.ZERO : ctx.terms[t].value(v)))) };
}

/** Exact LP vertex of box ∩ piece maximizing Σ w_t x_t, w_t ≈ −h_t' (the far frontier); null if empty. */
function frontierPoint(ctx: Ctx, rows: readonly LpRow[], n: BbNode): Q[] | null {
  const w = n.a.map((a, t) => {
    const mid = n.b[t] === null ? a.toNumber() + 1 : (a.toNumber() + (n.b[t] as Q).toNumber()) / 2;
    return dyadic(Math.max(2 ** -20, -ctx.terms[t].slopeF(mid)), 20);
  });
  const r = solveLP({ sense: "max", c: w, rows, lower: n.a, upper: n.b });
  return r.status === "infeasible" ? null : r.x;
}

class MinHeap {
  private readonly items: BbNode[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): BbNode | undefined {
    return this.items[0];
  }
  push(n: BbNode): void {
    const it = this.items;
    it.push(n);
    for (let i = it.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!it[i].lb.lt(it[p].lb)) break;
      [it[i], it[p]] = [it[p], it[i]];
      i = p;
    }
  }
  pop(): BbNode | undefined {
    const it = this.items;
    const top = it[0];
    const last = it.pop();
    if (it.length > 0 && last) {
      it[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < it.length && it[l].lb.lt(it[m].lb)) m = l;
        if (r < it.length && it[r].lb.lt(it[m].lb)) m = r;
        if (m === i) break;
        [it[i], it[m]] = [it[m], it[i]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Best-first branch and bound with the monotone bound (header). Exact global bounds for any T, but the
 * bound is first order in the box width, so only small T (≤ 4) close a tight gap; otherwise the node
 * budget runs out and the answer is "inconclusive" with valid lo ≤ min ≤ hi.
 */
function branchAndBound(ctx: Ctx, piece: Piece): PieceResult | null {
  const { terms, T } = ctx;
  const rows = piece.rows;
  // root box: [0, max x_t] by exact LPs (null when unbounded)
  const b: (Q | null)[] = [];
  for (let t = 0; t < T; t++) {
    const r = solveLP({ sense: "max", c: terms.map((_, s) => (s === t ? Q.ONE : Q.ZERO)), rows });
    if (r.status === "infeasible") return null;
    b.push(r.status === "optimal" ? r.value : null);
  }
  const root = makeNode(ctx, rows, terms.map(() => Q.ZERO), b);
  const first = root && frontierPoint(ctx, rows, root);
  if (!root || !first) throw new InternalError("linked-min: a nonempty piece lost its root box");
  let best = better(null, first, terms);
  const heap = new MinHeap();
  heap.push(root);
  let rounds = 0;
  const budget = ctx.maxRounds ?? DEFAULT_BUDGET.nodes;
  while (heap.size > 0 && rounds < budget && !closed(ctx, (heap.peek() as BbNode).lb, best.hi)) {
    const n = heap.pop() as BbNode;
    rounds++;
    const p = frontierPoint(ctx, rows, n);
    if (p === null) continue; // the box misses the piece (exact LP)
    best = better(best, p, terms);
    if (n.lb.ge(best.hi)) continue;
    // split the coordinate whose monotone bound is loosest (float estimate) at its midpoint
    const gap = n.a.map((a, t) => {
      const bt = n.b[t];
      return bt === null ? terms[t].valueF(a.toNumber()) : bt.eq(a) ? -1 : terms[t].valueF(a.toNumber()) - terms[t].valueF(bt.toNumber());
    });
    const t = gap.indexOf(Math.max(...gap));
    const at = n.a[t] as Q, bt = n.b[t];
    const mid = bt === null ? at.mul(Q.of(2)).add(Q.ONE) : at.add(bt).div(Q.of(2));
    for (const [lo, hi] of [[at, mid], [mid, bt]] as const) {
      const a = n.a.slice(), bb = n.b.slice();
      a[t] = lo;
      bb[t] = hi;
      const child = makeNode(ctx, rows, a, bb);
      if (child && child.lb.lt(best.hi)) heap.push(child);
    }
  }
  const open = heap.peek();
  const lo = open === undefined ? best.hi : Q.min(open.lb, best.hi);
  return { lo, hi: best.hi, x: best.x, method: "branch-and-bound (non-convex)", rounds };
}

// ───────────────────────────── the window set, in closed form ─────────────────────────────

/**
 * zhu2022 Theorem 1's window Ω*ⁿ = {x ≥ 0 : |Σ_{s≠t} x_s/(T − 1) − avg| ≤ w ∀t} with convex terms,
 * without LPs (the general sum-structured path solves LPs with 2T dense rows: seconds at T = 256).
 * With L = (T − 1)(avg − w), U = (T − 1)(avg + w) and S = Σx the rows read S − U ≤ x_t ≤ S − L, so
 *  - every coordinate has the same box [max(0, S − U), S − L] once S is fixed, and S ranges over
 *    [T·max(avg − w, 0), T(avg + w)] (sum the rows; x_t = S/T attains both ends);
 *  - weak duality with a_t ≥ 0 on x_t ≥ S − U and b_t ≥ 0 on x_t ≤ S − L, S = Σx substituted:
 *        min ≥ L·B − U·A + Σ_s min_{x ≥ 0} (h_s(x) + k_s·x),   k_s = (A − B) − a_s + b_s,
 *    A = Σa, B = Σb, for ANY a, b ≥ 0 (each inner minimum bounded below by innerBound).
 * Floats choose S and a, b: the KKT conditions at the float optimum (a_t = h_t' + ν on the active
 * lower bounds, b_t = −h_t' − ν on the active upper ones, stationarity in S: ν = A − B). S = T(avg + w)
 * forces x_t = avg + w for every t and is often optimal (the terms decrease): it is tried first, and
 * S is searched (Brent's method, water-filling inside) only if its multipliers leave a gap. hi is the
 * rounded point moved exactly onto Σx = S. undefined when T < 2 or a term is not convex.
 */
export function windowMinimum(terms: readonly DateTerm[], avg: Q, w: Q, opts: CertifiedMinOptions = {}): MinBounds | undefined {
  const T = terms.length;
  if (T < 2 || !terms.every((h) => h.convex)) return undefined;
  const ctx: Ctx = { terms, T, tol: opts.tol ?? DEFAULT_TOL, maxRounds: opts.maxRounds };
  const Tm1 = Q.of(T - 1);
  const L = Tm1.mul(avg.sub(w)), U = Tm1.mul(avg.add(w));
  const sMin = Q.of(T).mul(Q.max(avg.sub(w), Q.ZERO)), sMax = Q.of(T).mul(avg.add(w));
  const LF = L.toNumber(), UF = U.toNumber();
  const fillAt = (S: number) => {
    const l = new Array<number>(T).fill(Math.max(0, S - UF)), u = new Array<number>(T).fill(S - LF);
    const slack = 1e-12 * Math.abs(S);
    return totalF(l) > S + slack || totalF(u) < S - slack ? null : fillF(terms, l, u, S);
  };
  const top = windowBoundsAt(ctx, sMax, L, U, fillAt);
  if (closed(ctx, top.lo, top.hi)) return windowResult(ctx, top);
  const phi = (S: number) => {
    const r = fillAt(S);
    return r === null ? Infinity : totalF(r.x.map((v, t) => terms[t].valueF(v)));
  };
  const g = brentMinF(phi, sMin.toNumber(), sMax.toNumber());
  const S = g.end === "lo" ? sMin : g.end === "hi" ? sMax : Q.min(sMax, Q.max(sMin, dyadic(g.s)));
  const at = windowBoundsAt(ctx, S, L, U, fillAt);
  const pick = at.hi.le(top.hi) ? at : top;
  return windowResult(ctx, { lo: Q.max(at.lo, top.lo), hi: pick.hi, x: pick.x, rounds: at.rounds + top.rounds });
}

function windowResult(ctx: Ctx, r: { lo: Q; hi: Q; x: Q[]; rounds: number }): MinBounds {
  if (r.lo.gt(r.hi)) throw new InternalError(`windowMinimum: lower bound ${r.lo} exceeds the feasible value ${r.hi}`);
  return { lo: r.lo, hi: r.hi, argmin: r.x, piece: 0, status: closed(ctx, r.lo, r.hi) ? "certified" : "inconclusive", method: "window (closed-form multipliers)", rounds: r.rounds };
}

/** hi at the water-filled point with Σx = S; lo from the KKT multipliers there (windowMinimum). */
function windowBoundsAt(ctx: Ctx, S: Q, L: Q, U: Q, fillAt: (S: number) => { x: number[]; mu: number } | null): { lo: Q; hi: Q; x: Q[]; rounds: number } {
  const { terms, T } = ctx;
  const box: Box = { l: new Array<Q>(T).fill(Q.max(Q.ZERO, S.sub(U))), u: new Array<Q>(T).fill(S.sub(L)) };
  const fill = fillAt(S.toNumber()) ?? { x: new Array<number>(T).fill(S.toNumber() / T), mu: 0 };
  // Points and multipliers need only the precision the tolerance asks for; shorter dyadics keep the
  // exact sums over T dates small (the bounds stay rigorous at any precision).
  const bits = Math.min(52, Math.max(24, Math.ceil(-Math.log2(Math.max(ctx.tol.toNumber(), 2 ** -52))) + 12));
  const x = fixSum(terms, roundInto(fill.x, box, bits), box, S);
  const hi = othersSurplus(terms, x);
  const lF = (box.l[0] as Q).toNumber(), uF = (box.u[0] as Q).toNumber(), eps = 1e-9 * Math.max(1, Math.abs(uF));
  const lower = fill.x.map((v) => lF > 0 && v <= lF + eps);
  const upper = fill.x.map((v, t) => !lower[t] && v >= uF - eps);
  const act = fill.x.flatMap((v, t) => (lower[t] || upper[t] ? [terms[t].slopeF(v)] : []));
  const nu = act.length >= 2 ? totalF(act) / (1 - act.length) : fill.mu;
  const a = fill.x.map((v, t) => dyadic(lower[t] ? Math.max(0, terms[t].slopeF(v) + nu) : 0, Math.min(40, bits)));
  const b = fill.x.map((v, t) => dyadic(upper[t] ? Math.max(0, -terms[t].slopeF(v) - nu) : 0, Math.min(40, bits)));
  const A = sum(a), B = sum(b);
  const k = a.map((at, t) => A.sub(B).sub(at).add(b[t] as Q));
  let lo: Q | null = null;
  let rounds = 0;
  const budget = ctx.maxRounds ?? DEFAULT_BUDGET.refine;
  while (rounds < budget && (lo === null || !closed(ctx, lo, hi))) {
    const rel = spacing(rounds++);
    let bound: Q | null = L.mul(B).sub(U.mul(A));
    // inactive dates share k = A − B, and dates often share their term (dateTerms): one bound per pair
    const memo = new Map<DateTerm, Map<string, Q | null>>();
    for (let t = 0; t < T && bound !== null; t++) {
      const h = terms[t] as DateTerm, kt = k[t] as Q;
      let byK = memo.get(h);
      if (!byK) memo.set(h, (byK = new Map()));
      const key = kt.toString();
      let inner = byK.get(key);
      if (inner === undefined) {
        const exact = innerBound(h, kt, Q.ZERO, null, argminF(h, kt.toNumber(), 0, Infinity), rel);
        // rounded down to a short dyadic: still a lower bound, and the sum keeps a power-of-2 denominator
        inner = exact === null ? null : floorDyadic(exact, 80);
        byK.set(key, inner);
      }
      bound = inner === null ? null : bound.add(inner);
    }
    if (bound !== null) lo = lo === null ? bound : Q.max(lo, bound);
  }
  return { lo: lo ?? Q.ZERO, hi, x, rounds }; // h ≥ 0
}
