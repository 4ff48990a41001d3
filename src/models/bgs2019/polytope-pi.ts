/**
 * The perfect-information set 𝒰 = {u ≥ 0 : αᵀu ≤ φ(α) ∀α ≥ 0} (§2.3, eqs. (4)–(5)) for discrete
 * values, as an exact polytope. 𝒰 = Σ_v P(v)·conv{0, v₁e₁, …, vₙeₙ} is a Minkowski sum, so φ is
 * piecewise linear in α: on the simplex {α ≥ 0, Σα = 1} it is linear on each cell of the arrangement
 * of the tie hyperplanes αᵢx = αⱼy (x a support point of agent i, y of agent j, both > 0) and the
 * walls αᵢ = 0. Hence:
 *  - frontier vertices: ∇φ inside each open cell (Proposition 2.3's allocation to the largest αᵢvᵢ,
 *    which no tie reaches there); every cell is a polygon (n = 3) or an interval (n = 2) of the
 *    simplex, so it touches an arrangement vertex a, and is reached from a in a direction d between
 *    two consecutive walls through a: the support point at a + εd, i.e. the allocation to the
 *    lexicographically largest (aᵢvᵢ, dᵢvᵢ);
 *  - other vertices: 𝒰 is comprehensive in ℝⁿ₊ (lowering a uᵢ stays inside), so a vertex whose normal
 *    cone misses the orthant has uᵢ = 0 where its normals are negative: a vertex of the face uᵢ = 0,
 *    which is the (n − 1)-agent 𝒰 (recursion; 0 at the bottom);
 *  - facets: the same comprehensiveness leaves only normals −eᵢ (rhs 0) and normals α ≥ 0, which are
 *    rays of the normal fan, i.e. arrangement vertices; a candidate is kept where it is tight on an
 *    (n − 1)-dimensional set of vertices.
 * n ≤ 3 (a segment or a polygon of directions); for more agents the cells of a 3-dimensional
 * arrangement would be needed, so larger n is refused.
 */
import { InputError, InternalError } from "../../exact/errors.js";
import { dot, solve } from "../../exact/linalg.js";
import { Q } from "../../exact/rational.js";
import { mean, type ValueDist } from "./distribution.js";
import { affineDim, angleCompare, dedupe, vecKey, type Facet, type Polytope } from "./polytope.js";

/** Support points per agent and the profile list with probabilities (values independent, §2). */
export interface DiscreteProfiles {
  readonly n: number;
  /** supports[i][a]: agent i's a-th support point, ascending; probs[i][a] its probability. */
  readonly supports: readonly (readonly Q[])[];
  readonly probs: readonly (readonly Q[])[];
  /** Every profile v as indices into the supports, and its probability Πᵢ P(vᵢ). */
  readonly index: readonly (readonly number[])[];
  readonly values: readonly (readonly Q[])[];
  readonly prob: readonly Q[];
}

export function discreteProfiles(ds: readonly ValueDist[], field = "values"): DiscreteProfiles {
  const supports: Q[][] = [], probs: Q[][] = [];
  ds.forEach((d, i) => {
    if (d.kind !== "discrete") throw new InputError(`${field}[${i}]`, "the polytope computations need discrete values (finite supports); this agent has a density");
    supports.push(d.points.map((p) => p.v));
    probs.push(d.points.map((p) => p.p));
  });
  let index: number[][] = [[]];
  for (const s of supports) index = index.flatMap((r) => s.map((_, a) => [...r, a]));
  return {
    n: ds.length,
    supports,
    probs,
    index,
    values: index.map((r) => r.map((a, i) => supports[i]![a]!)),
    prob: index.map((r) => r.reduce((acc, a, i) => acc.mul(probs[i]![a]!), Q.ONE)),
  };
}

