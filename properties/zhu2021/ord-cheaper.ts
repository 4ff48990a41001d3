/**
 * zhu2021 §4, after the proof of Theorem 1: "The linked VCG mechanism with ordA is weakly cheaper
 * than the linked VCG mechanism with p-ordA." Stated without proof. Checked pointwise on
 * Ω(T, μ_, μ̄): C_ord(μ) ≤ C_p-ord(μ), with C = β^{T−1} Σ_n lWⁿ.
 *
 * FALSE as stated (found by the search, verified by hand): when agents hold unit-like projects,
 * ordA serves them before the principal, so an agent's report displaces the principal's own
 * (infinitely supplied) unit projects; the others' welfare then depends on his report and the
 * linked transfer is positive, while under p-ordA it is constant and the transfer is 0. Smallest
 * instance: R = 2, θ = (1,0), (0,1), (0,1/2), q̄ = (1,1), N = T = 1, μ_ = 0, μ̄ = (1,0,0), μ = 0:
 * uW(x) = 2 − x for a report x ∈ [0,1] of type 1, so lW_ord = 2 − 1 = 1 > 0 = lW_p-ord.
 * The converse ordering is checked as `zhu2021.ord-cheaper.converse`.
 */
import type { Claim } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { linkedVcgFamily } from "../../src/mechanisms/zhu2021/linked.js";
import type { Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { betaPow } from "../../src/models/zhu2021/repeated.js";
import { repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { violated } from "./knapsack-common.js";
import { caseSize, decodeCase, encodeCase, rows, outsideTypeSpace } from "./repeated-common.js";

export interface OrderPair {
  readonly ord: Zhu2021Family;
  readonly pord: Zhu2021Family;
}

function orderClaim(cheap: "ord" | "p-ord"): Claim<RepeatedCase, OrderPair> {
  const [first, second] = cheap === "ord" ? ["ordA", "p-ordA"] : ["p-ordA", "ordA"];
  return {
  id: cheap === "ord" ? "zhu2021.ord-cheaper" : "zhu2021.ord-cheaper.converse",
  paper: "zhu2021",
  section: "§4, paragraph after the proof of Theorem 1",
  statement:
    cheap === "ord"
      ? "The linked VCG mechanism with ordA is weakly cheaper than the linked VCG mechanism with p-ordA."
      : "Converse probe (not stated by the paper): the linked VCG mechanism with p-ordA is weakly cheaper than with ordA.",
  expect: "counterexample",
  note:
    cheap === "ord"
      ? "False as stated: agents holding unit-like projects are served before the principal under ordA, so their reports displace the principal's projects and earn a positive linked transfer, which p-ordA avoids (smallest case: R = 2, N = T = 1, lW_ord = 1 > 0 = lW_p-ord)."
      : "Also false: when an agent gets unit-like resources at the truth under ordA, his own share lowers uWⁿ(μ) and the linked transfer with it, so ordA can be strictly cheaper. Together with ord-cheaper: the two linked mechanisms are not ordered.",
  subjectKind: "zhu2021/order-pair",
  defaultSubject: { ord: linkedVcgFamily("ord"), pord: linkedVcgFamily("p-ord") },
  runs: 250,
  arbitrary: () => repeatedCaseArb({ minN: 1, maxN: 3, maxT: 3 }),
  encode: (c) => encodeCase(c),
  decode: (json) => decodeCase(json, []).c,
  size: caseSize,
  check(c, pair) {
    const outside = outsideTypeSpace(c);
    if (outside) return outside;
    const fa = cheap === "ord" ? pair.ord : pair.pord, fb = cheap === "ord" ? pair.pord : pair.ord;
    const a = fa.build(c.model).transfer(c.truth);
    const b = fb.build(c.model).transfer(c.truth);
    const d = betaPow(c.model, c.model.T - 1);
    const ca = d.mul(a.reduce((x, y) => x.add(y), Q.ZERO));
    const cb = d.mul(b.reduce((x, y) => x.add(y), Q.ZERO));
    if (ca.gt(cb)) {
      return violated(`linked VCG with ${first} costs more than with ${second}`, { reports: rows(c.truth), [`cost ${first}`]: ca.toString(), [`cost ${second}`]: cb.toString(), [`transfers ${first}`]: a.map(String), [`transfers ${second}`]: b.map(String) }, { gain: ca.sub(cb).toString() });
    }
    return { kind: "holds" };
  },
  };
}

export const ordCheaper = orderClaim("ord");
export const ordCheaperConverse = orderClaim("p-ord");
