/** φ(α) = E[maxᵢ αᵢvᵢ] and its one-sided partial derivatives (src/models/bgs2019/support.ts), against independent paths. */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../../src/exact/rational.js";
import { PiecewisePoly } from "../../../src/exact/piecewise.js";
import { cdf, mean, type ValueDist } from "../../../src/models/bgs2019/distribution.js";
import { partialLeft, partialRight, phi } from "../../../src/models/bgs2019/support.js";

const disc = (...pts: [number, number, number][]): ValueDist => ({ kind: "discrete", points: pts.map(([v, a, b]) => ({ v: q(v), p: q(a, b) })) });
const uniform = (hi: number): ValueDist => ({ kind: "density", pieces: [{ from: q(0), to: q(hi), p: q(1) }] });

/** Brute force over the joint support (independent values): E[max αv], E[vᵢ1{i wins, ties count}], E[vᵢ1{i wins outright}]. */
function brute(ds: readonly ValueDist[], alpha: readonly Q[]): { phi: Q; right: Q[]; left: Q[] } {
  let profiles: { p: Q; v: Q[] }[] = [{ p: Q.ONE, v: [] }];
  for (const d of ds) {
    if (d.kind !== "discrete") throw new Error("discrete only");
    profiles = profiles.flatMap((pr) => d.points.map((x) => ({ p: pr.p.mul(x.p), v: [...pr.v, x.v] })));
  }
  let f = Q.ZERO;
  const right = ds.map(() => Q.ZERO), left = ds.map(() => Q.ZERO);
  for (const { p, v } of profiles) {
    const w = v.map((x, i) => x.mul(alpha[i]!));
    const m = w.reduce((a, x) => Q.max(a, x), Q.ZERO);
    f = f.add(p.mul(m));
    ds.forEach((_, i) => {
      const others = w.filter((_, j) => j !== i).reduce((a, x) => Q.max(a, x), Q.ZERO);
      // The others' maximum is 0 when there are none (αv ≥ 0).
      if (w[i]!.ge(others)) right[i] = right[i]!.add(p.mul(v[i]!));
      if (w[i]!.gt(others)) left[i] = left[i]!.add(p.mul(v[i]!));
    });
  }
  return { phi: f, right, left };
}

const pointArb = fc.record({ v: fc.nat({ max: 6 }), w: fc.integer({ min: 1, max: 5 }) });
const discArb: fc.Arbitrary<ValueDist> = fc.uniqueArray(pointArb, { minLength: 1, maxLength: 4, selector: (x) => x.v }).map((pts) => {
  const tot = pts.reduce((a, x) => a + x.w, 0);
  return { kind: "discrete", points: pts.sort((a, b) => a.v - b.v).map((x) => ({ v: q(x.v), p: q(x.w, tot) })) };
});

describe("piecewise polynomials", () => {
  it("integrate, multiply and stretch exactly (by hand)", () => {
    // f(t) = t on [0, 1), 1 after: ∫₀² f = 1/2 + 1; f·f = t² on [0, 1): ∫₀¹ t² = 1/3; f(t/2) = t/2 on [0, 2): ∫₀² = 1.
    const f = new PiecewisePoly(q(0), [{ lo: q(0), hi: q(1), c: [q(0), q(1)] }], q(1));
    expect(f.integrate(q(0), q(2)).eq(q(3, 2))).toBe(true);
    expect(f.mul(f).integrate(q(0), q(1)).eq(q(1, 3))).toBe(true);
    expect(f.stretch(q(2)).integrate(q(0), q(2)).eq(q(1))).toBe(true);
    expect(f.at(q(1, 2)).eq(q(1, 2))).toBe(true);
  });

  it("keeps jumps: right-continuous values and left limits of a discrete CDF", () => {
    const F = cdf(disc([1, 1, 2], [3, 1, 2]));
    expect([F.leftAt(q(1)), F.at(q(1)), F.at(q(2)), F.leftAt(q(3)), F.at(q(3)), F.at(q(1, 2))].map(String)).toEqual(["0", "1/2", "1/2", "1/2", "1", "0"]);
  });
});

describe("φ and its partial derivatives", () => {
  it("match the brute force over the joint support on discrete values (ties included)", () => {
    fc.assert(
      fc.property(fc.array(discArb, { minLength: 1, maxLength: 3 }), fc.array(fc.nat({ max: 4 }), { minLength: 3, maxLength: 3 }), (ds, ws) => {
        const alpha = ds.map((_, i) => q(ws[i]!, 4));
        const b = brute(ds, alpha);
        expect(phi(ds, alpha).eq(b.phi)).toBe(true);
        ds.forEach((_, i) => {
          expect(partialRight(ds, alpha, i).eq(b.right[i]!)).toBe(true);
          if (ds.length > 1) expect(partialLeft(ds, alpha, i).eq(b.left[i]!)).toBe(true);
        });
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it("match the closed form for two uniform [0, 1] values: φ(a, b) = a/2 + b²/(6a), ∂φ/∂a = 1/2 − b²/(6a²) for a ≥ b (by hand)", () => {
    const ds = [uniform(1), uniform(1)];
    for (const [a, b] of [[q(1), q(1)], [q(2, 3), q(1, 3)], [q(3, 4), q(1, 4)], [q(1), q(0)]] as const) {
      expect(phi(ds, [a, b]).eq(a.div(q(2)).add(b.mul(b).div(a.mul(q(6)))))).toBe(true);
      expect(partialRight(ds, [a, b], 0).eq(q(1, 2).sub(b.mul(b).div(a.mul(a).mul(q(6)))))).toBe(true);
      expect(partialRight(ds, [a, b], 0).eq(partialLeft(ds, [a, b], 0))).toBe(true);
    }
  });

  it("agree between a two-piece density and the one piece it equals (U[0, 2] = 2·U[0, 1])", () => {
    const two: ValueDist = { kind: "density", pieces: [{ from: q(0), to: q(1), p: q(1, 2) }, { from: q(1), to: q(2), p: q(1, 2) }] };
    const alpha = [q(2, 5), q(3, 5)];
    expect(phi([two, uniform(1)], alpha).eq(phi([uniform(2), uniform(1)], alpha))).toBe(true);
    // φ is positively homogeneous in the values too: U[0, 2] for both doubles φ.
    expect(phi([two, two], alpha).eq(phi([uniform(1), uniform(1)], alpha).mul(q(2)))).toBe(true);
    expect(mean(two).eq(q(1))).toBe(true);
  });
});