/** Walls of the arrangement in α-space, as normals h (hᵀα = 0): ties αᵢx = αⱼy and αᵢ = 0. */
function walls(P: DiscreteProfiles): Q[][] {
  const n = P.n;
  const unit = (i: number, x: Q, j = -1, y = Q.ZERO) => Array.from({ length: n }, (_, k) => (k === i ? x : k === j ? y : Q.ZERO));
  const out: Q[][] = [];
  for (let i = 0; i < n; i++) out.push(unit(i, Q.ONE));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      for (const x of P.supports[i]!)
        for (const y of P.supports[j]!) if (x.sign() > 0 && y.sign() > 0) out.push(unit(i, Q.ONE, j, y.div(x).neg())); // αᵢ − (y/x)αⱼ = 0
  return dedupe(out);
}

/** Points of the closed simplex where n − 1 independent walls meet (the 0-cells of the arrangement). */
function arrangementVertices(n: number, ws: readonly Q[][]): Q[][] {
  const ones = Array.from({ length: n }, () => Q.ONE);
  const rhs = [...Array.from({ length: n - 1 }, () => Q.ZERO), Q.ONE];
  const out: Q[][] = [];
  const pick = (from: number, chosen: Q[][]): void => {
    if (chosen.length === n - 1) {
      const a = solve([...chosen, ones], rhs);
      if (a && a.every((x) => x.sign() >= 0)) out.push(a);
      return;
    }
    for (let k = from; k < ws.length; k++) pick(k + 1, [...chosen, ws[k]!]);
  };
  pick(0, []);
  return dedupe(out);
}

/** Directions d (Σd = 0) from a into each open cell of the simplex that touches a. */
function cellDirections(a: readonly Q[], ws: readonly Q[][]): Q[][] {
  const n = a.length;
  let dirs: Q[][];
  if (n === 2) dirs = [[Q.ONE, Q.MINUS_ONE], [Q.MINUS_ONE, Q.ONE]];
  else {
    // n = 3: each wall through a is a line of the simplex with direction h × (1,1,1); between two
    // consecutive such directions (angle < π) their sum points into a cell.
    const lines = ws.filter((h) => dot(h, a).isZero()).map((h) => [h[1]!.sub(h[2]!), h[2]!.sub(h[0]!), h[0]!.sub(h[1]!)]);
    const rays = dedupe(lines.flatMap((d) => [d, d.map((x) => x.neg())]).map(normalizeRay)).sort((x, y) => angleCompare(x, y));
    if (rays.length < 4) throw new InternalError(`𝒰: arrangement vertex (${vecKey(a)}) lies on fewer than two walls`);
    dirs = rays.map((r, k) => {
      const s = rays[(k + 1) % rays.length]!;
      return r.map((x, i) => x.add(s[i]!));
    });
  }
  // Inside the simplex: where aᵢ = 0 the direction must raise αᵢ.
  return dirs.filter((d) => a.every((x, i) => !x.isZero() || d[i]!.sign() > 0));
}

/** A direction scaled so that its largest |coordinate| is 1 (one key per ray). */
function normalizeRay(d: readonly Q[]): Q[] {
  const m = d.reduce((acc, x) => Q.max(acc, x.abs()), Q.ZERO);
  return d.map((x) => x.div(m));
}

/**
 * The support point at a + εd for small ε > 0: each profile's good to the agent with the
 * lexicographically largest (aᵢvᵢ, dᵢvᵢ) if that beats (0, 0) (keeping it is the point 0 of the
 * profile's simplex). Exact: E[vᵢ·1{i wins}].
 */
