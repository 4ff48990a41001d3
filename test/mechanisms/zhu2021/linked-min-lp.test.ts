/**
 * The small-LP layer of the linked VCG minimum (src/mechanisms/zhu2021/linked-min-lp.ts): a float
 * simplex that only searches, and exact certificates that decide. Checked against src/lp's certified
 * exact solver (a different algorithm: exact two-phase Bland simplex) on random boxed LPs, including
 * infeasible and degenerate ones.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q } from "../../../src/exact/rational.js";
import { solveLP, type LpRow } from "../../../src/lp/index.js";
import { approxRational, boundLp, dualBound, feasibleQ, interiorPoint, newLpStats, solveExact, type Halfspace, type SmallLp } from "../../../src/mechanisms/zhu2021/linked-min-lp.js";

const small = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 3 })).map(([k, d]) => Q.of(k, d));
const pos = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 2 })).map(([k, d]) => Q.of(k, d));

/** Random boxed LPs; duplicated and opposite rows make degenerate vertices and thin feasible sets. */
const lpArb: fc.Arbitrary<SmallLp> = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 0, max: 8 }) })
  .chain(({ n, m }) =>
    fc.record({
      c: fc.array(small, { minLength: n, maxLength: n }),
      rows: fc.array(fc.record({ a: fc.array(small, { minLength: n, maxLength: n }), b: small }), { minLength: m, maxLength: m }),
      lo: fc.array(small, { minLength: n, maxLength: n }),
      width: fc.array(pos, { minLength: n, maxLength: n }),
      dup: fc.boolean(),
    }),
  )
  .map(({ c, rows, lo, width, dup }) => {
    const rs: Halfspace[] = rows.map((r) => ({ a: r.a, b: r.b }));
    if (dup && rs.length > 0) {
      const r0 = rs[0] as Halfspace;
      rs.push({ a: r0.a.slice(), b: r0.b }, { a: r0.a.map((v) => v.neg()), b: r0.b.neg() }); // an equality
    }
    return { n: c.length, c, rows: rs, lo, hi: lo.map((l, j) => l.add(width[j] as Q)) };
  });

function reference(lp: SmallLp) {
  return solveLP({ sense: "min", c: lp.c, rows: lp.rows.map((r): LpRow => ({ a: r.a, op: "<=", b: r.b })), lower: lp.lo, upper: lp.hi });
}

describe("solveExact", () => {
  it("agrees with src/lp on status and optimal value; its point is feasible and attains the value", () => {
    let infeasible = 0;
    fc.assert(
      fc.property(lpArb, (lp) => {
        const ref = reference(lp);
        const r = solveExact(lp, newLpStats());
        expect(r.status).toBe(ref.status);
        if (r.status === "optimal" && ref.status === "optimal") {
          expect(r.value.toString()).toBe(ref.value.toString());
          expect(feasibleQ(lp, r.x)).toBe(true);
          expect(lp.c.reduce((s, v, j) => s.add(v.mul(r.x[j] as Q)), Q.ZERO).toString()).toBe(r.value.toString());
        } else infeasible++;
      }),
      { seed: 31, numRuns: 300 },
    );
    expect(infeasible).toBeGreaterThan(20);
  });
});

describe("boundLp", () => {
  it("prunes only when the exact minimum is ≥ the cutoff; otherwise reports the exact optimum (leaves) or a float value", () => {
    fc.assert(
      fc.property(lpArb, small, fc.boolean(), (lp, cutoff, needExact) => {
        const ref = reference(lp);
        const r = boundLp(lp, cutoff, needExact, newLpStats());
        if (r.kind === "pruned") expect(ref.status === "infeasible" || (ref.status === "optimal" && ref.value.ge(cutoff))).toBe(true);
        else {
          expect(ref.status).toBe("optimal");
          if (ref.status !== "optimal") return;
          expect(ref.value.lt(cutoff)).toBe(true);
          if (r.kind === "optimal") expect(r.value.toString()).toBe(ref.value.toString());
          else {
            expect(needExact).toBe(false);
            expect(Math.abs(r.floatValue - ref.value.toNumber())).toBeLessThan(1e-6);
          }
        }
      }),
      { seed: 32, numRuns: 300 },
    );
  });
});

