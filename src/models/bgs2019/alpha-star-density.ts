/**
 * α*(u) and I_𝒰(u) (eqs. (6), (14)) for densities, certified around a float guess. Every support point
 * u′ₖ = u′(pₖ) ∈ 𝒰 gives φ(x) ≥ xᵀu′ₖ, hence xᵀu − φ(x) ≤ xᵀrₖ with rₖ = u − u′ₖ, for every x. So:
 *  - valueLo = max_k pₖᵀrₖ, the true value at the best cut point (φ(p) = pᵀu′(p), exact);
 *  - valueHi = max_j Σ wₖ rₖⱼ for any weights w ∈ Δ (weak duality for the master LP; w from a float
 *    LP, evaluated exactly), and max_j rₖⱼ for a single cut (at a frontier state u = ∇φ(a) with a cut
 *    at a itself, rₐ = 0 and the bound is exactly 0);
 *  - every maximizer lies in {x ∈ Δ : xᵀrₖ ≥ valueLo ∀k}, and each coordinate's range over it is
 *    bounded by xᵢ ≤ max_j (eᵢ + Σ wₖ rₖ − valueLo·Σwₖ)ⱼ for any w ≥ 0 (again w from a float LP).
 * The cuts are placed where they pay: at the float optimum (on a fine dyadic grid, or at the simplest
 * nearby rational when that has a small denominator, which hits rational frontier normals exactly)
 * and on a small simplex of points around it whose size shrinks until the requested tolerance and
 * width are met; a Kelley step at the master's optimum when the guess was off, and cuts at the
 * enclosure's extreme points where φ is too flat for the stencil. Rows are rounded outward to
 * dyadics (a relaxation, so bounds stay valid) to keep the exact arithmetic small.
 */
import { InternalError } from "../../exact/errors.js";
import { ceilDyadic, Q } from "../../exact/rational.js";
import { floatSimplex, type FloatRow } from "./alpha-star-float-lp.js";
import { commonDenominator, type SupportOracle } from "./alpha-star-support.js";
import { dot } from "../../exact/linalg.js";
import { dyadicPoint, dyadicWeight, inSimplex, snapToSimplex, type AlphaStar } from "./alpha-star-common.js";

interface Cut {
  readonly p: readonly Q[];
  /** r = u − u′(p). */
  readonly r: readonly Q[];
  /** The true value pᵀu − φ(p). */
  readonly g: Q;
}

export interface DensityOptions {
  readonly tolerance: Q;
  readonly width: Q;
  readonly maxCuts: number;
  readonly signOnly: boolean;
}

const log2Floor = (v: number): number => Math.floor(Math.log2(v));

