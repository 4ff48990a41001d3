/**
 * The exact linked VCG minimum (src/mechanisms/zhu2021/linked-min.ts): a hand-computed non-convex
 * trap, the cover of each date by regions/pieces, and random tiny instances against the grid brute
 * force and the definition (unlinkedTransfers), under both orders. Fixed seeds throughout.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/exact/errors.js";
import { Q, q } from "../../../src/exact/rational.js";
import { inTypeSpaceRow, withRow, type Profile, type RepeatedModel } from "../../../src/models/zhu2021/repeated.js";
import type { Order } from "../../../src/mechanisms/zhu2021/allocation.js";
import { gridMinimum, linkedMinimum } from "../../../src/mechanisms/zhu2021/linked-min.js";
import { linkedMinInstanceArb } from "../../../src/mechanisms/zhu2021/linked-min-arb.js";
import { benchLinkedMinimum, randomLinkedMinInstance, type LinkedMinInstance } from "../../../src/mechanisms/zhu2021/linked-min-bench.js";
import { mulberry32 } from "../../../src/exact/prng.js";
import { dateSetup, enumerateRegions, evalAffine, pieceValue, piecesOf, regionValue, trueDateValue } from "../../../src/mechanisms/zhu2021/linked-min-cells.js";
import { newLpStats } from "../../../src/mechanisms/zhu2021/linked-min-lp.js";
import { unlinkedTransfers } from "../../../src/mechanisms/zhu2021/vcg.js";

const uW = (model: RepeatedModel, order: Order, reports: Profile, n: number, row: readonly (readonly Q[])[]): Q =>
  unlinkedTransfers(model, withRow(reports, n, row), order)[n] as Q;

describe("a hand-computed trap: uWⁿ is not convex, descent from the truth stops at a local minimum", () => {
  // R = 1, θ_1 = 2 (unit-like, the principal's), θ_2 = 1, q̄ = 8; N = 2, T = 2, β = 1. Agent n = 1
  // (0-based; the paper's agent 2 = N) is served FIRST; the other agent (served after him) reports
  // a_t units of θ_2: a_1 = 2, a_2 = 6. Agent n may report only θ_2, with total exactly 9
  // (μ_ⁿ = μ̄ⁿ = (0, 9/2)), so his report is (y, 9 − y), y ∈ [0, 9].
  //
  // One date with agent n reporting x of θ_2 and the other a: α_2 = min(a + x, 8), the principal's
  // θ_1 gets the rest, α_1 = (8 − α_2)/2; agent n takes min(α_2, x) first, the other gets α_2 − that.
  //   g_a(x) = α_1 + (α_2 − min(α_2, x)):
  //     x ≤ 8 − a:      α_2 = a + x, n takes x:    g = (8 − a − x)/2 + a   = 4 + a/2 − x/2
  //     8 − a ≤ x ≤ 8:  α_2 = 8,     n takes x:    g = 0 + 8 − x           = 8 − x
  //     x ≥ 8:                                     g = 0
  // (slope −1/2, then −1: a CONCAVE kink at 8 − a; then 0: a convex kink at 8).
  //   F(y) = g_2(y) + g_6(9 − y):
  //     y ∈ [0, 1]: g_2 = 5 − y/2,  9 − y ∈ [8, 9]: g_6 = 0           F = 5 − y/2      (5 → 9/2)
  //     y ∈ [1, 6]: g_2 = 5 − y/2,  9 − y ∈ [3, 8]: g_6 = y − 1       F = 4 + y/2      (9/2 → 7)
  //     y ∈ [6, 7]: g_2 = 8 − y,    g_6 = y − 1                       F = 7
  //     y ∈ [7, 8]: g_2 = 8 − y,    9 − y ∈ [1, 2]: g_6 = 5/2 + y/2   F = 21/2 − y/2   (7 → 13/2)
  //     y ∈ [8, 9]: g_2 = 0,        g_6 = 5/2 + y/2                   F = 5/2 + y/2    (13/2 → 7)
  // Truth y = 8 (reports (8, 1)) is a strict local minimum, F = 13/2; the global minimum is
  // F(1) = 9/2 at reports (1, 8). Neither the unit-like holdings (none) nor the principal's position
  // matters here, so ord and p-ord agree.
  const model: RepeatedModel = {
    econ: { R: 1, I: 2, theta: [[q(2)], [q(1)]], supply: [q(8)] },
    N: 2,
    T: 2,
    beta: Q.ONE,
    muLow: [[q(0), q(0)], [q(0), q("9/2")]],
    muHigh: [[q(0), q(6)], [q(0), q("9/2")]],
  };
  const truth = [[q(0), q(8)], [q(0), q(1)]];
  const reports: Profile = [[[q(0), q(2)], [q(0), q(6)]], truth];
  const n = 1;
  const F = (order: Order, y: Q) => uW(model, order, reports, n, [[Q.ZERO, y], [Q.ZERO, q(9).sub(y)]]);

  for (const order of ["ord", "p-ord"] as const) {
    it(`matches the hand computation (${order})`, () => {
      expect(F(order, q(8)).toString()).toBe("13/2");
      expect(F(order, q(1)).toString()).toBe("9/2");
      expect(F(order, q(0)).toString()).toBe("5");
      expect(F(order, q(6)).toString()).toBe("7");
      expect(F(order, q(9)).toString()).toBe("7");
    });

    it(`a local descent from the truth gets stuck at 13/2 (${order})`, () => {
      // Coordinate descent along the only feasible direction, steps 1, 1/2, …, 1/64.
      let y = q(8);
      let fy = F(order, y);
      for (let h = Q.ONE; h.ge(q("1/64")); h = h.div(q(2))) {
        for (;;) {
          const cands = [y.add(h), y.sub(h)].filter((c) => c.sign() >= 0 && c.le(q(9)));
          const better = cands.map((c) => ({ c, f: F(order, c) })).find((o) => o.f.lt(fy));
          if (!better) break;
          y = better.c;
          fy = better.f;
        }
      }
      expect(y.toString()).toBe("8");
      expect(fy.toString()).toBe("13/2");
    });

    it(`linkedMinimum finds the global minimum 9/2 at (1, 8) (${order})`, () => {
      const r = linkedMinimum(model, order, reports, n);
      expect(r.value.toString()).toBe("9/2");
      expect(r.minimizer.map((x) => x.map(String))).toEqual([["0", "1"], ["0", "8"]]);
      expect(uW(model, order, reports, n, r.minimizer).toString()).toBe("9/2");
      // The grid with step 1 contains the minimizer, so it must agree exactly.
      expect(gridMinimum(model, order, reports, n, 9).value.toString()).toBe("9/2");
    });
  }
});

describe("the regions cover each date's box and carry g_t exactly", () => {
  it("for random x in the box: a region contains x, every region containing x gives g_t(x), every piece ≥ g_t(x), the least piece = g_t(x)", () => {
    fc.assert(
      fc.property(linkedMinInstanceArb({ maxT: 2 }), fc.array(fc.tuple(fc.nat({ max: 24 }), fc.nat({ max: 24 }), fc.nat({ max: 24 }), fc.nat({ max: 24 })), { minLength: 6, maxLength: 6 }), (inst, samples) => {
        const { model, order, reports, n } = inst;
        const U = (model.muHigh[n] as Q[]).map((h) => h.mul(Q.of(model.T)));
        for (let t = 0; t < model.T; t++) {
          const setup = dateSetup(model, order, reports, n, t);
          const regions = enumerateRegions(model, order, setup, n, U, { candidates: 0, lp: newLpStats() });
          const pieces = piecesOf(regions);
          // Sample points on a 1/24 grid of the box (boundaries included) plus the interior points.
          const pts = samples.map((s) => U.map((u, i) => u.mul(Q.of(s[i % 4] as number, 24))));
          pts.push(...regions.map((r) => r.interior.slice()));
          for (const x of pts) {
            const g = trueDateValue(model, order, setup, n, x);
            const containing = regions.filter((r) => r.rows.every((h) => evalAffine({ a: h.a, b: Q.ZERO }, x).le(h.b)));
            expect(containing.length).toBeGreaterThan(0);
            for (const r of containing) {
              expect(regionValue(r, x).toString()).toBe(g.toString());
              const ps = pieces.filter((p) => p.region === r).map((p) => pieceValue(p, x));
              for (const v of ps) expect(v.ge(g)).toBe(true);
              expect(ps.some((v) => v.eq(g))).toBe(true);
            }
          }
        }
      }),
      { seed: 7, numRuns: 40 },
    );
  });
});

/** Is every coordinate of the minimizer on the grid {0, h, …, steps·h}, h = T·μ̄/steps? */
function onGrid(model: RepeatedModel, n: number, x: readonly (readonly Q[])[], steps: number): boolean {
  const U = (model.muHigh[n] as Q[]).map((h) => h.mul(Q.of(model.T)));
  return x.every((xt) =>
    xt.every((v, i) => {
      const u = U[i] as Q;
      if (u.isZero()) return v.isZero();
      return v.div(u).mul(Q.of(steps)).isInteger();
    }),
  );
}

