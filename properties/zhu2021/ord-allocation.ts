/**
 * zhu2021 §4, definition of ordA (and of p-ordA in the discussion after Theorem 1): "ordA is the
 * efficient allocation that serves everyone in order according to their index, with agent N being
 * served first and the principal being served last"; p-ordA "serves the agents in order like ordA
 * but serves the principal first". Checked on the subject mechanism's allocation at one date:
 *  (1) feasible: Aⁿ_t ≥ 0 and Σ_n Aⁿ_t ≤ q̄; (2) efficient: Σ_{n=0}^N v(Aⁿ_t, μⁿ_t) = v(q̄, 1μ_t + μ⁰_t);
 *  (3) equal to the paper's closed form Σ_i [1{n > N(μ_t,i)} μⁿ_ti + 1{n = N(μ_t,i)}(α_i − Σ_{m>n} μ^m_ti)] θ_i
 *      with the marginal index N(μ_t, i) computed from its definition (code independent of the
 *      mechanism's greedy loop), and that closed form serves in the stated order.
 */
import * as fc from "fast-check";
import type { Claim } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { solveKnapsack, type Endowment } from "../../src/models/zhu2021/knapsack.js";
import { agentValue, principalValue } from "../../src/models/zhu2021/payoffs.js";
import { column, type RepeatedModel } from "../../src/models/zhu2021/repeated.js";
import { REPEATED_KIND, unlinkedVcgFamily, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import type { Order } from "../../src/mechanisms/zhu2021/allocation.js";
import { repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { qs, violated } from "./knapsack-common.js";
import { caseSize, decodeCase, encodeCase } from "./repeated-common.js";

export interface DateCase {
  readonly c: RepeatedCase;
  readonly date: number;
}

/** N(μ_t, i) per the definition: α_i ∈ (Σ_{m=k+1}^N μ^m_ti, Σ_{m=k}^N μ^m_ti], μ⁰ = ∞; N if α_i = 0. */
function marginal(col: readonly (readonly Q[])[], alphaI: Q, i: number, N: number): number {
  if (alphaI.isZero()) return N;
  for (let k = N; k >= 1; k--) {
    let above = Q.ZERO;
    for (let m = k + 1; m <= N; m++) above = above.add(col[m - 1]![i]!);
    const upto = above.add(col[k - 1]![i]!);
    if (alphaI.gt(above) && alphaI.le(upto)) return k;
  }
  return 0;
}

/** The paper's closed-form shares for players 0 (principal) .. N. */
export function closedFormShares(model: RepeatedModel, col: readonly (readonly Q[])[], order: Order): Q[][] {
  const { econ, N } = model;
  const total: Endowment[] = econ.theta.map((_, i) => (i < econ.R ? null : col.reduce((s, r) => s.add(r[i]!), Q.ZERO)));
  const alpha = solveKnapsack(econ.theta, econ.supply, total).alpha;
  const shares: Q[][] = Array.from({ length: N + 1 }, () => new Array<Q>(econ.I).fill(Q.ZERO));
  for (let i = 0; i < econ.I; i++) {
    if (order === "p-ord" && i < econ.R) {
      shares[0]![i] = alpha[i]!; // the principal, served first, absorbs the unit-like investment
      continue;
    }
    const k = marginal(col, alpha[i]!, i, N);
    for (let n = 0; n <= N; n++) {
      const mu = n === 0 ? Q.ZERO : col[n - 1]![i]!;
      let above = Q.ZERO;
      for (let m = n + 1; m <= N; m++) above = above.add(col[m - 1]![i]!);
      if (n > k) shares[n]![i] = mu;
      else if (n === k) shares[n]![i] = alpha[i]!.sub(above);
    }
  }
  return shares;
}

const bundleOf = (model: RepeatedModel, share: readonly Q[]) =>
  Array.from({ length: model.econ.R }, (_, r) => share.reduce((s, a, i) => s.add(a.mul(model.econ.theta[i]![r]!)), Q.ZERO));

export const ordAllocation: Claim<DateCase, Zhu2021Family> = {
  id: "zhu2021.ord-allocation",
  paper: "zhu2021",
  section: "§4, definitions of N(μ_t, i), ordA and p-ordA",
  statement: "ordA is the efficient allocation that serves everyone in order according to their index, with agent N being served first and the principal being served last (p-ordA: the principal first).",
  expect: "holds",
  subjectKind: REPEATED_KIND,
  defaultSubject: unlinkedVcgFamily("ord"),
  runs: 600,
  arbitrary: () => repeatedCaseArb({ maxN: 3, maxT: 2 }).chain((c) => fc.record({ c: fc.constant(c), date: fc.nat({ max: c.model.T - 1 }) })),
  encode: ({ c, date }) => encodeCase(c, { date: date + 1 }),
  decode(json) {
    const { c, extra } = decodeCase(json, ["date"]);
    return { c, date: Number(extra.date) - 1 };
  },
  size: ({ c }) => caseSize(c),
  check({ c, date }, family) {
    const { model, truth } = c;
    const mech = family.build(model);
    const col = column(truth, date);
    const a = mech.allocate(truth, date);
    const used = model.econ.supply.map((_, r) => a.bundles.reduce((s, b) => s.add(b[r]!), Q.ZERO));
    if (a.bundles.some((b) => b.some((x) => x.sign() < 0)) || used.some((u, r) => u.gt(model.econ.supply[r]!))) {
      return violated("the allocation is not feasible", { bundles: a.bundles.map((b) => qs(b)), used: qs(used) });
    }
    const principalBundle = model.econ.supply.map((qr, r) => qr.sub(used[r]!));
    const total: Endowment[] = model.econ.theta.map((_, i) => (i < model.econ.R ? null : col.reduce((s, r) => s.add(r[i]!), Q.ZERO)));
    const efficient = solveKnapsack(model.econ.theta, model.econ.supply, total).value;
    const realized = a.bundles.reduce((s, b, n) => s.add(agentValue(model.econ, b, col[n]!)), principalValue(model.econ, principalBundle));
    if (!realized.eq(efficient)) {
      return violated("the allocation is not efficient", { realized: realized.toString(), efficient: efficient.toString(), bundles: a.bundles.map((b) => qs(b)) }, { gain: efficient.sub(realized).toString() });
    }
    const shares = closedFormShares(model, col, mech.order);
    for (let n = 1; n <= model.N; n++) {
      const ref = bundleOf(model, shares[n]!);
      if (!ref.every((x, r) => x.eq(a.bundles[n - 1]![r]!))) {
        return violated(`agent ${n}'s bundle differs from the paper's ${mech.order}A formula`, { agent: n, bundle: qs(a.bundles[n - 1]!), formula: qs(ref) });
      }
    }
    // The closed form serves in order: a player gets part of type i only if every player served
    // before it got all of its type-i projects.
    const sequence = mech.order === "ord" ? [...Array(model.N).keys()].map((k) => model.N - k).concat([0]) : [0, ...[...Array(model.N).keys()].map((k) => model.N - k)];
    for (let i = 0; i < model.econ.I; i++) {
      let allFull = true;
      for (const n of sequence) {
        const held = n === 0 ? (i < model.econ.R ? null : Q.ZERO) : col[n - 1]![i]!; // μ⁰: ∞ of unit-like types, none of the rest
        const got = shares[n]![i]!;
        if (got.sign() > 0 && !allFull) return violated(`type ${i + 1}: player ${n} is served before an earlier player is full`, { shares: shares.map((s) => qs(s)) });
        if (held === null || got.lt(held)) allFull = false;
      }
    }
    return { kind: "holds" };
  },
};
