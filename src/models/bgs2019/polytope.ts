/**
 * Exact polytopes in ℝⁿ given both ways: vertices (V-representation) and facets αᵀu ≤ φ (H-
 * representation). bgs2019's sets for discrete values are polytopes: the perfect-information set 𝒰
 * (§2.3, eq. (4); built in polytope-pi.ts), its scaled copies F_β𝒰 (§2.4), the lower triangle L
 * (Remark 2.1) and the images B_β(A) of the operator (3) (src/equilibrium/bgs2019-b-beta*.ts).
 * The LP of B_β uses the vertices (w = Σλₖ·vertexₖ keeps it short), membership and certificates the
 * facets, so both are kept and `polytopeProblem` checks that they describe the same set.
 */
import { InputError } from "../../exact/errors.js";
import { dot, rank } from "../../exact/linalg.js";
import { Q } from "../../exact/rational.js";
import { mean, type ValueDist } from "./distribution.js";

/** One facet: normalᵀu ≤ rhs. */
export interface Facet {
  readonly normal: readonly Q[];
  readonly rhs: Q;
}

export interface Polytope {
  readonly dim: number;
  readonly vertices: readonly (readonly Q[])[];
  readonly facets: readonly Facet[];
}

export const vecKey = (x: readonly Q[]): string => x.map(String).join(",");

/** Distinct vectors, first occurrence kept. */
export function dedupe(xs: readonly (readonly Q[])[]): Q[][] {
  const seen = new Set<string>();
  const out: Q[][] = [];
  for (const x of xs) {
    const k = vecKey(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push([...x]);
    }
  }
  return out;
}

/** u ∈ P by the facets (exact). */
export const contains = (P: Polytope, u: readonly Q[]): boolean => P.facets.every((f) => dot(f.normal, u).le(f.rhs));

/** The first facet u violates, with its excess normalᵀu − rhs > 0, or null when u ∈ P. */
export function violatedFacet(P: Polytope, u: readonly Q[]): { facet: Facet; excess: Q } | null {
  for (const f of P.facets) {
    const excess = dot(f.normal, u).sub(f.rhs);
    if (excess.sign() > 0) return { facet: f, excess };
  }
  return null;
}

/** s·P for s > 0 (F_β𝒰 of §2.4 is s = F_β): vertices scale, normals stay, right-hand sides scale. */
export function scalePolytope(P: Polytope, s: Q): Polytope {
  if (s.sign() <= 0) throw new InputError("scale", `a scaled set s·A needs s > 0, got ${s}`);
  return { dim: P.dim, vertices: P.vertices.map((v) => v.map((x) => x.mul(s))), facets: P.facets.map((f) => ({ normal: f.normal, rhs: f.rhs.mul(s) })) };
}

/** Affine dimension of a finite point set (−1 when empty). */
export function affineDim(points: readonly (readonly Q[])[]): number {
  if (points.length === 0) return -1;
  const o = points[0]!;
  return rank(points.slice(1).map((p) => p.map((x, i) => x.sub(o[i]!))));
}

/**
 * Why the two representations disagree, or null: every vertex satisfies every facet, each facet is
 * tight at vertices spanning a face of dimension n − 1 (so at ≥ n of them), and each vertex is tight
 * at facets whose normals span ℝⁿ (so it is a vertex of the H-polytope).
 */
export function polytopeProblem(P: Polytope): string | null {
  const n = P.dim;
  for (const [k, v] of P.vertices.entries()) {
    const bad = violatedFacet(P, v);
    if (bad) return `vertex ${k} (${vecKey(v)}) violates the facet (${vecKey(bad.facet.normal)})ᵀu ≤ ${bad.facet.rhs} by ${bad.excess}`;
  }
  for (const f of P.facets) {
    const tight = P.vertices.filter((v) => dot(f.normal, v).eq(f.rhs));
    if (affineDim(tight) !== n - 1) return `facet (${vecKey(f.normal)})ᵀu ≤ ${f.rhs} is tight at ${tight.length} vertices spanning dimension ${affineDim(tight)}, not ${n - 1}`;
  }
  for (const v of P.vertices) {
    const normals = P.facets.filter((f) => dot(f.normal, v).eq(f.rhs)).map((f) => f.normal);
    if (rank(normals) !== n) return `(${vecKey(v)}) lies on facets whose normals span dimension ${rank(normals)} only: not a vertex`;
  }
  return null;
}

