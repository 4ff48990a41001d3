/**
 * bgs2019's operator B_β (eq. (3)) on polytopes (src/equilibrium/bgs2019-b-beta*.ts), against
 * independent paths: sets computed by hand (derivations in the comments), Remark 2.1's mechanism as
 * a witness, 𝒰's first-best bound J^FB, the float oracle on the same LP, the LP without column
 * generation, and every witness mechanism re-checked from the definitions. Fixed seeds.
 */
import { dot } from "../../src/exact/linalg.js";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../src/exact/rational.js";
import { floatSolve, isFeasible, solveLP } from "../../src/lp/index.js";
import { checkFarkas, shapeOf } from "../../src/lp/index.js";
import { bBeta, checkStageMechanism, selfGenerating, type StageTable } from "../../src/equilibrium/bgs2019-b-beta.js";
import { stageLp, withU } from "../../src/equilibrium/bgs2019-b-beta-lp.js";
import { apsIterates, bBetaPolygon } from "../../src/equilibrium/bgs2019-b-beta-polygon.js";
import { mean, type ValueDist } from "../../src/models/bgs2019/distribution.js";
import type { Bgs2019Model } from "../../src/models/bgs2019/json.js";
import { discreteProfiles, perfectInformationSet } from "../../src/models/bgs2019/polytope-pi.js";
import { contains, lowerTriangle, polytopeProblem, scalePolytope, vecKey, type Polytope } from "../../src/models/bgs2019/polytope.js";
import { phi } from "../../src/models/bgs2019/support.js";
import { discreteArb } from "../../src/search/bgs2019.js";

const disc = (...pts: [number, number, number][]): ValueDist => ({ kind: "discrete", points: pts.map(([v, a, b]) => ({ v: q(v), p: q(a, b) })) });
const model = (values: ValueDist[], beta: Q): Bgs2019Model => ({ values, beta, xi: null, F: null, u: null, tieBreak: "as-written", reports: null });
const keys = (P: Polytope) => P.vertices.map(vecKey);
const positive = (ds: ValueDist[]) => ds.every((d) => mean(d).sign() > 0);
const coin = disc([0, 1, 2], [1, 1, 2]);
const halfOrOne: ValueDist = { kind: "discrete", points: [{ v: q(1, 2), p: q(1, 2) }, { v: q(1), p: q(1, 2) }] };

/** Remark 2.1's p^L = u/E[v], w^L = u, as a table over the profiles. */
function remarkTable(m: Bgs2019Model, u: readonly Q[]): StageTable {
  const profiles = discreteProfiles(m.values);
  return { profiles, p: profiles.prob.map(() => u.map((x, i) => x.div(mean(m.values[i]!)))), w: profiles.prob.map(() => [...u]) };
}

