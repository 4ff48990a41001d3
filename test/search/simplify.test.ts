/** The post-shrink simplifier: simpler numbers first, every accepted step still failing. */
import { describe, expect, it } from "vitest";
import { Q, q } from "../../src/exact/rational.js";
import { simplerNumbers, simplify } from "../../src/search/simplify.js";

describe("simplerNumbers", () => {
  it("offers 0, 1, floor, ceil and coarser fractions, all with fewer bits", () => {
    const x = q("37/12");
    const c = simplerNumbers(x).map(String);
    expect(c.slice(0, 4)).toEqual(["0", "1", "3", "4"]);
    expect(c).toContain("3"); // floor
    expect(simplerNumbers(x).every((y) => y.bitSize() < x.bitSize())).toBe(true);
    expect(simplerNumbers(Q.ZERO)).toEqual([]);
  });
});

describe("simplify", () => {
  // A toy claim: "a + b < 10" fails on {a, b}; the simplest failing instance keeps a + b ≥ 10.
  const fails = (i: { a: Q; b: Q }) => i.a.add(i.b).ge(q(10));
  const hooks = {
    encode: (i: { a: Q; b: Q }) => ({ a: i.a.toString(), b: i.b.toString() }),
    decode: (j: unknown) => ({ a: q((j as { a: string }).a), b: q((j as { b: string }).b) }),
    stillFails: fails,
  };
  it("simplifies numbers while the failure persists, and never returns a passing instance", () => {
    const { inst, steps } = simplify({ a: q("157/12"), b: q("33/7") }, hooks);
    expect(fails(inst)).toBe(true);
    expect(steps).toBeGreaterThan(0);
    expect(inst.a.bitSize() + inst.b.bitSize()).toBeLessThan(q("157/12").bitSize() + q("33/7").bitSize());
    // By hand: b → 0 (157/12 alone ≥ 10), then a → floor(157/12) = 13, then 13 → 10… stops at an integer ≥ 10.
    expect(inst.b.toString()).toBe("0");
    expect(inst.a.isInteger()).toBe(true);
  });
  it("uses structural reductions first", () => {
    const seen: string[] = [];
    const { inst } = simplify([3, 4, 5], {
      encode: (xs: number[]) => xs.map(String),
      decode: (j) => (j as string[]).map(Number),
      stillFails: (xs) => {
        seen.push(xs.join(","));
        return xs.includes(5);
      },
      reduce: (xs) => xs.map((_, k) => xs.filter((__, m) => m !== k)),
    });
    expect(inst).toEqual([5]);
  });
});
