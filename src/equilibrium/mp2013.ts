/**
 * Incentives in a one-shot mp2013 mechanism (§2's definitions), exactly. Agent i of true type tᵢ,
 * the others truthful at t₋ᵢ, announcing s gets
 *   Uᵢ(s | t₋ᵢ, tᵢ) = v̂ᵢ(q(t₋ᵢ, s); t₋ᵢ, tᵢ) + xᵢ(t₋ᵢ, s)        ((t₋ᵢ, tᵢ) ∈ T*),
 * and the gain of the lie is Uᵢ(s|t) − Uᵢ(tᵢ|t). Ex post IC, interim IC, ex post IR and weak ε-ex
 * post IC (Definition 4) are decided exactly, each with the witness that breaks it.
 */
import { Q } from "../exact/rational.js";
import { Surd } from "../exact/surd.js";
import { condOthers, derived, inSupport, norm1, othersProfiles, typeAt, vHat, withType, type Derived } from "../models/mp2013/model.js";
import type { Mp2013Mechanism } from "../mechanisms/mp2013/types.js";

/** Uᵢ(s | t) for t ∈ T*. */
export function utility(mech: Mp2013Mechanism, d: Derived, i: number, t: number, s: number): Surd {
  const lie = withType(d, t, i, s);
  return mech.transfer(lie)[i]!.add(vHat(mech.model, d, i, mech.allocate(lie, 0), t));
}

const gains = new WeakMap<Mp2013Mechanism, Map<number, Surd>>();

/** Uᵢ(s | t) − Uᵢ(tᵢ | t), kept per mechanism: ex post, interim and weak-ε checks read the same gains. */
export function gain(mech: Mp2013Mechanism, d: Derived, i: number, t: number, s: number): Surd {
  let memo = gains.get(mech);
  if (!memo) gains.set(mech, (memo = new Map()));
  const key = (t * d.n + i) * d.profiles + s;
  let g = memo.get(key);
  if (g === undefined) memo.set(key, (g = utility(mech, d, i, t, s).sub(utility(mech, d, i, t, typeAt(d, t, i)))));
  return g;
}

export interface Lie {
  readonly i: number;
  /** The true profile (t₋ᵢ, tᵢ) ∈ T*. */
  readonly t: number;
  /** The announced type. */
  readonly s: number;
  readonly gain: Surd;
}

/** The largest ex post gain from a unilateral lie (null when no agent has two types). */
export function largestExPostGain(mech: Mp2013Mechanism, agents?: readonly number[]): Lie | null {
  const d = derived(mech.model);
  let best: Lie | null = null;
  for (const i of agents ?? d.sizes.map((_, k) => k))
    for (let t = 0; t < d.profiles; t++) {
      if (!inSupport(d, t)) continue;
      for (let s = 0; s < d.sizes[i]!; s++) {
        if (s === typeAt(d, t, i)) continue;
        const g = gain(mech, d, i, t, s);
        if (best === null || g.gt(best.gain)) best = { i, t, s, gain: g };
      }
    }
  return best;
}

/** Ex post IR: the smallest Uᵢ(tᵢ|t) over i and t ∈ T*, with where. */
export function lowestTruthfulPayoff(mech: Mp2013Mechanism): { i: number; t: number; value: Surd } {
  const d = derived(mech.model);
  let best: { i: number; t: number; value: Surd } | null = null;
  for (let t = 0; t < d.profiles; t++) {
    if (!inSupport(d, t)) continue;
    for (let i = 0; i < d.n; i++) {
      const u = utility(mech, d, i, t, typeAt(d, t, i));
      if (best === null || u.lt(best.value)) best = { i, t, value: u };
    }
  }
  return best!;
}