/** The checks every random instance must pass; returns whether it was "rich" (> 1 region at some date). */
function checkInstance(inst: LinkedMinInstance, steps: number, counts: { onGrid: number; rich: number }): void {
  const { model, order, reports, n } = inst;
  const r = linkedMinimum(model, order, reports, n);
  if (r.stats.regionsPerDate.some((k) => k > 1)) counts.rich++;
  // The minimizer is in Ωⁿ and uWⁿ there (by unlinkedTransfers) is the value.
  expect(r.minimizer.length).toBe(model.T);
  expect(r.minimizer.every((x) => x.every((v) => v.sign() >= 0))).toBe(true);
  expect(inTypeSpaceRow(model, n, r.minimizer)).toBe(true);
  expect(uW(model, order, reports, n, r.minimizer).toString()).toBe(r.value.toString());
  // The grid is an upper bound, attained at its own minimizer; equal when it contains ours.
  const g = gridMinimum(model, order, reports, n, steps);
  expect(r.value.le(g.value)).toBe(true);
  expect(uW(model, order, reports, n, g.minimizer).toString()).toBe(g.value.toString());
  if (onGrid(model, n, r.minimizer, steps)) {
    counts.onGrid++;
    expect(g.value.toString()).toBe(r.value.toString());
  }
}

