/**
 * bgs2019's operator B_β (§2.2, eq. (3)) on polytopes, exactly, for discrete values: membership
 * u ∈ B_β(A) with a witness stage mechanism or a Farkas certificate, the support function of B_β(A),
 * and the self-generation test A ⊆ B_β(A) of Proposition 2.1. The LP is bgs2019-b-beta-lp.ts;
 * `checkStageMechanism` re-derives (FA), (PK(u)), (IC) and w ∈ A from the definitions (A by its
 * facets, where the LP used its vertices), so a witness is checked independently of the LP.
 * An operator is a claim subject (`{ name, kind, inBBeta, supportOfBBeta }`) so that planted bugs in
 * it can be caught by the claims built on it.
 */
import { dot } from "../exact/linalg.js";
import { InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import type { LpConstraints } from "../lp/index.js";
import type { Bgs2019Model } from "../models/bgs2019/json.js";
import type { DiscreteProfiles } from "../models/bgs2019/polytope-pi.js";
import { violatedFacet, vecKey, type Polytope } from "../models/bgs2019/polytope.js";
import { stageInputs, stageLp, withU, type RowLabel, type StageLp } from "./bgs2019-b-beta-lp.js";
import { feasibleByColumns, optimizeByColumns, type ColumnGroups } from "./bgs2019-b-beta-columns.js";

export const BGS_B_BETA_KIND = "bgs2019/b-beta";

/** A stage mechanism on the finite profile set: p[r] and w[r] for the r-th profile of `profiles`. */
export interface StageTable {
  readonly profiles: DiscreteProfiles;
  readonly p: readonly (readonly Q[])[];
  readonly w: readonly (readonly Q[])[];
}

export type Membership =
  | { readonly inside: true; readonly mechanism: StageTable }
  /** The LP (u fixed) and a Farkas vector for it, checked exactly; labels name each row's constraint. */
  | { readonly inside: false; readonly lp: LpConstraints; readonly farkas: readonly Q[]; readonly labels: readonly RowLabel[] };

export interface SupportAnswer {
  /** max dᵀu over B_β(A), attained at u by `mechanism`. */
  readonly value: Q;
  readonly u: readonly Q[];
  readonly mechanism: StageTable;
}

/** The claims' subject: an implementation of B_β. */
export interface BBetaOperator {
  readonly name: string;
  readonly kind: typeof BGS_B_BETA_KIND;
  inBBeta(model: Bgs2019Model, A: Polytope, u: readonly Q[]): Membership;
  /** Null when B_β(A) is empty. */
  supportOfBBeta(model: Bgs2019Model, A: Polytope, d: readonly Q[]): SupportAnswer | null;
}

function tableOf(S: StageLp, x: readonly Q[]): StageTable {
  const P = S.profiles, K = S.A.vertices.length;
  const p = P.prob.map((_, r) => Array.from({ length: P.n }, (_, i) => x[S.pCol(r, i)]!));
  const w = P.prob.map((_, r) => {
    const acc = Array.from({ length: P.n }, () => Q.ZERO);
    for (let k = 0; k < K; k++) {
      const l = x[S.lambdaCol(r, k)]!;
      if (!l.isZero()) S.A.vertices[k]!.forEach((c, i) => (acc[i] = acc[i]!.add(l.mul(c))));
    }
    return acc;
  });
  return { profiles: P, p, w };
}

/**
 * λ's columns grouped by vertex of A, starting from the n + 1 vertices that score best (nearest to u
 * for membership, furthest along d for support); column generation adds the others only if needed.
 */
function vertexGroups(S: StageLp, score: (v: readonly Q[]) => Q): ColumnGroups {
  const R = S.profiles.prob.length, V = S.A.vertices;
  const groups = V.map((_, k) => Array.from({ length: R }, (_, r) => S.lambdaCol(r, k)));
  const start = V.map((v, k) => ({ k, s: score(v) })).sort((a, b) => b.s.cmp(a.s) || a.k - b.k).slice(0, S.profiles.n + 1).map((x) => x.k);
  return { groups, start };
}

const l1 = (a: readonly Q[], b: readonly Q[]): Q => a.reduce((s, x, i) => s.add(x.sub(b[i]!).abs()), Q.ZERO);

/** An operator from an LP builder (the reference uses `stageLp`; planted bugs alter the LP). */
export function operatorFrom(name: string, build: (m: Bgs2019Model, A: Polytope) => StageLp): BBetaOperator {
  return {
    name,
    kind: BGS_B_BETA_KIND,
    inBBeta(m, A, u) {
      const S = build(m, A);
      const lp = withU(S, u);
      const r = feasibleByColumns(lp, vertexGroups(S, (v) => l1(v, u).neg())); // certified on the full LP
      return r.feasible ? { inside: true, mechanism: tableOf(S, r.x) } : { inside: false, lp, farkas: r.farkas, labels: S.labels };
    },
    supportOfBBeta(m, A, d) {
      const S = build(m, A);
      const c = new Array<Q>(S.columns).fill(Q.ZERO);
      d.forEach((x, i) => (c[S.uCol(i)] = x));
      const r = optimizeByColumns({ sense: "max", c, ...withU(S, null) }, vertexGroups(S, (v) => dot(d, v)));
      if (r.status === "infeasible") return null;
      if (r.status === "unbounded") throw new InternalError("B_β(A): the support LP is unbounded although p and λ are bounded");
      return { value: r.value, u: Array.from({ length: S.profiles.n }, (_, i) => r.x[S.uCol(i)]!), mechanism: tableOf(S, r.x) };
    },
  };
}

/** The reference B_β. */
export const bBeta: BBetaOperator = operatorFrom("bgs2019/B_β (exact LP)", stageLp);

/** Interim Pᵢ(v) and Wᵢ(v) of agent i at its a-th support point: expectations over the others' values. */
export function interim(T: StageTable, i: number, a: number): { P: Q; W: Q } {
  const Pr = T.profiles;
  let P = Q.ZERO, W = Q.ZERO;
  Pr.index.forEach((idx, r) => {
    if (idx[i] !== a) return;
    const others = Pr.prob[r]!.div(Pr.probs[i]![a]!);
    P = P.add(others.mul(T.p[r]![i]!));
    W = W.add(others.mul(T.w[r]![i]!));
  });
  return { P, W };
}

/**
 * Why (p, w) does not support u with promises in A, read off the definitions of §2.2, or null:
 * (FA) per profile, w(v) ∈ A by A's facets, (PK(u)) per agent, (IC) per agent and pair of values.
 */
export function checkStageMechanism(m: Bgs2019Model, A: Polytope, u: readonly Q[], T: StageTable): string | null {
  const { profiles: Pr, beta } = stageInputs(m, A);
  const b1 = Q.ONE.sub(beta);
  for (let r = 0; r < Pr.prob.length; r++) {
    const p = T.p[r]!, v = vecKey(Pr.values[r]!);
    if (p.some((x) => x.sign() < 0)) return `(FA): p(${v}) = (${vecKey(p)}) has a negative entry`;
    const tot = p.reduce((a, x) => a.add(x), Q.ZERO);
    if (tot.gt(Q.ONE)) return `(FA): Σᵢpᵢ(${v}) = ${tot} > 1`;
    const out = violatedFacet(A, T.w[r]!);
    if (out) return `w(${v}) = (${vecKey(T.w[r]!)}) ∉ A: (${vecKey(out.facet.normal)})ᵀw exceeds ${out.facet.rhs} by ${out.excess}`;
  }
  for (let i = 0; i < Pr.n; i++) {
    const pk = Pr.prob.reduce((a, pr, r) => a.add(pr.mul(b1.mul(Pr.values[r]![i]!).mul(T.p[r]![i]!).add(beta.mul(T.w[r]![i]!)))), Q.ZERO);
    if (!pk.eq(u[i]!)) return `(PK(u)) for agent ${i}: E[(1 − β)vᵢpᵢ + βwᵢ] = ${pk} ≠ u${i} = ${u[i]}`;
    const S = Pr.supports[i]!;
    const iv = S.map((_, a) => interim(T, i, a));
    for (let t = 0; t < S.length; t++)
      for (let s = 0; s < S.length; s++) {
        const val = (k: number) => b1.mul(S[t]!).mul(iv[k]!.P).add(beta.mul(iv[k]!.W));
        if (val(s).gt(val(t))) return `(IC) for agent ${i}: value ${S[t]} gains ${val(s).sub(val(t))} by reporting ${S[s]}`;
      }
  }
  return null;
}

/**
 * A ⊆ B_β(A)? B_β(A) is convex when A is: mixing two stage mechanisms (p¹, w¹), (p², w²) that support
 * u¹, u² with weights θ, 1 − θ keeps (FA), the linear (PK) and (IC) at θu¹ + (1 − θ)u², and w in the
 * convex A. So the polytope A lies in B_β(A) iff each vertex does; the first vertex outside is
 * returned with its certificate (vertices with more positive coordinates first: they fail first).
 */
export function selfGenerating(op: BBetaOperator, m: Bgs2019Model, A: Polytope): { holds: true; witnesses: StageTable[] } | { holds: false; vertex: readonly Q[]; answer: Extract<Membership, { inside: false }> } {
  const order = A.vertices.map((v, k) => ({ v, k, pos: v.filter((x) => x.sign() > 0).length })).sort((a, b) => b.pos - a.pos || a.k - b.k);
  const witnesses: StageTable[] = new Array<StageTable>(A.vertices.length);
  for (const { v, k } of order) {
    const r = op.inBBeta(m, A, v);
    if (!r.inside) return { holds: false, vertex: v, answer: r };
    witnesses[k] = r.mechanism;
  }
  return { holds: true, witnesses };
}
