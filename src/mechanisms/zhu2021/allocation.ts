/**
 * Efficient allocations of zhu2021 §4. At date t the efficient investment is
 * α = α(q̄, 1μ_t + μ⁰_t) (Lemma 1); what is left is who gets the resources for each type.
 *  - ordA: serve agent N first, then N − 1, …, agent 1, the principal last (marginal index N(μ_t, i)).
 *  - p-ordA: the principal first, then agents N, …, 1. The principal holds only the unit-like types
 *    (in infinite supply), so under p-ordA agents get nothing of those.
 * Both depend on the date-t reports only, so they are adapted. Shares are in project units: agent n
 * invests shareⁿ_i in type i and receives Aⁿ_t = Σ_i shareⁿ_i θ_i.
 */
import { Q } from "../../exact/rational.js";
import type { Economy } from "../../models/zhu2021/economy.js";
import { solveKnapsack, type Endowment } from "../../models/zhu2021/knapsack.js";

export type Order = "ord" | "p-ord";

export interface DateAllocation {
  /** α(q̄, 1μ_t + μ⁰_t). */
  readonly alpha: readonly Q[];
  /** shares[n][i] for agents n = 0..N−1 (paper's 1..N). */
  readonly shares: readonly (readonly Q[])[];
  /** The principal's share of each type (unit-like types only). */
  readonly principal: readonly Q[];
  /** Aⁿ_t for the agents (N × R). */
  readonly bundles: readonly (readonly Q[])[];
  /** A⁰_t = q̄ − Σ_n Aⁿ_t. */
  readonly principalBundle: readonly Q[];
}

/** The date-t allocation from the date-t reports column (N × I). */
export function allocateDate(econ: Economy, column: readonly (readonly Q[])[], order: Order): DateAllocation {
  const { I, R } = econ;
  const N = column.length;
  const total: Endowment[] = Array.from({ length: I }, (_, i) => {
    if (i < R) return null; // μ⁰: infinite supply of the unit-like types
    let s = Q.ZERO;
    for (const row of column) s = s.add(row[i] as Q);
    return s;
  });
  const alpha = solveKnapsack(econ.theta, econ.supply, total).alpha;
  const shares: Q[][] = Array.from({ length: N }, () => new Array<Q>(I).fill(Q.ZERO));
  const principal = new Array<Q>(I).fill(Q.ZERO);
  for (let i = 0; i < I; i++) {
    let left = alpha[i] as Q;
    if (order === "p-ord" && i < R) {
      principal[i] = left; // the principal's infinite supply absorbs the whole investment
      continue;
    }
    for (let n = N - 1; n >= 0 && left.sign() > 0; n--) {
      const take = Q.min(left, (column[n] as readonly Q[])[i] as Q);
      (shares[n] as Q[])[i] = take;
      left = left.sub(take);
    }
    principal[i] = left; // nonzero only for unit-like types (0-based i ≥ R: α_i ≤ Σ_n μⁿ_i)
  }
  const bundle = (s: readonly Q[]) =>
    Array.from({ length: R }, (_, r) => s.reduce((acc, a, i) => (a.isZero() ? acc : acc.add(a.mul((econ.theta[i] as readonly Q[])[r] as Q))), Q.ZERO));
  const bundles = shares.map(bundle);
  const principalBundle = econ.supply.map((qr, r) => bundles.reduce((acc, b) => acc.sub(b[r] as Q), qr));
  return { alpha, shares, principal, bundles, principalBundle };
}
