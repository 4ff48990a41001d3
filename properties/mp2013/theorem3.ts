/**
 * mp2013 §8, Theorem 3 (proof in §10.6), on a conditionally independent sequence P^r with the
 * proof's construction: GVCG plus zᵢ^r(t) = (ε/r)·Q(t_{i+1}|tᵢ)/‖Q(·|tᵢ)‖₂. The theorem is
 * asymptotic ("there exists r̂"), so what is checked at each r is what the proof establishes there:
 *  - always: zᵢ^r ≥ 0, Σᵢ zᵢ^r(t) ≤ ε at every profile, and ex post IR;
 *  - interim IC whenever the proof's closing inequality εΛ* / (2√|A|) ≥ 2M·r(r−1)·ν^{P^r} holds
 *    (as printed; Claim 2's own bound gives r + 1 in place of r − 1 — see the note).
 * Theorem 3's hypothesis (Q(·|α) ≠ Q(·|α′) for α ≠ α′, i.e. Λ* > 0) is checked; Definition 6(a)
 * holds by the instance's rules. Everything is exact (count vectors, `Surd` for the norms), so r in
 * the hundreds is checked, not sampled. Weak ε-ex post IC has no finite-r condition in the proof
 * ("essentially identical to Theorem 2"); `mechcheck simulate mp2013.theorem3` measures it.
 */
import * as fc from "fast-check";
import type { Claim, Verdict } from "../../src/claims/types.js";
import { outsideOrVacuous, vacuous } from "../../src/claims/verdicts.js";
import { InputError } from "../../src/exact/errors.js";
import type { Json } from "../../src/exact/json.js";
import { evaluateTheorem3, lambdaStar, ReplicaGvcg, theorem3Condition } from "../../src/equilibrium/mp2013-replica.js";
import { REPLICA_REWARD_KIND, theorem3Reward, type ReplicaReward } from "../../src/mechanisms/mp2013/replica.js";
import { replicaDerived, replicaSize, type ReplicaBase } from "../../src/models/mp2013/replica.js";
import { readReplicaBase, replicaToJson } from "../../src/models/mp2013/replica-json.js";
import { replicaBaseArb } from "../../src/search/mp2013-replica.js";
import { qs, surd } from "./common.js";

export interface ReplicaInstance {
  readonly base: ReplicaBase;
  readonly r: number;
}

/** The largest r per signal count: exact work over C(r−2+|A|, |A|−1) count vectors. */
export const MAX_R: Readonly<Record<number, number>> = { 2: 160, 3: 24 };

const instances: fc.Arbitrary<ReplicaInstance> = replicaBaseArb().chain((base) => fc.integer({ min: 2, max: MAX_R[base.signals.length]! }).map((r) => ({ base, r })));

function decode(v: unknown): ReplicaInstance {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new InputError("instance", `expected a replica base ("model": "mp2013-replica") with "r"`);
  const { r, ...rest } = v as Record<string, unknown>;
  const base = readReplicaBase(rest);
  if (base.epsilon === null) throw new InputError("instance.epsilon", "Theorem 3 is stated for a given ε > 0: the instance needs \"epsilon\"");
  const cap = MAX_R[base.signals.length];
  if (typeof r !== "number" || !Number.isInteger(r) || r < 2) throw new InputError("instance.r", `r (the number of agents) is an integer ≥ 2, got ${JSON.stringify(r)}`);
  if (cap === undefined || r > cap) throw new InputError("instance.r", `exact work is capped at r ≤ ${cap ?? "—"} for |A| = ${base.signals.length} (|A| ≤ 3)`);
  return { base, r };
}

const name = (b: ReplicaBase, a: number) => b.signals[a]!;

