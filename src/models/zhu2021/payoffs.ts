/**
 * Payoffs of zhu2021 §2 for an allocation rule and a transfer: contribution to surplus
 * Sⁿ = Σ_t β^{t−1} v(Aⁿ_t, μⁿ_t), surplus S = Σ_{n=0}^N Sⁿ, cost C = β^{T−1} 1·W, and agent payoff
 * Uⁿ = Sⁿ + β^{T−1} Wⁿ. v is evaluated at the TRUE endowments; the allocation comes from reports.
 */
import { Q } from "../../exact/rational.js";
import type { Economy } from "./economy.js";
import { solveKnapsack, type Endowment } from "./knapsack.js";
import { betaPow, type Profile, type RepeatedModel } from "./repeated.js";

/** v(A, μⁿ) for an agent's bundle A (R) and its own finite endowment μⁿ (I). */
export function agentValue(econ: Economy, bundle: readonly Q[], endowment: readonly Q[]): Q {
  return solveKnapsack(econ.theta, bundle, endowment).value;
}

/** v(A⁰, μ⁰): the principal's bundle with its infinite supply of the unit-like types only. */
export function principalValue(econ: Economy, bundle: readonly Q[]): Q {
  const mu0: Endowment[] = econ.theta.map((_, i) => (i < econ.R ? null : Q.ZERO));
  return solveKnapsack(econ.theta, bundle, mu0).value;
}

/** Bundles of one date: agents' Aⁿ_t (N × R) and the principal's A⁰_t. */
export interface DateBundles {
  readonly bundles: readonly (readonly Q[])[];
  readonly principalBundle: readonly Q[];
}

/** Per-date, per-player values v(Aⁿ_t, μⁿ_t): rows t, columns n = 0 (principal), 1..N. */
export function dateValues(model: RepeatedModel, allocations: readonly DateBundles[], truth: Profile): Q[][] {
  return allocations.map((a, t) => [
    principalValue(model.econ, a.principalBundle),
    ...a.bundles.map((b, n) => agentValue(model.econ, b, (truth[n] as readonly (readonly Q[])[])[t] as readonly Q[])),
  ]);
}

/** Sⁿ for every player (index 0 = principal, n = 1..N agents). */
export function contributions(model: RepeatedModel, values: readonly (readonly Q[])[]): Q[] {
  const out = new Array<Q>(model.N + 1).fill(Q.ZERO);
  values.forEach((row, t) => {
    const w = betaPow(model, t);
    row.forEach((v, n) => (out[n] = (out[n] as Q).add(w.mul(v))));
  });
  return out;
}

/** Efficient surplus Σ_t β^{t−1} v(q̄, 1μ_t + μ⁰_t) (the definition of efficiency in §2). */
export function efficientSurplus(model: RepeatedModel, truth: Profile): Q {
  const { econ, T } = model;
  let s = Q.ZERO;
  for (let t = 0; t < T; t++) {
    const total: Endowment[] = econ.theta.map((_, i) => (i < econ.R ? null : truth.reduce((acc, row) => acc.add(((row[t] as readonly Q[])[i]) as Q), Q.ZERO)));
    s = s.add(betaPow(model, t).mul(solveKnapsack(econ.theta, econ.supply, total).value));
  }
  return s;
}
