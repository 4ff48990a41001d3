/**
 * The previous α*(u) (eq. (6)), kept as an independent reference for the tests: Kelley's cutting
 * planes with an exact master LP at every step, support points from products of piecewise-polynomial
 * CDFs (src/exact/piecewise.ts), and the maximizer box from exact LPs over the master's optimal face
 * (discrete values) or over the level set (densities). Slow (seconds for four agents with densities),
 * but it shares no code with the shipped path beyond φ, the LP solver and the rationals.
 *
 * Original notes:
 * α*(u) ∈ argmax_{x ≥ 0, ‖x‖₁ = 1} {xᵀu − φ(x)} (eq. (6)) and the signed distance I_𝒰(u), its
 * value (eq. (14)), by Kelley's cutting planes with exact LPs. φ(x) = max_{u′ ∈ 𝒰} xᵀu′, and a
 * maximizer u′ (a point of 𝒰 where the hyperplane with normal x supports it: allocate each profile
 * to the first agent with the largest xᵢvᵢ) is a subgradient, so every cut φ(x) ≥ xᵀu′ is exact at
 * the point where it was taken. The master problem max {xᵀu − t : t ≥ xᵀu′ₖ, x ∈ Δ} over-estimates
 * the objective everywhere, so:
 *  - for discrete values 𝒰 is a polytope with finitely many vertices and the method stops with the
 *    exact optimum; the optimal set is then widened to its exact coordinate box (the master's optimal
 *    face is checked vertex by vertex against the true objective);
 *  - for densities it stops when the gap between the master's value and the best true value is
 *    below a tolerance, and returns a certified enclosure: every maximizer satisfies
 *    xᵀu − max_k xᵀu′ₖ ≥ (best true value), a polytope whose coordinate box is computed exactly.
 */
import { solveLP, type LinearProgram } from "../../../src/lp/index.js";
import { optimizeOverOptimalFace } from "../../../src/lp/index.js";
import { InternalError } from "../../../src/exact/errors.js";
import { Q } from "../../../src/exact/rational.js";
import { simplestBetween } from "../../../src/exact/simplest.js";
import { PiecewisePoly } from "../../../src/exact/piecewise.js";
import { mean, type ValueDist } from "../../../src/models/bgs2019/distribution.js";
import { phi, weightedCdf } from "../../../src/models/bgs2019/support.js";
import type { AlphaStar, AlphaStarOptions } from "../../../src/models/bgs2019/alpha-star.js";

/**
 * u′ᵢ = E[vᵢ·1{i is the first agent with the largest xⱼvⱼ}]: the point of 𝒰 that a deterministic
 * tie-break reaches in direction x (ties of positive probability go to the lowest index).
 */
export function referenceSupportPoint(ds: readonly ValueDist[], x: readonly Q[]): Q[] {
  const F = ds.map((d, j) => weightedCdf(d, x[j]!));
  return ds.map((d, i) => {
    // P(xⱼvⱼ < s) for j < i (they must lose outright), P(xⱼvⱼ ≤ s) for j > i.
    const H = (s: Q): Q => F.reduce((a, Fj, j) => (j === i ? a : a.mul(j < i ? Fj.leftAt(s) : Fj.at(s))), Q.ONE);
    if (d.kind === "discrete") return d.points.reduce((a, pt) => a.add(pt.p.mul(pt.v).mul(H(x[i]!.mul(pt.v)))), Q.ZERO);
    if (x[i]!.isZero()) return mean(d).mul(H(Q.ZERO));
    // A density: xᵢvᵢ has no atoms, so strict and weak comparisons agree almost everywhere.
    const Hp = F.reduce((a, Fj, j) => (j === i ? a : a.mul(Fj)), PiecewisePoly.constant(Q.ONE)).stretch(Q.ONE.div(x[i]!));
    return d.pieces.reduce((a, pc) => a.add(Hp.integrate(pc.from, pc.to, [Q.ZERO, pc.p.div(pc.to.sub(pc.from))])), Q.ZERO);
  });
}

const dot = (a: readonly Q[], b: readonly Q[]): Q => a.reduce((s, x, i) => s.add(x.mul(b[i]!)), Q.ZERO);

