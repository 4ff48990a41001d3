import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { optimizeOverOptimalFace, solveLP, type LinearProgram } from "../../src/lp/index.js";
import { boxedLp, bounds, bruteForce, isFeasiblePoint, qs, row, strs } from "./helpers.js";

describe("optimizeOverOptimalFace", () => {
  // max x+y s.t. x+y<=1, 0<=x,y<=1: every point of the edge from (1,0) to (0,1) is optimal (by hand).
  const edge: LinearProgram = { sense: "max", c: qs([1, 1]), rows: [row([1, 1], "<=", 1)], upper: bounds([1, 1]) };

  it("finds both ends of an optimal edge", () => {
    const lo = optimizeOverOptimalFace(edge, 0, "min");
    const hi = optimizeOverOptimalFace(edge, 0, "max");
    expect(lo.value.toString()).toBe("0");
    expect(hi.value.toString()).toBe("1");
    expect(strs(lo.x)).toEqual(["0", "1"]);
    expect(strs(hi.x)).toEqual(["1", "0"]);
  });

  it("a unique optimum pins the coordinate", () => {
    // max 2x+y on the same set: the unique optimum is (1,0) (by hand: 2x+y = x + (x+y) <= 1 + 1).
    const lp = { ...edge, c: qs([2, 1]) };
    expect(optimizeOverOptimalFace(lp, 1, "max").value.toString()).toBe("0");
    expect(optimizeOverOptimalFace(lp, 1, "min").value.toString()).toBe("0");
  });

  it("throws InputError when the LP has no optimum, or x_j is unbounded on the face, or j is out of range", () => {
    const infeasible: LinearProgram = { sense: "max", c: qs([1]), rows: [row([1], ">=", 2)], upper: bounds([1]) };
    expect(() => optimizeOverOptimalFace(infeasible, 0, "max")).toThrow(InputError);
    const unbounded: LinearProgram = { sense: "max", c: qs([1]), rows: [] };
    expect(() => optimizeOverOptimalFace(unbounded, 0, "max")).toThrow(InputError);
    // max 0 over x,y >= 0: the whole orthant is optimal, so x is unbounded above on the face.
    const flat: LinearProgram = { sense: "max", c: qs([0, 0]), rows: [] };
    expect(optimizeOverOptimalFace(flat, 0, "min").value.toString()).toBe("0");
    expect(() => optimizeOverOptimalFace(flat, 0, "max")).toThrow(InputError);
    expect(() => optimizeOverOptimalFace(edge, 2, "max")).toThrow(InputError);
  });

  it("random boxed LPs: the face extremes are optimal points and bracket the solver's own optimum", () => {
    fc.assert(
      fc.property(boxedLp({ nMin: 2, nMax: 3, mMin: 1, mMax: 3 }), fc.nat(), (lp, at) => {
        if (bruteForce(lp) === undefined) return;
        const r = solveLP(lp);
        if (r.status !== "optimal") throw new Error(r.status);
        const j = at % lp.c.length;
        const lo = optimizeOverOptimalFace(lp, j, "min");
        const hi = optimizeOverOptimalFace(lp, j, "max");
        for (const p of [lo, hi]) {
          expect(isFeasiblePoint(lp, p.x)).toBe(true);
          expect(lp.c.reduce((s, c, k) => s.add(c.mul(p.x[k]!)), Q.ZERO).eq(r.value)).toBe(true);
        }
        expect(lo.value.le(r.x[j]!) && r.x[j]!.le(hi.value)).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
