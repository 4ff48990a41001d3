/**
 * The float-guided, certified α*(u) (src/models/bgs2019/alpha-star*.ts) against independent answers:
 * the previous implementation (test/models/bgs2019/alpha-star-reference.ts: support points from
 * products of piecewise CDFs, Kelley with an exact LP at every step), brute force over the joint
 * support (discrete values: the whole problem as one exact LP over profiles), exact values on a grid
 * of the simplex (densities: the enclosure must hold every point as good as the lower bound), and
 * frontier states ∇φ(a) at rational a, where I_𝒰 = 0 exactly. Fixed seeds throughout.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../../src/exact/rational.js";
import { optimizeOverOptimalFace, solveLP, type LinearProgram } from "../../../src/lp/index.js";
import { alphaStar, supportPoint } from "../../../src/models/bgs2019/alpha-star.js";
import { supportOracle } from "../../../src/models/bgs2019/alpha-star-support.js";
import { certifyBasis, floatSimplex, toFloatLp, type ExactLp } from "../../../src/models/bgs2019/alpha-star-float-lp.js";
import type { ValueDist } from "../../../src/models/bgs2019/distribution.js";
import { phi } from "../../../src/models/bgs2019/support.js";
import { alphaArb, densityArb, discreteArb, distsArb } from "../../../src/search/bgs2019.js";
import { referenceAlphaStar, referenceSupportPoint } from "./alpha-star-reference.js";

const g = (ds: readonly ValueDist[], u: readonly Q[], x: readonly Q[]) => x.reduce((a, xi, i) => a.add(xi.mul(u[i]!)), Q.ZERO).sub(phi(ds, x));
const inBox = (x: readonly Q[], lo: readonly Q[], hi: readonly Q[]) => x.every((xi, i) => xi.ge(lo[i]!) && xi.le(hi[i]!));
const str = (xs: readonly Q[]) => xs.map(String);

/** Grid points of the simplex with denominator k. */
function grid(n: number, k: number): Q[][] {
  if (n === 1) return [[Q.ONE]];
  const out: Q[][] = [];
  const rec = (prefix: number[], left: number) => {
    if (prefix.length === n - 1) return void out.push([...prefix, left].map((c) => q(c, k)));
    for (let c = 0; c <= left; c++) rec([...prefix, c], left - c);
  };
  rec([], k);
  return out;
}

/** Brute force for discrete values: max uᵀx − Σ_v P(v)·t_v, t_v ≥ xᵢvᵢ, over every profile v, as one exact LP. */
function profileLp(ds: readonly ValueDist[], u: readonly Q[]): LinearProgram {
  const n = ds.length;
  let profiles: { p: Q; v: Q[] }[] = [{ p: Q.ONE, v: [] }];
  for (const d of ds) {
    if (d.kind !== "discrete") throw new Error("discrete only");
    profiles = profiles.flatMap((pr) => d.points.map((x) => ({ p: pr.p.mul(x.p), v: [...pr.v, x.v] })));
  }
  const P = profiles.length;
  const row = (i: number, k: number, vi: Q) => ({ a: [...u.map((_, j) => (j === i ? vi : Q.ZERO)), ...profiles.map((_, m) => (m === k ? Q.MINUS_ONE : Q.ZERO))], op: "<=" as const, b: Q.ZERO });
  return {
    sense: "max",
    c: [...u, ...profiles.map((pr) => pr.p.neg())],
    rows: [{ a: [...u.map(() => Q.ONE), ...profiles.map(() => Q.ZERO)], op: "=", b: Q.ONE }, ...profiles.flatMap((pr, k) => pr.v.map((vi, i) => row(i, k, vi)))],
    lower: new Array<Q>(n + P).fill(Q.ZERO),
  };
}

/** valueLo ≤ I ≤ valueHi and the enclosure: no grid point beats valueHi, and every one reaching valueLo lies in the box. */
function expectEnclosure(ds: readonly ValueDist[], u: readonly Q[], a: { valueLo: Q; valueHi: Q; boxLo: readonly Q[]; boxHi: readonly Q[] }, k: number): void {
  expect(a.valueLo.le(a.valueHi)).toBe(true);
  for (const x of grid(ds.length, k)) {
    const gx = g(ds, u, x);
    expect(gx.le(a.valueHi)).toBe(true);
    if (gx.ge(a.valueLo)) expect(inBox(x, a.boxLo, a.boxHi)).toBe(true);
  }
}

