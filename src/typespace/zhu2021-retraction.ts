/**
 * The retraction [·] : Ω → Ω(T, μ_, μ̄) of zhu2021 §4. For each agent n, type i and date t < T:
 *   [μ]ⁿ_ti = μⁿ_ti                        if (μⁿ|_t 1)_i ≤ T μ̄ⁿ_i
 *           = T μ̄ⁿ_i − (μⁿ|_{t−1} 1)_i      if (μⁿ|_{t−1} 1)_i ≤ T μ̄ⁿ_i < (μⁿ|_t 1)_i
 *           = 0                              if T μ̄ⁿ_i < (μⁿ|_{t−1} 1)_i,
 * the same clipping at t = T when the cumulative sum exceeds T μ̄ⁿ_i, and otherwise
 *   [μ]ⁿ_Ti = max{μⁿ_Ti, T μ_ⁿ_i − (μⁿ|_{T−1} 1)_i}.
 * The paper writes T μ_ⁿ_{Ti}; the bound has no date index, so T μ_ⁿ_i is meant (and used here).
 * Cumulative sums clip at T μ̄ (the budget), the last date tops up to T μ_: adapted by construction.
 */
import { Q } from "../exact/rational.js";
import type { Profile, RepeatedModel } from "../models/zhu2021/repeated.js";

/** [μ]ⁿ for one agent's row (T × I). */
export function retractRow(model: RepeatedModel, n: number, row: readonly (readonly Q[])[]): Q[][] {
  const { T, econ } = model;
  const TQ = Q.of(T);
  const out: Q[][] = Array.from({ length: T }, () => new Array<Q>(econ.I).fill(Q.ZERO));
  for (let i = 0; i < econ.I; i++) {
    const cap = ((model.muHigh[n] as readonly Q[])[i] as Q).mul(TQ);
    const floor = ((model.muLow[n] as readonly Q[])[i] as Q).mul(TQ);
    let before = Q.ZERO; // (μⁿ|_{t−1} 1)_i of the ORIGINAL reports
    for (let t = 0; t < T; t++) {
      const x = (row[t] as readonly Q[])[i] as Q;
      const after = before.add(x);
      let y: Q;
      if (after.le(cap)) y = t < T - 1 ? x : Q.max(x, floor.sub(before));
      else if (before.le(cap)) y = cap.sub(before);
      else y = Q.ZERO;
      (out[t] as Q[])[i] = y;
      before = after;
    }
  }
  return out;
}

/** [μ] for a whole profile. */
export function retract(model: RepeatedModel, mu: Profile): Q[][][] {
  return mu.map((row, n) => retractRow(model, n, row));
}
