/**
 * Arbitraries over the single-resource model (zhu2022 / stylized): project types, models, Ω*
 * families, and endowment profiles, all with small rationals that shrink toward simple values.
 */
import * as fc from "fast-check";
import { Q, q } from "../exact/rational.js";
import { makeModel, type SingleResourceModel } from "../models/single-resource/model.js";
import { quadlin, saturating, saturating2, type ProjectType } from "../models/single-resource/project.js";
import { retract, type OmegaStar } from "../typespace/single-resource.js";
import { nonNegRational, posRational, unitOpen } from "./numbers.js";

/** Strictly concave families first (the papers' hypothesis); quadlin only when asked. */
export function projectArb(opts: { merelyConcave?: boolean } = {}): fc.Arbitrary<ProjectType> {
  const strict = [
    fc.tuple(posRational(4, 3), posRational(4, 3)).map(([k, b]) => saturating(k, b)),
    fc.tuple(posRational(4, 3), posRational(4, 3)).map(([k, b]) => saturating2(k, b)),
  ];
  const loose = fc.tuple(posRational(4, 3), fc.oneof(fc.constant(Q.ZERO), unitOpen(4))).map(([c, s]) => quadlin(c, s));
  return opts.merelyConcave ? fc.oneof(...strict, loose) : fc.oneof(...strict);
}

/** β = 1 half of the time (the papers' Theorem 1 family), otherwise β ∈ (0, 1). */
export const betaArb: fc.Arbitrary<Q> = fc.oneof(fc.constant(Q.ONE), unitOpen(6));

export function modelArb(opts: { maxN?: number; maxT?: number; merelyConcave?: boolean } = {}): fc.Arbitrary<SingleResourceModel> {
  return fc
    .record({
      N: fc.integer({ min: 2, max: opts.maxN ?? 3 }),
      T: fc.integer({ min: 1, max: opts.maxT ?? 3 }),
      beta: betaArb,
      qbar: posRational(6, 3),
      f: projectArb(opts),
    })
    .map(makeModel);
}

/** Ω* families that exist for every T (window needs T ≥ 2). Unions of two boxes are disconnected in general. */
export function omegaStarArb(T: number): fc.Arbitrary<OmegaStar> {
  const avgX = fc.tuple(posRational(4, 3), nonNegRational(2, 3));
  const boxAvg = fc.tuple(avgX, posRational(4, 2)).map(([[avg, x], extra]): OmegaStar => ({ kind: "box-average", max: avg.add(extra), avg, x }));
  const box = fc.array(fc.tuple(nonNegRational(3, 2), nonNegRational(3, 2)), { minLength: T, maxLength: T }).map((bs): OmegaStar => ({ kind: "box", lo: bs.map(([l]) => l), hi: bs.map(([l, w]) => l.add(w)) }));
  const union = fc.tuple(box, box).map(([a, b]): OmegaStar => ({ kind: "union", parts: [a, b] }));
  const window = avgX.map(([avg, x]): OmegaStar => ({ kind: "window", avg, x }));
  return T >= 2 ? fc.oneof(boxAvg, window, box, union) : fc.oneof(boxAvg, box, union);
}

/**
 * Two boxes separated at date 1 (the second starts a positive gap after the first ends): a
 * disconnected Ω*ⁿ, outside Proposition 3's hypotheses, where a linked VCG may not be cheapest.
 */
export function separatedBoxesArb(T: number): fc.Arbitrary<OmegaStar> {
  const side = fc.tuple(nonNegRational(3, 2), nonNegRational(2, 2));
  return fc.record({ a: fc.array(side, { minLength: T, maxLength: T }), b: fc.array(side, { minLength: T, maxLength: T }), gap: posRational(2, 2) }).map(({ a, b, gap }): OmegaStar => {
    const lo = a.map(([l]) => l), hi = a.map(([l, w]) => l.add(w));
    const lo2 = b.map(([l], t) => (t === 0 ? (hi[0] as Q).add(gap) : l));
    const hi2 = b.map(([, w], t) => (lo2[t] as Q).add(w));
    return { kind: "union", parts: [{ kind: "box", lo, hi }, { kind: "box", lo: lo2, hi: hi2 }] };
  });
}