/** Instances with a rational normal a ∈ Δ (weights normalized; all ones when they all vanish). */
const withNormal = (dists: fc.Arbitrary<ValueDist[]>) =>
  dists.chain((ds) =>
    fc.tuple(
      fc.constant(ds),
      alphaArb(ds.length).map((x) => {
        const w = x.every((v) => v.isZero()) ? x.map(() => Q.ONE) : x;
        const tot = w.reduce((a, v) => a.add(v), Q.ZERO);
        return w.map((v) => v.div(tot));
      }),
    ),
  );

const uArb = (n: number) => fc.array(fc.nat({ max: 8 }), { minLength: n, maxLength: n }).map((xs) => xs.map((x) => Q.of(x, 4)));

describe("support points by one sweep over the weighted values' breakpoints", () => {
  it("equal the previous products of piecewise CDFs exactly, for every kind, zero weights and ties", () => {
    fc.assert(
      fc.property(
        distsArb({ minAgents: 1, maxAgents: 4 }).chain((ds) => fc.tuple(fc.constant(ds), alphaArb(ds.length))),
        ([ds, x]) => {
          if (x.every((v) => v.isZero())) x = x.map(() => Q.ONE);
          const O = supportOracle(ds);
          expect(str(O.exact(x))).toEqual(str(referenceSupportPoint(ds, x)));
          // Doubles agree away from ties (which floats break arbitrarily): at a generic nearby point, exactly converted.
          const xf = x.map((v, i) => v.toNumber() + Math.sqrt(i + 2) / 1000);
          const s = O.exact(xf.map((v) => Q.of(BigInt(v * 2 ** 64), 1n << 64n)));
          O.float(xf).forEach((f, i) => expect(Math.abs(f - s[i]!.toNumber())).toBeLessThan(1e-12 * (1 + Math.abs(f))));
        },
      ),
      { numRuns: 300, seed: 21 },
    );
  });

  it("densities: the jet's Hessian matches central differences of u′ in doubles, and ∇²φ·x = 0", () => {
    fc.assert(
      fc.property(fc.array(densityArb(), { minLength: 2, maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 4, maxLength: 4 }), (ds, w) => {
        const n = ds.length, O = supportOracle(ds);
        // Off the rational grid, so that no two breakpoints xᵢbᵢ = xₖbₖ meet (∇²φ jumps there).
        const x = w.slice(0, n).map((v, i) => (v + Math.sqrt(i + 2) / 7) / 10);
        const { s, H } = O.jet(x);
        O.float(x).forEach((v, i) => expect(Math.abs(v - s[i]!)).toBeLessThan(1e-12));
        for (let k = 0; k < n; k++) {
          const h = 1e-6, up = x.map((v, i) => (i === k ? v + h : v)), dn = x.map((v, i) => (i === k ? v - h : v));
          const su = O.float(up), sd = O.float(dn);
          for (let i = 0; i < n; i++) expect(Math.abs((su[i]! - sd[i]!) / (2 * h) - H[i]![k]!)).toBeLessThan(1e-5 * (1 + Math.abs(H[i]![k]!)));
        }
        H.forEach((row) => expect(Math.abs(row.reduce((a, h, k) => a + h * x[k]!, 0))).toBeLessThan(1e-9));
      }),
      { numRuns: 60, seed: 22 },
    );
  });
});