describe("random tiny instances: exact minimum vs grid and the definition", () => {
  for (const order of ["ord", "p-ord"] as const) {
    it(`linkedMinimum ≤ gridMinimum, attained at a point of Ωⁿ, equal when the minimizer is on the grid (${order})`, () => {
      const counts = { onGrid: 0, rich: 0 };
      fc.assert(
        fc.property(linkedMinInstanceArb({ order }), (inst) => {
          checkInstance(inst, inst.model.T === 3 ? 2 : 4, counts);
          // Agent n's own row in `reports` is ignored.
          const { model, reports, n } = inst;
          const other = withRow(reports, n, reports[n]!.map((x) => x.map((v) => v.add(Q.ONE))));
          expect(linkedMinimum(model, order, other, n).value.toString()).toBe(linkedMinimum(model, order, reports, n).value.toString());
        }),
        { seed: order === "ord" ? 11 : 12, numRuns: 60 },
      );
      expect(counts.onGrid).toBeGreaterThan(10); // the equality branch really ran
      expect(counts.rich).toBeGreaterThan(15); // and many draws really had several regions
    });
  }

  it("the same on the benchmark's generator (N = 3, T ∈ {2, 3}, I = 4, R = 2: several regions per date)", () => {
    const counts = { onGrid: 0, rich: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(2, 3), (seed, T) => {
        checkInstance(randomLinkedMinInstance(mulberry32(seed), { N: 3, T, I: 4, R: 2 }), 2, counts);
      }),
      { seed: 13, numRuns: 25 },
    );
    expect(counts.rich).toBeGreaterThan(8);
  });

  it("pruning is sound: the same value as solving every leaf (benchmark size, both orders)", () => {
    let pruned = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { model, order, reports, n } = randomLinkedMinInstance(mulberry32(seed), { N: 3, T: 3, I: 4, R: 2 });
        const fast = linkedMinimum(model, order, reports, n);
        const all = linkedMinimum(model, order, reports, n, { prune: false });
        if (fast.stats.leaves < all.stats.leaves) pruned++;
        expect(fast.value.toString()).toBe(all.value.toString());
      }),
      { seed: 17, numRuns: 40 },
    );
    expect(pruned).toBeGreaterThan(15);
  });

  it("the truth is never below the minimum (lWⁿ ≥ 0 on Ωⁿ)", () => {
    fc.assert(
      fc.property(linkedMinInstanceArb(), (inst) => {
        const { model, order, reports, n } = inst;
        const r = linkedMinimum(model, order, reports, n);
        // Any point of Ωⁿ: the midpoint of the average bounds, every date.
        const mid = Array.from({ length: model.T }, () => (model.muLow[n] as Q[]).map((l, i) => l.add((model.muHigh[n] as Q[])[i] as Q).div(Q.of(2))));
        expect(uW(model, order, reports, n, mid).ge(r.value)).toBe(true);
      }),
      { seed: 5, numRuns: 30 },
    );
  });
});

