/**
 * zhu2021 Proposition 2 (§5): with δ(z) = z(1 − z)ε²/((β^{1−T}Tv̄)²N) ∧ 1 and c(z) = zε/(β^{1−T}Tv̄) ∧ 1,
 * if P̂(Ω(T, μ_, μ̄)) ≥ 1 − δ(z) then P̂(Ω − Ω(T, μ_, μ̄, P̂, c(z)1)) ≤ c(z): the probability that some
 * agent is released from the truth by condition (2) — [Pⁿ(μⁿ ∉ Ωⁿ | μⁿ|_s) + c(z)]·β^{1−s}·T·v̄ < ε for
 * all s ≤ t — is at most c(z).
 *
 * Instances: N independent agents (private probabilities: P̂ is the product of their trees), scalar
 * endowments per date (the event structure is all that matters; Ωⁿ = {μ_ⁿ ≤ Σ_t μⁿ_t / T ≤ μ̄ⁿ}),
 * β, ε, v̄ > 0 (the paper's v̄ = v(q̄, ∞1) enters only as this constant), z ∈ (0, 1). Everything is exact:
 * P̂(Ω), each agent's conditional probabilities (computed by the SUBJECT engine), the release event.
 * Outside the hypothesis (P̂(Ω) < 1 − δ(z)) a failing conclusion is recorded as such: it shows how far
 * the hypothesis is needed.
 */
import * as fc from "fast-check";
import type { Claim, Verdict } from "../../src/claims/types.js";
import { vacuous, violated } from "../../src/claims/verdicts.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import { backward, leaves, type ExpectationEngine } from "../../src/probability/tree.js";
import { posRational, unitOpen } from "../../src/search/numbers.js";
import { boundMass, insideProbability, positiveAt, releaseJson, releases, treesCaseArb, treesFromJson, treesToJson, type TreesCase } from "../shared/trees.js";
import { EXPECTATION_KIND } from "./lemma5.js";

export interface Proposition2Case extends TreesCase {
  readonly beta: Q;
  readonly epsilon: Q;
  readonly vbar: Q;
  readonly z: Q;
}

export function deltaOf(c: Pick<Proposition2Case, "beta" | "epsilon" | "vbar" | "z">, T: number, N: number): Q {
  const scale = c.beta.pow(1 - T).mul(Q.of(T)).mul(c.vbar);
  return Q.min(Q.ONE, c.z.mul(Q.ONE.sub(c.z)).mul(c.epsilon.mul(c.epsilon)).div(scale.mul(scale).mul(Q.of(N))));
}

export function cOf(c: Pick<Proposition2Case, "beta" | "epsilon" | "vbar" | "z">, T: number): Q {
  return Q.min(Q.ONE, c.z.mul(c.epsilon).div(c.beta.pow(1 - T).mul(Q.of(T)).mul(c.vbar)));
}

const caseArb: fc.Arbitrary<Proposition2Case> = treesCaseArb(1, 3).chain((t) =>
  fc
    .record({ beta: fc.oneof(fc.constant(Q.ONE), unitOpen(4)), vbar: posRational(4, 2), k: fc.constantFrom(Q.of(1, 4), Q.HALF, Q.ONE, Q.of(2)), z: unitOpen(8) })
    // ε = k·β^{1−T}·T·v̄: δ(z) then ranges over the scale where the hypothesis can hold
    .map(({ beta, vbar, k, z }) => ({ ...t, beta, vbar, z, epsilon: k.mul(beta.pow(1 - t.trees[0]!.T)).mul(Q.of(t.trees[0]!.T)).mul(vbar) })),
);