export const theorem3: Claim<ReplicaInstance, ReplicaReward> = {
  id: "mp2013.theorem3",
  paper: "mp2013",
  section: "§8, Theorem 3 (proof in §10.6)",
  statement: "For a conditionally independent sequence with Q(·|α) ≠ Q(·|α′) (α ≠ α′) and payoffs in [0, M]: the augmented GVCG with zᵢ^r = (ε/r)·Q(t_{i+1}|tᵢ)/‖Q(·|tᵢ)‖₂ has zᵢ^r ≥ 0 and Σᵢ zᵢ^r ≤ ε, is ex post IR, and is interim IC once εΛ*/(2√|A|) − 2M·r(r−1)·ν^{P^r} ≥ 0 (the proof's closing inequality).",
  expect: "holds",
  note: "The closing line of the proof writes 2M(r−1)ν, but Claim 2 bounds the GVCG loss by 2M(r+1)ν (4Mν on Aᵢ plus 2M(r−1)ν off it): the printed condition is the weaker one. Checked as printed; no counterexample follows from the slip in our searches, and ν^{P^r} falls exponentially, so the theorem is unaffected. Weak ε-ex post IC is measured by `simulate mp2013.theorem3`.",
  subjectKind: REPLICA_REWARD_KIND,
  defaultSubject: theorem3Reward,
  runs: 40,
  arbitrary: () => instances,
  encode: (x): Json => ({ ...(replicaToJson(x.base) as Record<string, Json>), r: x.r }),
  decode,
  size: (x) => ({ agents: x.r, signals: x.base.signals.length, states: x.base.states.length, outcomes: x.base.outcomes.length }),
  check({ base, r }, reward): Verdict {
    const d = replicaDerived(base), A = base.signals.length, eps = base.epsilon!;
    const ls = lambdaStar(d);
    if (ls.value.sign() <= 0) return vacuous(`Q(·|${name(base, ls.a)}) = Q(·|${name(base, ls.a2)}): Theorem 3's condition on P fails (Λ* = 0)`);
    const g = new ReplicaGvcg(base, r);
    const e = evaluateTheorem3(base, r, reward, eps, g);
    const ctx = { r, epsilon: qs(eps), M: qs(d.M) };
    if (e.zMin.sign() < 0) return { kind: "violated", witness: { summary: `a reward is negative: min zᵢ^r = ${e.zMin}`, quantities: { ...ctx, zMin: surd(e.zMin) } } };
    if (e.zSumMax.gt(eps)) return { kind: "violated", witness: { summary: `the rewards sum to more than ε = ${eps} at some profile: max Σᵢ zᵢ^r ≈ ${e.zSumMax.toNumber().toPrecision(6)}`, quantities: { ...ctx, zSumMax: surd(e.zSumMax) }, gain: e.zSumMax.sub(eps).toString() } };
    if (e.ir.value.sign() < 0) return { kind: "violated", witness: { summary: `not ex post IR: signal ${name(base, e.ir.ti)} with others' counts (${e.ir.f.join(", ")}) gets ${e.ir.value}`, quantities: { ...ctx, payoff: surd(e.ir.value), counts: [...e.ir.f], neighbour: name(base, e.ir.beta) } } };
    const nu = replicaSize(base, r, g.cw).value;
    const c = theorem3Condition(d, A, r, eps, nu, ls.value);
    const lie = e.interim;
    const w =
      lie.gain.sign() > 0
        ? {
            summary: `not interim IC with ${r} agents: signal ${name(base, lie.ti)} expects to gain ${lie.gain.toNumber().toPrecision(6)} by announcing ${name(base, lie.s)}`,
            quantities: { ...ctx, trueSignal: name(base, lie.ti), announced: name(base, lie.s), interimGain: surd(lie.gain), nu: qs(nu), LambdaStar: surd(ls.value), lhs: surd(c.lhs), rhsPrinted: qs(c.rhsPrinted), rhsClaim2: qs(c.rhsClaim2) },
            deviation: { agent: 0, type: name(base, lie.ti), announce: name(base, lie.s) } as Json,
            gain: lie.gain.toString(),
          }
        : null;
    if (!c.printed) return outsideOrVacuous(`the proof's closing inequality fails at r = ${r}: εΛ*/(2√|A|) ≈ ${c.lhs.toNumber().toPrecision(4)} < 2M·r(r−1)·ν = ${c.rhsPrinted.toNumber().toPrecision(4)}`, w);
    return w ? { kind: "violated", witness: w } : { kind: "holds" };
  },
};
