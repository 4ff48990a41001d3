/**
 * bgs2019 §4 (two agents): with F_β = 1 − u̲/m̲ (13), "for any u in the boundary region of F_β𝒰 (that
 * is, when either u₁ or u₂ is below the threshold u̲), the state u must be within the lower triangle
 * set L", so the random allocation of Remark 2.1 is feasible there. Checked as (FA) of the boundary
 * mechanism at states of F𝒰 (certified membership) with some uᵢ < u̲. §4 is stated for n = 2; with
 * n ≥ 3 agents the claim is outside its hypotheses (§7 builds a different boundary mechanism).
 */
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import { outsideOrVacuous } from "../../src/claims/verdicts.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import type { BoundaryFamily } from "../../src/mechanisms/bgs2019/boundary.js";
import { alphaStar } from "../../src/models/bgs2019/alpha-star.js";
import { mean } from "../../src/models/bgs2019/distribution.js";
import { BOUNDARY_CLAIM, nearAxisCaseArb } from "./boundary-common.js";
import { qs, vec } from "./common.js";
import { densityVerdict, inScaled, requireState, thresholds, type StageCase } from "./stage-common.js";

export const boundaryFa: Claim<StageCase, BoundaryFamily> = {
  id: "bgs2019.boundary-fa",
  section: "§4.1, the boundary region and (13)",
  statement: "For two agents and F_β = 1 − u̲_β/m̲: every u ∈ F_β𝒰 with some uᵢ < u̲_β lies in the lower triangle L, so the random allocation uᵢ/E[vᵢ] meets (FA) there.",
  expect: "holds",
  note: "For two agents, uⱼ ≤ F·E[vⱼ] = E[vⱼ](1 − u̲/m̲) and uᵢ/E[vᵢ] < u̲/m̲ give Σu/E[v] < 1. With three agents the frontier of the two others' face bulges above L, so the boundary region leaves L: why §7 needs another boundary mechanism.",
  ...BOUNDARY_CLAIM,
  admit(c: StageCase): void {
    requireState(c, (m) => inScaled(thresholds(m).F)(m), "the claim is about states u ∈ F_β𝒰");
    const { uLow } = thresholds(c.model);
    if (c.model.u!.every((x) => x.ge(uLow))) throw new InputError("instance.u", `the claim is about the boundary region, some uᵢ < u̲ = ${uLow}; every coordinate here is ≥ u̲`);
  },
  runs: 80,
  arbitrary: nearAxisCaseArb,
  check(c, family): Verdict {
    const m = c.model, u = m.u!;
    const { uLow, F } = thresholds(m);
    const low = u.findIndex((x) => x.lt(uLow));
    if (low < 0) return { kind: "vacuous", hypothesis: `some uᵢ < u̲ = ${uLow} (the boundary region)` };
    const a = alphaStar(m.values, u.map((x) => x.div(F)), { signOnly: true });
    if (a.valueLo.sign() > 0) return { kind: "vacuous", hypothesis: `u ∈ F𝒰 (I_𝒰(u/F) ≥ ${a.valueLo} > 0)` };
    if (a.valueHi.sign() > 0) return { kind: "inconclusive", reason: `I_𝒰(u/F) ∈ [${a.valueLo}, ${a.valueHi}] straddles 0` };
    const p = family.build(m).allocate(c.v, 0);
    const total = p.reduce((s, x) => s.add(x), Q.ZERO);
    const wit: Witness | null = total.gt(Q.ONE)
      ? { summary: `u = (${vec(u).join(", ")}) ∈ F𝒰 has u${low} < u̲ = ${uLow} but the random allocation hands out Σuᵢ/E[vᵢ] = ${total} > 1 goods (u ∉ L)`, quantities: { u: vec(u), F: qs(F), uLow: qs(uLow), means: vec(m.values.map(mean)), allocation: vec(p), total: qs(total) }, gain: total.sub(Q.ONE).toString() }
      : null;
    if (u.length > 2) return outsideOrVacuous(`${u.length} agents: §4's boundary region is stated for two`, wit);
    return densityVerdict(m, wit);
  },
};
