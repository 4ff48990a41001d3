/**
 * Probe of zhu2021 Lemma 6's second part just outside its hypotheses: Property I holds for agent n
 * but Property II fails (he is, at some date and for some type, the marginal agent, or can become
 * it). Does lWⁿ(μ) still equal the price-weighted maximum of Lemma 6? A mismatch is reported as
 * `fails-outside-hypotheses`: it maps what Property II is needed for, it refutes nothing.
 */
import type { Claim } from "../../src/claims/types.js";
import { lemma6Linear } from "../../src/mechanisms/zhu2021/small-surplus.js";
import type { Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { propertyI, propertyII } from "../../src/models/zhu2021/smallness.js";
import { smallClaimFields, transferOf, type SmallCase } from "./small-common.js";
import { outsideTypeSpace } from "./repeated-common.js";

export const lemma6EqualityBeyond: Claim<SmallCase, Zhu2021Family> = {
  id: "zhu2021.lemma6.equality.beyond",
  paper: "zhu2021",
  section: "§6.1, Lemma 6 (second part), probed with Property I but without Property II",
  statement: "Probe: with Property I but not Property II, lWⁿ(μ) still equals max_{μ̂ⁿ ∈ Ωⁿ} Σ_t β^{t−T} p_t(μ)·Σ_i (μ̂ⁿ_ti − μⁿ_ti) θ_i 1{n > N(μ_t, i)}.",
  expect: "holds",
  expectOutside: true,
  note: "Outside the hypotheses by construction: when the agent is (or can become) a marginal agent, his report moves how much of a type the agents above him are served, which the formula ignores.",
  ...smallClaimFields(true),
  check(c, family) {
    const outside = outsideTypeSpace(c);
    if (outside) return outside;
    const one = propertyI(c.model, c.truth, c.agent);
    if (one.kind !== "holds") return { kind: "vacuous", hypothesis: "Property I does not hold (the probe keeps it)" };
    const two = propertyII(c.model, c.truth, c.agent, one);
    if (two.kind !== "fails") return { kind: "vacuous", hypothesis: two.kind === "holds" ? "Property II holds (Lemma 6 proper covers it)" : "Property II is not decided" };
    const W = transferOf(c, family), rhs = lemma6Linear(c.model, c.truth, c.agent, one.prices);
    if (W.eq(rhs)) return { kind: "holds" };
    return {
      kind: "outside",
      hypothesis: `Property II fails: ${two.reason}`,
      witness: {
        summary: `without Property II (${two.reason}), agent ${c.agent + 1}'s lWⁿ(μ) = ${W} but Lemma 6's formula gives ${rhs}`,
        quantities: { agent: c.agent + 1, transfer: W.toString(), lemma6: rhs.toString(), propertyII: two.reason },
        gain: W.sub(rhs).abs().toString(),
      },
    };
  },
};
