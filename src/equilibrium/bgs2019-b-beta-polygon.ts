/**
 * B_β(A) itself for two agents, as an exact polygon read off its support function (supportOfBBeta),
 * and the Abreu–Pearce–Stacchetti iterates A₀ = 𝒰, A_{j+1} = B_β(A_j) from above.
 *
 * The polygon: support points in a few directions, then for each pair of consecutive found points
 * x₁, x₂ (counterclockwise) one query in the outward normal ν of the segment [x₁, x₂]: if
 * max νᵀu over B_β(A) equals νᵀx₁, the segment lies on a supporting line and the boundary between
 * them is that segment; otherwise the query's point is new and splits the pair. When every pair is
 * settled, conv(found points) ⊆ B_β(A) ⊆ ⋂ (settled half-planes) = conv(found points): exact.
 *
 * APS from above: 𝔘_β ⊆ 𝒰 (§2.3) and 𝔘_β = B_β(𝔘_β) (Proposition 2.2), and B_β is monotone, so
 * 𝔘_β ⊆ A_j for every j, and max (u₁ + u₂) over A_j is a certified upper bound on J*_β (Theorem 4.1's
 * middle term). The promised-utility recursion needs no density, so this holds for discrete values too.
 */
import { dot } from "../exact/linalg.js";
import { InputError, InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import type { Bgs2019Model } from "../models/bgs2019/json.js";
import { perfectInformationSet } from "../models/bgs2019/polytope-pi.js";
import { angleCompare, convexHull2D, vecKey, type Polytope } from "../models/bgs2019/polytope.js";
import type { BBetaOperator } from "./bgs2019-b-beta.js";

const MAX_QUERIES = 5000;

interface Found {
  readonly dir: readonly Q[];
  readonly point: readonly Q[];
}

/** x strictly between a and b counterclockwise (a full turn when a = b). */
function between(a: readonly Q[], x: readonly Q[], b: readonly Q[]): boolean {
  const ax = angleCompare(a, x), xb = angleCompare(x, b);
  return angleCompare(a, b) < 0 ? ax < 0 && xb < 0 : ax < 0 || xb < 0;
}

/** B_β(A) for n = 2 as a polygon (vertices counterclockwise), and how many support queries it took. */
export function bBetaPolygon(op: BBetaOperator, m: Bgs2019Model, A: Polytope): { polygon: Polytope; queries: number } {
  if (A.dim !== 2) throw new InputError("A", `bBetaPolygon computes polygons: n = 2 agents only, got ${A.dim}`);
  let queries = 0;
  const query = (dir: readonly Q[]): Found => {
    if (++queries > MAX_QUERIES) throw new InternalError(`B_β(A) polygon: more than ${MAX_QUERIES} support queries`);
    const s = op.supportOfBBeta(m, A, dir);
    if (!s) throw new InputError("A", "B_β(A) is empty (A holds no future promise any stage mechanism can use)");
    return { dir, point: s.u };
  };
  const start = [[Q.ONE, Q.ZERO], [Q.ONE, Q.ONE], [Q.ZERO, Q.ONE], [Q.MINUS_ONE, Q.ZERO], [Q.ZERO, Q.MINUS_ONE]];
  const ring: Found[] = start.map(query);
  const settled = new Set<string>();
  for (let k = 0; k < ring.length; ) {
    const a = ring[k]!, b = ring[(k + 1) % ring.length]!;
    const key = `${vecKey(a.point)}|${vecKey(b.point)}`;
    if (vecKey(a.point) === vecKey(b.point) || settled.has(key)) {
      k++;
      continue;
    }
    const e = [b.point[0]!.sub(a.point[0]!), b.point[1]!.sub(a.point[1]!)];
    const nu = [e[1]!, e[0]!.neg()];
    // ν along a's or b's direction: both points lie on that direction's supporting line, settled.
    if (angleCompare(nu, a.dir) === 0 || angleCompare(nu, b.dir) === 0) {
      settled.add(key);
      k++;
      continue;
    }
    // Else ν lies strictly between them (each point maximizes its own direction): the ring stays sorted.
    if (!between(a.dir, nu, b.dir)) throw new InternalError(`B_β(A) polygon: normal (${vecKey(nu)}) not between (${vecKey(a.dir)}) and (${vecKey(b.dir)})`);
    const f = query(nu);
    if (dot(nu, f.point).eq(dot(nu, a.point))) {
      settled.add(key);
      k++;
    } else ring.splice(k + 1, 0, f);
  }
  return { polygon: convexHull2D(ring.map((f) => f.point)), queries };
}

export interface ApsStep {
  readonly set: Polytope;
  /** max (u₁ + u₂) over the set: an upper bound on J*_β. */
  readonly welfare: Q;
  readonly vertices: number;
  /** The largest denominator among the vertices' coordinates, in bits. */
  readonly denominatorBits: number;
  readonly queries: number;
  readonly ms: number;
}

const denomBits = (P: Polytope): number => P.vertices.flat().reduce((b, x) => Math.max(b, BigInt(x.toString().split("/")[1] ?? "1").toString(2).length), 0);

/** A₀ = 𝒰 and A_{j+1} = B_β(A_j) for j < k (n = 2, discrete values). */
export function apsIterates(op: BBetaOperator, m: Bgs2019Model, k: number): ApsStep[] {
  let A = perfectInformationSet(m.values);
  const step = (set: Polytope, queries: number, ms: number): ApsStep => ({ set, welfare: set.vertices.reduce((b, v) => Q.max(b, v[0]!.add(v[1]!)), Q.ZERO), vertices: set.vertices.length, denominatorBits: denomBits(set), queries, ms });
  const out = [step(A, 0, 0)];
  for (let j = 0; j < k; j++) {
    const t = performance.now();
    const { polygon, queries } = bBetaPolygon(op, m, A);
    A = polygon;
    out.push(step(A, queries, Math.round(performance.now() - t)));
  }
  return out;
}