/**
 * A point of the simplex near x with denominators 2^bits: every coordinate but the largest rounded
 * down, the largest taking the rest. Densities only: any point gives a valid cut and a valid lower
 * bound, and exact integrals at LP solutions' denominators grow without bound from cut to cut.
 */
function roundToSimplex(x: readonly Q[], bits = 24): Q[] {
  const scale = Q.of(2 ** bits);
  let big = 0;
  x.forEach((xi, i) => {
    if (xi.gt(x[big]!)) big = i;
  });
  const r = x.map((xi, i) => (i === big ? Q.ZERO : xi.mul(scale).floor().div(scale)));
  r[big] = Q.ONE.sub(r.reduce((a, y) => a.add(y), Q.ZERO));
  return r;
}

/** The simplest point of the simplex within eps of x in its first n − 1 coordinates, or null. */
function snapToSimplex(x: readonly Q[], eps: Q): Q[] | null {
  const head = x.slice(0, -1).map((xi) => simplestBetween(Q.max(Q.ZERO, xi.sub(eps)), Q.min(Q.ONE, xi.add(eps))));
  const last = Q.ONE.sub(head.reduce((a, y) => a.add(y), Q.ZERO));
  return last.sign() < 0 ? null : [...head, last];
}

/** The coarsest snap of x (within 2⁻⁸, 2⁻¹², …, 2⁻³²) not in `used` (recorded there), else x rounded. */
function snapFresh(x: readonly Q[], used: Set<string>): Q[] {
  for (let k = 8; k <= 32; k += 4) {
    const s = snapToSimplex(x, Q.of(1, 2 ** k));
    if (s && !used.has(s.join(","))) {
      used.add(s.join(","));
      return s;
    }
  }
  return roundToSimplex(x, 40);
}

/** max {xᵀu − t : Σx = 1, x ≥ 0, t ≥ xᵀu′ₖ}: variables x₀ … x_{n−1}, t. */
function master(u: readonly Q[], cuts: readonly (readonly Q[])[]): LinearProgram {
  const n = u.length;
  return {
    sense: "max",
    c: [...u, Q.MINUS_ONE],
    rows: [{ a: [...u.map(() => Q.ONE), Q.ZERO], op: "=", b: Q.ONE }, ...cuts.map((s) => ({ a: [...s, Q.MINUS_ONE], op: "<=" as const, b: Q.ZERO }))],
    lower: [...u.map(() => Q.ZERO), null],
    upper: Array.from({ length: n + 1 }, () => null),
  };
}

export function referenceAlphaStar(ds: readonly ValueDist[], u: readonly Q[], opts: AlphaStarOptions = {}): AlphaStar {
  const n = ds.length;
  const exactKind = ds.every((d) => d.kind === "discrete");
  const tol = opts.tolerance ?? Q.of(1, 1_000_000);
  const maxCuts = opts.maxCuts ?? 400;
  const unit = (i: number) => Array.from({ length: n }, (_, j) => (j === i ? Q.ONE : Q.ZERO));
  const cuts: Q[][] = ds.map((_, i) => referenceSupportPoint(ds, unit(i)));
  let best: { x: Q[]; value: Q } | null = null;
  const snapped = new Set<string>();
  for (;;) {
    const r = solveLP(master(u, cuts));
    if (r.status !== "optimal") throw new InternalError(`α* master LP is ${r.status}`);
    const x = r.x.slice(0, n), t = r.x[n]!;
    // Densities: cut at the simplest nearby point not cut yet, so cut coordinates keep small
    // denominators (exact LPs over 2^24-denominators crawl) and a state built from a rational normal
    // (the frontier points the search generates), where I_𝒰 = 0, is certified by a cut at that normal.
    const xr = exactKind ? x : snapFresh(x, snapped);
    const f = phi(ds, xr);
    const trueValue = dot(xr, u).sub(f);
    if (best === null || trueValue.gt(best.value)) best = { x: xr, value: trueValue };
    const gap = r.value.sub(best.value);
    if (opts.signOnly && !exactKind) {
      const done = r.value.sign() <= 0 || best.value.sign() > 0 || gap.le(tol) || cuts.length >= maxCuts;
      if (done) return { alpha: best.x, valueLo: best.value, valueHi: r.value, boxLo: u.map(() => Q.ZERO), boxHi: u.map(() => Q.ONE), exact: false, cuts: cuts.length };
    }
    const exactHit = exactKind && f.le(t);
    if (exactHit || (!exactKind && gap.le(tol)) || cuts.length >= maxCuts) {
      const exact = exactHit;
      if (!exact && exactKind) throw new InternalError(`α*: no exact optimum after ${cuts.length} cuts`);
      return finish(ds, u, cuts, best, r.value, exact, opts.width ?? Q.of(1, 1_000_000), maxCuts, snapped);
    }
    cuts.push(referenceSupportPoint(ds, xr));
  }
}

