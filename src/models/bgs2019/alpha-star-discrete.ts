/**
 * α*(u) (eq. (6)) exactly for discrete values, where 𝒰 is a polytope and x ↦ xᵀu − φ(x) is concave
 * and piecewise linear. Kelley's cutting planes run first in doubles (cheap cuts, a float master LP);
 * the cuts the float master leans on are then recomputed exactly at rational points near them, and
 * the exact master (max {uᵀx − t : Σx = 1, t ≥ xᵀu′ₖ}) is solved by re-solving the float basis in
 * rationals (the exact simplex when that check fails). Exact Kelley steps follow until the master's
 * value (an upper bound on I_𝒰(u)) meets the true value at one of the cut points; the master's dual
 * weights then give the exact box of all maximizers (alpha-star-cells.ts).
 */
import { InternalError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import { solveLP } from "../../lp/index.js";
import { top, type ValueDist } from "./distribution.js";
import { certifyBasis, floatSimplex, toFloatLp, type ExactLp } from "./alpha-star-float-lp.js";
import { maximizerBox } from "./alpha-star-cells.js";
import type { SupportOracle } from "./alpha-star-support.js";
import { dot } from "../../exact/linalg.js";
import { dyadicPoint, inSimplex, snapToSimplex, unitVector, type AlphaStar } from "./alpha-star-common.js";

/** max uᵀx − t over Σx = 1, u′ₖᵀx − t ≤ 0: variables x₀ … x_{n−1}, t ≥ 0 (t ≥ u′ₖᵀx ≥ 0 anyway). */
export function masterLp(u: readonly Q[], cuts: readonly (readonly Q[])[]): ExactLp {
  return {
    c: [...u, Q.MINUS_ONE],
    rows: [{ a: [...u.map(() => Q.ONE), Q.ZERO], op: "=", b: Q.ONE }, ...cuts.map((s) => ({ a: [...s, Q.MINUS_ONE], op: "<=" as const, b: Q.ZERO }))],
  };
}

/** The exact optimum of the master LP with its duals: a float basis certified, else the exact simplex. */
export function solveMaster(lp: ExactLp): { x: Q[]; y: Q[]; value: Q } {
  const fl = floatSimplex(toFloatLp(lp));
  const cert = fl && certifyBasis(lp, fl.basis);
  if (cert) return cert;
  const r = solveLP({ sense: "max", c: lp.c, rows: lp.rows });
  if (r.status !== "optimal") throw new InternalError(`α* master LP is ${r.status}`);
  return { x: r.x, y: r.y, value: r.value };
}

/** Kelley in doubles: the points of the cuts the final float master leans on, and its optimum (last). */
export function floatKelley(O: SupportOracle, u: readonly number[], maxIter: number): number[][] {
  const n = u.length;
  const pts: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const cuts = pts.map((p) => O.float(p));
  for (let it = 0; it < maxIter; it++) {
    const sol = floatSimplex({ c: [...u, -1], rows: [{ a: [...u.map(() => 1), 0], op: "=", b: 1 }, ...cuts.map((s) => ({ a: [...s, -1], op: "<=" as const, b: 0 }))] });
    if (!sol) break;
    const x = sol.x.slice(0, n), sx = O.float(x);
    const g = x.reduce((a, xi, i) => a + xi * (u[i]! - sx[i]!), 0);
    const done = sol.value - g <= 1e-12 * (1 + Math.abs(sol.value)) || pts.some((p) => p.every((pi, i) => Math.abs(pi - x[i]!) < 1e-14));
    if (done) return [...pts.filter((_, k) => sol.y[k + 1]! > 1e-12), x];
    pts.push(x);
    cuts.push(sx);
  }
  return pts;
}

export function discreteAlphaStar(ds: readonly ValueDist[], u: readonly Q[], O: SupportOracle, maxCuts: number): AlphaStar {
  const n = ds.length;
  const points: Q[][] = [], cuts: Q[][] = [];
  const seen = new Set<string>();
  let best: { x: Q[]; value: Q } | null = null;
  const add = (p: Q[], s: Q[] = O.exact(p)) => {
    if (!inSimplex(p)) throw new InternalError(`α*: a cut point off the simplex (${p.join(", ")})`);
    const key = p.join(",");
    if (seen.has(key)) return false;
    seen.add(key);
    points.push(p);
    cuts.push(s);
    // The true value at p: φ(p) = pᵀu′(p).
    const value = dot(p, u).sub(dot(p, s));
    // Ties go to the point with fewer bits: the weights of the allocation callers build.
    const size = (x: readonly Q[]) => x.reduce((a, xi) => a + xi.bitSize(), 0);
    if (best === null || value.gt(best.value) || (value.eq(best.value) && size(p) < size(best.x))) best = { x: p, value };
    return true;
  };
  for (let i = 0; i < n; i++) add(unitVector(n, i));
  // The float search's cuts, recomputed exactly at (the dyadic rationals next to) the points it took
  // them at: the same allocations unless a comparison was a float near-tie. Its optimum is an
  // arrangement vertex with a small denominator, which the simplest nearby rational hits.
  const found = floatKelley(O, u.map((v) => v.toNumber()), maxCuts);
  for (const p of found) add(dyadicPoint(p, 52));
  const vertex = snapToSimplex(found.at(-1)!, Q.of(1, 1e9));
  if (vertex) add(vertex);
  for (;;) {
    // The master over-estimates everywhere; once it meets a true value, that value is I_𝒰(u)
    // (the master's own optimum may sit elsewhere on a flat optimal face).
    const m = solveMaster(masterLp(u, cuts));
    if (m.value.le(best!.value)) return finish(ds, u, points, cuts, best!.x, m);
    const x = m.x.slice(0, n);
    if (cuts.length >= maxCuts || !add(x)) throw new InternalError(`α*: no exact optimum after ${cuts.length} cuts`);
  }
}

/** The certified optimum x of the master (φ(x) = t), its value and the exact box of all maximizers. */
function finish(ds: readonly ValueDist[], u: readonly Q[], points: readonly Q[][], cuts: readonly Q[][], x: Q[], m: { y: Q[]; value: Q }): AlphaStar {
  const w = m.y.slice(1);
  // Σw ≤ 1 (the dual row of t ≥ 0); the rest is weight on the null allocation 0 ∈ 𝒰, whose
  // equality case φ(x) = 0 puts x on agents who value the good at 0 almost surely.
  const nullWeight = w.reduce((a, b) => a.sub(b), Q.ONE).sign() > 0;
  const z = u.map((uj, j) => w.reduce((a, wk, k) => a.sub(wk.mul(cuts[k]![j]!)), uj));
  const inJ = z.map((zj, j) => zj.eq(m.value) && !(nullWeight && top(ds[j]!).sign() > 0));
  const box = maximizerBox(ds, points.filter((_, k) => w[k]!.sign() > 0), inJ);
  return { alpha: x, valueLo: m.value, valueHi: m.value, boxLo: box.lo, boxHi: box.hi, exact: true, cuts: cuts.length };
}
