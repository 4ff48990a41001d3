/**
 * `contains` decides membership in O(T) for the structured sets (the window's rows are O(T²)). The
 * reference here is the independent path: every LP row of `pieces`, evaluated exactly (inPiece).
 * Values come from a small lattice so that rows hold with equality often (the boundary is where a
 * shortcut would be off by one).
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../src/exact/rational.js";
import { contains, inPiece, pieces, retract, type OmegaStar } from "../../src/typespace/single-resource.js";

const bySets = (set: OmegaStar, x: readonly Q[]) => pieces(set, x.length).some((p) => inPiece(p, x));

const caseArb = fc.record({
  row: fc.array(fc.integer({ min: -1, max: 8 }), { minLength: 1, maxLength: 6 }),
  avg: fc.integer({ min: 1, max: 6 }),
  x: fc.integer({ min: 0, max: 4 }),
  max: fc.integer({ min: 1, max: 4 }),
});

function setsFor(c: { avg: number; x: number; max: number }, T: number): OmegaStar[] {
  const window: OmegaStar = { kind: "window", avg: q(c.avg, 2), x: q(c.x, 4) };
  const boxAverage: OmegaStar = { kind: "box-average", avg: q(c.avg, 2), x: q(c.x, 4), max: q(c.avg, 2).add(q(c.max, 2)) };
  const box: OmegaStar = { kind: "box", lo: Array.from({ length: T }, (_, t) => q(t % 2, 2)), hi: Array.from({ length: T }, (_, t) => q(t % 3 + c.x, 2)) };
  const union: OmegaStar = { kind: "union", parts: [box, boxAverage] };
  return T >= 2 ? [window, boxAverage, box, union, { kind: "all" }] : [boxAverage, box, union, { kind: "all" }];
}

describe("contains", () => {
  const cases = fc.sample(caseArb, { seed: 5, numRuns: 400 });
  it("agrees with the exact rows of every piece (400 fixed-seed cases, 5 sets each)", () => {
    let inside = 0, outside = 0;
    for (const c of cases) {
      const x = c.row.map((v) => q(v, 2));
      for (const set of setsFor(c, x.length)) {
        const expected = bySets(set, x);
        expect(contains(set, x), `${JSON.stringify(set)} ∋ ${x.join(",")}`).toBe(expected);
        if (expected) inside++;
        else outside++;
      }
    }
    // both answers occur often, so agreement is not vacuous
    expect(inside).toBeGreaterThan(200);
    expect(outside).toBeGreaterThan(200);
  });

  it("the window's boundary: equality on the extreme dates is inside, one quarter beyond is not", () => {
    // avg 1, x 1/4, T = 3: the sums of two dates must lie in [3/2, 5/2]
    const set: OmegaStar = { kind: "window", avg: Q.ONE, x: q(1, 4) };
    expect(contains(set, [q(3, 4), q(3, 4), q(7, 4)])).toBe(true); // 3/2 and 5/2 both attained
    expect(contains(set, [q(3, 4), q(3, 4), q(8, 4)])).toBe(false); // 11/4 > 5/2
  });

  it("retract is the identity on members found by the fast path", () => {
    const set: OmegaStar = { kind: "window", avg: Q.ONE, x: q(1, 4) };
    const x = [q(3, 4), q(3, 4), q(7, 4)];
    expect(retract(set, x)).toEqual(x);
  });
});
