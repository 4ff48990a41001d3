/**
 * McLean–Postlewaite (2013) §2: a finite social choice problem (v₁,…,vₙ, P). States Θ, type sets
 * Tᵢ, outcomes C, a prior P on Θ × T and payoffs vᵢ(c, θ, tᵢ) ≥ 0 with a uniformly worst outcome
 * c₀ (vᵢ(c₀, ·, ·) = 0). Everything derived here — P(t), P(tᵢ), T*, P_Θ(·|t), P(t₋ᵢ|tᵢ), v̂ᵢ(c; t) —
 * is an exact rational. Profiles t ∈ T are numbered in mixed radix, agent 0 most significant.
 */
import { InputError } from "../../exact/errors.js";
import { Q, sum } from "../../exact/rational.js";

export interface Mp2013Model {
  /** Tᵢ, by name, for each agent i. */
  readonly types: readonly (readonly string[])[];
  /** Θ. */
  readonly states: readonly string[];
  /** C (c₀ is the first outcome whose payoffs are all 0). */
  readonly outcomes: readonly string[];
  /** P(θ, t): prior[θ][t] with t a profile index. */
  readonly prior: readonly (readonly Q[])[];
  /** vᵢ(c, θ, tᵢ): values[i][c][θ][tᵢ]. */
  readonly values: readonly (readonly (readonly (readonly Q[])[])[])[];
  /** The ε of the statements that take one (Proposition 2, Theorem 2(ii)); null when absent. */
  readonly epsilon: Q | null;
}

/** Everything the claims read from a model, computed once (see `derived`). */
export interface Derived {
  readonly n: number;
  /** |Tᵢ|. */
  readonly sizes: readonly number[];
  /** Mixed-radix strides: profile index = Σ tᵢ·strides[i]. */
  readonly strides: readonly number[];
  /** |T|. */
  readonly profiles: number;
  /** P(t). */
  readonly pT: readonly Q[];
  /** P(tᵢ) > 0 (§2's full-support assumption). */
  readonly pTi: readonly (readonly Q[])[];
  /** P(θ) > 0. */
  readonly pTheta: readonly Q[];
  /** P_Θ(·|t) for t ∈ T* (P(t) > 0), null off T*. */
  readonly post: readonly (readonly Q[] | null)[];
  /** c₀: the uniformly worst outcome. */
  readonly c0: number;
  /** M: the largest payoff (the paper's bound vᵢ ≤ M; 1 when every payoff is 0, since M > 0). */
  readonly M: Q;
}

const cache = new WeakMap<Mp2013Model, Derived>();

export function derived(m: Mp2013Model): Derived {
  const hit = cache.get(m);
  if (hit) return hit;
  const n = m.types.length;
  const sizes = m.types.map((t) => t.length);
  const strides = stridesOf(sizes);
  const profiles = sizes.reduce((a, b) => a * b, 1);
  const pT: Q[] = [];
  for (let t = 0; t < profiles; t++) pT.push(sum(m.prior.map((row) => row[t]!)));
  const pTi = sizes.map((k) => new Array<Q>(k).fill(Q.ZERO));
  for (let t = 0; t < profiles; t++) for (let i = 0; i < n; i++) pTi[i]![typeOf(strides, sizes, t, i)] = pTi[i]![typeOf(strides, sizes, t, i)]!.add(pT[t]!);
  const pTheta = m.prior.map((row) => sum(row));
  const post = pT.map((p, t) => (p.isZero() ? null : m.prior.map((row) => row[t]!.div(p))));
  const c0 = m.outcomes.findIndex((_, c) => m.values.every((vi) => vi[c]!.every((row) => row.every((x) => x.isZero()))));
  if (c0 < 0) throw new InputError("instance.values", "§2 assumes an outcome c₀ with vᵢ(c₀, θ, tᵢ) = 0 for every agent, state and type (the uniformly worst outcome); no outcome has all payoffs 0");
  let M = Q.ZERO;
  for (const vi of m.values) for (const vc of vi) for (const row of vc) for (const x of row) if (x.gt(M)) M = x;
  const d: Derived = { n, sizes, strides, profiles, pT, pTi, pTheta, post, c0, M: M.isZero() ? Q.ONE : M };
  cache.set(m, d);
  return d;
}

