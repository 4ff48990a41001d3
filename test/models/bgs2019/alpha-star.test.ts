/** α*(u) and I_𝒰(u) (src/models/bgs2019/alpha-star.ts) against independent paths. */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../../src/exact/rational.js";
import { alphaStar, supportPoint } from "../../../src/models/bgs2019/alpha-star.js";
import type { ValueDist } from "../../../src/models/bgs2019/distribution.js";
import { partialRight, phi } from "../../../src/models/bgs2019/support.js";
import { discreteArb } from "../../../src/search/bgs2019.js";

const g = (ds: readonly ValueDist[], u: readonly Q[], x: readonly Q[]) => x.reduce((a, xi, i) => a.add(xi.mul(u[i]!)), Q.ZERO).sub(phi(ds, x));

/**
 * Brute force for two agents with discrete values: x ↦ xᵀu − φ(x) on the segment x = (a, 1 − a) is concave and
 * piecewise linear with kinks where a·v = (1 − a)·w for support points v, w, i.e. a = w/(v + w). Its maximum is
 * at a kink or an end, and the maximizers form the segment between the first and last kink that attain it.
 */
function brute2(ds: readonly ValueDist[], u: readonly Q[]): { value: Q; lo: Q; hi: Q } {
  const pts = (d: ValueDist) => (d.kind === "discrete" ? d.points.map((p) => p.v) : []);
  const cands = [Q.ZERO, Q.ONE];
  for (const v of pts(ds[0]!)) for (const w of pts(ds[1]!)) if (!v.add(w).isZero()) cands.push(w.div(v.add(w)));
  let value: Q | null = null, lo = Q.ONE, hi = Q.ZERO;
  for (const a of cands) {
    const y = g(ds, u, [a, Q.ONE.sub(a)]);
    if (value === null || y.gt(value)) [value, lo, hi] = [y, a, a];
    else if (y.eq(value)) [lo, hi] = [Q.min(lo, a), Q.max(hi, a)];
  }
  return { value: value!, lo, hi };
}

const uArb = (n: number) => fc.array(fc.nat({ max: 8 }), { minLength: n, maxLength: n }).map((xs) => xs.map((x) => Q.of(x, 4)));

describe("α*(u) by cutting planes", () => {
  it("two agents, discrete values: the exact optimum and the exact interval of maximizers, as the kink enumeration gives", () => {
    fc.assert(
      fc.property(discreteArb(), discreteArb(), uArb(2), (d0, d1, u) => {
        const ds = [d0, d1];
        const a = alphaStar(ds, u);
        const b = brute2(ds, u);
        expect(a.exact).toBe(true);
        expect(a.valueLo.eq(b.value) && a.valueHi.eq(b.value)).toBe(true);
        expect([a.boxLo[0]!.toString(), a.boxHi[0]!.toString()]).toEqual([b.lo.toString(), b.hi.toString()]);
        expect(g(ds, u, a.alpha).eq(b.value)).toBe(true);
      }),
      { numRuns: 120, seed: 3 },
    );
  });

  it("three agents, discrete values: the optimum dominates a grid of the simplex and is attained", () => {
    fc.assert(
      fc.property(fc.tuple(discreteArb(3), discreteArb(3), discreteArb(3)), uArb(3), (ds, u) => {
        const a = alphaStar(ds, u);
        expect(g(ds, u, a.alpha).eq(a.valueLo)).toBe(true);
        for (let i = 0; i <= 6; i++) for (let j = 0; i + j <= 6; j++) expect(g(ds, u, [q(i, 6), q(j, 6), q(6 - i - j, 6)]).le(a.valueLo)).toBe(true);
      }),
      { numRuns: 25, seed: 4 },
    );
  });

  it("densities: a certified enclosure; two uniform [0, 1] agents at u = (1/4, 1/4) have α* = (1/2, 1/2) by symmetry", () => {
    const U: ValueDist = { kind: "density", pieces: [{ from: q(0), to: q(1), p: q(1) }] };
    const a = alphaStar([U, U], [q(1, 4), q(1, 4)], { tolerance: q(1, 10 ** 8) });
    expect(a.exact).toBe(false);
    expect(a.boxLo[0]!.le(q(1, 2)) && a.boxHi[0]!.ge(q(1, 2))).toBe(true);
    expect(a.boxHi[0]!.sub(a.boxLo[0]!).lt(q(1, 100))).toBe(true);
    // I = (1/2)(1/4 + 1/4) − φ(1/2, 1/2) = 1/4 − 1/3 = −1/12 (φ(a, a) = a·E[max(X, Y)] = 2a/3), inside the bounds.
    expect(a.valueLo.le(q(-1, 12)) && a.valueHi.ge(q(-1, 12))).toBe(true);
  });

  it("a frontier state ∇φ(a) with a rational normal is certified inside (I_𝒰 = 0), not approached forever", () => {
    // Found as a hang: Kelley's iterates approach a = (1/5, 2/5, 2/5) but a cut exactly at a is needed
    // to bring the master's bound to 0; snapping iterates to simple rationals supplies it.
    const ds: ValueDist[] = [
      { kind: "density", pieces: [{ from: q(0), to: q(1), p: q(1, 2) }, { from: q(1), to: q(3, 2), p: q(1, 2) }] },
      { kind: "density", pieces: [{ from: q(0), to: q(2), p: q(2, 9) }, { from: q(2), to: q(3), p: q(1, 9) }, { from: q(3), to: q(4), p: q(2, 3) }] },
      { kind: "density", pieces: [{ from: q(0), to: q(1, 2), p: q(1) }] },
    ];
    const u = supportPoint(ds, [q(1, 5), q(2, 5), q(2, 5)]);
    const r = alphaStar(ds, u, { signOnly: true });
    expect(r.valueHi.sign()).toBeLessThanOrEqual(0);
    expect(r.valueLo.sign()).toBe(0);
  });

  it("the support point in direction x is a point of 𝒰 where xᵀu′ = φ(x) (ties broken by index)", () => {
    fc.assert(
      fc.property(fc.tuple(discreteArb(3), discreteArb(3)), fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 4 })), (ds, [a, b]) => {
        const x = [q(a, 4), q(b, 4)];
        const s = supportPoint(ds, x);
        expect(s.reduce((acc, si, i) => acc.add(si.mul(x[i]!)), Q.ZERO).eq(phi(ds, x))).toBe(true);
        // It lies between the strict-win and the tie-inclusive partials.
        s.forEach((si, i) => expect(si.le(partialRight(ds, x, i))).toBe(true));
      }),
      { numRuns: 100, seed: 6 },
    );
  });
});
