/** Certified square roots and exact sums of square roots (src/exact/sqrt.ts, surd.ts). */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../src/exact/rational.js";
import { exactSqrt, isqrt, sqrtBounds } from "../../src/exact/sqrt.js";
import { Surd } from "../../src/exact/surd.js";

describe("isqrt", () => {
  it("is ⌊√n⌋ for small and huge n (brute check: x² ≤ n < (x + 1)²)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 400n }), (n) => {
        const x = isqrt(n);
        return x * x <= n && (x + 1n) * (x + 1n) > n;
      }),
      { seed: 7, numRuns: 500 },
    );
    // A square just above 2^52 (the float estimate is too coarse there).
    const big = (1n << 200n) + 12345n;
    expect(isqrt(big * big)).toBe(big);
    expect(isqrt(big * big - 1n)).toBe(big - 1n);
  });
});

describe("sqrtBounds", () => {
  it("is exact on rational squares and brackets √x within 2^-bits otherwise", () => {
    expect(exactSqrt(q(9, 16))!.eq(q(3, 4))).toBe(true);
    expect(exactSqrt(q(2))).toBeNull();
    const b = sqrtBounds(q(2), 40);
    expect(b.exact).toBe(false);
    expect(b.lo.mul(b.lo).lt(q(2)) && b.hi.mul(b.hi).gt(q(2))).toBe(true);
    expect(b.hi.sub(b.lo).le(Q.of(1n, 1n << 40n))).toBe(true);
  });
});

describe("Surd", () => {
  it("merges radicands that differ by a rational square, so cancellations are exact zeros", () => {
    // √8 − 2√2 = 0 and √(1/2) − √2/2 = 0: identities, not numerics.
    expect(Surd.root(q(8)).sub(Surd.root(q(2), q(2))).sign()).toBe(0);
    expect(Surd.root(q(1, 2)).sub(Surd.root(q(2), q(1, 2))).sign()).toBe(0);
    expect(Surd.invRoot(q(4)).rational()!.eq(q(1, 2))).toBe(true);
  });

  it("decides signs of nonzero sums, even very close to zero", () => {
    // √2 ≈ 1.41421356237…: 1.4142135623 < √2 < 1.4142135624.
    expect(Surd.root(q(2)).gt(q(14142135623, 10 ** 10))).toBe(true);
    expect(Surd.root(q(2)).lt(q(14142135624, 10 ** 10))).toBe(true);
    // √3 + √5 vs √15 − 0: (√3 + √5)² = 8 + 2√15 > 15 since √15 > 3.5.
    expect(Surd.root(q(3)).add(Surd.root(q(5))).gt(Surd.root(q(15)))).toBe(true);
    // (√10001 − 100) − 1/200 = 1/(√10001 + 100) − 1/200 < 0 by a hair (≈ −6.2e-8).
    expect(Surd.root(q(10001)).sub(q(100)).sub(q(1, 200)).sign()).toBe(-1);
  });

  it("scales, negates and multiplies by a root exactly", () => {
    const x = Surd.root(q(3), q(2)).add(q(1)); // 1 + 2√3
    expect(x.mulRoot(q(3)).sub(Surd.root(q(3))).sub(q(6)).sign()).toBe(0); // (1 + 2√3)√3 = √3 + 6
    expect(x.neg().add(x).sign()).toBe(0);
    expect(x.scale(q(0)).sign()).toBe(0);
  });

  it("multiplies two sums exactly", () => {
    // By hand: (1 + √2)(√2 − √3) = √2 − √3 + 2 − √6, and (√3 + √2)(√3 − √2) = 1.
    const a = Surd.of(q(1)).add(Surd.root(q(2)));
    const b = Surd.root(q(2)).sub(Surd.root(q(3)));
    expect(a.mul(b).sub(Surd.root(q(2)).sub(Surd.root(q(3))).add(q(2)).sub(Surd.root(q(6)))).sign()).toBe(0);
    expect(Surd.root(q(3)).add(Surd.root(q(2))).mul(Surd.root(q(3)).sub(Surd.root(q(2)))).rational()!.eq(q(1))).toBe(true);
    expect(a.mul(q(3)).sub(a.scale(q(3))).sign()).toBe(0);
  });
});
