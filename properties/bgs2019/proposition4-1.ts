/**
 * bgs2019 §4, Proposition 4.1 (two agents): with F_β = 1 − u̲_β/m̲ and u̲_β = ξ(1 − β) (13), if
 * F_β ≥ 1/2 then from every u ∈ F_β𝒰 the mechanism's future promise ŵ(v|u) stays in F_β𝒰 — the
 * main phase (9)–(11) in the central region, ŵ = u (Remark 2.1) in the boundary region. Checked at
 * one report profile: ŵ ≥ 0 exactly and I_𝒰(ŵ/F) ≤ 0 certified (a separating normal when not).
 * ξ is the paper's (C.8), an appendix we do not have: a parameter, by default 4v̄ (see `note`).
 */
import * as fc from "fast-check";
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { defaultXi, inScaledSet, thresholds, withDefaultXi } from "../../src/mechanisms/bgs2019/region.js";
import { buildCertified, type StageFamily } from "../../src/mechanisms/bgs2019/stage.js";
import { mean } from "../../src/models/bgs2019/distribution.js";
import type { Bgs2019Model } from "../../src/models/bgs2019/json.js";
import { phi } from "../../src/models/bgs2019/support.js";
import { distsArb, normalStateArb } from "../../src/search/bgs2019.js";
import { qs, vec } from "./common.js";
import { decodeStage, definedVerdict, densityVerdict, inScaled, profileArb, requireState, STAGE_CLAIM, type StageCase } from "./stage-common.js";

export { defaultXi };


const dot = (a: readonly Q[], b: readonly Q[]): Q => a.reduce((s, x, i) => s.add(x.mul(b[i]!)), Q.ZERO);

/** Two agents, mostly densities; β near 1 so that F ≥ 1/2 with ξ ≥ 4v̄; states on F𝒰's frontier or on the 45° line under it, where α*(u/F) is exact. */
function caseArb(): fc.Arbitrary<StageCase> {
  return distsArb({ minAgents: 2, maxAgents: 2, oneKind: true, densityWeight: 3, discreteWeight: 1 })
    .filter((values) => values.every((d) => mean(d).sign() > 0))
    .chain((values) =>
    fc
      .record({ beta: fc.constantFrom(Q.of(99, 100), Q.of(999, 1000), Q.of(9999, 10000)), scale: fc.constantFrom(Q.ONE, Q.ONE, Q.of(2)) })
      .chain(({ beta, scale }) => {
        const m0: Bgs2019Model = { values, beta, xi: null, F: null, u: null, tieBreak: "as-written", reports: null };
        const xi = defaultXi(m0).mul(scale);
        const { F } = thresholds({ ...m0, xi });
        const pos = F.sign() > 0 ? F : Q.of(1, 2);
        return fc.record({ u: normalStateArb(values, pos), v: profileArb(values) }).map(({ u, v }) => ({ model: { ...m0, xi, u, reports: v }, v }));
      }),
  );
}

