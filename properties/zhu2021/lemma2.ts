/**
 * zhu2021 Lemma 2 (§3, proof in §7): p(·,·) is generically unique and locally constant.
 * Checked as the proof states it:
 *  (a) |p(q, μ)| = 1 iff exactly R types are partially invested (α_i ∈ (0, μ_i)), with the price
 *      set computed as an exact polytope (one exact LP per coordinate bound);
 *  (b) if |p(q, μ)| = 1, a perturbation of (q, μ) of ∞-norm below an explicit radius d keeps
 *      p(q̃, μ̃) = p(q, μ). The radius comes from the proof: with B the matrix of the R partially
 *      invested types and L the types priced below 1, α_B moves by at most K·d where
 *      K = ‖B⁻¹‖∞ (1 + Σ_{i∈L} ‖θ_i‖∞), so d = min_i min(α_i / K, (μ_i − α_i)/(K + 1)) keeps every
 *      partially invested type strictly inside (0, μ̃_i).
 */
import * as fc from "fast-check";
import type { Claim, Json } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { dot, inverse, normInf } from "../../src/exact/linalg.js";
import { Q } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import type { KnapsackPoint } from "../../src/models/zhu2021/json.js";
import type { Endowment, KnapsackSolver } from "../../src/models/zhu2021/knapsack.js";
import { priceSet } from "../../src/models/zhu2021/prices.js";
import { unitOpen } from "../../src/search/numbers.js";
import { KNAPSACK_SUBJECT, decodePoint, defaultSolver, encodePoint, pointArb, pointSize, qs, violated } from "./knapsack-common.js";

export interface PerturbedPoint {
  readonly point: KnapsackPoint;
  /** Direction in [−1, 1] for each coordinate of q (R) then of the finite μ_i (I − R). */
  readonly direction: readonly Q[];
  /** Fraction of the certified radius to move, in (0, 1). */
  readonly scale: Q;
}

const coord = fc.integer({ min: -4, max: 4 }).map((n) => Q.of(n, 4));

export function partiallyInvested(mu: readonly Endowment[], alpha: readonly Q[]): number[] {
  return alpha.flatMap((a, i) => (a.sign() > 0 && (mu[i] === null || a.lt(mu[i] as Q)) ? [i] : []));
}

/** The proof's radius d (see the header comment), or undefined when B is singular. */
export function certifiedRadius(point: KnapsackPoint, alpha: readonly Q[], p: readonly Q[]): Q | undefined {
  const { econ, q, mu } = point;
  const partial = partiallyInvested(mu, alpha);
  const B = Array.from({ length: econ.R }, (_, r) => partial.map((i) => (econ.theta[i] as readonly Q[])[r] as Q));
  const binv = inverse(B);
  if (!binv) return undefined;
  const normBinv = binv.reduce((m, row) => Q.max(m, row.reduce((s, x) => s.add(x.abs()), Q.ZERO)), Q.ZERO);
  let thetaL = Q.ZERO;
  econ.theta.forEach((th, i) => {
    if (!partial.includes(i) && dot(p, th).lt(Q.ONE)) thetaL = thetaL.add(normInf(th));
  });
  const K = normBinv.mul(Q.ONE.add(thetaL));
  // Stay in QM: q̃ > 0 and μ̃ ≥ 0 (a zero μ_i only moves up, see the check).
  let d = q.reduce((m, x) => Q.min(m, x), q[0] as Q);
  for (const m of mu) if (m !== null && m.sign() > 0) d = Q.min(d, m);
  for (const i of partial) {
    const a = alpha[i] as Q;
    d = Q.min(d, a.div(K));
    const m = mu[i] as Endowment;
    if (m !== null) d = Q.min(d, m.sub(a).div(K.add(Q.ONE)));
  }
  return d;
}

