/**
 * Cross-checks of the exact linked VCG minimum against references that do not share its search:
 *
 * 1. An exhaustive exact reference. It shares only the knapsack-basis regions (step (a) of
 *    linked-min-cells.ts: where α(x) is affine). Everything else is independent of linkedMinimum:
 *     - each region is cut into the three polyhedral REGIMES of agent n's share (s = 0, s = α − a,
 *       s = x) instead of the min/max pieces, with interior points found by src/lp's solveLP;
 *     - the affine formula of g_t on each regime cell is NOT derived: it is interpolated from the
 *       definition (allocateDate + knapsacks, via trueDateValue) at an interior point p and the points
 *       p + ε e_i — if g_t were not affine there, the reference would be wrong and disagree;
 *     - every product of cells over the dates is solved with src/lp's exact solver (no floats, no
 *       pruning, no Lagrangian bounds), and the reference is the least of all these minima.
 * 2. For T = 1, I ≤ 3: dense sampling of Ωⁿ (a regular grid of the box [T·μ_, T·μ̄]) and a refinement
 *    around the exact minimizer, all evaluated through unlinkedTransfers — no cells, no LPs. No sample
 *    may be below the exact minimum, and the minimizer must attain it.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q } from "../../../src/exact/rational.js";
import { solveLP, type LpRow } from "../../../src/lp/index.js";
import { withRow, type Profile, type RepeatedModel } from "../../../src/models/zhu2021/repeated.js";
import type { Order } from "../../../src/mechanisms/zhu2021/allocation.js";
import { linkedMinimum } from "../../../src/mechanisms/zhu2021/linked-min.js";
import { linkedMinInstanceArb } from "../../../src/mechanisms/zhu2021/linked-min-arb.js";
import { randomLinkedMinInstance } from "../../../src/mechanisms/zhu2021/linked-min-bench.js";
import { mulberry32 } from "../../../src/exact/prng.js";
import { dateSetup, enumerateRegions, trueDateValue } from "../../../src/mechanisms/zhu2021/linked-min-cells.js";
import { newLpStats, type Halfspace } from "../../../src/mechanisms/zhu2021/linked-min-lp.js";
import { unlinkedTransfers } from "../../../src/mechanisms/zhu2021/vcg.js";

const dot = (a: readonly Q[], x: readonly Q[]) => a.reduce((s, v, i) => s.add(v.mul(x[i] as Q)), Q.ZERO);

/** A strict interior point of {x ∈ [0, U] : rows} (coordinates with U_i = 0 fixed at 0), by solveLP. */
function interior(rows: readonly Halfspace[], U: readonly Q[]): Q[] | undefined {
  const I = U.length;
  const lpRows: LpRow[] = rows.map((h) => ({ a: [...h.a, h.a.every((v, i) => v.isZero() || (U[i] as Q).isZero()) ? Q.ZERO : Q.ONE], op: "<=", b: h.b }));
  for (let i = 0; i < I; i++) {
    if ((U[i] as Q).isZero()) continue;
    const e = new Array<Q>(I + 1).fill(Q.ZERO);
    e[i] = Q.MINUS_ONE;
    e[I] = Q.ONE;
    lpRows.push({ a: e, op: "<=", b: Q.ZERO });
    const f = new Array<Q>(I + 1).fill(Q.ZERO);
    f[i] = Q.ONE;
    f[I] = Q.ONE;
    lpRows.push({ a: f, op: "<=", b: U[i] as Q });
  }
  const c = new Array<Q>(I + 1).fill(Q.ZERO);
  c[I] = Q.ONE;
  const r = solveLP({ sense: "max", c, rows: lpRows, lower: [...U.map(() => Q.ZERO), Q.MINUS_ONE], upper: [...U, Q.ONE] });
  if (r.status !== "optimal" || (r.x[I] as Q).sign() <= 0) return undefined;
  const x = r.x.slice(0, I);
  // Rows that do not involve a free coordinate must hold (they are constant there).
  if (!rows.every((h) => dot(h.a, x).le(h.b))) return undefined;
  return x;
}

