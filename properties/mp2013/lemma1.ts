/**
 * mp2013 §10, Lemma 1: for S ⊆ N and beliefs p, p′ ∈ Δ(Θ), the optimal value
 *   F_S(p) = max_c Σ_θ Σ_{i∈S} vᵢ(c, θ, tᵢ)·p(θ)
 * is Lipschitz: |F_S(p) − F_S(p′)| ≤ |S|·M·‖p − p′‖ (1-norm). Intended meaning implemented: the
 * statement prints "<", which fails at p = p′ (0 < 0); the proof shows "≤". The subject is the
 * implementation of F_S, so a wrong optimal value (a sum where the lemma maximizes) is caught.
 */
import * as fc from "fast-check";
import type { Claim } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { derived, norm1, wValue, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { modelArb } from "../../src/search/mp2013.js";
import { beliefPair, decodeWith, encodeModel, modelSize, readBelief, readProfile } from "./common.js";

export const VALUE_KIND = "mp2013/value-function";

export interface ValueFunction {
  readonly name: string;
  readonly kind: string;
  /** F_S(p) at the types `types` (one per agent; only those of S matter). */
  value(m: Mp2013Model, S: readonly number[], types: readonly number[], p: readonly Q[]): Q;
}

export const referenceValue: ValueFunction = {
  name: "mp2013/F_S (max over outcomes)",
  kind: VALUE_KIND,
  value(m, S, types, p) {
    let best: Q | null = null;
    for (let c = 0; c < m.outcomes.length; c++) {
      const v = S.reduce((a, i) => a.add(wValue(m, i, c, p, types[i]!)), Q.ZERO);
      if (best === null || v.gt(best)) best = v;
    }
    return best!;
  },
};

export interface Lemma1Case {
  readonly model: Mp2013Model;
  readonly S: readonly number[];
  readonly types: readonly number[];
  readonly p: readonly Q[];
  readonly p2: readonly Q[];
}

const cases: fc.Arbitrary<Lemma1Case> = modelArb().chain((model) => {
  const d = derived(model);
  return fc
    .record({ S: fc.subarray(d.sizes.map((_, i) => i)), types: fc.tuple(...d.sizes.map((K) => fc.nat({ max: K - 1 }))) })
    .chain((r) => beliefPair(model, r.types).map(([p, p2]) => ({ model, S: r.S, types: r.types, p, p2 })));
});

export const lemma1: Claim<Lemma1Case, ValueFunction> = {
  id: "mp2013.lemma1",
  paper: "mp2013",
  section: "§10, Lemma 1",
  statement: "For each S ⊆ N and p, p′ ∈ Δ(Θ), with F_S(p) = max_c Σ_θ Σ_{i∈S} vᵢ(c, θ, tᵢ)p(θ): |F_S(p) − F_S(p′)| ≤ |S|·M·‖p − p′‖.",
  expect: "holds",
  note: "Implemented with ≤ (the proof's conclusion); the printed '<' fails at p = p′. The constant is loose by 2: Σ_θ g(θ)(p − p′)(θ) ≤ (max g/2)‖p − p′‖ when Σ(p − p′) = 0.",
  subjectKind: VALUE_KIND,
  defaultSubject: referenceValue,
  runs: 300,
  arbitrary: () => cases,
  encode: (c) => ({ ...(encodeModel(c.model) as Record<string, never>), S: [...c.S], profile: c.types.map((x, i) => c.model.types[i]![x]!), p: c.p.map(String), pPrime: c.p2.map(String) }),
  decode(v) {
    const { model, rest } = decodeWith(v, ["S", "profile", "p", "pPrime"]);
    const d = derived(model);
    const S = rest.S;
    if (!Array.isArray(S) || !S.every((i) => Number.isInteger(i) && i >= 0 && i < d.n) || new Set(S).size !== S.length) throw new InputError("instance.S", `a set of distinct agent numbers in 0..${d.n - 1}`);
    const types = readProfile(model, rest.profile);
    return { model, S: S as number[], types, p: readBelief(rest.p, model.states.length, "instance.p"), p2: readBelief(rest.pPrime, model.states.length, "instance.pPrime") };
  },
  size: (c) => modelSize(c.model),
  check(c, F) {
    const d = derived(c.model);
    const diff = F.value(c.model, c.S, c.types, c.p).sub(F.value(c.model, c.S, c.types, c.p2)).abs();
    const bound = Q.of(c.S.length).mul(d.M).mul(norm1(c.p, c.p2));
    if (diff.le(bound)) return { kind: "holds" };
    return {
      kind: "violated",
      witness: {
        summary: `|F_S(p) − F_S(p′)| = ${diff} > |S|·M·‖p − p′‖ = ${bound}`,
        quantities: { S: [...c.S], M: d.M.toString(), p: c.p.map(String), pPrime: c.p2.map(String), difference: diff.toString(), bound: bound.toString() },
        gain: diff.sub(bound).toString(),
      },
    };
  },
};
