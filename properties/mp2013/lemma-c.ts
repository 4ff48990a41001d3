/**
 * mp2013 §10.4, Lemma C (used for Propositions 3–4): for every profile t and beliefs π, π′ ∈ Δ(Θ),
 *   [wᵢ(q̂(t|π′), π′, tᵢ) + x̂ᵢ(t|π′)] − [wᵢ(q̂(t|π), π, tᵢ) + x̂ᵢ(t|π)] ≤ (2n − 1)·M·‖π − π′‖,
 * for the stage-2 VCG at a posted belief. The subject is the stage-2 mechanism.
 */
import * as fc from "fast-check";
import type { Claim } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { postedVcg, POSTED_KIND, type PostedMechanism } from "../../src/mechanisms/mp2013/posted.js";
import { derived, norm1, wValue, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { modelArb } from "../../src/search/mp2013.js";
import { beliefPair, decodeWith, encodeModel, modelSize, readBelief, readProfile } from "./common.js";

export interface LemmaCCase {
  readonly model: Mp2013Model;
  readonly i: number;
  readonly types: readonly number[];
  readonly pi: readonly Q[];
  readonly pi2: readonly Q[];
}

const cases: fc.Arbitrary<LemmaCCase> = modelArb().chain((model) => {
  const d = derived(model);
  return fc
    .record({ i: fc.nat({ max: d.n - 1 }), types: fc.tuple(...d.sizes.map((K) => fc.nat({ max: K - 1 }))) })
    .chain((r) => beliefPair(model, r.types).map(([pi, pi2]) => ({ model, i: r.i, types: r.types, pi, pi2 })));
});

const payoff = (mech: PostedMechanism, c: LemmaCCase, pi: readonly Q[]): Q => wValue(c.model, c.i, mech.outcome(c.model, c.types, pi), pi, c.types[c.i]!).add(mech.transfer(c.model, c.i, c.types, pi));

export const lemmaC: Claim<LemmaCCase, PostedMechanism> = {
  id: "mp2013.lemmaC",
  paper: "mp2013",
  section: "§10.4, Lemma C",
  statement: "For each t ∈ T and π, π′ ∈ Δ(Θ): [Σ_θ vᵢ(q̂(t|π′), θ, tᵢ)π′(θ) + x̂ᵢ(t|π′)] − [Σ_θ vᵢ(q̂(t|π), θ, tᵢ)π(θ) + x̂ᵢ(t|π)] ≤ (2n − 1)M‖π − π′‖.",
  expect: "holds",
  note: "The proof writes vₖ(·, θ, tᵢ) inside Σₖ where vₖ(·, θ, tₖ) is meant, and cites Lemma A for what is Lemma 1; implemented as intended.",
  subjectKind: POSTED_KIND,
  defaultSubject: postedVcg,
  runs: 300,
  arbitrary: () => cases,
  encode: (c) => ({ ...(encodeModel(c.model) as Record<string, never>), agent: c.i, profile: c.types.map((x, j) => c.model.types[j]![x]!), pi: c.pi.map(String), piPrime: c.pi2.map(String) }),
  decode(v) {
    const { model, rest } = decodeWith(v, ["agent", "profile", "pi", "piPrime"]);
    const n = model.types.length;
    const i = rest.agent;
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= n) throw new InputError("instance.agent", `an agent number in 0..${n - 1}`);
    const k = model.states.length;
    return { model, i, types: readProfile(model, rest.profile), pi: readBelief(rest.pi, k, "instance.pi"), pi2: readBelief(rest.piPrime, k, "instance.piPrime") };
  },
  size: (c) => modelSize(c.model),
  check(c, mech) {
    const d = derived(c.model);
    const diff = payoff(mech, c, c.pi2).sub(payoff(mech, c, c.pi));
    const bound = Q.of(2 * d.n - 1).mul(d.M).mul(norm1(c.pi, c.pi2));
    if (diff.le(bound)) return { kind: "holds" };
    return {
      kind: "violated",
      witness: {
        summary: `agent ${c.i}'s stage-2 payoff rises by ${diff} from π to π′, above (2n − 1)M‖π − π′‖ = ${bound}`,
        quantities: { agent: c.i, M: d.M.toString(), pi: c.pi.map(String), piPrime: c.pi2.map(String), difference: diff.toString(), bound: bound.toString() },
        gain: diff.sub(bound).toString(),
      },
    };
  },
};