export function lexSupportPoint(P: DiscreteProfiles, a: readonly Q[], d: readonly Q[]): Q[] {
  const u = Array.from({ length: P.n }, () => Q.ZERO);
  P.values.forEach((v, r) => {
    let best = -1, b1 = Q.ZERO, b2 = Q.ZERO;
    v.forEach((x, i) => {
      const k1 = a[i]!.mul(x), k2 = d[i]!.mul(x);
      const c = k1.cmp(b1) || k2.cmp(b2);
      if (c > 0) [best, b1, b2] = [i, k1, k2];
      else if (c === 0 && best >= 0 && !x.isZero()) throw new InternalError(`𝒰: a tie at a + εd with a = (${vecKey(a)}), d = (${vecKey(d)})`);
    });
    if (best >= 0) u[best] = u[best]!.add(P.prob[r]!.mul(v[best]!));
  });
  return u;
}

/** Frontier vertices of 𝒰 (∇φ on every open cell of the simplex). */
function frontierVertices(P: DiscreteProfiles, as: readonly Q[][], ws: readonly Q[][]): Q[][] {
  if (P.n === 1) return [[P.values.reduce((acc, v, r) => acc.add(P.prob[r]!.mul(v[0]!)), Q.ZERO)]];
  return as.flatMap((a) => cellDirections(a, ws).map((d) => lexSupportPoint(P, a, d)));
}

/** The ValueDists without agent i. */
const drop = <T>(xs: readonly T[], i: number): T[] => xs.filter((_, j) => j !== i);
const insertZero = (x: readonly Q[], i: number): Q[] => [...x.slice(0, i), Q.ZERO, ...x.slice(i)];

function vertices(ds: readonly ValueDist[]): Q[][] {
  const P = discreteProfiles(ds);
  const n = P.n;
  if (n === 0) return [[]];
  const ws = walls(P);
  const as = n === 1 ? [[Q.ONE]] : arrangementVertices(n, ws);
  const lower = Array.from({ length: n }, (_, i) => vertices(drop(ds, i)).map((x) => insertZero(x, i))).flat();
  return dedupe([...lower, ...frontierVertices(P, as, ws)]);
}

/** Vertices of 𝒰 in ℝ²: counterclockwise from 0 (0 is a vertex and no two others share a ray from it). */
const ccwFromOrigin = (vs: Q[][]): Q[][] => [...vs].sort((x, y) => (x.every((c) => c.isZero()) ? -1 : y.every((c) => c.isZero()) ? 1 : angleCompare(x, y)));

/**
 * 𝒰 for discrete values and n ≤ 3 agents with E[vᵢ] > 0: vertices (counterclockwise from 0 when
 * n = 2) and facets (frontier normals α in the simplex with rhs φ(α), then uᵢ ≥ 0 as −eᵢ, 0).
 */
export function perfectInformationSet(ds: readonly ValueDist[]): Polytope {
  const n = ds.length;
  if (n > 3) throw new InputError("values", `the exact polytope 𝒰 is built for n ≤ 3 agents (its frontier cells are an arrangement of lines in the simplex of weights); got ${n}`);
  if (n < 1) throw new InputError("values", "at least one agent is needed");
  const means = ds.map(mean);
  const zero = means.findIndex((m) => m.sign() <= 0);
  if (zero >= 0) throw new InputError(`values[${zero}]`, `𝒰 is full-dimensional only when every E[vᵢ] > 0 (§2: m̲ > 0); agent ${zero} has mean ${means[zero]}`);
  const P = discreteProfiles(ds);
  const vs = vertices(ds);
  const ws = walls(P);
  const candidates = n === 1 ? [[Q.ONE]] : arrangementVertices(n, ws);
  const facets: Facet[] = [];
  for (const a of candidates) {
    const rhs = vs.reduce((acc, v) => Q.max(acc, dot(a, v)), Q.ZERO);
    if (affineDim(vs.filter((v) => dot(a, v).eq(rhs))) === n - 1) facets.push({ normal: a, rhs });
  }
  for (let i = 0; i < n; i++) facets.push({ normal: Array.from({ length: n }, (_, j) => (j === i ? Q.MINUS_ONE : Q.ZERO)), rhs: Q.ZERO });
  return { dim: n, vertices: n === 2 ? ccwFromOrigin(vs) : vs, facets };
}