interface RefCell {
  rows: Halfspace[];
  a: Q[];
  b: Q;
}

function referenceMinimum(model: RepeatedModel, order: Order, reports: Profile, n: number): Q {
  const { T, econ } = model;
  const I = econ.I;
  const U = (model.muHigh[n] as Q[]).map((h) => h.mul(Q.of(T)));
  const L = (model.muLow[n] as Q[]).map((h) => h.mul(Q.of(T)));
  const perDate: RefCell[][] = [];
  for (let t = 0; t < T; t++) {
    const setup = dateSetup(model, order, reports, n, t);
    const regions = enumerateRegions(model, order, setup, n, U, { candidates: 0, lp: newLpStats() });
    const cells: RefCell[] = [];
    for (const region of regions) {
      let partial: Halfspace[][] = [region.rows.slice()];
      for (const br of region.branches) {
        const e = { a: br.alpha.a, b: br.alpha.b.sub(br.above) }; // α_j − a_j
        const le = (f: { a: readonly Q[]; b: Q }): Halfspace => ({ a: f.a.slice(), b: f.b.neg() });
        const ge = (f: { a: readonly Q[]; b: Q }): Halfspace => ({ a: f.a.map((v) => v.neg()), b: f.b });
        const ex = { a: e.a.map((v, i) => (i === br.type ? v.sub(Q.ONE) : v)), b: e.b }; // α_j − a_j − x_j
        partial = partial.flatMap((rows) => [[...rows, le(e)], [...rows, ge(e), le(ex)], [...rows, ge(ex)]]);
      }
      for (const rows of partial) {
        const p = interior(rows, U);
        if (p === undefined) continue;
        // Interpolate the affine formula from the definition.
        const g0 = trueDateValue(model, order, setup, n, p);
        const a = new Array<Q>(I).fill(Q.ZERO);
        for (let i = 0; i < I; i++) {
          if ((U[i] as Q).isZero()) continue;
          let eps = (U[i] as Q).sub(p[i] as Q).div(Q.of(2));
          for (const h of rows) {
            const c = h.a[i] as Q;
            if (c.sign() > 0) eps = Q.min(eps, h.b.sub(dot(h.a, p)).div(c).div(Q.of(2)));
          }
          const pe = p.slice();
          pe[i] = (p[i] as Q).add(eps);
          a[i] = trueDateValue(model, order, setup, n, pe).sub(g0).div(eps);
        }
        cells.push({ rows, a: a.map((v) => v.mul(setup.weight)), b: g0.sub(dot(a, p)).mul(setup.weight) });
      }
    }
    perDate.push(cells);
  }
  let best: Q | null = null;
  const pick: RefCell[] = [];
  const rec = (t: number): void => {
    if (t === T) {
      const nv = T * I;
      const rows: LpRow[] = [];
      const c = new Array<Q>(nv).fill(Q.ZERO);
      let k = Q.ZERO;
      pick.forEach((cell, s) => {
        cell.a.forEach((v, i) => (c[s * I + i] = v));
        k = k.add(cell.b);
        for (const h of cell.rows) {
          const a = new Array<Q>(nv).fill(Q.ZERO);
          h.a.forEach((v, i) => (a[s * I + i] = v));
          rows.push({ a, op: "<=", b: h.b });
        }
      });
      for (let i = 0; i < I; i++) {
        const a = new Array<Q>(nv).fill(Q.ZERO);
        for (let s = 0; s < T; s++) a[s * I + i] = Q.ONE;
        rows.push({ a, op: "<=", b: U[i] as Q });
        rows.push({ a, op: ">=", b: L[i] as Q });
      }
      const r = solveLP({ sense: "min", c, rows, lower: new Array<Q>(nv).fill(Q.ZERO), upper: Array.from({ length: nv }, (_, j) => U[j % I] as Q) });
      if (r.status === "optimal") {
        const v = r.value.add(k);
        if (best === null || v.lt(best)) best = v;
      }
      return;
    }
    for (const cell of perDate[t] as RefCell[]) {
      pick[t] = cell;
      rec(t + 1);
    }
  };
  rec(0);
  if (best === null) throw new Error("reference: no feasible product of cells");
  return best;
}

