/**
 * The step the proof of Proposition 4 (§10.4, Step 4) needs and does not state. It bounds a stage-1
 * lie's continuation gain by (2n − 1)M·Σ_{t₋ᵢ} ‖ρ(t₋ᵢ, rᵢ) − ρ(t₋ᵢ, tᵢ)‖·P(t₋ᵢ|tᵢ), and concludes from
 * ν̂ ≤ δΛ with δ < ε/(2(2n − 1)M√|T|) alone; that needs
 *   E[‖ρ(t̃₋ᵢ, rᵢ) − ρ(t̃₋ᵢ, tᵢ)‖ | tᵢ] ≤ ν̂ = maxⱼ νⱼ^P.
 * Informational size bounds the *probability* of a shift above ν̂ by ν̂, not the shift: the 1-norm
 * reaches 2, so only E ≤ ν̂ + 2ν̂ = 3ν̂ follows. The subject is the factor k in E ≤ k·ν̂.
 */
import type { Claim, Verdict } from "../../src/claims/types.js";
import { vacuous } from "../../src/claims/verdicts.js";
import { fullSupport } from "../../src/equilibrium/mp2013-two-stage.js";
import { Q } from "../../src/exact/rational.js";
import { shifts } from "../../src/models/mp2013/informational.js";
import { derived, showProfile, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { decodeModel, encodeModel, modelSize, qs, typeName } from "./common.js";
import { maxSize } from "./proposition2.js";
import { modelArb } from "../../src/search/mp2013.js";

export const SHIFT_BOUND_KIND = "mp2013/expected-shift-bound";

export interface ShiftBound {
  readonly name: string;
  readonly kind: string;
  /** k in E‖Δρ‖ ≤ k·ν̂. */
  readonly factor: Q;
}

export const PAPER_SHIFT_BOUND: ShiftBound = { name: "the proof of Proposition 4, Step 4: E‖Δρ‖ ≤ ν̂", kind: SHIFT_BOUND_KIND, factor: Q.ONE };

export const proposition4Step4: Claim<Mp2013Model, ShiftBound> = {
  id: "mp2013.proposition4-step4",
  paper: "mp2013",
  section: "§10.4, proof of Proposition 4, Step 4 (the closing choice of δ)",
  statement: "For every i, tᵢ and rᵢ: Σ_{t₋ᵢ} ‖ρ(t₋ᵢ, rᵢ) − ρ(t₋ᵢ, tᵢ)‖·P(t₋ᵢ|tᵢ) ≤ ν̂^P = maxⱼ νⱼ^P, which the proof needs for (2n − 1)M·E‖Δρ‖ < εΛ/(2√|T|) to follow from ν̂ ≤ δΛ, δ < ε/(2(2n − 1)M√|T|).",
  expect: "counterexample",
  note: "False: νᵢ bounds the probability of a posterior shift larger than νᵢ, and such a shift can be as large as 2 (the 1-norm of a difference of distributions). A lie that moves the posterior completely with probability p has νᵢ = p and expected shift 2p. The correct bound is 3ν̂ (the zoo's repaired factor); with it, Proposition 4's proof goes through with δ < ε/(12nM√|T|), also moving the deviator's valuation to the true posterior (2n in place of 2n − 1). Proposition 4 itself survives in the search (mp2013.proposition4).",
  subjectKind: SHIFT_BOUND_KIND,
  defaultSubject: PAPER_SHIFT_BOUND,
  runs: 300,
  // Two agents or more: with one, t₋ᵢ is certain and every lie is "large" with probability 1.
  arbitrary: () => modelArb({ kinds: ["free", "small", "free"], minAgents: 2, maxAgents: 3, maxTypes: 3 }).filter((m) => fullSupport(derived(m))),
  encode: encodeModel,
  decode: decodeModel,
  size: modelSize,
  check(m, bound): Verdict {
    const d = derived(m);
    if (!fullSupport(d)) return vacuous("§7.3 assumes T = T* (every type profile has positive probability)");
    const nuHat = maxSize(m);
    const limit = bound.factor.mul(nuHat);
    for (let i = 0; i < d.n; i++)
      for (let ti = 0; ti < d.sizes[i]!; ti++)
        for (let r = 0; r < d.sizes[i]!; r++) {
          if (r === ti) continue;
          const list = shifts(m, i, ti, r, d);
          const E = list.reduce((a, s) => a.add(s.d.mul(s.w)), Q.ZERO);
          if (E.le(limit)) continue;
          return {
            kind: "violated",
            witness: {
              summary: `agent ${i} of type ${typeName(m, i, ti)} reporting ${typeName(m, i, r)} moves the posterior by ${E} in expectation, above ${bound.factor.eq(Q.ONE) ? "" : `${bound.factor}·`}ν̂ = ${limit}`,
              quantities: {
                agent: i, trueType: typeName(m, i, ti), reported: typeName(m, i, r), expectedShift: qs(E), nuHat: qs(nuHat), factor: qs(bound.factor),
                shifts: list.map((s) => ({ profile: showProfile(m, d, s.t), shift: qs(s.d), probability: qs(s.w) })),
              },
              deviation: { agent: i, type: typeName(m, i, ti), announce: typeName(m, i, r) },
              gain: E.sub(limit).toString(),
            },
          };
        }
    return { kind: "holds" };
  },
};
