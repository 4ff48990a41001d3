/**
 * Certified e^z bounds: checked against Math.exp (a float value inside the bounds, up to float
 * error), against identities that hold exactly (e^a·e^b = e^{a+b} must be consistent with the
 * bounds of each), and for the known value e = 2.718281828459045… (digits from the definition).
 */
import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { expBounds } from "../../src/exact/exp.js";
import { Q, q } from "../../src/exact/rational.js";

describe("expBounds", () => {
  it("brackets e with the digits of e", () => {
    const { lo, hi } = expBounds(Q.ONE, 80);
    // e = 2.71828182845904523536… (OEIS A001113).
    expect(lo.le(q("271828182845904523537/100000000000000000000"))).toBe(true);
    expect(hi.ge(q("271828182845904523536/100000000000000000000"))).toBe(true);
    expect(hi.sub(lo).lt(q("1/1000000000000000000"))).toBe(true);
  });
  it("is exact at 0 and inverts for negative z", () => {
    expect(expBounds(Q.ZERO)).toEqual({ lo: Q.ONE, hi: Q.ONE });
    const p = expBounds(q(3, 2)), n = expBounds(q(-3, 2));
    expect(n.lo.mul(p.hi).le(Q.ONE) && n.hi.mul(p.lo).ge(Q.ONE)).toBe(true);
  });
  it("contains Math.exp and is consistent with e^a·e^b = e^{a+b} (fixed seed)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -4000, max: 4000 }), fc.integer({ min: -4000, max: 4000 }), (a, b) => {
        const x = q(a, 100), y = q(b, 100);
        const ex = expBounds(x), ey = expBounds(y), exy = expBounds(x.add(y));
        const f = Math.exp(a / 100);
        expect(ex.lo.toNumber()).toBeLessThanOrEqual(f * (1 + 1e-12));
        expect(ex.hi.toNumber()).toBeGreaterThanOrEqual(f * (1 - 1e-12));
        expect(ex.lo.le(ex.hi)).toBe(true);
        // The product's bounds and the sum's bounds must overlap.
        expect(ex.lo.mul(ey.lo).le(exy.hi) && exy.lo.le(ex.hi.mul(ey.hi))).toBe(true);
      }),
      { seed: 17, numRuns: 200 },
    );
  });
  it("is tight: relative width below 2^-60 at the default precision", () => {
    for (const z of [q(1, 3), q(7), q(-25), q(123, 4)]) {
      const { lo, hi } = expBounds(z);
      expect(hi.sub(lo).div(lo).lt(Q.of(1n, 1n << 60n))).toBe(true);
    }
  });
});
