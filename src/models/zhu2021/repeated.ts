/**
 * The repeated model of zhu2021 §2: N agents, T dates, discount β ∈ (0, 1], bounds μ_ⁿ ≤ μ̄ⁿ on
 * each agent's T-date average endowment, and endowment (or report) profiles μ: N × T × I.
 * Agents are 0-based here (paper's agent n is index n − 1); the principal is handled separately.
 */
import { Q } from "../../exact/rational.js";
import type { Economy } from "./economy.js";

export interface RepeatedModel {
  readonly econ: Economy;
  /** N ≥ 1 agents. */
  readonly N: number;
  /** T ≥ 1 dates. */
  readonly T: number;
  /** β ∈ (0, 1]. */
  readonly beta: Q;
  /** μ_ⁿ (N × I): lower bound of the T-date average endowment. */
  readonly muLow: readonly (readonly Q[])[];
  /** μ̄ⁿ (N × I): upper bound of the T-date average endowment. */
  readonly muHigh: readonly (readonly Q[])[];
}

/** μ[n][t][i]: agent n's date-t endowment (or report) of type i. */
export type Profile = readonly (readonly (readonly Q[])[])[];

/** μ_t as an N × I matrix (the date-t column of the profile). */
export function column(mu: Profile, t: number): Q[][] {
  return mu.map((row) => (row[t] as readonly Q[]).slice());
}

/** Σ_{s<t} μⁿ_s: agent n's cumulative endowment through the first t dates (t = 0 gives 0). */
export function cumulative(rowN: readonly (readonly Q[])[], t: number, I: number): Q[] {
  const c = new Array<Q>(I).fill(Q.ZERO);
  for (let s = 0; s < t; s++) for (let i = 0; i < I; i++) c[i] = (c[i] as Q).add((rowN[s] as readonly Q[])[i] as Q);
  return c;
}

/** Is agent n's row in Ωⁿ(T, μ_, μ̄): μ_ⁿ ≤ Σ_t μⁿ_t / T ≤ μ̄ⁿ? */
export function inTypeSpaceRow(model: RepeatedModel, n: number, rowN: readonly (readonly Q[])[]): boolean {
  const { T, econ } = model;
  const total = cumulative(rowN, T, econ.I);
  const TQ = Q.of(T);
  return total.every((c, i) => {
    const lo = ((model.muLow[n] as readonly Q[])[i] as Q).mul(TQ);
    const hi = ((model.muHigh[n] as readonly Q[])[i] as Q).mul(TQ);
    return c.ge(lo) && c.le(hi);
  });
}

/** Is μ ∈ Ω(T, μ_, μ̄)? (Nonnegativity included.) */
export function inTypeSpace(model: RepeatedModel, mu: Profile): boolean {
  return mu.every((row, n) => row.every((x) => x.every((v) => v.sign() >= 0)) && inTypeSpaceRow(model, n, row));
}

/** Replaces agent n's row: (μ^{−n}, μ̂ⁿ). */
export function withRow(mu: Profile, n: number, rowN: readonly (readonly Q[])[]): Q[][][] {
  return mu.map((row, m) => (m === n ? rowN : row).map((x) => x.slice()));
}

/** β^k for an integer k (negative allowed: the β^{t−T} factor of uWⁿ). */
export function betaPow(model: RepeatedModel, k: number): Q {
  return model.beta.pow(k);
}