describe("exhaustive exact reference (regime cells, interpolated formulas, src/lp, no pruning)", () => {
  it("agrees exactly with linkedMinimum on tiny instances, both orders", () => {
    let rich = 0;
    fc.assert(
      fc.property(linkedMinInstanceArb({ maxT: 2, maxExtra: 1 }), (inst) => {
        const { model, order, reports, n } = inst;
        const ref = referenceMinimum(model, order, reports, n);
        const r = linkedMinimum(model, order, reports, n);
        if (r.stats.regionsPerDate.some((k) => k > 1)) rich++;
        expect(r.value.toString()).toBe(ref.toString());
      }),
      { seed: 3, numRuns: 60 },
    );
    expect(rich).toBeGreaterThanOrEqual(12);
  });

  it("agrees on T = 1 with up to four types", () => {
    fc.assert(
      fc.property(linkedMinInstanceArb({ maxT: 1, maxExtra: 2 }), (inst) => {
        const { model, order, reports, n } = inst;
        expect(linkedMinimum(model, order, reports, n).value.toString()).toBe(referenceMinimum(model, order, reports, n).toString());
      }),
      { seed: 4, numRuns: 40 },
    );
  });

  it("agrees on the benchmark's generator at N = 3, T = 2, I = 3, R = 2 (several regions per date)", () => {
    let rich = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { model, order, reports, n } = randomLinkedMinInstance(mulberry32(seed), { N: 3, T: 2, I: 3, R: 2 });
        const r = linkedMinimum(model, order, reports, n);
        if (r.stats.regionsPerDate.some((k) => k > 1)) rich++;
        expect(r.value.toString()).toBe(referenceMinimum(model, order, reports, n).toString());
      }),
      { seed: 8, numRuns: 30 },
    );
    expect(rich).toBeGreaterThanOrEqual(6);
  });
});

describe("T = 1, I ≤ 3: dense sampling of Ωⁿ through unlinkedTransfers", () => {
  it("no sample is below the exact minimum; the minimizer attains it; the refinement around it finds nothing lower", () => {
    fc.assert(
      fc.property(linkedMinInstanceArb({ maxT: 1, maxExtra: 1, maxN: 2 }), (inst) => {
        const { model, order, reports, n } = inst;
        const I = model.econ.I;
        const lo = model.muLow[n] as Q[], hi = model.muHigh[n] as Q[]; // T = 1: Ωⁿ is the box [μ_, μ̄]
        const r = linkedMinimum(model, order, reports, n);
        const f = (x: Q[]) => unlinkedTransfers(model, withRow(reports, n, [x]), order)[n] as Q;
        expect(f(r.minimizer[0] as Q[]).toString()).toBe(r.value.toString());
        const steps = I <= 2 ? 12 : 6;
        const axis = (i: number) => Array.from({ length: steps + 1 }, (_, k) => (lo[i] as Q).add((hi[i] as Q).sub(lo[i] as Q).mul(Q.of(k, steps))));
        let pts: Q[][] = [[]];
        for (let i = 0; i < I; i++) pts = pts.flatMap((p) => axis(i).map((v) => [...p, v]));
        // Refinement: the minimizer ± δ·(U − L) in every direction of {−1, 0, 1}^I, clipped to the box.
        const xm = r.minimizer[0] as Q[];
        for (const frac of [Q.of(1, 20), Q.of(1, 300)]) {
          let dirs: number[][] = [[]];
          for (let i = 0; i < I; i++) dirs = dirs.flatMap((d) => [-1, 0, 1].map((s) => [...d, s]));
          for (const d of dirs) {
            pts.push(xm.map((v, i) => {
              const w = v.add((hi[i] as Q).sub(lo[i] as Q).mul(frac).mul(Q.of(d[i] as number)));
              return Q.min(hi[i] as Q, Q.max(lo[i] as Q, w));
            }));
          }
        }
        for (const p of pts) expect(f(p).ge(r.value)).toBe(true);
      }),
      { seed: 9, numRuns: 12 },
    );
  });
});
