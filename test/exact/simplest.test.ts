/** simplestBetween against brute force: the least denominator with a numerator in [lo, hi], then the least |numerator|. */
import * as fc from "fast-check";
import { expect, it } from "vitest";
import { Q } from "../../src/exact/rational.js";
import { simplestBetween } from "../../src/exact/simplest.js";

function brute(lo: Q, hi: Q): Q {
  for (let d = 1; ; d++) {
    const first = lo.mul(Q.of(d)).ceil(), last = hi.mul(Q.of(d)).floor();
    if (first.gt(last)) continue;
    // Least |numerator| in [first, last].
    const k = first.sign() <= 0 && last.sign() >= 0 ? Q.ZERO : first.sign() > 0 ? first : last;
    return k.div(Q.of(d));
  }
}

it("matches the brute-force search over denominators on random intervals (fixed seed)", () => {
  fc.assert(
    fc.property(fc.integer({ min: -300, max: 300 }), fc.integer({ min: 1, max: 97 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 113 }), (a, b, c, d) => {
      const lo = Q.of(a, b), hi = lo.add(Q.of(c, d));
      expect(simplestBetween(lo, hi).toString()).toBe(brute(lo, hi).toString());
    }),
    { seed: 11, numRuns: 2000 },
  );
});

it("by hand: [0.31, 0.32] holds 5/16; a point interval is itself; an interval across 0 gives 0", () => {
  expect(simplestBetween(Q.of(31, 100), Q.of(32, 100)).toString()).toBe("5/16");
  expect(simplestBetween(Q.of(7, 13), Q.of(7, 13)).toString()).toBe("7/13");
  expect(simplestBetween(Q.of(-1, 3), Q.of(1, 5)).toString()).toBe("0");
});