/**
 * Remark 2.1's lower triangle L = {u ≥ 0 : Σᵢ uᵢ/E[vᵢ] ≤ 1}: vertices 0 and E[vᵢ]eᵢ, facets uᵢ ≥ 0
 * and Σᵢ uᵢ/E[vᵢ] ≤ 1 (needs every E[vᵢ] > 0, §2's m̲ > 0).
 */
export function lowerTriangle(values: readonly ValueDist[]): Polytope {
  const n = values.length;
  const means = values.map(mean);
  const zero = means.findIndex((m) => m.sign() <= 0);
  if (zero >= 0) throw new InputError(`values[${zero}]`, `L = {u ≥ 0 : Σuᵢ/E[vᵢ] ≤ 1} needs E[vᵢ] > 0 (§2: m̲ > 0); agent ${zero} has mean ${means[zero]}`);
  const unit = (i: number, x: Q): Q[] => means.map((_, j) => (j === i ? x : Q.ZERO));
  return {
    dim: n,
    vertices: [means.map(() => Q.ZERO), ...means.map((m, i) => unit(i, m))],
    facets: [{ normal: means.map((m) => m.inv()), rhs: Q.ONE }, ...means.map((_, i) => ({ normal: unit(i, Q.MINUS_ONE), rhs: Q.ZERO }))],
  };
}

/** Sign of the cross product a × b of plane vectors. */
const cross = (a: readonly Q[], b: readonly Q[]): number => a[0]!.mul(b[1]!).sub(a[1]!.mul(b[0]!)).sign();

/** Exact angular order of nonzero plane vectors, starting at the positive x-axis, counterclockwise. */
export function angleCompare(a: readonly Q[], b: readonly Q[]): number {
  const half = (v: readonly Q[]) => (v[1]!.sign() > 0 || (v[1]!.isZero() && v[0]!.sign() > 0) ? 0 : 1);
  const ha = half(a), hb = half(b);
  return ha !== hb ? ha - hb : -cross(a, b);
}

/**
 * The convex hull of finitely many points of ℝ² as a polytope (Andrew's monotone chain, exact):
 * vertices counterclockwise from the lowest-then-leftmost one, collinear points dropped, one facet
 * per edge (outward normal (e_y, −e_x) of the edge vector e). Needs a hull of dimension 2.
 */
export function convexHull2D(points: readonly (readonly Q[])[]): Polytope {
  const pts = dedupe(points).sort((a, b) => a[0]!.cmp(b[0]!) || a[1]!.cmp(b[1]!));
  if (affineDim(pts) < 2) throw new InputError("points", `a polygon needs 3 points not on one line; got ${pts.length} spanning dimension ${affineDim(pts)}`);
  const turn = (o: readonly Q[], a: readonly Q[], b: readonly Q[]) => cross([a[0]!.sub(o[0]!), a[1]!.sub(o[1]!)], [b[0]!.sub(o[0]!), b[1]!.sub(o[1]!)]);
  const chain = (seq: Q[][]): Q[][] => {
    const h: Q[][] = [];
    for (const p of seq) {
      while (h.length >= 2 && turn(h[h.length - 2]!, h[h.length - 1]!, p) <= 0) h.pop();
      h.push(p);
    }
    return h;
  };
  const lower = chain(pts), upper = chain([...pts].reverse());
  const ring = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return polygonFromRing(ring);
}

/** A polygon from its vertices in counterclockwise order (strictly convex: no three collinear). */
export function polygonFromRing(ring: readonly (readonly Q[])[]): Polytope {
  const facets = ring.map((a, k) => {
    const b = ring[(k + 1) % ring.length]!;
    const normal = [b[1]!.sub(a[1]!), a[0]!.sub(b[0]!)];
    return { normal, rhs: dot(normal, a) };
  });
  return { dim: 2, vertices: ring.map((v) => [...v]), facets };
}