/**
 * The coordinate box of the maximizers. Exact case: the master's optimal face contains the true
 * optimal set; its coordinate extremes are checked against the true objective and cut off when they
 * fall short, until every extreme is a true maximizer (then the boxes coincide). Densities: the box of
 * {x ∈ Δ : xᵀu − xᵀu′ₖ ≥ best true value ∀k}.
 */
/** min or max xᵢ over {x ∈ Δ : xᵀ(u − u′ₖ) ≥ level ∀k}, with the point attaining it. */
function levelExtreme(u: readonly Q[], cuts: readonly (readonly Q[])[], level: Q, i: number, sense: "max" | "min"): { value: Q; x: Q[] } {
  const n = u.length;
  const res = solveLP({
    sense,
    c: u.map((_, j) => (j === i ? Q.ONE : Q.ZERO)),
    rows: [{ a: u.map(() => Q.ONE), op: "=", b: Q.ONE }, ...cuts.map((s) => ({ a: u.map((x, j) => x.sub(s[j]!)), op: ">=" as const, b: level }))],
    lower: u.map(() => Q.ZERO),
    upper: Array.from({ length: n }, () => null),
  });
  if (res.status !== "optimal") throw new InternalError(`α* enclosure LP is ${res.status}`);
  return { value: res.value, x: res.x };
}

function finish(ds: readonly ValueDist[], u: readonly Q[], cuts: Q[][], best0: { x: Q[]; value: Q }, masterValue: Q, exact: boolean, widthTol: Q, maxCuts: number, snapped: Set<string>): AlphaStar {
  let best = best0;
  const n = u.length;
  if (!exact) {
    // The level set {x ∈ Δ : xᵀu − xᵀu′ₖ ≥ best ∀k} contains every maximizer; cuts at its extreme
    // points (where the master over-estimates) shrink it until its box is narrow enough.
    const width = widthTol;
    for (;;) {
      const ext = u.map((_, i) => (["min", "max"] as const).map((sense) => levelExtreme(u, cuts, best.value, i, sense)));
      const lo = ext.map((e) => e[0]!.value), hi = ext.map((e) => e[1]!.value);
      let added = false;
      if (cuts.length < maxCuts && hi.some((h, i) => h.sub(lo[i]!).gt(width)))
        for (const e of ext.flat()) {
          const xr = snapFresh(e.x, snapped);
          const gx = dot(xr, u).sub(phi(ds, xr));
          if (gx.gt(best.value)) best = { x: xr, value: gx };
          cuts.push(referenceSupportPoint(ds, xr));
          added = true;
        }
      if (!added) return { alpha: best.x, valueLo: best.value, valueHi: masterValue, boxLo: lo, boxHi: hi, exact: false, cuts: cuts.length };
    }
  }
  const value = best.value;
  for (;;) {
    const lo: Q[] = [], hi: Q[] = [];
    let added = false;
    for (let i = 0; i < n && !added; i++)
      for (const sense of ["min", "max"] as const) {
        const { value: v, x } = optimizeOverOptimalFace(master(u, cuts), i, sense);
        const xi = x.slice(0, n);
        if (dot(xi, u).sub(phi(ds, xi)).lt(value)) {
          cuts.push(referenceSupportPoint(ds, xi));
          added = true;
          break;
        }
        (sense === "min" ? lo : hi).push(v);
      }
    if (!added) return { alpha: best.x, valueLo: value, valueHi: value, boxLo: lo, boxHi: hi, exact: true, cuts: cuts.length };
  }
}
