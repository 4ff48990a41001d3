/**
 * The exact polytopes of bgs2019 for discrete values (src/models/bgs2019/polytope*.ts): 𝒰 by the
 * arrangement of tie hyperplanes, against independent paths — the support function φ of support.ts
 * (5) in every direction, and membership by the signed distance I_𝒰 (alphaStar, via inScaledSet) on
 * grids; the hand-derived 𝒰 of two fair coins; L, scaling and the planar hull. Fixed seeds.
 */
import { dot } from "../../../src/exact/linalg.js";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/exact/errors.js";
import { Q, q } from "../../../src/exact/rational.js";
import { solveLP } from "../../../src/lp/index.js";
import { inScaledSet } from "../../../src/mechanisms/bgs2019/region.js";
import { mean, type ValueDist } from "../../../src/models/bgs2019/distribution.js";
import { perfectInformationSet } from "../../../src/models/bgs2019/polytope-pi.js";
import { contains, convexHull2D, lowerTriangle, polytopeProblem, scalePolytope, vecKey, type Polytope } from "../../../src/models/bgs2019/polytope.js";
import { phi } from "../../../src/models/bgs2019/support.js";
import { discreteArb } from "../../../src/search/bgs2019.js";

const disc = (...pts: [number, number, number][]): ValueDist => ({ kind: "discrete", points: pts.map(([v, a, b]) => ({ v: q(v), p: q(a, b) })) });
const support = (d: ValueDist): Q[] => (d.kind === "discrete" ? d.points.map((x) => x.v) : []);
const keys = (P: Polytope) => P.vertices.map(vecKey);
const positive = (ds: ValueDist[]) => ds.every((d) => mean(d).sign() > 0);

/** max αᵀu over the H-polytope, by an exact LP over its facets alone. */
function hSupport(P: Polytope, alpha: readonly Q[]): Q {
  const r = solveLP({ sense: "max", c: alpha, rows: P.facets.map((f) => ({ a: f.normal, op: "<=" as const, b: f.rhs })), lower: alpha.map(() => null) });
  if (r.status !== "optimal") throw new Error(`H-support ${r.status}`);
  return r.value;
}

/** Directions α ≥ 0, α ≠ 0, on a grid of sixths. */
const alphas = (n: number): Q[][] => {
  let out: number[][] = [[]];
  for (let i = 0; i < n; i++) out = out.flatMap((a) => [0, 1, 2, 3, 5, 6].map((x) => [...a, x]));
  return out.filter((a) => a.some((x) => x > 0)).map((a) => a.map((x) => q(x, 6)));
};

/** Both representations give φ(α) = E[maxᵢ αᵢvᵢ] (support.ts) in every direction α ≥ 0. */
function expectSupportMatches(ds: ValueDist[], P: Polytope): void {
  for (const a of alphas(ds.length)) {
    const f = phi(ds, a);
    expect(P.vertices.reduce((m, v) => Q.max(m, dot(a, v)), Q.ZERO).eq(f), `V at α = (${vecKey(a)})`).toBe(true);
    expect(hSupport(P, a).eq(f), `H at α = (${vecKey(a)})`).toBe(true);
  }
}

/** Membership by facets against I_𝒰(u) ≤ 0 (alphaStar, exact for discrete values) on a grid and just outside each vertex. */
function expectMembershipMatches(ds: ValueDist[], P: Polytope, steps: number): void {
  const tops = ds.map((d) => mean(d));
  let grid: Q[][] = [[]];
  for (const t of tops) grid = grid.flatMap((g) => Array.from({ length: steps + 1 }, (_, k) => [...g, t.mul(q(k, steps))]));
  const out = P.vertices.filter((v) => v.some((x) => x.sign() > 0)).map((v) => v.map((x) => x.mul(q(101, 100))));
  for (const u of [...grid, ...P.vertices, ...out]) {
    const m = inScaledSet(ds, u, Q.ONE);
    expect(m.inside, `I_𝒰 undecided at (${vecKey(u)})`).not.toBeNull();
    expect(contains(P, u), `membership of (${vecKey(u)})`).toBe(m.inside);
  }
}

