/**
 * Q against fraction.js (an independent rational implementation) on the fast path, on the BigInt
 * fallback and across the boundary, plus the strict parser.
 */
import * as fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { Q, parseQ, q } from "../../src/exact/rational.js";

const SEED = { seed: 20261123 };

// Numerators/denominators from tiny to far beyond 2^53, so products cross into BigInt.
const bigish = fc.oneof(
  fc.integer({ min: -50, max: 50 }).map(BigInt),
  fc.bigInt({ min: -(1n << 40n), max: 1n << 40n }),
  fc.bigInt({ min: -(1n << 80n), max: 1n << 80n }),
);
const den = fc.oneof(fc.integer({ min: 1, max: 60 }).map(BigInt), fc.bigInt({ min: 1n, max: 1n << 70n }));
const pair = fc.tuple(bigish, den);

const toQ = ([n, d]: [bigint, bigint]) => Q.of(n, d);
const toF = ([n, d]: [bigint, bigint]) => new Fraction(`${n}/${d}`);
const same = (a: Q, b: Fraction) => a.toString() === b.toFraction();

describe("Q agrees with fraction.js", () => {
  it("add, sub, mul, div, cmp", () => {
    fc.assert(
      fc.property(pair, pair, (x, y) => {
        const a = toQ(x), b = toQ(y), fa = toF(x), fb = toF(y);
        expect(same(a.add(b), fa.add(fb))).toBe(true);
        expect(same(a.sub(b), fa.sub(fb))).toBe(true);
        expect(same(a.mul(b), fa.mul(fb))).toBe(true);
        if (!b.isZero()) expect(same(a.div(b), fa.div(fb))).toBe(true);
        expect(a.cmp(b)).toBe(fa.compare(fb) < 0 ? -1 : fa.compare(fb) > 0 ? 1 : 0);
        expect(a.eq(b)).toBe(fa.equals(fb));
      }),
      { ...SEED, numRuns: 2000 },
    );
  });

  it("add and mul when denominators share large factors (Knuth's reduced paths: g ≠ 1 and the numerator's gcd with g)", () => {
    const factor = fc.bigInt({ min: 2n, max: 1n << 60n });
    fc.assert(
      fc.property(factor, bigish, bigish, den, den, (k, n1, n2, d1, d2) => {
        // x = n1/(k·d1), y = n2/(k·d2), and a numerator built to cancel against k half of the time
        const x: [bigint, bigint] = [n1, k * d1], y: [bigint, bigint] = [n2 * k + (n1 % 2n === 0n ? 0n : 1n), k * d2];
        const a = toQ(x), b = toQ(y), fa = toF(x), fb = toF(y);
        expect(same(a.add(b), fa.add(fb))).toBe(true);
        expect(same(a.sub(b), fa.sub(fb))).toBe(true);
        expect(same(a.mul(b), fa.mul(fb))).toBe(true);
        expect(same(a.add(a.neg()), new Fraction(0))).toBe(true);
      }),
      { ...SEED, numRuns: 2000 },
    );
  });

  it("floor, ceil, pow, neg, abs", () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: -4, max: 6 }), (x, k) => {
        const a = toQ(x), fa = toF(x);
        expect(same(a.floor(), fa.floor())).toBe(true);
        expect(same(a.ceil(), fa.ceil())).toBe(true);
        expect(same(a.neg(), fa.neg())).toBe(true);
        expect(same(a.abs(), fa.abs())).toBe(true);
        if (!a.isZero() || k >= 0) expect(same(a.pow(k), fa.pow(k))).toBe(true);
      }),
      { ...SEED, numRuns: 1000 },
    );
  });
});

describe("representation", () => {
  it("drops back to the safe-integer form when a BigInt result is small again", () => {
    const big = Q.of(1n << 60n, 3n);
    expect(big.isBig).toBe(true);
    const back = big.mul(Q.of(3n, 1n << 60n));
    expect(back.isBig).toBe(false);
    expect(back.eq(Q.ONE)).toBe(true);
  });

  it("never overflows silently at the 2^53 boundary", () => {
    const m = Q.of(Number.MAX_SAFE_INTEGER);
    // (2^53 − 1) + 1 = 2^53 exactly, and (2^53 − 1)^2 exactly (checked with BigInt arithmetic).
    expect(m.add(Q.ONE).toString()).toBe((2n ** 53n).toString());
    expect(m.mul(m).toString()).toBe(((2n ** 53n - 1n) ** 2n).toString());
  });

  it("normalizes sign and gcd", () => {
    expect(Q.of(6, -4).toString()).toBe("-3/2");
    expect(Q.of(0, -5).toString()).toBe("0");
  });
});

describe("parseQ", () => {
  it("reads integers and fractions", () => {
    expect(parseQ("-7/12").toString()).toBe("-7/12");
    expect(parseQ(" 10/4 ").toString()).toBe("5/2");
    expect(q("123456789012345678901234567890").toString()).toBe("123456789012345678901234567890");
  });

  it.each([
    ["0.5", /decimal/],
    ["1e3", /decimal/],
    ["NaN", /not a rational/],
    ["Infinity", /not a rational/],
    ["1/0", /zero denominator/],
    ["", /not a rational/],
    ["1/-2", /not a rational/],
  ])("rejects %j with a message that states the rule", (s, re) => {
    expect(() => parseQ(s)).toThrow(re);
  });
});

describe("gcdBig (Lehmer) against Euclid", () => {
  it("agrees on 3000 pairs of large integers with planted common factors", async () => {
    const { gcdBig, gcdEuclid } = await import("../../src/exact/rational.js");
    const big = fc.bigInt({ min: 0n, max: (1n << 1500n) - 1n });
    fc.assert(
      fc.property(big, big, fc.bigInt({ min: 1n, max: (1n << 200n) - 1n }), fc.boolean(), (a, b, g, neg) => {
        const x = neg ? -(a * g) : a * g, y = b * g;
        expect(gcdBig(x, y)).toBe(gcdEuclid(x, y));
      }),
      { seed: 17, numRuns: 3000 },
    );
  });
});
