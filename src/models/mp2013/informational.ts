/**
 * The informational quantities of McLean–Postlewaite (2013), exactly:
 *  - informational size νᵢ (Definition 3, §6.1), with the maximizing pair (tᵢ, tᵢ′) and its event;
 *  - strict informational size σᵢ (Definition 7, §9.2), with the maximizing profile;
 *  - variability Λᵢ (§7.1), a min of squared 2-norms of differences of normalized vectors — each
 *    2 − 2⟨u, w⟩/(‖u‖₂‖w‖₂), a sum of square roots handled exactly by `Surd`;
 *  - nonexclusive information (Definition 2), with a witness when it fails.
 *
 * νᵢ's inner minimum is finite: with d(t₋ᵢ) = ‖P_Θ(·|t₋ᵢ, tᵢ) − P_Θ(·|t₋ᵢ, tᵢ′)‖ over the
 * profiles where both are in T*, and weights w = P(t₋ᵢ|tᵢ), the mass g(ε) = Σ_{d > ε} w is a
 * non-increasing step function, right-continuous, constant on [D_{k+1}, D_k) between consecutive
 * distinct distances D₁ > D₂ > … (D_{m+1} = 0), where it equals W_k = Σ_{d ≥ D_k} w. So
 * min{ε ≥ 0 : g(ε) ≤ ε} = min_k max(D_{k+1}, W_k), W₀ = 0 — a sort and a prefix sum (the Ky Fan
 * distance of footnote 4), O(|T₋ᵢ| log |T₋ᵢ|) per pair, O(|Tᵢ|²·|T₋ᵢ| log |T₋ᵢ|) per agent.
 */
import { Q } from "../../exact/rational.js";
import { Surd } from "../../exact/surd.js";
import { condOthers, derived, inSupport, norm1, othersProfiles, withType, type Derived, type Mp2013Model } from "./model.js";

/** One t₋ᵢ where both (t₋ᵢ, tᵢ) and (t₋ᵢ, tᵢ′) are in T*: the posterior shift d and its weight P(t₋ᵢ|tᵢ). */
export interface Shift {
  /** The profile (t₋ᵢ, tᵢ). */
  readonly t: number;
  readonly d: Q;
  readonly w: Q;
}

/** The shifts an agent i of type tᵢ can cause by announcing tᵢ′ (the pairs in I^i_ε of Definition 3). */
export function shifts(m: Mp2013Model, i: number, ti: number, ti2: number, d: Derived = derived(m)): Shift[] {
  const out: Shift[] = [];
  for (const base of othersProfiles(d, i)) {
    const t = withType(d, base, i, ti), t2 = withType(d, base, i, ti2);
    if (!inSupport(d, t) || !inSupport(d, t2)) continue;
    out.push({ t, d: norm1(d.post[t]!, d.post[t2]!), w: condOthers(d, t, i) });
  }
  return out;
}

/** min{ε ≥ 0 : Σ_{d > ε} w ≤ ε} over a finite list of (d, w) (the Ky Fan minimum). */
export function kyFan(list: readonly { readonly d: Q; readonly w: Q }[]): Q {
  const sorted = [...list].sort((a, b) => b.d.cmp(a.d));
  let best: Q | null = null;
  let W = Q.ZERO;
  let k = 0;
  for (;;) {
    // W = mass of distances ≥ the current level; the next distinct level below (or 0).
    const next = k < sorted.length ? sorted[k]!.d : Q.ZERO;
    const cand = Q.max(next, W);
    if (best === null || cand.lt(best)) best = cand;
    if (k >= sorted.length) break;
    const level = sorted[k]!.d;
    while (k < sorted.length && sorted[k]!.d.eq(level)) W = W.add(sorted[k++]!.w);
    if (level.isZero()) break; // below 0 there is nothing: ε ≥ 0
  }
  return best!;
}

export interface SizeWitness {
  readonly value: Q;
  /** The maximizing pair: true type tᵢ and announced tᵢ′ (indices). */
  readonly ti: number;
  readonly ti2: number;
  /** Profiles (t₋ᵢ, tᵢ) of I^i_ν(tᵢ′, tᵢ): shifts larger than ν, and their probability given tᵢ (≤ ν). */
  readonly event: readonly number[];
  readonly eventProb: Q;
}