/** An N × T endowment profile; zeros are common (the ω = 0 convention is exercised). */
export function endowmentsArb(N: number, T: number): fc.Arbitrary<Q[][]> {
  const cell = fc.oneof({ weight: 1, arbitrary: fc.constant(Q.ZERO) }, { weight: 4, arbitrary: posRational(8, 3) });
  return fc.array(fc.array(cell, { minLength: T, maxLength: T }), { minLength: N, maxLength: N });
}

/** A model, an Ω*, and a truthful profile in Ω* (each generated row retracted into Ω*ⁿ). */
export interface SingleCase {
  readonly model: SingleResourceModel;
  readonly omegaStar: OmegaStar;
  readonly truth: Q[][];
}

export function singleCaseArb(opts: { maxN?: number; maxT?: number; merelyConcave?: boolean; omegaStar?: (T: number) => fc.Arbitrary<OmegaStar> } = {}): fc.Arbitrary<SingleCase> {
  return modelArb(opts).chain((model) =>
    fc.record({ omegaStar: (opts.omegaStar ?? omegaStarArb)(model.T), raw: endowmentsArb(model.N, model.T) }).map(({ omegaStar, raw }) => ({
      model,
      omegaStar,
      truth: raw.map((row) => retract(omegaStar, row)),
    })),
  );
}

/**
 * The Theorem 1 families (zhu2022 §3.5, stylized §3): T = N, q̄ = Nq, β = 1, with the parameters
 * ω_avg, ω_max (stylized), x = x(N), y = y(N) of the constructions, and a profile near ω_avg.
 */
export interface FamilyCase {
  readonly N: number;
  readonly q: Q;
  readonly f: ProjectType;
  readonly avg: Q;
  readonly max: Q;
  readonly x: Q;
  readonly y: Q;
  readonly omega: Q[][];
}

/**
 * Profiles ω = ω_avg + δ + ε: δ is a sum of "rectangles" (+d at (n1,t1),(n2,t2), −d at (n1,t2),(n2,t1)),
 * so every agent's and every date's total is untouched however large d is, and ε is a small free
 * perturbation; profiles that leave the hypotheses are judged vacuous by the claims.
 */
export function familyCaseArb(opts: { maxN?: number; merelyConcave?: boolean } = {}): fc.Arbitrary<FamilyCase> {
  return fc
    .record({
      N: fc.integer({ min: 2, max: opts.maxN ?? 4 }),
      q: posRational(4, 2),
      f: projectArb(opts),
      avg: posRational(4, 2),
      extra: posRational(4, 2),
      // x(N), y(N) are positive reals in both constructions (zhu2022 Lemmas 2–3, stylized §3)
      // as fractions of ω_avg, so that ω_avg − y(N) > 0 (the bounds divide by it)
      // x(N) → 0 in both constructions: tiny widths are where proofs' O(x) bounds are tested
      xFrac: fc.oneof(unitOpen(8), fc.constantFrom(q(1, 100), q(1, 1000))),
      yFrac: unitOpen(8),
    })
    .map(({ xFrac, yFrac, ...p }) => ({ ...p, x: p.avg.mul(xFrac), y: p.avg.mul(yFrac) }))
    .chain((p) => {
      // Rectangle sizes on the scale of x(N) and y(N) (the windows' widths) or free.
      const size = fc.oneof(fc.integer({ min: 1, max: 3 }).map((k) => p.x.mul(q(k, 2))), fc.integer({ min: 1, max: 3 }).map((k) => p.y.mul(q(k, 2))), posRational(4, 2));
      const rect = fc.record({ n1: fc.nat({ max: p.N - 1 }), n2: fc.nat({ max: p.N - 1 }), t1: fc.nat({ max: p.N - 1 }), t2: fc.nat({ max: p.N - 1 }), d: size });
      const eps = fc.array(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: p.N, maxLength: p.N }), { minLength: p.N, maxLength: p.N });
      // Occasionally a "lumpy" row of multiples of ω_avg/2 (e.g. (2ω_avg, 0, 0)): far from the
      // average date by date, which is where mis-built windows let rows in.
      const lumpy = fc.option(fc.record({ n: fc.nat({ max: p.N - 1 }), halves: fc.array(fc.nat({ max: 4 }), { minLength: p.N, maxLength: p.N }) }), { freq: 4 });
      return fc.record({ rects: fc.array(rect, { maxLength: 3 }), eps, lumpy }).map(({ rects, eps, lumpy }) => {
        const omega = Array.from({ length: p.N }, (_, n) => Array.from({ length: p.N }, (_, t) => p.avg.add(Q.min(p.x, p.y).mul(q(eps[n]![t]!, 4)))));
        for (const r of rects) {
          if (r.n1 === r.n2 || r.t1 === r.t2) continue;
          omega[r.n1]![r.t1] = omega[r.n1]![r.t1]!.add(r.d);
          omega[r.n2]![r.t2] = omega[r.n2]![r.t2]!.add(r.d);
          omega[r.n1]![r.t2] = omega[r.n1]![r.t2]!.sub(r.d);
          omega[r.n2]![r.t1] = omega[r.n2]![r.t1]!.sub(r.d);
        }
        if (lumpy) omega[lumpy.n] = lumpy.halves.map((h) => p.avg.mul(q(h, 2)));
        return { N: p.N, q: p.q, f: p.f, avg: p.avg, max: p.avg.add(p.extra), x: p.x, y: p.y, omega };
      });
    });
}

