/**
 * bgs2019 §7.2, Proposition 7.1: the set Ω_β — states whose active block (uᵢ ≥ u̲⁽ⁿ⁾) lies in
 * s(u)·F⁽ᵏ'ⁿ⁾·𝒰⁽ᵏ⁾ — is self-generating with respect to the n-agent mechanism (18)–(19): from every
 * u ∈ Ω_β and report profile v, (FA) holds and ŵ(v|u) ∈ Ω_β, even when agents turn inactive. Checked
 * at one profile, exactly (certified membership; the active block's weights certified by KKT).
 * ξ⁽ⁿ⁾ is Definition F.2's (missing appendix): a parameter, by default v̄/8.
 */
import * as fc from "fast-check";
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { activeSplit, BGS_N_AGENT_KIND, inOmega, nAgentMechanism, nAgentParameters, type NAgentFamily } from "../../src/mechanisms/bgs2019/n-agent.js";
import { mean, top, type ValueDist } from "../../src/models/bgs2019/distribution.js";
import type { Bgs2019Model } from "../../src/models/bgs2019/json.js";
import { densityArb, discreteArb, normalStateArb } from "../../src/search/bgs2019.js";
import { qs, vec } from "./common.js";
import { decodeStage, densityVerdict, encodeStage, profileArb, requireState, stageSize, type StageCase } from "./stage-common.js";

/** ξ⁽ⁿ⁾ when the instance gives none: v̄/8. */
export const defaultXiN = (m: Bgs2019Model): Q => top(m.values[0]!).div(Q.of(8));

const withXi = (m: Bgs2019Model): Bgs2019Model => (m.xi === null ? { ...m, xi: defaultXiN(m) } : m);

/**
 * n ∈ {2, 3, 4} identical agents, β = 1 − t^{n+4} (so u̲⁽ⁿ⁾ is rational) near β̲, a random active set: the
 * inactive coordinates at fractions of u̲⁽ⁿ⁾ (0 included), the active block on the frontier of
 * s·F⁽ᵏ'ⁿ⁾·𝒰⁽ᵏ⁾ or on the 45° line under it, with a rational normal (α⁽ᵏ⁾ exact).
 */
function caseArb(): fc.Arbitrary<StageCase> {
  return fc
    .record({
      n: fc.constantFrom(2, 3, 3, 4),
      d: fc.oneof({ weight: 3, arbitrary: densityArb(3) }, { weight: 1, arbitrary: discreteArb(3) }).filter((d) => mean(d).sign() > 0),
      pick: fc.nat({ max: 2 }),
    })
    .chain(({ n, d, pick }) => {
      const values: ValueDist[] = Array.from({ length: n }, () => d);
      const m0: Bgs2019Model = { values, beta: null, xi: null, F: null, u: null, tieBreak: "lowest-index", reports: null };
      // β = 1 − t^{n+4}: the largest t = 2^−j with F⁽ⁿ'ⁿ⁾ ≥ 1/2, or one or two halvings more.
      const at = (j: number): Bgs2019Model => withXi({ ...m0, beta: Q.ONE.sub(Q.of(1, 2 ** j).pow(n + 4)) });
      let j = 1;
      while (j < 12 && nAgentParameters(at(j)).F(n).lt(Q.of(1, 2))) j++;
      const m1 = at(j + pick);
      const p = nAgentParameters(m1);
      return fc
        .record({
          inactive: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 }) }), { minLength: n, maxLength: n }),
          v: profileArb(values),
        })
        .chain(({ inactive, v }) => {
          const act = inactive.map((x, i) => (x < 0 ? i : -1)).filter((i) => i >= 0);
          const low = inactive.map((x) => (x < 0 ? Q.ZERO : p.uLow.mul(Q.of(x, 4))));
          const s = low.reduce((a, x) => a.sub(x.div(p.Ev)), Q.ONE);
          const scale = s.mul(p.F(Math.max(1, act.length)));
          const block = act.length > 0 && scale.sign() > 0 ? normalStateArb(act.map(() => d), scale) : fc.constant([] as Q[]);
          // Half the time slide the block down the 45° line (α⁽ᵏ⁾ unchanged, Remark 3.1) until its lowest
          // coordinate sits just above u̲⁽ⁿ⁾: one step can then make that agent inactive, the case the proof of 7.1 is about.
          const gap = Q.ONE.sub(m1.beta!);
          const slide = fc.constantFrom(null, Q.ZERO, gap.div(Q.of(10)), gap);
          return fc.tuple(block, slide).map(([b0, delta]) => {
            const lowest = b0.reduce((a, x) => Q.min(a, x), b0[0] ?? Q.ZERO);
            const drop = delta === null || b0.length === 0 ? Q.ZERO : Q.max(Q.ZERO, lowest.sub(p.uLow.add(delta)));
            const b = b0.map((x) => x.sub(drop));
            const u = low.map((x, i) => (act.includes(i) ? b[act.indexOf(i)]! : x));
            return { model: { ...m1, u, reports: v }, v };
          });
        });
    });
}