describe("B_β on hand-computed instances", () => {
  it("one type per agent: B_β(A) = (1 − β)𝒰 + βA, so B_{1/2}(𝒰/2) = (3/4)𝒰", () => {
    // (IC) is empty with one type each. Promise keeping u = (1 − β)E[v∘p] + βE[w]: E[v∘p] ranges
    // over 𝒰 (every p meeting (FA)), E[w] over A (constant w reach all of A, and A is convex), so
    // B_β(A) = (1 − β)𝒰 + βA; with A = s𝒰, B_β(A) = (1 − β + βs)𝒰 = (3/4)𝒰 at β = s = 1/2.
    // 𝒰 = conv{0, (1, 0), (0, 2)} for the values 1 and 2.
    const m = model([disc([1, 1, 1]), disc([2, 1, 1])], q(1, 2));
    const U = perfectInformationSet(m.values);
    expect(keys(U)).toEqual(["0,0", "1,0", "0,2"]);
    const A = scalePolytope(U, q(1, 2));
    for (const d of [[q(1), q(0)], [q(0), q(1)], [q(1), q(1)], [q(3), q(1)], [q(-1), q(2)], [q(-1), q(-1)]]) {
      const s = bBeta.supportOfBBeta(m, A, d)!;
      expect(s.value.eq(q(3, 4).mul(Q.max(Q.ZERO, Q.max(d[0]!, d[1]!.mul(q(2))))))).toBe(true);
      expect(checkStageMechanism(m, A, s.u, s.mechanism)).toBeNull();
    }
    expect(keys(bBetaPolygon(bBeta, m, A).polygon)).toEqual(["0,0", "3/4,0", "0,3/2"]);
  });

  it("one agent with values {1, 2}: B_β([0, a]) = [0, (1 − β)·3/2 + βa]", () => {
    // The largest u gives the good always (P = 1 at both types) and promises a: (IC) holds with
    // P and W constant; nothing larger keeps (FA) and w ≤ a. The smallest is 0.
    const m = model([disc([1, 1, 2], [2, 1, 2])], q(9, 10));
    const A: Polytope = { dim: 1, vertices: [[q(0)], [q(1, 2)]], facets: [{ normal: [q(1)], rhs: q(1, 2) }, { normal: [q(-1)], rhs: q(0) }] };
    expect(bBeta.supportOfBBeta(m, A, [q(1)])!.value.eq(q(1, 10).mul(q(3, 2)).add(q(9, 20)))).toBe(true);
    expect(bBeta.supportOfBBeta(m, A, [q(-1)])!.value.isZero()).toBe(true);
    expect(bBeta.inBBeta(m, A, [q(3, 5)]).inside).toBe(true);
    expect(bBeta.inBBeta(m, A, [q(3, 5).add(q(1, 1000))]).inside).toBe(false);
  });

  it("two fair coins on {0, 1}: 𝒰 is self-generating, B_β(𝒰) = 𝒰", () => {
    // At a vertex of 𝒰 take its efficient allocation (ties to one agent) and w ≡ u: (PK) holds, a zero
    // type values only promises (equal across reports), and a one type gets P(1) ≥ P(0). So 𝒰 ⊆ B_β(𝒰);
    // B_β(𝒰) ⊆ 𝒰 always (convexity of 𝒰).
    const m = model([coin, coin], q(9, 10));
    const U = perfectInformationSet(m.values);
    const r = selfGenerating(bBeta, m, U);
    expect(r.holds).toBe(true);
    if (r.holds) r.witnesses.forEach((T, k) => expect(checkStageMechanism(m, U, U.vertices[k]!, T)).toBeNull());
    expect(keys(bBetaPolygon(bBeta, m, U).polygon).sort()).toEqual(keys(U).sort());
  });

  it("values 1 against {1/2, 1}: the vertex (1/2, 1/2) of 𝒰 is in no B_β(𝒰)", () => {
    // (1/2, 1/2) is extreme in 𝒰 and u = (1 − β)E[v∘p] + βE[w] with both terms in 𝒰, so E[v∘p] = u and
    // w ≡ u. Then (IC) for agent 1 leaves P₁ constant, = c, and E[v₁p₁] = c·3/4 = 1/2 gives c = 2/3;
    // agent 0 (value 1) needs E[p₀] = 1/2 but (FA) leaves it E[1 − p₁] = 1/3. Infeasible for every β.
    for (const beta of [q(1, 2), q(9, 10), q(99, 100)]) {
      const m = model([disc([1, 1, 1]), halfOrOne], beta);
      const U = perfectInformationSet(m.values);
      expect(keys(U)).toContain("1/2,1/2");
      const r = bBeta.inBBeta(m, U, [q(1, 2), q(1, 2)]);
      expect(r.inside).toBe(false);
      if (!r.inside) expect(() => checkFarkas(r.lp, shapeOf(r.lp), r.farkas)).not.toThrow();
    }
  });
});

const instances = fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.tuple(discreteArb(3), discreteArb(3)) }, { weight: 1, arbitrary: fc.tuple(discreteArb(2), discreteArb(2), discreteArb(2)) }), fc.constantFrom(q(1, 2), q(9, 10), q(99, 100)));

