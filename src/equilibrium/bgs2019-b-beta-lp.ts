/**
 * The LP behind bgs2019's operator B_β (§2.2, eq. (3)) for discrete values and a polytope A:
 * u ∈ B_β(A) iff some stage mechanism (p, w) meets
 *   (FA)     Σᵢ pᵢ(v) ≤ 1, p(v) ≥ 0                                   for every profile v,
 *   w ∈ A    w(v) = Σₖ λₖ(v)·Vₖ, λ(v) ≥ 0, Σₖ λₖ(v) = 1 (Vₖ: A's vertices),
 *   (PK(u))  uᵢ = Σ_v P(v)[(1 − β)vᵢpᵢ(v) + βwᵢ(v)]                        for every agent i,
 *   (IC)     (1 − β)v(Pᵢ(v) − Pᵢ(v′)) + β(Wᵢ(v) − Wᵢ(v′)) ≥ 0           for every i and v ≠ v′,
 * with Pᵢ(v) = E_{v₋ᵢ}[pᵢ(v, v₋ᵢ)], Wᵢ(v) = E_{v₋ᵢ}[wᵢ(v, v₋ᵢ)] over the others' independent values.
 * Writing w through A's vertices keeps one row per profile instead of one per facet and profile.
 * Columns: p (profile-major, agent-minor), then λ (profile-major, vertex-minor), then u. Every row
 * carries a label, so a certificate reads as multipliers on the paper's constraints.
 */
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import type { LpConstraints, LpRow } from "../lp/index.js";
import type { Bgs2019Model } from "../models/bgs2019/json.js";
import { discreteProfiles, type DiscreteProfiles } from "../models/bgs2019/polytope-pi.js";
import type { Polytope } from "../models/bgs2019/polytope.js";

export type RowLabel =
  | { readonly kind: "FA"; readonly profile: number }
  | { readonly kind: "A"; readonly profile: number }
  | { readonly kind: "PK"; readonly agent: number }
  | { readonly kind: "IC"; readonly agent: number; readonly truth: number; readonly report: number };

export interface StageLp {
  readonly profiles: DiscreteProfiles;
  readonly beta: Q;
  readonly A: Polytope;
  /** Rows and bounds; the u columns are free (bounds set per question). */
  readonly rows: readonly LpRow[];
  readonly labels: readonly RowLabel[];
  readonly columns: number;
  readonly pCol: (profile: number, agent: number) => number;
  readonly lambdaCol: (profile: number, vertex: number) => number;
  readonly uCol: (agent: number) => number;
}

/** The model's discrete values and β, checked; A must lie in ℝⁿ₊ (B_β acts on subsets of ℝⁿ₊). */
export function stageInputs(m: Bgs2019Model, A: Polytope): { profiles: DiscreteProfiles; beta: Q } {
  if (m.beta === null) throw new InputError("instance.beta", "B_β needs the discount factor β");
  const profiles = discreteProfiles(m.values, "instance.values");
  if (A.dim !== profiles.n) throw new InputError("A", `A lives in ℝ^${A.dim} but the model has ${profiles.n} agents`);
  A.vertices.forEach((v, k) => {
    if (v.some((x) => x.sign() < 0)) throw new InputError(`A.vertices[${k}]`, "B_β maps subsets of ℝⁿ₊ (eq. (3)): every vertex of A must be ≥ 0");
  });
  return { profiles, beta: m.beta };
}

export function stageLp(m: Bgs2019Model, A: Polytope): StageLp {
  const { profiles: P, beta } = stageInputs(m, A);
  const n = P.n, R = P.prob.length, K = A.vertices.length;
  const oneMinus = Q.ONE.sub(beta);
  const pCol = (r: number, i: number) => r * n + i;
  const lambdaCol = (r: number, k: number) => R * n + r * K + k;
  const uCol = (i: number) => R * n + R * K + i;
  const columns = R * n + R * K + n;
  const rows: LpRow[] = [], labels: RowLabel[] = [];
  const row = (entries: readonly [number, Q][], op: LpRow["op"], b: Q, label: RowLabel) => {
    const a = new Array<Q>(columns).fill(Q.ZERO);
    for (const [j, c] of entries) a[j] = a[j]!.add(c);
    rows.push({ a, op, b });
    labels.push(label);
  };
  for (let r = 0; r < R; r++) row(Array.from({ length: n }, (_, i) => [pCol(r, i), Q.ONE] as [number, Q]), "<=", Q.ONE, { kind: "FA", profile: r });
  // With 0 among A's vertices, Σₖ λₖ ≤ 1 over the others says the same, and its slack starts basic
  // (w = 0 is feasible): phase 1 then only has (PK) to repair, far fewer pivots.
  const zero = A.vertices.findIndex((v) => v.every((x) => x.isZero()));
  for (let r = 0; r < R; r++) row(Array.from({ length: K }, (_, k) => [lambdaCol(r, k), Q.ONE] as [number, Q]).filter(([j]) => j !== lambdaCol(r, zero)), zero >= 0 ? "<=" : "=", Q.ONE, { kind: "A", profile: r });
  // Σ_v P(v)[(1 − β)vᵢpᵢ(v) + β Σₖ λₖ(v)Vₖᵢ] − uᵢ = 0.
  for (let i = 0; i < n; i++) {
    const e: [number, Q][] = [[uCol(i), Q.MINUS_ONE]];
    for (let r = 0; r < R; r++) {
      e.push([pCol(r, i), P.prob[r]!.mul(oneMinus).mul(P.values[r]![i]!)]);
      for (let k = 0; k < K; k++) e.push([lambdaCol(r, k), P.prob[r]!.mul(beta).mul(A.vertices[k]![i]!)]);
    }
    row(e, "=", Q.ZERO, { kind: "PK", agent: i });
  }
  // (IC): the truth t's utility minus the report s's, both at value v = supports[i][t].
  for (let i = 0; i < n; i++) {
    const S = P.supports[i]!.length;
    for (let t = 0; t < S; t++)
      for (let s = 0; s < S; s++) {
        if (s === t) continue;
        const v = P.supports[i]![t]!;
        const e: [number, Q][] = [];
        for (let r = 0; r < R; r++) {
          const own = P.index[r]![i]!;
          if (own !== t && own !== s) continue;
          const sign = own === t ? Q.ONE : Q.MINUS_ONE;
          const others = P.prob[r]!.div(P.probs[i]![own]!); // P(v₋ᵢ)
          e.push([pCol(r, i), sign.mul(others).mul(oneMinus).mul(v)]);
          for (let k = 0; k < K; k++) e.push([lambdaCol(r, k), sign.mul(others).mul(beta).mul(A.vertices[k]![i]!)]);
        }
        row(e, ">=", Q.ZERO, { kind: "IC", agent: i, truth: t, report: s });
      }
  }
  return { profiles: P, beta, A, rows, labels, columns, pCol, lambdaCol, uCol };
}

/** The LP's constraints with u fixed (membership) or u ≥ 0 free (support queries). */
export function withU(S: StageLp, u: readonly Q[] | null): LpConstraints {
  const n = S.profiles.n;
  const lower: (Q | null)[] = new Array<Q | null>(S.columns).fill(Q.ZERO);
  const upper: (Q | null)[] = new Array<Q | null>(S.columns).fill(null);
  for (let i = 0; i < n; i++) {
    lower[S.uCol(i)] = u ? u[i]! : Q.ZERO;
    upper[S.uCol(i)] = u ? u[i]! : null;
  }
  return { rows: S.rows, lower, upper };
}
