/** The oracle bench runs end to end at small sizes and its path and dense answers agree exactly (no timing assertions). */
import { describe, expect, it } from "vitest";
import { benchOracle } from "../../src/bench/cheapness.js";

describe("benchOracle", () => {
  it("reports pairs considered for the path and the dense solver, which agree", () => {
    const r = benchOracle({ linear: 300, linearDense: 40, single: 30, singleDense: 20 });
    expect(r.agree).toBe(true);
    expect(r.rows.map((x) => [x.problem, x.method, x.points])).toEqual([
      ["linear", "path (adjacent pairs)", 300],
      ["linear", "path (adjacent pairs)", 40],
      ["linear", "dense (every pair)", 40],
      ["single-resource", "path (adjacent pairs)", 30],
      ["single-resource", "path (adjacent pairs)", 20],
      ["single-resource", "dense (every pair)", 20],
    ]);
    // 3k − 2 adjacent pairs (the diagonal and both neighbours) against k² for every pair
    expect(r.rows[0]!.pairsConsidered).toBe(3 * 300 - 2);
    expect(r.rows[2]!.pairsConsidered).toBe(40 * 40);
  });
});

describe("benchContinuum", () => {
  it("runs end to end; the lattice baseline never exceeds the exact λ*, and some instances have λ* < 1", async () => {
    const { benchContinuum } = await import("../../src/bench/cheapness.js");
    const r = benchContinuum(8, 3);
    expect(r.instances).toBe(8);
    expect(r.latticeBelowExact).toBe(true);
    expect(r.cheaper).toBeGreaterThan(0);
    expect(r.zero).toBeLessThanOrEqual(r.cheaper);
  });
});
