/**
 * The grid oracle on the single-resource model: the T = 1 path reduction against the dense solver,
 * nested lattices, bad input, the box-constant mechanism (hand-checked numbers, and its deviation
 * search catching wrong constants), and the shape predicates behind Proposition 3's hypotheses.
 * Fixed seeds; no timing assertions.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { checkSingleCrossing, leastSolution } from "../../src/cheapness/index.js";
import { allocationFor, boundingBox, efficient, gridOptimum, latticeGrid, valueInTransferUnits, type AgentSlice } from "../../src/cheapness/single-resource.js";
import { boxConstants, boxCorners, ownV, searchBoxDeviations } from "../../src/cheapness/box-union.js";
import { makeModel, type SingleResourceModel } from "../../src/models/single-resource/model.js";
import { saturating, saturating2 } from "../../src/models/single-resource/project.js";
import { linkedTransferBounds } from "../../src/mechanisms/single-resource/vcg.js";
import { modelArb } from "../../src/search/single-resource.js";
import { nonNegRational } from "../../src/search/numbers.js";
import { boxesOf, isConnected, isConvex } from "../../src/typespace/single-resource-shape.js";
import type { OmegaStar } from "../../src/typespace/single-resource.js";

const SEED = 20261123;
const asQ = (v: number | Q) => (v instanceof Q ? v : q(v));
const box = (lo: (number | Q)[], hi: (number | Q)[]): OmegaStar => ({ kind: "box", lo: lo.map(asQ), hi: hi.map(asQ) });
const union = (...parts: OmegaStar[]): OmegaStar => ({ kind: "union", parts });
const model1 = (f = saturating(Q.ONE, Q.ONE)): SingleResourceModel => makeModel({ N: 2, T: 1, beta: Q.ONE, qbar: Q.ONE, f });

describe("T = 1: the adjacent-constraint path equals the dense solver (the single-crossing reduction)", () => {
  it("on random models, others' reports and grids", () => {
    const arb = modelArb({ maxN: 3, maxT: 1, merelyConcave: true }).chain((model) =>
      fc.record({
        others: fc.array(nonNegRational(6, 2), { minLength: model.N, maxLength: model.N }),
        points: fc.uniqueArray(nonNegRational(8, 3), { minLength: 1, maxLength: 9, selector: (x) => x.toString() }),
      }).map((r) => ({ model, ...r })),
    );
    fc.assert(
      fc.property(arb, ({ model, others, points }) => {
        const slice: AgentSlice = { model, omegaStar: { kind: "all" }, profile: others.map((x) => [x]), agent: 0 };
        const grid = points.map((x) => [x]);
        const path = gridOptimum(slice, grid);
        expect(path.method).toBe("path");
        const alloc = grid.map((y) => allocationFor(slice, efficient(model), y));
        const gain = (i: number, j: number) => valueInTransferUnits(slice, alloc[j]!, grid[i]!);
        const dense = leastSolution(grid.length, gain);
        expect(dense.kind).toBe("solved");
        expect(path.solution.kind).toBe("solved");
        if (dense.kind === "solved" && path.solution.kind === "solved") expect(path.solution.W.map(String)).toEqual(dense.W.map(String));
        // the hypothesis the path relies on, checked on the sorted grid
        const order = grid.map((_, i) => i).sort((i, j) => grid[i]![0]!.cmp(grid[j]![0]!));
        expect(checkSingleCrossing(order.map((i) => grid[i]![0]!), (i, j) => gain(order[i]!, order[j]!)).ok).toBe(true);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

describe("nested lattices on a box", () => {
  it("the grid optimum at the truth rises with refinement and stays below the linked VCG", () => {
    const model = makeModel({ N: 2, T: 2, beta: q(1, 2), qbar: q(2), f: saturating2(Q.ONE, Q.ONE) });
    const set = box([1, 0], [2, 1]);
    const truth = [[q(3, 2), q(1, 2)], [Q.ONE, Q.ONE]];
    const slice: AgentSlice = { model, omegaStar: set, profile: truth, agent: 0 };
    const linked = linkedTransferBounds(model, set, truth)[0]!;
    let last = Q.ZERO;
    const seen: Q[] = [];
    for (const d of [1, 2, 4]) {
      const grid = latticeGrid(set, boundingBox(set, 2, q(10)), d, [truth[0]!]);
      expect(grid.length).toBe((d + 1) ** 2 + (d === 1 ? 1 : 0)); // the truth is a lattice point from d = 2 on
      const { solution } = gridOptimum(slice, grid);
      if (solution.kind !== "solved") throw new Error("cycle");
      const w = solution.W[0]!;
      expect(w.ge(last)).toBe(true);
      expect(w.le(linked.hi)).toBe(true);
      last = w;
      seen.push(w);
    }
    // A discrete path drops each step's VCG loss, so the optimum approaches the linked VCG only as the
    // mesh shrinks (here exact: linked.lo = linked.hi, the minimum sits at the lattice corner (2, 1)).
    expect(linked.lo.eq(linked.hi)).toBe(true);
    expect(seen[2]!.gt(seen[0]!)).toBe(true);
  });
});

describe("bad input: a clear InputError naming the field, nothing computed", () => {
  const model = model1();
  const slice: AgentSlice = { model, omegaStar: box([1], [2]), profile: [[Q.ONE], [Q.ONE]], agent: 0 };
  it.each([
    ["an empty grid", [], /^grid: must contain at least one report/],
    ["a point outside Ω*ⁿ", [[q(3)]], /^grid\[1\]: \(3\) is outside Ω\*ⁿ/],
    ["a point of the wrong length", [[q(1), q(1)]], /^grid\[1\]: must have T = 1 entries/],
    ["a repeated point", [[q(1)], [q(1)]], /^grid\[2\]: repeats grid\[1\]/],
    ["a negative report", [[q(-1)]], /^grid\[1\]\[1\]: reports must be ≥ 0/],
  ] as const)("%s", (_, grid, message) => {
    expect(() => gridOptimum(slice, grid as readonly (readonly Q[])[])).toThrow(InputError);
    expect(() => gridOptimum(slice, grid as readonly (readonly Q[])[])).toThrow(message);
  });
  it("an allocation that is not efficient", () => {
    const half = (p: readonly (readonly Q[])[], t: number) => efficient(model)(p, t).map((a) => a.mul(Q.HALF));
    expect(() => gridOptimum(slice, [[q(1)], [q(2)]], half)).toThrow(/^allocation: is not efficient at grid report 1 \(1\), date 1/);
  });
});

describe("VCG minus one constant per box", () => {
  const model = model1(saturating2(Q.ONE, Q.ONE));
  const set = union(box([1], [1]), box([2], [2]));
  const slice: AgentSlice = { model, omegaStar: set, profile: [[Q.ONE], [Q.ONE]], agent: 0 };
  it("matches the hand computation (see test/properties/single-resource-cheapness.test.ts) and the two-point grid optimum", () => {
    const k = boxConstants(slice, boxesOf(set)!);
    expect(k.upper.map(String)).toEqual(["5/9", "7/16"]);
    expect(k.loss[0]![1]!.value.toString()).toBe("121/3600");
    expect(k.m.map(String)).toEqual(["106/225", "7/16"]);
    const { solution } = gridOptimum(slice, [[q(1)], [q(2)]]);
    if (solution.kind !== "solved") throw new Error("cycle");
    expect(solution.W.map(String)).toEqual([ownV(slice, [q(1)]).sub(k.m[0]!).toString(), ownV(slice, [q(2)]).sub(k.m[1]!).toString()]);
  });
  it("its deviation search passes on corners and a lattice, and catches a constant raised by 1/1000", () => {
    const boxes = [{ lo: [q(1, 2)], hi: [q(1)] }, { lo: [q(2)], hi: [q(3)] }];
    const s: AgentSlice = { ...slice, omegaStar: union(box([q(1, 2)], [1]), box([2], [3])) };
    const k = boxConstants(s, boxes);
    const pts = [...boxCorners(boxes), ...latticeGrid(s.omegaStar, boundingBox(s.omegaStar, 1, q(4)), 16)];
    expect(searchBoxDeviations(s, k, pts)).toEqual([]);
    const raised = { ...k, m: [k.m[0]!.add(q(1, 1000)), k.m[1]!] };
    expect(searchBoxDeviations(s, raised, pts).length).toBeGreaterThan(0);
  });
  it("the grid optimum converges to it from below under refinement (an interval component)", () => {
    const s: AgentSlice = { ...slice, omegaStar: union(box([q(1, 2)], [1]), box([2], [3])) };
    const k = boxConstants(s, boxesOf(s.omegaStar)!);
    const target = ownV(s, [Q.ONE]).sub(k.m[0]!);
    const gaps = [2, 8, 32].map((d) => {
      const grid = latticeGrid(s.omegaStar, boundingBox(s.omegaStar, 1, q(4)), d, [[Q.ONE]]);
      const { solution } = gridOptimum(s, grid);
      if (solution.kind !== "solved") throw new Error("cycle");
      return target.sub(solution.W[grid.findIndex((p) => p[0]!.eq(Q.ONE))]!);
    });
    gaps.forEach((g) => expect(g.sign()).toBeGreaterThanOrEqual(0));
    expect(gaps[1]!.lt(gaps[0]!) && gaps[2]!.lt(gaps[1]!)).toBe(true);
  });
});

describe("Ω* shape", () => {
  it.each([
    ["one box", box([0, 0], [1, 1]), true, true],
    ["two boxes side by side", union(box([0, 0], [1, 1]), box([1, 0], [2, 1])), true, true],
    ["an L", union(box([0, 0], [2, 1]), box([0, 0], [1, 2])), true, false],
    ["two boxes touching at a corner", union(box([0, 0], [1, 1]), box([1, 1], [2, 2])), true, false],
    ["two disjoint boxes", union(box([0, 0], [1, 1]), box([2, 0], [3, 1])), false, false],
    ["two points", union(box([1], [1]), box([2], [2])), false, false],
  ] as const)("%s", (_, set, connected, convex) => {
    const T = boxesOf(set)![0]!.lo.length;
    expect(isConnected(set, T)).toBe(connected);
    expect(isConvex(set, T)).toBe(convex);
  });
  it("a random union of boxes is convex iff it equals its bounding box on a fine lattice (independent check)", () => {
    const b = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([l, w]) => [l, l + w] as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(b, b), { minLength: 1, maxLength: 3 }), (bs) => {
        const set = union(...bs.map(([x, y]) => box([x[0], y[0]], [x[1], y[1]])));
        const lo = [Math.min(...bs.map(([x]) => x[0])), Math.min(...bs.map(([, y]) => y[0]))];
        const hi = [Math.max(...bs.map(([x]) => x[1])), Math.max(...bs.map(([, y]) => y[1]))];
        // integer corners: quarter steps visit every cell of the arrangement
        let full = true;
        for (let i = lo[0]! * 4; i <= hi[0]! * 4; i++) for (let j = lo[1]! * 4; j <= hi[1]! * 4; j++) {
          const p = [q(i, 4), q(j, 4)];
          if (!bs.some(([x, y]) => p[0]!.ge(q(x[0])) && p[0]!.le(q(x[1])) && p[1]!.ge(q(y[0])) && p[1]!.le(q(y[1])))) full = false;
        }
        expect(isConvex(set, 2)).toBe(full);
      }),
      { seed: SEED, numRuns: 80 },
    );
  });
});