describe("𝒰 for two agents", () => {
  it("two fair coins on {0, 1}: the hand-derived pentagon", () => {
    // φ(α) = E[max(α₀v₀, α₁v₁)] = ¼max(α₀, α₁) + ¼α₀ + ¼α₁: a kink only at α ∝ (1, 1) (the tie
    // 1·α₀ = 1·α₁). Cells α₀ > α₁: agent 0 wins whenever v₀ = 1, agent 1 only at (0, 1): ∇φ = (½, ¼);
    // mirrored (¼, ½). Axis points E[vᵢ]eᵢ = ½eᵢ and 0. Facets: (½, ½)ᵀu ≤ φ(½, ½) = 3/8, u₀ ≤ ½
    // (α = e₀: φ = E[v₀]), u₁ ≤ ½, u ≥ 0.
    const U = perfectInformationSet([disc([0, 1, 2], [1, 1, 2]), disc([0, 1, 2], [1, 1, 2])]);
    expect(keys(U)).toEqual(["0,0", "1/2,0", "1/2,1/4", "1/4,1/2", "0,1/2"]);
    expect(U.facets.map((f) => `${vecKey(f.normal)}≤${f.rhs}`).sort()).toEqual(["-1,0≤0", "0,-1≤0", "0,1≤1/2", "1,0≤1/2", "1/2,1/2≤3/8"].sort());
    expect(polytopeProblem(U)).toBeNull();
  });

  it("frontier facet normals sit at the tie breakpoints α ∝ (y, x)", () => {
    const ds = [disc([1, 1, 3], [2, 1, 3], [4, 1, 3]), disc([0, 1, 4], [3, 3, 4])];
    const U = perfectInformationSet(ds);
    const ties = new Set(support(ds[0]!).flatMap((x) => support(ds[1]!).filter((y) => y.sign() > 0).map((y) => vecKey([y.div(x.add(y)), x.div(x.add(y))]))));
    for (const f of U.facets.filter((f) => f.normal.every((x) => x.sign() > 0))) expect(ties.has(vecKey(f.normal))).toBe(true);
    expect(polytopeProblem(U)).toBeNull();
    expectMembershipMatches(ds, U, 6);
  });

  it("random supports: consistent representations, φ in every direction, membership as I_𝒰", () => {
    fc.assert(
      fc.property(fc.tuple(discreteArb(4), discreteArb(4)).filter(positive), (ds) => {
        const U = perfectInformationSet(ds);
        expect(polytopeProblem(U)).toBeNull();
        expectSupportMatches(ds, U);
        expectMembershipMatches(ds, U, 3);
      }),
      { numRuns: 25, seed: 31 },
    );
  });
});

describe("𝒰 for one and three agents", () => {
  it("one agent: the segment [0, E[v]]", () => {
    const U = perfectInformationSet([disc([1, 1, 2], [3, 1, 2])]);
    expect(keys(U).sort()).toEqual(["0", "2"]);
    expect(polytopeProblem(U)).toBeNull();
  });

  it("three agents: consistent, φ in every direction, membership as I_𝒰", () => {
    fc.assert(
      fc.property(fc.tuple(discreteArb(2), discreteArb(2), discreteArb(2)).filter(positive), (ds) => {
        const U = perfectInformationSet(ds);
        expect(polytopeProblem(U)).toBeNull();
        expectSupportMatches(ds, U);
        expectMembershipMatches(ds, U, 2);
      }),
      { numRuns: 6, seed: 32 },
    );
  });

  it("refuses four agents, densities and a zero mean, naming the rule", () => {
    const d = disc([1, 1, 1]);
    expect(() => perfectInformationSet([d, d, d, d])).toThrow(InputError);
    expect(() => perfectInformationSet([d, { kind: "density", pieces: [{ from: q(0), to: q(1), p: q(1) }] }])).toThrow(/discrete values/);
    expect(() => perfectInformationSet([d, disc([0, 1, 1])])).toThrow(/E\[vᵢ\] > 0/);
  });
});

describe("polytope helpers", () => {
  const ds = [disc([1, 1, 2], [2, 1, 2]), disc([1, 1, 3], [3, 2, 3])];

  it("s·𝒰 scales vertices and right-hand sides: u ∈ 𝒰 ⟺ su ∈ s𝒰, and I_{s𝒰} as inScaledSet", () => {
    const U = perfectInformationSet(ds), s = q(3, 4), A = scalePolytope(U, s);
    expect(polytopeProblem(A)).toBeNull();
    for (const v of U.vertices) for (const t of [q(1), q(101, 100), q(1, 2)]) {
      const u = v.map((x) => x.mul(t));
      expect(contains(A, u.map((x) => x.mul(s)))).toBe(contains(U, u));
      expect(inScaledSet(ds, u.map((x) => x.mul(s)), s).inside).toBe(contains(U, u));
    }
    expect(() => scalePolytope(U, q(0))).toThrow(InputError);
  });

  it("the lower triangle L of Remark 2.1", () => {
    const L = lowerTriangle(ds);
    expect(keys(L)).toEqual(["0,0", "3/2,0", "0,7/3"]);
    expect(polytopeProblem(L)).toBeNull();
    expect(contains(L, [q(3, 4), q(7, 6)])).toBe(true);
    expect(contains(L, [q(3, 4), q(7, 5)])).toBe(false);
    expect(() => lowerTriangle([ds[0]!, disc([0, 1, 1])])).toThrow(InputError);
  });

  it("the planar hull drops interior and collinear points, counterclockwise", () => {
    const pts = [[0, 0], [2, 0], [1, 0], [2, 2], [0, 2], [1, 1], [0, 1]].map((p) => p.map((x) => q(x)));
    const H = convexHull2D(pts);
    expect(keys(H)).toEqual(["0,0", "2,0", "2,2", "0,2"]);
    expect(polytopeProblem(H)).toBeNull();
    expect(() => convexHull2D([[q(0), q(0)], [q(1), q(1)], [q(2), q(2)]])).toThrow(InputError);
  });
});
