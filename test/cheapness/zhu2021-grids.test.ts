/**
 * Generated zhu2021 grids: inside Ωⁿ, nested lattices, the truth and its ±ε neighbours in the
 * boundary grid (by hand below), bad input refused.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { boundaryRows, latticeRows } from "../../src/cheapness/zhu2021-grids.js";
import { inTypeSpace, inTypeSpaceRow, type RepeatedModel } from "../../src/models/zhu2021/repeated.js";
import { repeatedCaseArb } from "../../src/search/zhu2021-repeated.js";

const key = (r: readonly (readonly Q[])[]) => r.map((c) => c.join(",")).join(";");
const cases = fc.sample(repeatedCaseArb({ maxN: 3, maxT: 2 }), { seed: 13, numRuns: 40 }).filter((c) => inTypeSpace(c.model, c.truth));

describe("zhu2021 grids", () => {
  it.each(cases.slice(0, 15).map((c, k) => [k, c] as const))("case %i: every row in Ωⁿ, no repeats, lattices nested, the truth first in the boundary grid", (_, c) => {
    const l1 = latticeRows(c.model, 0, 1), l2 = latticeRows(c.model, 0, 2);
    const b = boundaryRows(c.model, "ord", c.truth, 0, q(1, 16));
    for (const rows of [l1, l2, b]) {
      expect(new Set(rows.map(key)).size).toBe(rows.length);
      for (const r of rows) expect(inTypeSpaceRow(c.model, 0, r)).toBe(true);
    }
    const in2 = new Set(l2.map(key));
    expect(l1.every((r) => in2.has(key(r)))).toBe(true);
    expect(key(b[0]!)).toBe(key(c.truth[0]!));
  });

  it("by hand: one resource, θ = (1), (4/3), q̄ = 1, x ∈ [0, 1/2] × [0, 1], truth (1/4, 1/2), ε = 1/8", () => {
    // Lattice with 1 step: the 4 corners. Boundary grid: the truth and truth ± ε on each coordinate
    // (all inside), plus points straddling ordA's cell boundaries (at least those four).
    const m: RepeatedModel = { econ: { R: 1, I: 2, theta: [[q(1)], [q(4, 3)]], supply: [q(1)] }, N: 1, T: 1, beta: Q.ONE, muLow: [[q(0), q(0)]], muHigh: [[q(1, 2), q(1)]] };
    expect(latticeRows(m, 0, 1).map(key).sort()).toEqual(["0,0", "0,1", "1/2,0", "1/2,1"]);
    const b = boundaryRows(m, "ord", [[[q(1, 4), q(1, 2)]]], 0, q(1, 8)).map(key);
    expect(b[0]).toBe("1/4,1/2");
    expect(b).toEqual(expect.arrayContaining(["1/8,1/2", "3/8,1/2", "1/4,3/8", "1/4,5/8"]));
  });

  it("bad input", () => {
    const c = cases[0]!;
    expect(() => latticeRows(c.model, 0, 0)).toThrow(InputError);
    expect(() => latticeRows(c.model, 0, 64, 10)).toThrow(/^divisions: the lattice of Ωⁿ would have/);
    expect(() => boundaryRows(c.model, "ord", c.truth, 0, Q.ZERO)).toThrow(/^eps: must be > 0/);
  });
});