export function densityAlphaStar(u: readonly Q[], O: SupportOracle, guesses: readonly (readonly number[])[], opts: DensityOptions): AlphaStar {
  const n = u.length;
  const cuts: Cut[] = [];
  const seen = new Set<string>();
  let best: Cut | null = null;
  let hi: Q | null = null;
  const add = (p: Q[]): void => {
    if (!inSimplex(p)) throw new InternalError(`α*: a cut point off the simplex (${p.join(", ")})`);
    const key = p.join(",");
    if (seen.has(key) || cuts.length >= opts.maxCuts) return;
    seen.add(key);
    const s = O.exact(p);
    const r = u.map((ui, j) => ui.sub(s[j]!));
    const c: Cut = { p, r, g: dot(p, r) };
    cuts.push(c);
    if (best === null || c.g.gt(best.g)) best = c;
    const fw = r.reduce((a, x) => Q.max(a, x), r[0]!);
    if (hi === null || fw.lt(hi)) hi = fw;
  };
  const tolF = opts.tolerance.toNumber(), widthF = opts.width.toNumber();
  // The stencil's size h: the master's over-estimate near the optimum is O(h²), the enclosure's width O(h).
  const h0 = Math.min(1 / 16, widthF / 4);
  // The center's grid: the single cut there bounds I_𝒰 within O(distance to the optimum) (its gradient
  // is nearly −μe), so a grid well below the tolerance settles the value without a fine stencil.
  const centerBits = Math.min(52, Math.max(20, Math.ceil(Math.log2(1 / Math.max(tolF, 1e-300))) + 6));
  // The guess with the best float value centers the dyadic points; every guess whose simplest nearby
  // rational has a small denominator is cut at that rational (a frontier normal is hit exactly).
  const floatValue = (x: readonly number[]) => O.float(x).reduce((a, si, i) => a + x[i]! * (u[i]!.toNumber() - si), 0);
  const sane = guesses.filter((x) => x.every((xi) => Number.isFinite(xi) && xi >= 0) && x.some((xi) => xi > 0));
  const xf = sane.reduce((a, b) => (floatValue(b) > floatValue(a) ? b : a), u.map(() => 1 / n));
  let exactCenter = false;
  for (const x of sane)
    // Widening: a coordinate along which φ is nearly flat (an agent who rarely wins) is known less precisely.
    for (const e of [10, 9, 8, 7]) {
      const simple = snapToSimplex(x, Q.of(1, 10 ** e));
      if (simple && commonDenominator(simple) <= 1n << 20n) {
        add(simple);
        exactCenter = true;
        break;
      }
    }
  const result = (box: { lo: Q[]; hi: Q[] } | null): AlphaStar => {
    if (best!.g.gt(hi!)) throw new InternalError(`α*: lower bound ${best!.g} above upper bound ${hi}`);
    return {
    // A point with valueLo = valueHi is a certified maximizer (a rational α*, e.g. at a frontier or
    // 45°-line state built from a rational normal): callers can certify it again (kkt.ts), so keep it.
    alpha: box && best!.g.lt(hi!) ? coarsePoint(best!.p, box) : best!.p,
    valueLo: best!.g,
    valueHi: hi!,
    boxLo: box?.lo ?? u.map(() => Q.ZERO),
    boxHi: box?.hi ?? u.map(() => Q.ONE),
      exact: false,
      cuts: cuts.length,
    };
  };
  const signKnown = () => hi!.sign() <= 0 || best!.g.sign() > 0;
  // level: the stencil's size h = h0/4^level around the best point; Kelley steps (a poor float guess)
  // and cuts at the enclosure's extreme points keep it, a model too coarse near the best point refines it.
  for (let level = 0, steps = 0; ; steps++) {
    const h = h0 / 4 ** level;
    const bits = Math.min(52, log2Floor(1 / h) + 8);
    const before = cuts.length;
    if (!exactCenter || level > 0) add(dyadicPoint(xf, Math.max(bits, centerBits)));
    if (opts.signOnly && signKnown()) return result(null);
    const c = best!.p.map((v) => v.toNumber());
    for (let j = 0; j < n; j++) add(dyadicPoint(c.map((ci, i) => (1 - h) * ci + (i === j ? h : 0)), bits));
    const L = best!.g;
    const rows = cuts.map((k) => k.r.map((x) => ceilDyadic(x.sub(L), 52)));
    const m = masterBound(rows, L);
    if (m && m.bound.lt(hi!)) hi = m.bound;
    if (opts.signOnly && signKnown()) return result(null);
    const gapOk = hi!.sub(best!.g).le(opts.tolerance);
    const out = cuts.length >= opts.maxCuts || level > 20 || steps > 4 * opts.maxCuts;
    if (opts.signOnly && (gapOk || out)) return result(null);
    if (!gapOk && !out) {
      // The master's optimum far from the best point: the float guess was off, take a Kelley step there.
      const far = m !== null && m.x.some((xi, i) => Math.abs(xi - c[i]!) > h);
      if (far) add(dyadicPoint(m.x, bits));
      if (!far || cuts.length === before) level++;
      continue;
    }
    const b = enclosure(rows);
    if (out || b.box.hi.every((x, i) => x.sub(b.box.lo[i]!).le(opts.width))) return result(b.box);
    // Cuts where the enclosure is widest (its extreme points), as Kelley would; a finer stencil only
    // while it is coarse next to the width asked (where φ is flat, a tiny stencil bounds nothing).
    for (const x of b.extremes) add(dyadicPoint(x, bits));
    if (h > widthF / 64) level++;
    else if (cuts.length === before) return result(b.box);
  }
}

/**
 * The point of the coarsest dyadic grid that lies in the box (near p, which does): any point of the
 * enclosure is as good a weight vector as another, and the exact allocation and promises built on
 * small denominators are much cheaper (eqs. (9)–(11) multiply CDFs stretched by each αᵢ).
 */
function coarsePoint(p: readonly Q[], box: { lo: readonly Q[]; hi: readonly Q[] }): Q[] {
  const n = p.length;
  let big = 0;
  p.forEach((pi, i) => {
    if (pi.gt(p[big]!)) big = i;
  });
  for (let k = 0; k <= 52; k++) {
    // Every coordinate but the largest at the grid point of its range nearest to p; the largest takes the rest.
    const D = Q.of(2 ** k);
    const x = p.map((pi, i) => {
      if (i === big) return Q.ZERO;
      const lo = box.lo[i]!.mul(D).ceil(), hi = box.hi[i]!.mul(D).floor();
      const near = pi.mul(D).add(Q.HALF).floor();
      return Q.min(hi, Q.max(lo, near)).div(D);
    });
    x[big] = Q.ONE.sub(x.reduce((a, xi) => a.add(xi), Q.ZERO));
    if (x.every((xi, i) => xi.sign() >= 0 && xi.ge(box.lo[i]!) && xi.le(box.hi[i]!))) return x;
  }
  return [...p].slice(0, n);
}