describe("the float simplex proposes, the exact basis check disposes", () => {
  it("on random LPs: the float optimum matches the exact one, and a certified basis is exactly optimal", () => {
    const rowArb = (n: number) => fc.record({ a: fc.array(fc.integer({ min: -4, max: 6 }), { minLength: n, maxLength: n }), op: fc.constantFrom("<=" as const, ">=" as const, "=" as const), b: fc.integer({ min: -3, max: 8 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }), fc.array(rowArb(n), { minLength: 1, maxLength: 7 }))), ([c, rows]) => {
        const lp: ExactLp = { c: c.map((v) => Q.of(v)), rows: [...rows, { a: c.map(() => 1), op: "<=" as const, b: 10 }].map((r) => ({ a: r.a.map((v) => Q.of(v)), op: r.op, b: Q.of(r.b) })) };
        const ex = solveLP({ sense: "max", c: lp.c, rows: lp.rows });
        const fl = floatSimplex(toFloatLp(lp));
        if (ex.status !== "optimal") return void expect(fl).toBeNull();
        expect(fl).not.toBeNull();
        expect(Math.abs(fl!.value - ex.value.toNumber())).toBeLessThan(1e-8);
        const cert = certifyBasis(lp, fl!.basis);
        if (cert) expect(cert.value.toString()).toBe(ex.value.toString());
      }),
      { numRuns: 300, seed: 23 },
    );
  });
});

describe("discrete values: exact optimum and exact maximizer box", () => {
  it("match brute force over the joint support (the whole problem as one exact LP) for up to three agents", () => {
    fc.assert(
      fc.property(fc.array(discreteArb(3), { minLength: 2, maxLength: 3 }).chain((ds) => fc.tuple(fc.constant(ds), uArb(ds.length))), ([ds, u]) => {
        const a = alphaStar(ds, u);
        const lp = profileLp(ds, u);
        const r = solveLP(lp);
        if (r.status !== "optimal") throw new Error("brute force LP not optimal");
        expect(a.exact).toBe(true);
        expect([a.valueLo.toString(), a.valueHi.toString()]).toEqual([r.value.toString(), r.value.toString()]);
        expect(g(ds, u, a.alpha).toString()).toBe(r.value.toString());
        ds.forEach((_, i) => {
          expect(a.boxLo[i]!.toString()).toBe(optimizeOverOptimalFace(lp, i, "min").value.toString());
          expect(a.boxHi[i]!.toString()).toBe(optimizeOverOptimalFace(lp, i, "max").value.toString());
        });
      }),
      { numRuns: 40, seed: 24 },
    );
  });

  it("match the previous exact Kelley for four agents with five-point supports, inside and outside 𝒰", () => {
    fc.assert(
      fc.property(fc.array(discreteArb(5), { minLength: 4, maxLength: 4 }), alphaArb(4), fc.constantFrom(q(1), q(99, 100), q(11, 10), q(1, 2)), (ds, x, t) => {
        if (x.every((v) => v.isZero())) x = x.map(() => Q.ONE);
        const u = supportPoint(ds, x).map((v) => v.mul(t));
        const a = alphaStar(ds, u), b = referenceAlphaStar(ds, u);
        expect(a.valueLo.toString()).toBe(b.valueLo.toString());
        expect([str(a.boxLo), str(a.boxHi)]).toEqual([str(b.boxLo), str(b.boxHi)]);
        expect(inBox(a.alpha, a.boxLo, a.boxHi)).toBe(true);
      }),
      { numRuns: 12, seed: 25 },
    );
  });

  it("a frontier state ∇φ(a) (ties broken by index) has I_𝒰 = 0 exactly and a in the box", () => {
    fc.assert(
      fc.property(withNormal(fc.array(discreteArb(4), { minLength: 2, maxLength: 4 })), ([ds, a]) => {
        const r = alphaStar(ds, supportPoint(ds, a));
        expect([r.valueLo.sign(), r.valueHi.sign()]).toEqual([0, 0]);
        expect(inBox(a, r.boxLo, r.boxHi)).toBe(true);
      }),
      { numRuns: 40, seed: 26 },
    );
  });
});