const decode = (raw: unknown): StageCase => {
  const c = decodeStage(raw);
  const m = withXi(c.model);
  nAgentParameters(m); // the rules of §7 (identical values, rational threshold), named on failure
  if (m.F !== null) throw new InputError("instance.F", "§7 scales by F⁽ᵏ'ⁿ⁾ = 1 − n(k−1)u̲⁽ⁿ⁾/E[v], from ξ⁽ⁿ⁾ and β: give \"xi\", not \"F\"");
  return { ...c, model: m };
};

export const proposition71: Claim<StageCase, NAgentFamily> = {
  id: "bgs2019.proposition7.1",
  paper: "bgs2019",
  section: "§7.2, Proposition 7.1 with (16)–(19)",
  statement: "The set Ω_β is self-generating with respect to the mechanism (p̂, ŵ) defined in (18) and (19): for every u ∈ Ω_β and every v, (FA) holds and ŵ(v|u) ∈ Ω_β.",
  expect: "holds",
  note: "ξ⁽ⁿ⁾ is Definition F.2 of the missing appendix: a parameter (the instance's, default v̄/8); β is taken with 1 − β a perfect (n+4)-th power so that u̲⁽ⁿ⁾ is rational. The proposition states no condition on β; we require F⁽ⁿ'ⁿ⁾ ≥ 1/2 as Theorem 7.1's β̲ and Proposition 4.1 do. Discrete values are outside §2.",
  subjectKind: BGS_N_AGENT_KIND,
  defaultSubject: nAgentMechanism,
  encode: encodeStage,
  decode,
  admit: (c: StageCase): void => requireState(c, (m) => inOmega(m, m.u!, nAgentParameters(m)), "Proposition 7.1 starts from u ∈ Ω_β"),
  size: stageSize,
  runs: 40,
  arbitrary: caseArb,
  check(c, family): Verdict {
    const m = withXi(c.model);
    const p = nAgentParameters(m);
    const n = m.values.length;
    if (p.F(n).lt(Q.of(1, 2))) return { kind: "vacuous", hypothesis: `F⁽ⁿ'ⁿ⁾ = ${p.F(n)} ≥ 1/2 (β ≥ β̲)` };
    const u = m.u!;
    const inU = inOmega(m, u, p);
    if (inU.inside === null) return { kind: "inconclusive", reason: `u ∈ Ω_β undecided: ${inU.why}` };
    if (!inU.inside) return { kind: "vacuous", hypothesis: `u ∈ Ω_β (${inU.why})` };
    const mech = family.build(m);
    if (!mech.alphaCertified) return { kind: "inconclusive", reason: `the active block's weights (${vec(mech.stage!.alpha).join(", ")}) are not certified to be α⁽ᵏ⁾: promise keeping at approximate weights says nothing exact about (17)` };
    const undef = mech.stage?.undefinedAt(mech.active.map((i) => c.v[i]!));
    if (undef) return { kind: "vacuous", hypothesis: `(17) is defined at (u, v): ${undef}` };
    const alloc = mech.allocate(c.v, 0);
    const total = alloc.reduce((a, x) => a.add(x), Q.ZERO);
    const w = mech.transfer(c.v);
    const base = { u: vec(u), v: vec(c.v), xi: qs(m.xi!), beta: qs(m.beta!), uLow: qs(p.uLow), active: mech.active.map(String), s: qs(mech.s), allocation: vec(alloc), promise: vec(w) };
    let wit: Witness | null = null;
    if (total.gt(Q.ONE) || alloc.some((x) => x.sign() < 0)) wit = { summary: `(FA) fails: Σp̂ = ${total}`, quantities: { ...base, total: qs(total) }, gain: total.sub(Q.ONE).toString() };
    else {
      const r = inOmega(m, w, p);
      if (r.inside === null) return { kind: "inconclusive", reason: `ŵ ∈ Ω_β undecided: ${r.why}` };
      if (!r.inside) {
        const next = activeSplit(w, p);
        wit = { summary: `ŵ(v|u) ∉ Ω_β: ${r.why} (active ${mech.active.length} → ${next.active.length})`, quantities: { ...base, nextActive: next.active.map(String), nextS: qs(next.s) } };
      }
    }
    return densityVerdict(m, wit);
  },
};
