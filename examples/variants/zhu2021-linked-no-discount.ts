/**
 * An example mechanism variant for `mechcheck hunt`: the linked VCG of zhu2021 with the β^{t−T}
 * discount dropped from the transfer (every date's contribution paid at face value). A plausible
 * "simplification" — and a wrong one: with β < 1 and T ≥ 2 it is no longer ex-post IC.
 *
 *   npx mechcheck hunt --module examples/variants/zhu2021-linked-no-discount.ts
 *
 * A module exports `family` (or a default export): { name, kind, build(model) => Mechanism }.
 */
import { Q } from "../../src/exact/rational.js";
import { linkedVcg } from "../../src/mechanisms/zhu2021/linked.js";
import { linkedMinimum } from "../../src/mechanisms/zhu2021/linked-min.js";
import { REPEATED_KIND, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { dateValues } from "../../src/models/zhu2021/payoffs.js";
import { column } from "../../src/models/zhu2021/repeated.js";
import { allocateDate } from "../../src/mechanisms/zhu2021/allocation.js";
import { retract } from "../../src/typespace/zhu2021-retraction.js";

export const family: Zhu2021Family = {
  name: "example/linked-vcg-without-discount",
  kind: REPEATED_KIND,
  build(model) {
    const base = linkedVcg(model, "ord");
    return {
      ...base,
      name: "example/linked-vcg-without-discount",
      transfer(reports) {
        const r = retract(model, reports);
        const allocs = Array.from({ length: model.T }, (_, t) => allocateDate(model.econ, column(r, t), "ord"));
        const values = dateValues(model, allocs, r);
        // Σ_t Σ_{m≠n} v(A^m_t, μ^m_t) without β^{t−T}, minus the (correct) linked minimum.
        return Array.from({ length: model.N }, (_, n) =>
          values.reduce((w, row) => row.reduce((a, v, m) => (m === n + 1 ? a : a.add(v)), w), Q.ZERO).sub(linkedMinimum(model, "ord", r, n).value),
        );
      },
    };
  },
};