/** νᵢ^P (Definition 3) with its maximizing pair. */
export function informationalSize(m: Mp2013Model, i: number, d: Derived = derived(m)): SizeWitness {
  let best: SizeWitness | null = null;
  for (let ti = 0; ti < d.sizes[i]!; ti++)
    for (let ti2 = 0; ti2 < d.sizes[i]!; ti2++) {
      if (ti === ti2) continue;
      const list = shifts(m, i, ti, ti2, d);
      const v = kyFan(list);
      if (best === null || v.gt(best.value)) {
        const ev = list.filter((s) => s.d.gt(v));
        best = { value: v, ti, ti2, event: ev.map((s) => s.t), eventProb: ev.reduce((a, s) => a.add(s.w), Q.ZERO) };
      }
    }
  return best ?? { value: Q.ZERO, ti: 0, ti2: 0, event: [], eventProb: Q.ZERO };
}

export interface StrictSizeWitness {
  readonly value: Q;
  readonly ti: number;
  readonly ti2: number;
  /** The profile (t₋ᵢ, tᵢ) of the largest shift (−1 when no pair is in T*). */
  readonly t: number;
}

/** σᵢ^P (Definition 7): the largest posterior shift over pairs both in T*. */
export function strictSize(m: Mp2013Model, i: number, d: Derived = derived(m)): StrictSizeWitness {
  let best: StrictSizeWitness = { value: Q.ZERO, ti: 0, ti2: 0, t: -1 };
  for (let ti = 0; ti < d.sizes[i]!; ti++)
    for (let ti2 = 0; ti2 < d.sizes[i]!; ti2++) {
      if (ti === ti2) continue;
      for (const s of shifts(m, i, ti, ti2, d)) if (s.d.gt(best.value) || best.t < 0) best = { value: s.d, ti, ti2, t: s.t };
    }
  return best;
}

/** P_{T₋ᵢ}(·|tᵢ) as a vector over t₋ᵢ (in the order of othersProfiles). */
export function othersGiven(m: Mp2013Model, i: number, ti: number, d: Derived = derived(m)): Q[] {
  return othersProfiles(d, i).map((base) => condOthers(d, withType(d, base, i, ti), i));
}

const dot = (u: readonly Q[], w: readonly Q[]): Q => u.reduce((a, x, k) => a.add(x.mul(w[k]!)), Q.ZERO);

/** ‖u/‖u‖₂ − w/‖w‖₂‖₂² = 2 − 2⟨u, w⟩/√(‖u‖₂²‖w‖₂²), exactly. */
export function normalizedGap(u: readonly Q[], w: readonly Q[]): Surd {
  return Surd.of(Q.of(2)).sub(Surd.invRoot(dot(u, u).mul(dot(w, w)), Q.of(2).mul(dot(u, w))));
}

export interface VariabilityWitness {
  readonly value: Surd;
  readonly ti: number;
  readonly ti2: number;
}

/** Λᵢ^P (§7.1) with its minimizing pair; null when agent i has a single type (no pair to vary over). */
export function variability(m: Mp2013Model, i: number, d: Derived = derived(m)): VariabilityWitness | null {
  const vecs = Array.from({ length: d.sizes[i]! }, (_, ti) => othersGiven(m, i, ti, d));
  let best: VariabilityWitness | null = null;
  for (let ti = 0; ti < vecs.length; ti++)
    for (let ti2 = ti + 1; ti2 < vecs.length; ti2++) {
      const g = normalizedGap(vecs[ti]!, vecs[ti2]!);
      if (best === null || g.lt(best.value)) best = { value: g, ti, ti2 };
    }
  return best;
}

export interface NeiFailure {
  readonly i: number;
  /** (t₋ᵢ, tᵢ) and (t₋ᵢ, tᵢ′), both in T*, with different posteriors on Θ. */
  readonly t: number;
  readonly t2: number;
}

/** Definition 2: null when P has nonexclusive information, else a pair of profiles that breaks it. */
export function neiFailure(m: Mp2013Model, d: Derived = derived(m)): NeiFailure | null {
  for (let i = 0; i < d.n; i++)
    for (let ti = 0; ti < d.sizes[i]!; ti++)
      for (let ti2 = ti + 1; ti2 < d.sizes[i]!; ti2++)
        for (const s of shifts(m, i, ti, ti2, d)) if (!s.d.isZero()) return { i, t: s.t, t2: withType(d, s.t, i, ti2) };
  return null;
}