describe("densities: certified bounds and enclosure", () => {
  it("every grid point at least as good as valueLo lies in the box, and none beats valueHi", () => {
    fc.assert(
      fc.property(fc.array(densityArb(3), { minLength: 2, maxLength: 3 }).chain((ds) => fc.tuple(fc.constant(ds), uArb(ds.length))), ([ds, u]) => {
        const a = alphaStar(ds, u, { width: q(1, 50) });
        expect(a.valueHi.sub(a.valueLo).le(q(1, 1_000_000))).toBe(true);
        expect(inBox(a.alpha, a.boxLo, a.boxHi)).toBe(true);
        expectEnclosure(ds, u, a, ds.length === 2 ? 40 : 16);
      }),
      { numRuns: 25, seed: 27 },
    );
  });

  it("mixed kinds (a discrete agent makes φ kinked; the guess comes from float Kelley): the same enclosure property", () => {
    fc.assert(
      fc.property(fc.tuple(densityArb(3), discreteArb(3), fc.option(densityArb(2), { nil: undefined })).chain(([a, b, c]) => {
        const ds = c ? [a, b, c] : [b, a];
        return fc.tuple(fc.constant(ds), uArb(ds.length));
      }), ([ds, u]) => {
        const a = alphaStar(ds, u, { width: q(1, 20) });
        expect(a.exact).toBe(false);
        expect(a.valueHi.sub(a.valueLo).le(q(1, 1_000_000))).toBe(true);
        expectEnclosure(ds, u, a, ds.length === 2 ? 40 : 12);
      }),
      { numRuns: 15, seed: 31 },
    );
  });

  it("overlaps the previous Kelley's certified interval and box", () => {
    fc.assert(
      fc.property(fc.array(densityArb(2), { minLength: 2, maxLength: 3 }), alphaArb(3), fc.constantFrom(q(1), q(9, 10), q(6, 5)), (ds, x, t) => {
        x = x.slice(0, ds.length);
        if (x.every((v) => v.isZero())) x = x.map(() => Q.ONE);
        const u = supportPoint(ds, x).map((v) => v.mul(t));
        const opts = { width: q(1, 100) };
        const a = alphaStar(ds, u, opts), b = referenceAlphaStar(ds, u, opts);
        expect(a.valueLo.le(b.valueHi) && b.valueLo.le(a.valueHi)).toBe(true);
        ds.forEach((_, i) => expect(a.boxLo[i]!.le(b.boxHi[i]!) && b.boxLo[i]!.le(a.boxHi[i]!)).toBe(true));
      }),
      { numRuns: 6, seed: 28 },
    );
  });

  it("frontier states ∇φ(a) at rational a: I_𝒰 = 0 exactly (also when only the sign is asked), a in the box; scaled out or in, the sign is certified", () => {
    fc.assert(
      fc.property(withNormal(fc.array(densityArb(5), { minLength: 2, maxLength: 4 })), ([ds, a]) => {
        const u = supportPoint(ds, a);
        const r = alphaStar(ds, u, { width: q(1, 100) });
        expect([r.valueLo.sign(), r.valueHi.sign()]).toEqual([0, 0]);
        expect(inBox(a, r.boxLo, r.boxHi)).toBe(true);
        const s = alphaStar(ds, u, { signOnly: true });
        expect([s.valueLo.sign(), s.valueHi.sign()]).toEqual([0, 0]);
        // Scaled up, u leaves 𝒰 (I > 0 certified); scaled down, it stays in (I ≤ 0 certified: membership).
        if (u.some((v) => v.sign() > 0)) {
          expect(alphaStar(ds, u.map((v) => v.mul(q(11, 10))), { signOnly: true }).valueLo.sign()).toBe(1);
          expect(alphaStar(ds, u.map((v) => v.mul(q(9, 10))), { signOnly: true }).valueHi.sign()).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 40, seed: 29 },
    );
  });

  it("four agents with five pieces at central states: the tolerance and the width asked are met", () => {
    fc.assert(
      fc.property(fc.array(densityArb(5), { minLength: 4, maxLength: 4 }), alphaArb(4), fc.constantFrom(q(1), q(99, 100), q(1, 2)), (ds, x, t) => {
        if (x.some((v) => v.isZero())) x = x.map((v) => v.add(q(1, 6)));
        const u = supportPoint(ds, x).map((v) => v.mul(t));
        const r = alphaStar(ds, u, { width: q(1, 100) });
        expect(r.valueHi.sub(r.valueLo).le(q(1, 1_000_000))).toBe(true);
        r.boxHi.forEach((h, i) => expect(h.sub(r.boxLo[i]!).le(q(1, 100))).toBe(true));
        expect(inBox(r.alpha, r.boxLo, r.boxHi)).toBe(true);
      }),
      { numRuns: 20, seed: 30 },
    );
  });
});
