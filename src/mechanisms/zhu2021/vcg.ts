/**
 * Unlinked VCG (zhu2021 §4): allocation ordA (or p-ordA), and
 *   uWⁿ(μ) = Σ_t Σ_{m≠n, m=0..N} β^{t−T} v(uA^m_t(μ|_t), μ^m_t)
 * — everyone else's contribution to surplus, evaluated at their REPORTS (the mechanism sees
 * nothing else), each date's term pushed to date T by the β^{t−T} factor.
 */
import { Q } from "../../exact/rational.js";
import { dateValues } from "../../models/zhu2021/payoffs.js";
import { betaPow, column, type Profile, type RepeatedModel } from "../../models/zhu2021/repeated.js";
import type { Mechanism, MechanismFamily } from "../types.js";
import { allocateDate, type DateAllocation, type Order } from "./allocation.js";

export type Zhu2021Mechanism = Mechanism<RepeatedModel, Profile, DateAllocation> & {
  /** The allocation order (ordA or p-ordA) the transfers are built on. */
  readonly order: Order;
};
export type Zhu2021Family = MechanismFamily<RepeatedModel, Zhu2021Mechanism>;

export const REPEATED_KIND = "zhu2021/repeated";

/** uWⁿ for every agent n (0-based), at a report profile. */
export function unlinkedTransfers(model: RepeatedModel, reports: Profile, order: Order): Q[] {
  const allocs = Array.from({ length: model.T }, (_, t) => allocateDate(model.econ, column(reports, t), order));
  const values = dateValues(model, allocs, reports); // rows t: [principal, agent 1..N]
  return Array.from({ length: model.N }, (_, n) => {
    let w = Q.ZERO;
    values.forEach((row, t) => {
      const others = row.reduce((acc, v, m) => (m === n + 1 ? acc : acc.add(v)), Q.ZERO);
      w = w.add(betaPow(model, t - (model.T - 1)).mul(others));
    });
    return w;
  });
}

export function unlinkedVcg(model: RepeatedModel, order: Order = "ord"): Zhu2021Mechanism {
  return {
    name: `zhu2021/unlinked-vcg/${order}`,
    kind: REPEATED_KIND,
    model,
    order,
    allocate: (reports, t) => allocateDate(model.econ, column(reports, t), order),
    transfer: (reports) => unlinkedTransfers(model, reports, order),
  };
}

const UNLINKED: Record<Order, Zhu2021Family> = {
  ord: { name: "zhu2021/unlinked-vcg/ord", kind: REPEATED_KIND, build: (model) => unlinkedVcg(model, "ord") },
  "p-ord": { name: "zhu2021/unlinked-vcg/p-ord", kind: REPEATED_KIND, build: (model) => unlinkedVcg(model, "p-ord") },
};

/** The reference unlinked VCG family (one object per order, so it can be recognised by identity). */
export const unlinkedVcgFamily = (order: Order = "ord"): Zhu2021Family => UNLINKED[order];