export const proposition2: Claim<Proposition2Case, ExpectationEngine> = {
  id: "zhu2021.proposition2",
  paper: "zhu2021",
  section: "§5, Proposition 2 (with δ(z), c(z) as defined before it)",
  statement: "Let P̂ be any probability on (Ω, F) satisfying P̂(Ω(T, μ_, μ̄)) ≥ 1 − δ(z). Then P̂(Ω − Ω(T, μ_, μ̄, P̂, c(z)1)) ≤ c(z).",
  expect: "holds",
  note: "Exact on finite trees: P̂ a product of agents' trees (private probabilities), condition (2) evaluated with exact conditional probabilities computed by the subject engine.",
  subjectKind: EXPECTATION_KIND,
  defaultSubject: backward,
  // cheap cases (≈ 0.6 ms each); the engine bugs need many to surface
  runs: 1000,
  arbitrary: () => caseArb,
  encode: (c) => ({ ...treesToJson(c, "muLow", "muHigh"), beta: c.beta.toString(), epsilon: c.epsilon.toString(), vbar: c.vbar.toString(), z: c.z.toString() }),
  decode(json) {
    const raw = (json ?? {}) as Record<string, unknown>;
    const t = treesFromJson(raw, "muLow", "muHigh");
    const beta = positiveAt(raw.beta, "instance.beta", Q.ONE), epsilon = positiveAt(raw.epsilon, "instance.epsilon"), vbar = positiveAt(raw.vbar, "instance.vbar"), z = rationalAt(raw.z, "instance.z");
    if (!(z.gt(Q.ZERO) && z.lt(Q.ONE))) throw new InputError("instance.z", "z ∈ (0, 1)");
    return { ...t, beta, epsilon, vbar, z };
  },
  size: (c) => ({ agents: c.trees.length, dates: c.trees[0]!.T, leaves: c.trees.reduce((s, t) => s + leaves(t).length, 0) }),
  check(c, engine): Verdict {
    const N = c.trees.length, T = c.trees[0]!.T;
    const delta = deltaOf(c, T, N), cz = cOf(c, T);
    // P̂(Ω(T, μ_, μ̄)) — by leaf enumeration, independent of the engine
    const pIn = c.trees.reduce((p, _, n) => p.mul(insideProbability(c, n)), Q.ONE);
    // condition (2) at date s with p = Pⁿ(μⁿ ∉ Ωⁿ | μⁿ|_s)
    const holds = (s: number, p: Q) => p.add(cz).mul(c.beta.pow(1 - s)).mul(Q.of(T)).mul(c.vbar).lt(c.epsilon);
    const binding = releases(c, engine, holds);
    const pBound = binding.reduce((p, ls) => p.mul(boundMass(ls)), Q.ONE);
    const pReleased = Q.ONE.sub(pBound);
    const hypothesis = pIn.ge(Q.ONE.sub(delta));
    if (!pReleased.gt(cz)) return hypothesis ? { kind: "holds", how: `P̂(released) = ${pReleased} ≤ c(z) = ${cz}` } : vacuous(`P̂(Ω(T, μ_, μ̄)) = ${pIn} < 1 − δ(z) = ${Q.ONE.sub(delta)}`);
    const quantities = {
      agents: N,
      dates: T,
      "P̂(Ω(T, μ_, μ̄))": pIn.toString(),
      "δ(z)": delta.toString(),
      "c(z)": cz.toString(),
      "P̂(Ω − Ω(T, μ_, μ̄, P̂, c(z)1))": pReleased.toString(),
      releases: releaseJson(binding),
    };
    const summary = `P̂(some agent released by condition (2)) = ${pReleased} > c(z) = ${cz}, with P̂(Ω(T, μ_, μ̄)) = ${pIn}`;
    if (!hypothesis) return { kind: "outside", hypothesis: `P̂(Ω(T, μ_, μ̄)) = ${pIn} < 1 − δ(z) = ${Q.ONE.sub(delta)}`, witness: { summary, quantities, gain: pReleased.sub(cz).toString() } };
    return violated(`${summary} ≥ 1 − δ(z) = ${Q.ONE.sub(delta)}`, quantities, { gain: pReleased.sub(cz).toString() });
  },
};