export const proposition41: Claim<StageCase, StageFamily> = {
  id: "bgs2019.proposition4.1",
  section: "§4, Proposition 4.1 with (13)",
  statement: "Let β̲ be such that F_β̲ ≥ 0.5 (F_β = 1 − u̲_β/m̲, u̲_β = ξ(1 − β)). For any β ≥ β̲ and initial state u ∈ F_β𝒰, the ex-post future promise ŵ(v|u) ∈ F_β𝒰.",
  expect: "holds",
  note: "ξ is (C.8) of the missing online appendix, so it is a parameter: the instance's ξ (or its F), by default 4v̄. A violation certifies that the proposition needs a larger ξ than the instance's (for that distribution), not that it is false for (C.8)'s. Measured on densities: the least ξ that keeps promises is about β-free (uniform [0,1]²: violations at ξ = 5/8 for β = 9/10, none at 5/4 for β = 9/10, 99/100, 999/1000), as the proof's quadratic bound predicts; 4v̄ leaves a margin. Discrete values are outside §2: 𝒰 is a polygon whose vertices have no curvature bound.",
  ...STAGE_CLAIM,
  decode: (raw: unknown): StageCase => {
    const c = decodeStage(raw);
    return { ...c, model: withDefaultXi(c.model) };
  },
  admit(c: StageCase): void {
    const m = withDefaultXi(c.model);
    if (m.values.length !== 2) throw new InputError("instance.agents", `Proposition 4.1 is §4's two-agent mechanism (n = ${m.values.length}: §7's is bgs2019.proposition7.1)`);
    const { F } = thresholds(m);
    if (F.lt(Q.HALF)) throw new InputError("instance.beta", `Proposition 4.1 needs β ≥ β̲, i.e. F_β ≥ 1/2; here F_β = ${F}`);
    requireState({ ...c, model: m }, inScaled(F), "Proposition 4.1 starts from u ∈ F_β𝒰");
  },
  runs: 40,
  arbitrary: caseArb,
  check(c, family): Verdict {
    const m = withDefaultXi(c.model);
    if (m.values.length !== 2) return { kind: "vacuous", hypothesis: `two agents (§4; n = ${m.values.length} is §7's mechanism, bgs2019.proposition7.1)` };
    const { uLow, F } = thresholds(m);
    if (F.lt(Q.of(1, 2))) return { kind: "vacuous", hypothesis: `F_β = ${F} ≥ 1/2 (β ≥ β̲)` };
    const u = m.u!;
    const inU = inScaledSet(m.values, u, F);
    if (inU.inside === null) return { kind: "inconclusive", reason: `u ∈ F𝒰 undecided: ${inU.why}` };
    if (!inU.inside) return { kind: "vacuous", hypothesis: `u ∈ F_β𝒰 (${inU.why.replace("ŵ", "u")})` };
    // Boundary region (some uᵢ < u̲): ŵ = u (Remark 2.1), in F𝒰 by hypothesis. Else u is central (8).
    if (u.some((x) => x.lt(uLow))) return { kind: "holds", basis: "exact", how: `boundary region (some uᵢ < u̲ = ${uLow}): ŵ = u ∈ F𝒰` };
    // The verdict is about the paper's mechanism only where its weights are exactly α*(u/F).
    const { mech, certified } = buildCertified(family, m);
    if (!certified) return { kind: "inconclusive", reason: `α*(u/F) is only enclosed (weights ≈ (${vec(mech.alpha).join(", ")})): promise keeping at approximate weights says nothing exact about (11)` };
    const undef = definedVerdict(mech, c.v);
    if (undef) return undef;
    const w = mech.transfer(c.v);
    const mem = inScaledSet(m.values, w, F);
    if (mem.inside === null) return { kind: "inconclusive", reason: mem.why };
    let wit: Witness | null = null;
    if (!mem.inside) {
      const base = { u: vec(u), v: vec(c.v), promise: vec(w), beta: qs(m.beta!), xi: m.xi ? qs(m.xi) : null, F: qs(F), uLow: qs(uLow), alpha: vec(mech.alpha) };
      if (mem.negative >= 0) wit = { summary: `ŵ(v|u) leaves F𝒰 through the axis: ${mem.why} (u${mem.negative} = ${u[mem.negative]} ≥ u̲ = ${uLow})`, quantities: base, gain: w[mem.negative]!.neg().toString() };
      else {
        // A separating normal: νᵀ(ŵ/F) > φ(ν) = max over 𝒰 of νᵀu′, recomputed here exactly.
        const nu = mem.normal!;
        const lhs = dot(nu, w.map((x) => x.div(F))), rhs = phi(m.values, nu);
        wit = { summary: `ŵ(v|u) leaves F𝒰 past its frontier: νᵀ(ŵ/F) = ${lhs} > φ(ν) = ${rhs} for ν = (${vec(nu).join(", ")})`, quantities: { ...base, normal: vec(nu), normalDotScaledPromise: qs(lhs), phiAtNormal: qs(rhs) }, gain: lhs.sub(rhs).toString() };
      }
    }
    return densityVerdict(m, wit);
  },
};
