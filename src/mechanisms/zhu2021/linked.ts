/**
 * Linked VCG (zhu2021 §4): lA_t(μ|_t) = uA_t([μ]|_t) and
 *   lWⁿ(μ) = uWⁿ([μ]) − min_{μ̂ⁿ ∈ Ωⁿ(T, μ_, μ̄)} uWⁿ([μ]^{−n}, μ̂ⁿ)
 * (the paper's "arg min" is a "min"). The minimum is the exact global one (linked-min.ts); the
 * minimizer is kept so a transfer can be audited.
 */
import type { Q } from "../../exact/rational.js";
import { column, type Profile, type RepeatedModel } from "../../models/zhu2021/repeated.js";
import { retract } from "../../typespace/zhu2021-retraction.js";
import { allocateDate, type Order } from "./allocation.js";
import { linkedMinimum } from "./linked-min.js";
import { REPEATED_KIND, unlinkedTransfers, type Zhu2021Family, type Zhu2021Mechanism } from "./vcg.js";

export interface LinkedTransferDetail {
  /** uWⁿ([μ]) */
  readonly unlinked: Q;
  /** min over Ωⁿ(T, μ_, μ̄) of uWⁿ([μ]^{−n}, ·) and where it is attained. */
  readonly minimum: Q;
  readonly minimizer: Q[][];
  /** lWⁿ(μ) */
  readonly transfer: Q;
}

/** Memo of linked minima keyed by (agent, others' retracted rows): the minimum depends on nothing else. */
export type MinimumCache = Map<string, ReturnType<typeof linkedMinimum>>;

/** The others' rows as a key (agent n's own row left out): what a linked minimum depends on. */
export const othersKey = (p: Profile, n: number): string => `${n}|${p.map((row, m) => (m === n ? "" : row.map((c) => c.join(",")).join(";"))).join("|")}`;

function cachedMinimum(model: RepeatedModel, order: Order, r: Profile, n: number, cache?: MinimumCache) {
  if (!cache) return linkedMinimum(model, order, r, n);
  const key = othersKey(r, n);
  let hit = cache.get(key);
  if (!hit) {
    hit = linkedMinimum(model, order, r, n);
    if (cache.size > 256) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

export function linkedTransferDetails(model: RepeatedModel, reports: Profile, order: Order, cache?: MinimumCache): LinkedTransferDetail[] {
  const r = retract(model, reports);
  const u = unlinkedTransfers(model, r, order);
  return u.map((un, n) => {
    const m = cachedMinimum(model, order, r, n, cache);
    return { unlinked: un, minimum: m.value, minimizer: m.minimizer, transfer: un.sub(m.value) };
  });
}

export function linkedVcg(model: RepeatedModel, order: Order = "ord"): Zhu2021Mechanism {
  const cache: MinimumCache = new Map();
  return {
    name: `zhu2021/linked-vcg/${order}`,
    kind: REPEATED_KIND,
    model,
    order,
    // Adapted: [μ]|_t depends on μ|_t only, and the date-t allocation reads the date-t column.
    allocate: (reports, t) => allocateDate(model.econ, column(retract(model, reports), t), order),
    transfer: (reports) => linkedTransferDetails(model, reports, order, cache).map((d) => d.transfer),
  };
}

const LINKED: Record<Order, Zhu2021Family> = {
  ord: { name: "zhu2021/linked-vcg/ord", kind: REPEATED_KIND, build: (model) => linkedVcg(model, "ord") },
  "p-ord": { name: "zhu2021/linked-vcg/p-ord", kind: REPEATED_KIND, build: (model) => linkedVcg(model, "p-ord") },
};

/** The reference linked VCG family (one object per order, so it can be recognised by identity). */
export const linkedVcgFamily = (order: Order = "ord"): Zhu2021Family => LINKED[order];
