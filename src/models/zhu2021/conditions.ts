/**
 * The two conditions zhu2021 §2 imposes on Θ, decided exactly.
 *  1. I > R, and for i ≤ R: θ_i(r) > 0 ⇔ r = i.
 *  2. Any subset of Θ lying on a hyperplane {x : p·x = 1} with p ∈ (0, ∞)^R is linearly independent.
 * Condition 2 fails iff some circuit (minimal linearly dependent subset, size ≤ R + 1) lies on such a
 * hyperplane; a circuit with dependency Σ λ_c θ_c = 0 can lie on p·x = 1 only if Σ λ_c = 0, and
 * whether a positive p exists is an exact LP feasibility question.
 */
import { Q } from "../../exact/rational.js";
import { nullSpace, rank, transpose } from "../../exact/linalg.js";
import { isFeasible } from "../../lp/index.js";

export type ConditionReport =
  | { ok: true }
  | { ok: false; condition: 1 | 2; types: number[]; reason: string; price?: Q[] };

export function checkCondition1(theta: readonly (readonly Q[])[], R: number): ConditionReport {
  const I = theta.length;
  if (I <= R) return { ok: false, condition: 1, types: [], reason: `needs I > R, got I = ${I}, R = ${R}` };
  for (let i = 0; i < R; i++) {
    const th = theta[i] as readonly Q[];
    for (let r = 0; r < R; r++) {
      const positive = (th[r] as Q).sign() > 0;
      if (positive !== (r === i)) {
        return {
          ok: false,
          condition: 1,
          types: [i],
          reason: `unit-like type θ_${i + 1} must use resource ${i + 1} and only it (θ_${i + 1}(${r + 1}) = ${th[r]})`,
        };
      }
    }
  }
  return { ok: true };
}

/** Calls `visit` on every k-subset of {0..n-1} in lexicographic order; stops when visit returns true. */
function forEachSubset(n: number, k: number, visit: (s: number[]) => boolean): boolean {
  const s = Array.from({ length: k }, (_, i) => i);
  if (k > n) return false;
  for (;;) {
    if (visit(s)) return true;
    let i = k - 1;
    while (i >= 0 && s[i] === n - k + i) i--;
    if (i < 0) return false;
    s[i]!++;
    for (let j = i + 1; j < k; j++) s[j] = s[j - 1]! + 1;
  }
}

/** A positive p with p·θ_c = 1 for every c in the set, if one exists (exact LP). */
export function positiveHyperplaneThrough(theta: readonly (readonly Q[])[], set: readonly number[], R: number): Q[] | undefined {
  const first = theta[set[0] as number] as readonly Q[];
  // Scale so that min_r p_r ≥ 1: then p·θ_c is a positive common value for every c.
  const rows = set.slice(1).map((c) => ({
    a: (theta[c] as readonly Q[]).map((x, r) => x.sub(first[r] as Q)),
    op: "=" as const,
    b: Q.ZERO,
  }));
  const res = isFeasible({ rows, lower: Array.from({ length: R }, () => Q.ONE), upper: Array.from({ length: R }, () => null) });
  if (!res.feasible) return undefined;
  const level = res.x.reduce((s, p, r) => s.add(p.mul(first[r] as Q)), Q.ZERO);
  return res.x.map((p) => p.div(level));
}

export function checkCondition2(theta: readonly (readonly Q[])[], R: number): ConditionReport {
  const I = theta.length;
  let found: ConditionReport = { ok: true };
  for (let k = 1; k <= Math.min(R + 1, I) && found.ok; k++) {
    forEachSubset(I, k, (s) => {
      const cols = s.map((i) => theta[i] as readonly Q[]);
      const m = transpose(cols); // R × k, columns are the types
      if (rank(m) !== k - 1) return false;
      const [lambda] = nullSpace(m, k);
      if (!lambda || lambda.some((x) => x.isZero())) return false; // not minimal
      if (!lambda.reduce((a, b) => a.add(b), Q.ZERO).isZero()) return false; // not on any affine hyperplane
      const p = positiveHyperplaneThrough(theta, s, R);
      if (p === undefined) return false;
      found = {
        ok: false,
        condition: 2,
        types: s.slice(),
        price: p,
        reason: `types ${s.map((i) => `θ_${i + 1}`).join(", ")} are linearly dependent and lie on the hyperplane p·x = 1 with p = (${p.join(", ")}) > 0`,
      };
      return true;
    });
  }
  return found;
}
