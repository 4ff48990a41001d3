/**
 * fast-check arbitraries over bgs2019's value distributions: discrete supports (small integers
 * scaled by 1/2, lopsided weights, ties between agents likely) and piecewise-uniform densities on
 * [0, v̄] (contiguous pieces with integer breakpoints and positive masses), shrinking toward few
 * points, few pieces and small numbers so that counterexamples read like hand-made examples.
 */
import * as fc from "fast-check";
import { Q } from "../exact/rational.js";
import { mean, type ValueDist } from "../models/bgs2019/distribution.js";
import { supportPoint } from "../models/bgs2019/alpha-star.js";

const weight = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }) }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 99 }) });

export function discreteArb(maxPoints = 4): fc.Arbitrary<ValueDist> {
  return fc.uniqueArray(fc.record({ v: fc.nat({ max: 8 }), w: weight }), { minLength: 1, maxLength: maxPoints, selector: (x) => x.v }).map((pts) => {
    const tot = pts.reduce((a, x) => a + x.w, 0);
    return { kind: "discrete" as const, points: [...pts].sort((a, b) => a.v - b.v).map((x) => ({ v: Q.of(x.v, 2), p: Q.of(x.w, tot) })) };
  });
}

export function densityArb(maxPieces = 4): fc.Arbitrary<ValueDist> {
  return fc.array(fc.record({ len: fc.integer({ min: 1, max: 4 }), w: weight }), { minLength: 1, maxLength: maxPieces }).map((ps) => {
    const tot = ps.reduce((a, x) => a + x.w, 0);
    let at = 0;
    return {
      kind: "density" as const,
      pieces: ps.map((x) => {
        const from = at;
        at += x.len;
        return { from: Q.of(from, 2), to: Q.of(at, 2), p: Q.of(x.w, tot) };
      }),
    };
  });
}

export interface DistShape {
  readonly minAgents?: number;
  readonly maxAgents?: number;
  /** Relative weights of densities (inside §2's hypotheses) and discrete supports (outside). */
  readonly densityWeight?: number;
  readonly discreteWeight?: number;
  /** Every agent's values of one kind (densities for all, or discrete for all). */
  readonly oneKind?: boolean;
}

/** One distribution per agent; an instance mixes kinds only rarely (each agent drawn independently). */
export function distsArb(shape: DistShape = {}): fc.Arbitrary<ValueDist[]> {
  if (shape.oneKind)
    return fc.oneof(
      { weight: shape.densityWeight ?? 1, arbitrary: fc.array(densityArb(), { minLength: shape.minAgents ?? 1, maxLength: shape.maxAgents ?? 3 }) },
      { weight: shape.discreteWeight ?? 1, arbitrary: fc.array(discreteArb(), { minLength: shape.minAgents ?? 1, maxLength: shape.maxAgents ?? 3 }) },
    );
  const one = fc.oneof({ weight: shape.densityWeight ?? 1, arbitrary: densityArb() }, { weight: shape.discreteWeight ?? 1, arbitrary: discreteArb() });
  return fc.array(one, { minLength: shape.minAgents ?? 1, maxLength: shape.maxAgents ?? 3 });
}

/** A weight vector α ≥ 0 over n agents: small rationals, some zero. */
export const alphaArb = (n: number): fc.Arbitrary<Q[]> => fc.array(fc.nat({ max: 6 }), { minLength: n, maxLength: n }).map((xs) => xs.map((x) => Q.of(x, 6)));

/**
 * Promised-utility states u ∈ F·𝒰 placed where promise keeping breaks first: on or just inside the
 * efficient frontier (t = 1, 99/100), deep inside (t = 1/2), and near an axis or a corner (some
 * coordinates shrunk to a small fraction). 𝒰 is comprehensive in ℝⁿ₊, so shrinking stays inside.
 */