export const lemma2: Claim<PerturbedPoint, KnapsackSolver> = {
  id: "zhu2021.lemma2",
  paper: "zhu2021",
  section: "§3, Lemma 2 (proof in §7)",
  statement:
    "p(·,·) is generically unique and locally constant: {(q, μ) ∈ QM : |p(q, μ)| = 1} is open and dense, and |p(q, μ)| = 1 iff exactly R types are partially invested; if |p(q, μ)| = 1 there is d > 0 with p(q̃, μ̃) = p(q, μ) whenever ‖(q̃, μ̃) − (q, μ)‖∞ < d.",
  expect: "holds",
  subjectKind: KNAPSACK_SUBJECT,
  defaultSubject: defaultSolver,
  runs: 400,
  arbitrary: () =>
    pointArb().chain((point) =>
      fc.record({
        point: fc.constant(point),
        direction: fc.array(coord, { minLength: point.econ.I, maxLength: point.econ.I }),
        scale: unitOpen(8),
      }),
    ),
  encode: ({ point, direction, scale }) => ({ ...(encodePoint(point) as Record<string, Json>), direction: direction.map(String), scale: scale.toString() }),
  decode(json) {
    const { direction, scale, ...rest } = (json ?? {}) as Record<string, unknown>;
    const point = decodePoint(rest);
    if (!Array.isArray(direction) || direction.length !== point.econ.I) throw new InputError("instance.direction", `expected I = ${point.econ.I} rationals in [−1, 1]`);
    const dir = direction.map((x, k) => {
      const v = rationalAt(x, `instance.direction[${k}]`);
      if (v.abs().gt(Q.ONE)) throw new InputError(`instance.direction[${k}]`, "each coordinate lies in [−1, 1]");
      return v;
    });
    const s = rationalAt(scale, "instance.scale");
    if (s.sign() <= 0 || s.ge(Q.ONE)) throw new InputError("instance.scale", "the scale lies in (0, 1)");
    return { point, direction: dir, scale: s };
  },
  size: ({ point }) => pointSize(point),
  check({ point, direction, scale }, solver) {
    const { econ, q, mu } = point;
    const th = econ.theta;
    const sol = solver.solve(th, q, mu);
    const ps = priceSet(th, mu, sol.alpha);
    const partial = partiallyInvested(mu, sol.alpha);
    const base = { q: qs(q), mu: qs(mu), alpha: qs(sol.alpha), partiallyInvested: partial.map((i) => i + 1) };
    if (ps.unique !== (partial.length === econ.R)) {
      return violated(
        ps.unique ? `the price is unique but ${partial.length} ≠ R = ${econ.R} types are partially invested` : `${partial.length} = R types are partially invested but the price is not unique`,
        { ...base, priceRanges: ps.ranges?.map((g) => [g.min.toString(), g.max === null ? "inf" : g.max.toString()]) ?? null },
      );
    }
    if (!ps.unique) return { kind: "holds" };
    const p = ps.ranges!.map((g) => g.min);
    const d = certifiedRadius(point, sol.alpha, p);
    if (d === undefined) return violated("the partially invested types are linearly dependent (condition 2 should forbid this)", base);
    // Move strictly inside the radius; μ_i = 0 may only move up (μ̃ ≥ 0).
    const step = d.mul(scale);
    const qt = q.map((x, r) => x.add(step.mul(direction[r] as Q)));
    const mut: Endowment[] = mu.map((m, i) => {
      if (m === null) return null;
      const dlt = step.mul(direction[i] as Q);
      return m.isZero() ? dlt.abs() : m.add(dlt);
    });
    const sol2 = solver.solve(th, qt, mut);
    const ps2 = priceSet(th, mut, sol2.alpha);
    const same = ps2.unique && ps2.ranges!.every((g, r) => g.min.eq(p[r] as Q));
    if (!same) {
      return violated(
        "a perturbation inside the certified radius changes the price",
        { ...base, price: qs(p), radius: d.toString(), qPerturbed: qs(qt), muPerturbed: qs(mut), alphaPerturbed: qs(sol2.alpha), pricesPerturbed: ps2.ranges?.map((g) => [g.min.toString(), g.max === null ? "inf" : g.max.toString()]) ?? null },
        { deviation: { q: qs(qt), mu: qs(mut) } },
      );
    }
    return { kind: "holds" };
  },
};