describe("ordA and p-ordA differ when agents hold unit-like projects", () => {
  it("a random instance where the two minima differ exists and both are certified", () => {
    let differ = 0;
    fc.assert(
      fc.property(linkedMinInstanceArb({ maxT: 2 }), (inst) => {
        const { model, reports, n } = inst;
        const a = linkedMinimum(model, "ord", reports, n);
        const b = linkedMinimum(model, "p-ord", reports, n);
        expect(uW(model, "ord", reports, n, a.minimizer).toString()).toBe(a.value.toString());
        expect(uW(model, "p-ord", reports, n, b.minimizer).toString()).toBe(b.value.toString());
        if (!a.value.eq(b.value)) differ++;
      }),
      { seed: 21, numRuns: 30 },
    );
    expect(differ).toBeGreaterThan(0);
  });
});

describe("input checks", () => {
  const model: RepeatedModel = {
    econ: { R: 1, I: 2, theta: [[q(2)], [q(1)]], supply: [q(8)] },
    N: 1,
    T: 1,
    beta: Q.ONE,
    muLow: [[q(1), q(0)]],
    muHigh: [[q(0), q(1)]],
  };
  it("rejects μ_ > μ̄ and a bad agent index", () => {
    expect(() => linkedMinimum(model, "ord", [[[q(0), q(0)]]], 0)).toThrow(InputError);
    const ok = { ...model, muLow: [[q(0), q(0)]] };
    expect(() => linkedMinimum(ok, "ord", [[[q(0), q(0)]]], 1)).toThrow(InputError);
    expect(() => gridMinimum(ok, "ord", [[[q(0), q(0)]]], 0, 0)).toThrow(InputError);
  });
});

describe("benchLinkedMinimum", () => {
  it("is deterministic in its instances and never finds the grid below the exact value", () => {
    const a = benchLinkedMinimum(3, 1);
    const b = benchLinkedMinimum(3, 1);
    expect(a.agree).toBe(b.agree);
    expect(a.agree).toBeLessThanOrEqual(3);
    expect(a.gridSteps).toBeGreaterThan(0);
    expect(Number.isFinite(a.exactMsMedian) && Number.isFinite(a.gridMsMedian)).toBe(true);
  });
});
