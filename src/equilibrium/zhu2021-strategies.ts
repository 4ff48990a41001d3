/**
 * Strategies and payoffs in the repeated game of zhu2021 §2. A strategy σⁿ_t maps agent n's true
 * endowments through date t and the others' reports through date t − 1 to a date-t report. The
 * family here is affine and expressive enough for the dynamic deviations of the paper (e.g. the
 * proof of Proposition 1: "all agents m ≠ n copy agent n's date 1 report"):
 *   reportⁿ_t = [μⁿ_t if base = truth] + constantⁿ_t + Σ_k scale_k · report^{from_k}_{fromDate_k}
 * with fromDate_k < t (only earlier reports are visible: the strategy is adapted by construction).
 */
import { Q } from "../exact/rational.js";
import { agentValue } from "../models/zhu2021/payoffs.js";
import { betaPow, type Profile, type RepeatedModel } from "../models/zhu2021/repeated.js";
import type { Zhu2021Mechanism } from "../mechanisms/zhu2021/vcg.js";

export interface CopyTerm {
  /** The date (0-based) whose report gets the term. */
  readonly date: number;
  /** Whose earlier report is copied (0-based agent). */
  readonly from: number;
  /** Which earlier date (must be < date). */
  readonly fromDate: number;
  readonly scale: Q;
}

export interface Strategy {
  readonly base: "truth" | "zero";
  /** T × I, added to the base; omitted = 0. */
  readonly constant?: readonly (readonly Q[])[];
  readonly terms?: readonly CopyTerm[];
}

export const TRUTHFUL: Strategy = { base: "truth" };

/** A fixed report sequence as a strategy. */
export function fixedReport(rows: readonly (readonly Q[])[]): Strategy {
  return { base: "zero", constant: rows };
}

/** The realized report profile σ(μ), date by date. Throws RangeError if a report leaves Ω = [0, ∞)^I. */
export function play(model: RepeatedModel, truth: Profile, strategies: readonly Strategy[]): Q[][][] {
  const { N, T, econ } = model;
  const reports: Q[][][] = Array.from({ length: N }, () => Array.from({ length: T }, () => new Array<Q>(econ.I).fill(Q.ZERO)));
  for (let t = 0; t < T; t++) {
    for (let n = 0; n < N; n++) {
      const s = strategies[n] as Strategy;
      const r = (reports[n] as Q[][])[t] as Q[];
      for (let i = 0; i < econ.I; i++) {
        let x = s.base === "truth" ? (((truth[n] as readonly (readonly Q[])[])[t] as readonly Q[])[i] as Q) : Q.ZERO;
        const c = s.constant?.[t]?.[i];
        if (c) x = x.add(c);
        r[i] = x;
      }
      for (const term of s.terms ?? []) {
        if (term.date !== t) continue;
        if (term.fromDate >= t) throw new RangeError(`strategy of agent ${n + 1} reads date ${term.fromDate + 1} at date ${t + 1}: not adapted`);
        const src = (reports[term.from] as Q[][])[term.fromDate] as Q[];
        for (let i = 0; i < econ.I; i++) r[i] = (r[i] as Q).add(term.scale.mul(src[i] as Q));
      }
      r.forEach((x, i) => {
        if (x.sign() < 0) throw new RangeError(`agent ${n + 1}'s date-${t + 1} report of type ${i + 1} is negative (${x})`);
      });
    }
  }
  return reports;
}

/** Uⁿ = Sⁿ + β^{T−1} Wⁿ at true endowments `truth` and realized reports. */
export function utility(mech: Zhu2021Mechanism, truth: Profile, reports: Profile, n: number): { S: Q; W: Q; U: Q } {
  const model = mech.model;
  let S = Q.ZERO;
  for (let t = 0; t < model.T; t++) {
    const a = mech.allocate(reports, t);
    S = S.add(betaPow(model, t).mul(agentValue(model.econ, a.bundles[n] as readonly Q[], (truth[n] as readonly (readonly Q[])[])[t] as readonly Q[])));
  }
  const W = mech.transfer(reports)[n] as Q;
  return { S, W, U: S.add(betaPow(model, model.T - 1).mul(W)) };
}