export function stateArb(ds: readonly ValueDist[], F: Q): fc.Arbitrary<Q[]> {
  const n = ds.length;
  return fc
    .record({
      dir: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      t: fc.constantFrom(Q.ONE, Q.of(99, 100), Q.of(9, 10), Q.of(1, 2)),
      shrink: fc.array(fc.constantFrom(Q.ONE, Q.ONE, Q.ONE, Q.of(1, 10), Q.of(1, 100)), { minLength: n, maxLength: n }),
    })
    .map(({ dir, t, shrink }) => {
      const tot = dir.reduce((a, x) => a + x, 0);
      const a = dir.map((x) => (tot === 0 ? Q.of(1, n) : Q.of(x, tot)));
      return supportPoint(ds, a).map((x, i) => x.mul(F).mul(t).mul(shrink[i]!));
    });
}

/**
 * States for the main phase: u = (1 − s)·u̲e + s·t·F∇φ(a), a convex combination of the corner u̲e
 * of the central region (8) and a point on (t = 1) or just under F·𝒰's frontier. s = 1, t = 1 is the
 * frontier itself, where (11) must keep promises inside F𝒰 with no slack; small aᵢ put u near
 * the face uᵢ = u̲. The region test decides membership (the corner need not lie in F𝒰).
 */
export function centralStateArb(ds: readonly ValueDist[], F: Q, uLow: Q): fc.Arbitrary<Q[]> {
  const n = ds.length;
  return fc
    .record({
      dir: fc.array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 1, arbitrary: fc.constant(0) }), { minLength: n, maxLength: n }),
      t: fc.constantFrom(Q.ONE, Q.ONE, Q.of(99, 100), Q.of(9, 10)),
      s: fc.constantFrom(Q.ONE, Q.ONE, Q.of(99, 100), Q.of(1, 2)),
    })
    .map(({ dir, t, s }) => {
      // Weights inversely proportional to the means keep every ∇ᵢφ(a) away from 0 when scales differ.
      const raw = dir.every((x) => x === 0) ? dir.map(() => Q.ONE) : dir.map((x, i) => { const m = mean(ds[i]!); return m.isZero() ? Q.of(x) : Q.of(x).div(m); });
      // … rounded to 24ths: a normal with a small denominator is one α*'s cutting planes hit exactly.
      const tot = raw.reduce((a, x) => a.add(x), Q.ZERO);
      const k = raw.map((x, i) => Math.max(dir[i]! > 0 || dir.every((d) => d === 0) ? 1 : 0, Math.round(x.div(tot).toNumber() * 24)));
      const kt = k.reduce((a, x) => a + x, 0);
      return supportPoint(ds, k.map((x) => Q.of(x, kt))).map((g) => Q.ONE.sub(s).mul(uLow).add(s.mul(t).mul(F).mul(g)));
    });
}

/**
 * States whose α*(u/F) is known exactly: u = F·(∇φ(a) − μe) with a rational normal a (24ths, small
 * aᵢ now and then for the faces uᵢ = u̲) and μ ≥ 0 (μ = 0: the frontier of F𝒰, where promise
 * keeping has no slack; μ > 0: the 45° line below it, Remark 3.1). By the KKT conditions α*(u/F) = a.
 * States below u̲ or outside ℝⁿ₊ are left for the claim to classify.
 */
export function normalStateArb(ds: readonly ValueDist[], F: Q): fc.Arbitrary<Q[]> {
  const n = ds.length;
  return fc
    .record({
      dir: fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 2, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }), { minLength: n, maxLength: n }),
      mu: fc.constantFrom(Q.ZERO, Q.ZERO, Q.of(1, 1000), Q.of(1, 100), Q.of(1, 20)),
    })
    .map(({ dir, mu }) => {
      const tot = dir.reduce((a, x) => a + x, 0);
      const g = supportPoint(ds, dir.map((x) => Q.of(x, tot)));
      // μ is at most half the smallest coordinate, so u stays in ℝⁿ₊ and the shift is along e.
      const m = g.reduce((a, x) => Q.min(a, x), g[0]!).mul(mu).mul(Q.of(10));
      return g.map((x) => x.sub(m).mul(F));
    });
}