describe("dualBound", () => {
  it("is a lower bound on the minimum for every y ≥ 0 (weak duality), and > 0 without objective only when infeasible", () => {
    fc.assert(
      fc.property(lpArb, fc.array(pos, { minLength: 10, maxLength: 10 }), (lp, ys) => {
        const y = lp.rows.map((_, i) => ys[i % ys.length] as Q);
        const ref = reference(lp);
        if (ref.status === "optimal") {
          expect(dualBound(lp, y).le(ref.value)).toBe(true);
          expect(dualBound(lp, y, false).sign() <= 0).toBe(true);
        }
      }),
      { seed: 33, numRuns: 300 },
    );
  });
});

describe("interiorPoint", () => {
  it("returns a strict interior point exactly when src/lp finds max τ > 0", () => {
    let found = 0, none = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((k) =>
          fc.record({
            rows: fc.array(fc.record({ a: fc.array(small, { minLength: k, maxLength: k }), b: small }), { maxLength: 6 }),
            upper: fc.array(fc.oneof(fc.constant(Q.ZERO), pos), { minLength: k, maxLength: k }),
            thin: fc.boolean(),
          }),
        ),
        ({ rows, upper, thin }) => {
          const rs: Halfspace[] = rows.map((r) => ({ a: r.a, b: r.b }));
          if (thin && rs.length > 0) rs.push({ a: (rs[0] as Halfspace).a.map((v) => v.neg()), b: (rs[0] as Halfspace).b.neg() }); // a hyperplane: no interior
          const k = upper.length;
          const p = interiorPoint(rs, upper, newLpStats());
          // Reference: max τ s.t. a·x + τ ≤ b on rows touching a free coordinate, τ ≤ x_i ≤ U_i − τ on free ones.
          const free = upper.map((u) => u.sign() > 0);
          const lpRows: LpRow[] = rs.map((h) => ({ a: [...h.a.map((v, i) => (free[i] ? v : Q.ZERO)), h.a.some((v, i) => free[i] && !v.isZero()) ? Q.ONE : Q.ZERO], op: "<=", b: h.b }));
          upper.forEach((u, i) => {
            if (!free[i]) return;
            const e = new Array<Q>(k + 1).fill(Q.ZERO);
            e[i] = Q.MINUS_ONE;
            e[k] = Q.ONE;
            lpRows.push({ a: e, op: "<=", b: Q.ZERO });
            const f = new Array<Q>(k + 1).fill(Q.ZERO);
            f[i] = Q.ONE;
            f[k] = Q.ONE;
            lpRows.push({ a: f, op: "<=", b: u });
          });
          const c = new Array<Q>(k + 1).fill(Q.ZERO);
          c[k] = Q.ONE;
          const ref = solveLP({ sense: "max", c, rows: lpRows, lower: [...upper.map(() => Q.ZERO), Q.of(-100)], upper: [...upper, Q.ONE] });
          const hasInterior = ref.status === "optimal" && (ref.x[k] as Q).sign() > 0;
          expect(p !== undefined).toBe(hasInterior);
          if (p !== undefined) {
            found++;
            upper.forEach((u, i) => (free[i] ? expect((p[i] as Q).sign() > 0 && (p[i] as Q).lt(u)).toBe(true) : expect((p[i] as Q).isZero()).toBe(true)));
            // Strict on rows that involve a free coordinate; rows that do not are constant and must hold.
            for (const h of rs) {
              const ax = h.a.reduce((s, v, i) => s.add(v.mul(p[i] as Q)), Q.ZERO);
              expect(h.a.some((v, i) => free[i] && !v.isZero()) ? ax.lt(h.b) : ax.le(h.b)).toBe(true);
            }
          } else none++;
        },
      ),
      { seed: 34, numRuns: 300 },
    );
    expect(found).toBeGreaterThan(30);
    expect(none).toBeGreaterThan(30);
  });
});

describe("approxRational", () => {
  it("recovers small fractions from their doubles", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 999 }), (a, b) => {
        expect(approxRational(a / b).eq(Q.of(a, b))).toBe(true);
      }),
      { seed: 35, numRuns: 300 },
    );
  });
});