describe("B_β against independent paths", () => {
  it("Remark 2.1: every u ∈ L is in B_β(L) and in B_β(𝒰), and p^L itself is a witness", () => {
    fc.assert(
      fc.property(instances.filter(([ds]) => positive(ds)), fc.array(fc.nat({ max: 4 }), { minLength: 3, maxLength: 3 }), ([ds, beta], wts) => {
        const m = model(ds, beta), L = lowerTriangle(ds);
        const tot = wts.slice(0, ds.length).reduce((a, x) => a + x, 0) + 1;
        const inner = ds.map((d, i) => mean(d).mul(q(wts[i]!, tot)));
        for (const u of [...L.vertices, inner]) {
          expect(checkStageMechanism(m, L, u, remarkTable(m, u))).toBeNull();
          const r = bBeta.inBBeta(m, L, u);
          expect(r.inside).toBe(true);
          if (r.inside) expect(checkStageMechanism(m, L, u, r.mechanism)).toBeNull();
        }
        if (ds.length === 2) expect(bBeta.inBBeta(m, perfectInformationSet(ds), inner).inside).toBe(true);
      }),
      { numRuns: 15, seed: 41 },
    );
  });

  it("past first best: u₁ + u₂ > J^FB is outside B_β(𝒰) ⊆ 𝒰, with a checked Farkas certificate", () => {
    fc.assert(
      fc.property(fc.tuple(discreteArb(3), discreteArb(3)).filter(positive), fc.constantFrom(q(1, 2), q(9, 10)), (ds, beta) => {
        const m = model(ds, beta), U = perfectInformationSet(ds);
        const jfb = phi(ds, [q(1), q(1)]); // J^FB = E[max vᵢ] (7)
        const s = bBeta.supportOfBBeta(m, U, [q(1), q(1)])!;
        expect(s.value.le(jfb)).toBe(true);
        const u = s.u.map((x) => x.add(jfb.sub(s.value)).add(q(1, 1000)));
        const r = bBeta.inBBeta(m, U, u);
        expect(r.inside).toBe(false);
        if (!r.inside) expect(() => checkFarkas(r.lp, shapeOf(r.lp), r.farkas)).not.toThrow();
      }),
      { numRuns: 12, seed: 42 },
    );
  });

  it("supports match the float oracle on the same LP, and the LP without column generation", () => {
    const cases: ValueDist[][] = [[coin, coin], [disc([1, 1, 2], [2, 1, 2]), disc([1, 1, 3], [3, 2, 3])], [disc([1, 1, 3], [2, 1, 3], [4, 1, 3]), disc([0, 1, 4], [3, 3, 4])]];
    for (const ds of cases)
      for (const beta of [q(1, 2), q(9, 10)]) {
        const m = model(ds, beta), U = perfectInformationSet(ds), S = stageLp(m, U);
        for (const d of [[q(1), q(1)], [q(1), q(2)], [q(3), q(1)]]) {
          const c = new Array<Q>(S.columns).fill(Q.ZERO);
          d.forEach((x, i) => (c[S.uCol(i)] = x));
          const exact = bBeta.supportOfBBeta(m, U, d)!;
          const full = solveLP({ sense: "max", c, ...withU(S, null) });
          expect(full.status === "optimal" && full.value.eq(exact.value)).toBe(true);
          const float = floatSolve({ sense: "max", c, ...withU(S, null) }); // terminates on these (checked)
          expect(Math.abs(float.value - exact.value.toNumber())).toBeLessThan(1e-6);
          expect(checkStageMechanism(m, U, exact.u, exact.mechanism)).toBeNull();
          expect(dot(d, exact.u).eq(exact.value)).toBe(true);
        }
        for (const v of scalePolytope(U, q(19, 20)).vertices) expect(bBeta.inBBeta(m, scalePolytope(U, q(19, 20)), v).inside).toBe(isFeasible(withU(stageLp(m, scalePolytope(U, q(19, 20))), v)).feasible);
      }
  });

  it("every witness of supportOfBBeta checks from the definitions, and B_β(𝒰) ⊆ 𝒰", () => {
    fc.assert(
      fc.property(fc.tuple(discreteArb(3), discreteArb(3)).filter(positive), fc.constantFrom(q(1, 2), q(99, 100)), fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })), (ds, beta, [a, b]) => {
        fc.pre(a !== 0 || b !== 0);
        const m = model(ds, beta), U = perfectInformationSet(ds);
        const s = bBeta.supportOfBBeta(m, U, [q(a), q(b)])!;
        expect(checkStageMechanism(m, U, s.u, s.mechanism)).toBeNull();
        expect(contains(U, s.u)).toBe(true);
      }),
      { numRuns: 20, seed: 43 },
    );
  });
});

describe("B_β(A) as a polygon and the APS iterates", () => {
  it("A₀ = 𝒰 ⊇ A₁ ⊇ A₂, each a consistent polygon whose facets B_β attains, welfare bounds nonincreasing", () => {
    const m = model([disc([1, 1, 1]), halfOrOne], q(9, 10));
    const steps = apsIterates(bBeta, m, 2);
    expect(steps).toHaveLength(3);
    for (let j = 1; j < steps.length; j++) {
      const A = steps[j]!.set, prev = steps[j - 1]!.set;
      expect(polytopeProblem(A)).toBeNull();
      for (const v of A.vertices) expect(contains(prev, v)).toBe(true);
      expect(steps[j]!.welfare.le(steps[j - 1]!.welfare)).toBe(true);
      for (const f of A.facets) expect(bBeta.supportOfBBeta(m, prev, f.normal)!.value.eq(f.rhs)).toBe(true);
    }
    // J^FB = 1 (agent 0 always values 1) is kept: giving agent 0 the good always is incentive compatible.
    expect(steps[2]!.welfare.eq(q(1))).toBe(true);
  });
});