/** Mixed-radix strides for type counts `sizes`, agent 0 most significant. */
export function stridesOf(sizes: readonly number[]): number[] {
  const strides: number[] = new Array(sizes.length).fill(1);
  for (let i = sizes.length - 2; i >= 0; i--) strides[i] = strides[i + 1]! * sizes[i + 1]!;
  return strides;
}

/** The same model with another ε; ε enters no derived quantity, so the derived data is shared, not recomputed. */
export function withEpsilon(m: Mp2013Model, epsilon: Q | null): Mp2013Model {
  const out: Mp2013Model = { ...m, epsilon };
  const d = cache.get(m);
  if (d) cache.set(out, d);
  return out;
}

function typeOf(strides: readonly number[], sizes: readonly number[], t: number, i: number): number {
  return Math.floor(t / strides[i]!) % sizes[i]!;
}

/** tᵢ of profile t. */
export const typeAt = (d: Derived, t: number, i: number): number => typeOf(d.strides, d.sizes, t, i);

/** The profile (t₋ᵢ, s): t with agent i's type replaced by s. */
export const withType = (d: Derived, t: number, i: number, s: number): number => t + (s - typeAt(d, t, i)) * d.strides[i]!;

/** The type list of profile t. */
export const profileTypes = (d: Derived, t: number): number[] => d.sizes.map((_, i) => typeAt(d, t, i));

/** Profile index of a type list. */
export const profileIndex = (d: Derived, ts: readonly number[]): number => ts.reduce((acc, x, i) => acc + x * d.strides[i]!, 0);

/** Every t₋ᵢ as the profile (t₋ᵢ, 0) — one representative per profile of the others. */
export function othersProfiles(d: Derived, i: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < d.profiles; t++) if (typeAt(d, t, i) === 0) out.push(t);
  return out;
}

/** P(t₋ᵢ | tᵢ) for the profile t = (t₋ᵢ, tᵢ). */
export const condOthers = (d: Derived, t: number, i: number): Q => d.pT[t]!.div(d.pTi[i]![typeAt(d, t, i)]!);

/** t ∈ T*. */
export const inSupport = (d: Derived, t: number): boolean => d.post[t] !== null;

/** v̂ᵢ(c; t) = Σ_θ vᵢ(c, θ, tᵢ)·P(θ | t) for t ∈ T* (§2). */
export function vHat(m: Mp2013Model, d: Derived, i: number, c: number, t: number): Q {
  const post = d.post[t];
  if (!post) throw new RangeError(`v̂ at a profile outside T*`);
  return wValue(m, i, c, post, typeAt(d, t, i));
}

/** wᵢ(c, π, tᵢ) = Σ_θ vᵢ(c, θ, tᵢ)·π(θ) (§7.3): the payoff at a posted belief π. */
export function wValue(m: Mp2013Model, i: number, c: number, pi: readonly Q[], ti: number): Q {
  let s = Q.ZERO;
  const vc = m.values[i]![c]!;
  for (let th = 0; th < pi.length; th++) {
    const p = pi[th]!;
    if (!p.isZero()) s = s.add(vc[th]![ti]!.mul(p));
  }
  return s;
}

/** ‖p − p′‖, the 1-norm the paper writes ‖·‖ (§2, notational convention). */
export function norm1(p: readonly Q[], p2: readonly Q[]): Q {
  let s = Q.ZERO;
  for (let k = 0; k < p.length; k++) s = s.add(p[k]!.sub(p2[k]!).abs());
  return s;
}

/** Describes profile t by type names, e.g. "(hi, lo, lo)". */
export const showProfile = (m: Mp2013Model, d: Derived, t: number): string => `(${profileTypes(d, t).map((x, i) => m.types[i]![x]).join(", ")})`;