/** Σ_{t₋ᵢ : (t₋ᵢ, tᵢ) ∈ T*} [Uᵢ(s|t) − Uᵢ(tᵢ|t)]·P(t₋ᵢ|tᵢ): the interim gain of announcing s. */
export function interimGain(mech: Mp2013Mechanism, d: Derived, i: number, ti: number, s: number): Surd {
  let acc = Surd.ZERO;
  for (const base of othersProfiles(d, i)) {
    const t = withType(d, base, i, ti);
    if (inSupport(d, t)) acc = acc.add(gain(mech, d, i, t, s).scale(condOthers(d, t, i)));
  }
  return acc;
}

export interface InterimLie {
  readonly i: number;
  readonly ti: number;
  readonly s: number;
  readonly gain: Surd;
}

/** The largest interim gain of a lie (interim IC ⇔ it is ≤ 0), over `agents` (default: all). */
export function largestInterimGain(mech: Mp2013Mechanism, agents?: readonly number[]): InterimLie | null {
  const d = derived(mech.model);
  let best: InterimLie | null = null;
  for (const i of agents ?? d.sizes.map((_, k) => k))
    for (let ti = 0; ti < d.sizes[i]!; ti++)
      for (let s = 0; s < d.sizes[i]!; s++) {
        if (s === ti) continue;
        const g = interimGain(mech, d, i, ti, s);
        if (best === null || g.gt(best.gain)) best = { i, ti, s, gain: g };
      }
  return best;
}

export interface WeakFailure {
  readonly i: number;
  readonly ti: number;
  readonly s: number;
  /** Profiles (t₋ᵢ, tᵢ) ∈ T* where the lie gains more than ε. */
  readonly event: readonly number[];
  /** Their probability given tᵢ (> ε). */
  readonly prob: Q;
  readonly gains: readonly Surd[];
}

/** Definition 4: the mass Prob{(t̃₋ᵢ, tᵢ) ∈ T*, gain > ε | tᵢ} per (i, tᵢ, s); returns the worst when it exceeds ε, else null. */
export function weakEpsFailure(mech: Mp2013Mechanism, eps: Q): WeakFailure | null {
  const d = derived(mech.model);
  let worst: WeakFailure | null = null;
  for (let i = 0; i < d.n; i++)
    for (let ti = 0; ti < d.sizes[i]!; ti++)
      for (let s = 0; s < d.sizes[i]!; s++) {
        if (s === ti) continue;
        const event: number[] = [], gains: Surd[] = [];
        let prob = Q.ZERO;
        for (const base of othersProfiles(d, i)) {
          const t = withType(d, base, i, ti);
          if (!inSupport(d, t)) continue;
          const g = gain(mech, d, i, t, s);
          if (g.gt(eps)) {
            event.push(t);
            gains.push(g);
            prob = prob.add(condOthers(d, t, i));
          }
        }
        if (prob.gt(eps) && (worst === null || prob.gt(worst.prob))) worst = { i, ti, s, event, prob, gains };
      }
  return worst;
}

export interface BoundBreach extends Lie {
  /** ‖P_Θ(·|t₋ᵢ, tᵢ) − P_Θ(·|t₋ᵢ, s)‖ and K times it. */
  readonly shift: Q;
  readonly bound: Q;
}

/** The first lie whose gain exceeds K·‖ΔP_Θ‖ over pairs both in T* (the gain-bounded property of §9.4, Definition 9), or null. */
export function gainBoundBreach(mech: Mp2013Mechanism, K: Q): BoundBreach | null {
  const d = derived(mech.model);
  for (let i = 0; i < d.n; i++)
    for (let t = 0; t < d.profiles; t++) {
      if (!inSupport(d, t)) continue;
      for (let s = 0; s < d.sizes[i]!; s++) {
        const t2 = withType(d, t, i, s);
        if (s === typeAt(d, t, i) || !inSupport(d, t2)) continue;
        const shift = norm1(d.post[t]!, d.post[t2]!);
        const g = gain(mech, d, i, t, s);
        const bound = K.mul(shift);
        if (g.gt(bound)) return { i, t, s, gain: g, shift, bound };
      }
    }
  return null;
}
