/**
 * The grid oracle on zhu2021's repeated model: bad input is an InputError naming the field; an
 * allocation other than uA is refused; on a valid grid the answer (re-verified inside the oracle) is
 * checked against an independent upper bound: uWⁿ minus its minimum over the grid is IC and ≥ 0 on
 * the grid (Groves), so the least solution cannot exceed it.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { repeatedGridOptimum, type Row } from "../../src/cheapness/zhu2021.js";
import { allocateDate } from "../../src/mechanisms/zhu2021/allocation.js";
import { unlinkedTransfers } from "../../src/mechanisms/zhu2021/vcg.js";
import { column, withRow, type Profile, type RepeatedModel } from "../../src/models/zhu2021/repeated.js";

// One resource, types θ = (2), (1); supply 8; agent 1 holds up to one unit of type 2 (type 1 is the principal's).
const model: RepeatedModel = { econ: { R: 1, I: 2, theta: [[q(2)], [q(1)]], supply: [q(8)] }, N: 1, T: 1, beta: Q.ONE, muLow: [[q(0), q(0)]], muHigh: [[q(0), q(1)]] };
const truth: Profile = [[[q(0), q(1)]]];
const slice = { model, profile: truth, agent: 0 };
const ord = (p: Profile, t: number) => allocateDate(model.econ, column(p, t), "ord");
const row = (v: number): Row => [[q(0), q(v)]];

describe("zhu2021 grid oracle: bad input", () => {
  it.each([
    ["an empty grid", [], /^grid: must contain at least one report row/],
    ["a row outside Ωⁿ(T, μ_, μ̄)", [row(2)], /^grid\[1\]: .* is outside Ωⁿ/],
    ["a row of the wrong shape", [[[q(0)]]], /^grid\[1\]\[1\]: must have I = 2 entries/],
    ["a repeated row", [row(1), row(1)], /^grid\[2\]: repeats grid\[1\]/],
    ["a negative report", [[[q(0), q(-1)]]], /^grid\[1\]\[1\]\[2\]: reports must be ≥ 0/],
  ] as const)("%s", (_, grid, message) => {
    expect(() => repeatedGridOptimum(slice, grid as readonly Row[], ord, "ord")).toThrow(InputError);
    expect(() => repeatedGridOptimum(slice, grid as readonly Row[], ord, "ord")).toThrow(message);
  });
  it("an allocation other than uA", () => {
    const half = (p: Profile, t: number) => {
      const a = ord(p, t);
      return { ...a, bundles: a.bundles.map((b) => b.map((x) => x.mul(Q.HALF))) };
    };
    expect(() => repeatedGridOptimum(slice, [row(1), row(0)], half, "ord")).toThrow(/^allocation: differs from uA \(ord\) at grid row 1, date 1/);
  });
});

describe("zhu2021 grid oracle: answers", () => {
  it("is nonnegative and never above the unlinked VCG minus its grid minimum (an IC transfer on the grid)", () => {
    const grid: Row[] = [0, 1, 2, 3, 4].map((k) => [[q(0), q(k, 4)]]);
    const sol = repeatedGridOptimum(slice, grid, ord, "ord");
    expect(sol.kind).toBe("solved");
    if (sol.kind !== "solved") return;
    const uW = grid.map((r) => unlinkedTransfers(model, withRow(truth, 0, r), "ord")[0]!);
    const m = uW.reduce((a, b) => Q.min(a, b));
    sol.W.forEach((w, i) => {
      expect(w.sign()).toBeGreaterThanOrEqual(0);
      expect(w.le(uW[i]!.sub(m))).toBe(true);
    });
  });
});