// --- structural reductions, tried by the post-shrink simplification (claims' `reduce`) ---

/**
 * Ω* for one date fewer: the window and box-average families are stated for any T with the same
 * parameters; a box loses its date; a polytope cannot be cut down faithfully (undefined). The
 * claim re-checks everything on the reduced instance, so a reduction only has to be well formed.
 */
export function omegaStarWithoutDate(set: OmegaStar, d: number): OmegaStar | undefined {
  switch (set.kind) {
    case "all":
    case "window":
    case "box-average":
      return set;
    case "box":
      return { kind: "box", lo: set.lo.filter((_, t) => t !== d), hi: set.hi.filter((_, t) => t !== d) };
    case "polytope":
      return undefined;
    case "union": {
      const parts = set.parts.map((p) => omegaStarWithoutDate(p, d));
      return parts.every((p): p is OmegaStar => p !== undefined) ? { kind: "union", parts } : undefined;
    }
  }
}

/** The case without agent m, or undefined: the model keeps N ≥ 2 agents (zhu2022 §3.1). */
export function dropSingleAgent(c: SingleCase, m: number): SingleCase | undefined {
  if (c.model.N < 3) return undefined;
  return { ...c, model: { ...c.model, N: c.model.N - 1 }, truth: c.truth.filter((_, n) => n !== m) };
}

/** The case without date d (T ≥ 2), or undefined when Ω* cannot lose a date. */
export function dropSingleDate(c: SingleCase, d: number): SingleCase | undefined {
  if (c.model.T < 2) return undefined;
  const omegaStar = omegaStarWithoutDate(c.omegaStar, d);
  if (!omegaStar) return undefined;
  return { model: { ...c.model, T: c.model.T - 1 }, omegaStar, truth: c.truth.map((row) => row.filter((_, t) => t !== d)) };
}

/** The Theorem 1 family at N − 1 (T = N falls with it): agent k and date k dropped; undefined below N = 2. */
export function dropFamilyIndex(c: FamilyCase, k: number): FamilyCase | undefined {
  if (c.N <= 2) return undefined;
  return { ...c, N: c.N - 1, omega: c.omega.filter((_, n) => n !== k).map((row) => row.filter((_, t) => t !== k)) };
}

/** Every one-step reduction of a family case (for claims' `reduce`). */
export function familyReductions(c: FamilyCase): FamilyCase[] {
  return Array.from({ length: c.N }, (_, k) => dropFamilyIndex(c, k)).filter((x): x is FamilyCase => x !== undefined);
}
