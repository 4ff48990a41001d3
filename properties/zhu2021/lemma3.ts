/**
 * zhu2021 Lemma 3 (§3, proof in §7): v(q, ·) is concave, and for all μ, ν ≥ μ⁰ and λ* ∈ (0, 1],
 *   d/dλ|_{λ=λ*} v(q, (1 − λ)μ + λν) < Σ_{i≤R} q̄(i)/θ_i(i) + Σ_{i>R} μ_i ∨ ν_i.
 * f(λ) = v(q, (1 − λ)μ + λν) is piecewise linear, so its one-sided derivatives are exact
 * rationals: for a concave f, f(m) = (f(a) + f(b))/2 at the midpoint m of [a, b] holds iff f is
 * affine on [a, b], so halving h until the midpoint test passes yields the exact slope of the
 * last piece before λ* (left derivative) and the first piece after it (right derivative).
 * Concavity is checked on every point evaluated (three-point chords, exactly).
 */
import * as fc from "fast-check";
import type { Claim, Json, Verdict } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q, parseQ } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import type { KnapsackPoint } from "../../src/models/zhu2021/json.js";
import type { Endowment, KnapsackSolver } from "../../src/models/zhu2021/knapsack.js";
import { unitOpen } from "../../src/search/numbers.js";
import { qmEndowmentArb } from "../../src/search/zhu2021.js";
import { KNAPSACK_SUBJECT, decodePoint, defaultSolver, encodePoint, pointArb, pointSize, qs, violated } from "./knapsack-common.js";

export interface Segment {
  /** (econ, q, μ): the segment starts at μ. */
  readonly point: KnapsackPoint;
  /** ν ≥ μ⁰: the segment ends at ν. */
  readonly nu: readonly Endowment[];
  /** λ* ∈ (0, 1]. */
  readonly lambdaStar: Q;
}

const MAX_HALVINGS = 60;

export function lemma3Bound(point: KnapsackPoint, nu: readonly Endowment[]): Q {
  const { econ, mu } = point;
  let b = Q.ZERO;
  for (let i = 0; i < econ.R; i++) b = b.add((econ.supply[i] as Q).div((econ.theta[i] as readonly Q[])[i] as Q));
  for (let i = econ.R; i < econ.I; i++) b = b.add(Q.max(mu[i] as Q, nu[i] as Q));
  return b;
}

/**
 * Exact one-sided slopes of f(λ) = v(q, (1 − λ)μ + λν) at λ* (piecewise linear, concave when v is),
 * and a certified concavity break among the points evaluated, if any.
 */
export function segmentSlopes({ point, nu, lambdaStar }: Segment, solver: KnapsackSolver): { left?: Q; right?: Q; broken?: Verdict } {
  const { econ, q, mu } = point;
  const at = (l: Q): Endowment[] => mu.map((m, i) => (m === null ? null : Q.ONE.sub(l).mul(m).add(l.mul(nu[i] as Q))));
  const memo = new Map<string, Q>();
  const f = (l: Q): Q => {
    const k = l.toString();
    let v = memo.get(k);
    if (v === undefined) {
      v = solver.solve(econ.theta, q, at(l)).value;
      memo.set(k, v);
    }
    return v;
  };
  const slope = (side: -1 | 1): Q | undefined => {
    let h = side < 0 ? lambdaStar : Q.ONE.sub(lambdaStar);
    for (let k = 0; k < MAX_HALVINGS; k++) {
      const far = lambdaStar.add(h.mul(Q.of(side)));
      const mid = lambdaStar.add(h.mul(Q.of(side, 2)));
      if (f(mid).mul(Q.of(2)).eq(f(far).add(f(lambdaStar)))) return f(far).sub(f(lambdaStar)).div(far.sub(lambdaStar));
      h = h.mul(Q.HALF);
    }
    return undefined;
  };
  const left = slope(-1);
  const right = lambdaStar.lt(Q.ONE) ? slope(1) : undefined;
  const pts = [...memo.entries()].map(([k, v]) => ({ l: parseQ(k), v })).sort((a, b) => a.l.cmp(b.l));
  for (let j = 1; j + 1 < pts.length; j++) {
    const a = pts[j - 1]!, m = pts[j]!, b = pts[j + 1]!;
    const t = m.l.sub(a.l).div(b.l.sub(a.l));
    const chord = a.v.add(t.mul(b.v.sub(a.v)));
    if (m.v.lt(chord)) {
      return { broken: violated("v(q, ·) is not concave along the segment", { lambdas: [a.l, m.l, b.l].map(String), values: [a.v, m.v, b.v].map(String), chordAtMiddle: chord.toString() }, { gain: chord.sub(m.v).toString() }) };
    }
  }
  return { ...(left ? { left } : {}), ...(right ? { right } : {}) };
}

export const lemma3: Claim<Segment, KnapsackSolver> = {
  id: "zhu2021.lemma3",
  paper: "zhu2021",
  section: "§3, Lemma 3 (proof in §7)",
  statement:
    "v(q, ·) is concave, and, for all μ, ν ≥ μ⁰ and λ* ∈ (0, 1], d/dλ|λ=λ* v(q, (1 − λ)μ + λν) < Σ_{i≤R} q̄(i)/θ_i(i) + Σ_{i>R} μ_i ∨ ν_i.",
  expect: "holds",
  note: "The derivative is read as each one-sided derivative (f is piecewise linear; at λ* = 1 only the left one exists).",
  subjectKind: KNAPSACK_SUBJECT,
  defaultSubject: defaultSolver,
  runs: 400,
  arbitrary: () =>
    pointArb().chain((point) =>
      fc.record({
        point: fc.constant(point),
        nu: qmEndowmentArb(point.econ),
        lambdaStar: fc.oneof(unitOpen(12), fc.constant(Q.ONE)),
      }),
    ),
  encode: ({ point, nu, lambdaStar }) => ({ ...(encodePoint(point) as Record<string, Json>), nu: qs(nu), lambdaStar: lambdaStar.toString() }),
  decode(json) {
    const { nu, lambdaStar, ...rest } = (json ?? {}) as Record<string, unknown>;
    const point = decodePoint(rest);
    const other = decodePoint({ ...rest, mu: nu });
    const ls = rationalAt(lambdaStar, "instance.lambdaStar");
    if (ls.sign() <= 0 || ls.gt(Q.ONE)) throw new InputError("instance.lambdaStar", "λ* ∈ (0, 1] (Lemma 3)");
    return { point, nu: other.mu, lambdaStar: ls };
  },
  size: ({ point }) => pointSize(point),
  check(seg, solver): Verdict {
    const { point, nu, lambdaStar } = seg;
    const { mu } = point;
    const { left, right, broken } = segmentSlopes(seg, solver);
    if (broken) return broken;
    const bound = lemma3Bound(point, nu);
    const base = { mu: qs(mu), nu: qs(nu), lambdaStar: lambdaStar.toString(), bound: bound.toString() };
    if (left === undefined || (lambdaStar.lt(Q.ONE) && right === undefined)) {
      return { kind: "inconclusive", reason: `no affine piece found within ${MAX_HALVINGS} halvings` };
    }
    if (left.ge(bound)) return violated("the left derivative at λ* reaches the bound", { ...base, leftDerivative: left.toString() }, { gain: left.sub(bound).toString() });
    if (right !== undefined && right.ge(bound)) return violated("the right derivative at λ* reaches the bound", { ...base, rightDerivative: right.toString() }, { gain: right.sub(bound).toString() });
    return { kind: "holds" };
  },
};
