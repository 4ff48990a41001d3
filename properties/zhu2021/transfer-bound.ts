/**
 * zhu2021 §1 and §4 (the R = T = 1 discussion of Figure 3): "An agent's transfer in the linked VCG
 * mechanism is bounded above by his own maximum contribution to surplus":
 *   β^{T−1} lWⁿ(μ) ≤ max_{μ̂ⁿ ∈ Ωⁿ(T, μ_, μ̄)} Sⁿ(μ^{−n}, μ̂ⁿ)  (contribution at reports = endowments μ̂ⁿ).
 * Decided by exact bounds on the maximum M = max Sⁿ: a lower bound from Sⁿ evaluated at the truth
 * and at μ̂* = the minimizer of the linked minimum (the paper's argument says the bound already holds
 * there), and an upper bound from one exact LP — an agent's own value is at most what he would make
 * with all of q̄, v(q̄, μ̂ⁿ_t), which is concave, so maximizing Σ_t β^{t−1} v(q̄, μ̂ⁿ_t) over Ωⁿ is an LP.
 * transfer ≤ lower bound: holds; transfer > upper bound: violated (certified); else inconclusive.
 */
import type { Claim } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { linkedTransferDetails } from "../../src/mechanisms/zhu2021/linked.js";
import { ownSurplus } from "../../src/mechanisms/zhu2021/small-surplus.js";
import { REPEATED_KIND, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { betaPow, type RepeatedModel } from "../../src/models/zhu2021/repeated.js";
import { repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { solveLP, type LpRow } from "../../src/lp/index.js";
import { violated } from "./knapsack-common.js";
import { linkedVcgFamily } from "../../src/mechanisms/zhu2021/linked.js";
import { caseSize, decodeCase, encodeCase, rows, outsideTypeSpace } from "./repeated-common.js";

/**
 * An exact upper bound on max over Ωⁿ(T, μ_, μ̄) of Sⁿ: the LP over (α_t, x_t), t = 1..T, of
 * max Σ_t β^{t−1} Σ_i α_ti s.t. Σ_i α_ti θ_i ≤ q̄, 0 ≤ α_t ≤ x_t, T μ_ⁿ ≤ Σ_t x_t ≤ T μ̄ⁿ.
 */
export function contributionUpperBound(model: RepeatedModel, n: number): Q {
  const { T, econ } = model;
  const I = econ.I, R = econ.R;
  const nv = 2 * T * I; // α_ti at t*I+i, x_ti at T*I + t*I + i
  const zero = () => new Array<Q>(nv).fill(Q.ZERO);
  const rowsLp: LpRow[] = [];
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < R; r++) {
      const a = zero();
      for (let i = 0; i < I; i++) a[t * I + i] = econ.theta[i]![r]!;
      rowsLp.push({ a, op: "<=", b: econ.supply[r]! });
    }
    for (let i = 0; i < I; i++) {
      const a = zero();
      a[t * I + i] = Q.ONE;
      a[T * I + t * I + i] = Q.MINUS_ONE;
      rowsLp.push({ a, op: "<=", b: Q.ZERO });
    }
  }
  const TQ = Q.of(T);
  for (let i = 0; i < I; i++) {
    const a = zero();
    for (let t = 0; t < T; t++) a[T * I + t * I + i] = Q.ONE;
    rowsLp.push({ a, op: ">=", b: model.muLow[n]![i]!.mul(TQ) });
    rowsLp.push({ a, op: "<=", b: model.muHigh[n]![i]!.mul(TQ) });
  }
  const c = zero();
  for (let t = 0; t < T; t++) for (let i = 0; i < I; i++) c[t * I + i] = model.beta.pow(t);
  const res = solveLP({ sense: "max", c, rows: rowsLp });
  if (res.status !== "optimal") throw new Error(`contribution bound LP is ${res.status}`);
  return res.value;
}

export const transferBound: Claim<RepeatedCase, Zhu2021Family> = {
  id: "zhu2021.transfer-bound",
  paper: "zhu2021",
  section: "§1 and §4 (discussion of Figure 3)",
  statement: "An agent's transfer in the linked VCG mechanism is bounded above by his own maximum contribution to surplus.",
  expect: "holds",
  note: "Checked for every R and T (the paper illustrates R = T = 1), at truthful μ ∈ Ω(T, μ_, μ̄), in date-T money: β^{T−1} lWⁿ ≤ max Sⁿ.",
  subjectKind: REPEATED_KIND,
  defaultSubject: linkedVcgFamily("ord"),
  runs: 250,
  arbitrary: () => repeatedCaseArb({ maxN: 3, maxT: 3 }),
  encode: (c) => encodeCase(c),
  decode: (json) => decodeCase(json, []).c,
  size: caseSize,
  check(c, family) {
    const outside = outsideTypeSpace(c);
    if (outside) return outside;
    const { model, truth } = c;
    const mech = family.build(model);
    const w = mech.transfer(truth);
    const details = linkedTransferDetails(model, truth, "ord");
    for (let n = 0; n < model.N; n++) {
      const paid = betaPow(model, model.T - 1).mul(w[n]!);
      const atMinimizer = ownSurplus(model, truth, n, details[n]!.minimizer);
      const atTruth = ownSurplus(model, truth, n, truth[n]!);
      if (paid.le(atMinimizer) || paid.le(atTruth)) continue;
      const upper = contributionUpperBound(model, n);
      if (paid.gt(upper)) {
        return violated(
          `agent ${n + 1}'s discounted transfer ${paid} exceeds every contribution to surplus he could make (at most ${upper})`,
          { agent: n + 1, reports: rows(truth), discountedTransfer: paid.toString(), contributionUpperBound: upper.toString(), atTruth: atTruth.toString(), atMinimizer: atMinimizer.toString() },
          { gain: paid.sub(upper).toString() },
        );
      }
      return {
        kind: "inconclusive",
        reason: `agent ${n + 1}: β^{T−1}lW = ${paid} lies between the lower bounds (${atTruth}, ${atMinimizer}) and the upper bound ${upper} on max Sⁿ`,
      };
    }
    return { kind: "holds" };
  },
};