/** The exponent e of a row scale 2^e bringing the row's largest entry near 1. */
const rowExponent = (row: readonly Q[]): number => {
  const m = Math.max(...row.map((x) => Math.abs(x.toNumber())));
  return m > 0 && Number.isFinite(m) ? -log2Floor(m) : 0;
};

const pow2 = (e: number): Q => (e >= 0 ? Q.of(1n << BigInt(e)) : Q.of(1n, 1n << BigInt(-e)));

/**
 * valueHi from the master LP's duals: max_x min_k ĉₖᵀx over Δ with ĉₖ = rₖ − L ≥ (rounded up), solved in
 * floats; its weights w ∈ Δ give the exact bound L + max_j Σ wₖĉₖⱼ.
 */
function masterBound(rows: readonly (readonly Q[])[], L: Q): { bound: Q; x: number[] } | null {
  const n = rows[0]!.length;
  // The rows near the optimum are tiny; scale them all by one power of 2 (the min over k must not change).
  const S = 2 ** Math.min(...rows.map(rowExponent));
  const lp: FloatRow[] = [{ a: [...rows[0]!.map(() => 1), 0, 0], op: "=", b: 1 }];
  for (const r of rows) lp.push({ a: [...r.map((x) => -S * x.toNumber()), 1, -1], op: "<=", b: 0 });
  const sol = floatSimplex({ c: [...rows[0]!.map(() => 0), 1, -1], rows: lp });
  if (!sol) return null;
  const w = sol.y.slice(1).map((y) => dyadicWeight(y));
  const tot = w.reduce((a, b) => a.add(b), Q.ZERO);
  if (tot.isZero()) return null;
  let bound: Q | null = null;
  for (let j = 0; j < n; j++) {
    const v = rows.reduce((a, r, k) => (w[k]!.isZero() ? a : a.add(w[k]!.mul(r[j]!))), Q.ZERO);
    if (bound === null || v.gt(bound)) bound = v;
  }
  return { bound: L.add(bound!.div(tot)), x: sol.x.slice(0, n) };
}

/**
 * The coordinate box of {x ∈ Δ : ĉₖᵀx ≥ 0 ∀k} ⊇ the maximizers, one float LP per coordinate and
 * direction whose duals w ≥ 0 give ±xᵢ ≤ max_j (±eᵢ + Σ wₖĉₖ)ⱼ exactly; and the LPs' optimal points.
 */
function enclosure(rows: readonly (readonly Q[])[]): { box: { lo: Q[]; hi: Q[] }; extremes: number[][] } {
  const n = rows[0]!.length;
  const exps = rows.map(rowExponent);
  // The set may be thin (at a frontier state it is nearly the single maximizer): the float LP gets a
  // little room, which the exact bound, evaluated on the true rows, does not need.
  const lpRows: FloatRow[] = [{ a: rows[0]!.map(() => 1), op: "=", b: 1 }, ...rows.map((r, k) => ({ a: r.map((x) => 2 ** exps[k]! * x.toNumber()), op: ">=" as const, b: -1e-9 }))];
  const lo: Q[] = [], hi: Q[] = [], extremes: number[][] = [];
  for (let i = 0; i < n; i++)
    for (const sg of [1, -1]) {
      const sol = floatSimplex({ c: rows[0]!.map((_, j) => (j === i ? sg : 0)), rows: lpRows });
      let bound = Q.ONE;
      if (sol) {
        extremes.push(sol.x);
        // Multipliers of the scaled ">=" rows are ≤ 0 in the max convention.
        const w = sol.y.slice(1).map((y, k) => dyadicWeight(-y).mul(pow2(exps[k]!)));
        for (let j = 0; j < n; j++) {
          const v = rows.reduce((a, r, k) => (w[k]!.isZero() ? a : a.add(w[k]!.mul(r[j]!))), j === i ? Q.of(sg) : Q.ZERO);
          bound = j === 0 || v.gt(bound) ? v : bound;
        }
      }
      if (sg > 0) hi.push(Q.min(Q.ONE, bound));
      else lo.push(Q.max(Q.ZERO, bound.neg()));
    }
  return { box: { lo, hi }, extremes };
}
