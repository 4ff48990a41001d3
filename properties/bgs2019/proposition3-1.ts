/**
 * bgs2019 §3.2, Proposition 3.1: for u in the central region, every future promise ŵ(v|u) of (11)
 * lies on the plane α*ᵀ(u − ŵ(v|u)) = ((1−β)/β)·α*ᵀ(∇φ(α*) − u) ≥ 0, α* = α*(u/F_β). Checked exactly at
 * one report profile v, with ∇φ by Proposition 2.3's formula.
 */
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import type { StageFamily } from "../../src/mechanisms/bgs2019/stage.js";
import { gradient, phi } from "../../src/models/bgs2019/support.js";
import { qs, vec } from "./common.js";
import { densityVerdict, STAGE_CLAIM, type StageCase, stageCaseArb, mainPhaseAt } from "./stage-common.js";

const dot = (a: readonly Q[], b: readonly Q[]): Q => a.reduce((s, x, i) => s.add(x.mul(b[i]!)), Q.ZERO);

export const proposition31: Claim<StageCase, StageFamily> = {
  id: "bgs2019.proposition3.1",
  section: "§3.2, Proposition 3.1",
  statement: "For any state u in the central region, the future promise ŵ(v|u) lies on the plane α*(u/F_β)ᵀ(u − ŵ(v|u)) = ((1−β)/β)·α*(u/F_β)ᵀ(∇φ(α*(u/F_β)) − u) ≥ 0 for every v.",
  expect: "holds",
  note: "The identity is promise keeping in disguise: α*ᵀŵ(v) = Σⱼ α*ⱼE[Ŵⱼ] for every v by (11), and E[Ŵⱼ] = (uⱼ − (1−β)E[vⱼP̂ⱼ(vⱼ)])/β by (10). It holds for any α, with E[vᵢP̂ᵢ] = ∂φ/∂αᵢ; with a tie-breaking rule and discrete values E[vᵢP̂ᵢ] is no longer the ≥-formula (outside). Since α*ᵀ∇φ(α*) = φ(α*) only where φ is differentiable, CLAIMS.md's form with φ(α) fails on discrete values too.",
  ...STAGE_CLAIM,
  runs: 80,
  arbitrary: () => stageCaseArb({ tieBreaks: ["as-written", "as-written", "lowest-index", "uniform"] }),
  check(c, family): Verdict {
    const at = mainPhaseAt(c, family);
    if ("verdict" in at) return at.verdict;
    const mech = at.mech;
    const { u, beta } = { u: c.model.u!, beta: c.model.beta! };
    const a = mech.alpha;
    const w = mech.transfer(c.v);
    const lhs = dot(a, u.map((x, i) => x.sub(w[i]!)));
    const g = gradient(c.model.values, a);
    const rhs = Q.ONE.sub(beta).div(beta).mul(dot(a, g).sub(dot(a, u)));
    let wit: Witness | null = null;
    if (!lhs.eq(rhs)) wit = { summary: `off the plane: α*ᵀ(u − ŵ(v)) = ${lhs} but ((1−β)/β)α*ᵀ(∇φ(α*) − u) = ${rhs}`, quantities: { v: vec(c.v), alpha: vec(a), promise: vec(w), lhs: qs(lhs), rhs: qs(rhs), phi: qs(phi(c.model.values, a)), alphaDotGradient: qs(dot(a, g)) }, gain: lhs.sub(rhs).abs().toString() };
    else if (rhs.sign() < 0) wit = { summary: `the plane's offset ((1−β)/β)α*ᵀ(∇φ(α*) − u) = ${rhs} is negative`, quantities: { v: vec(c.v), alpha: vec(a), rhs: qs(rhs) }, gain: rhs.neg().toString() };
    return densityVerdict(c.model, wit);
  },
};
