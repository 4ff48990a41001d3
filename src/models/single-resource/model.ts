/**
 * The single-resource repeated allocation model shared by zhu2022 (§3.1–3.2) and stylized (§3):
 * supply q̄ each date, N agents, T dates, discount β, project type f, reports ω (N × T, ω ≥ 0).
 *
 * Convention for ω = 0 (the papers divide by ω): the contribution ω·f(a/ω) is taken at its limit.
 * Along the efficient allocation a/ω = q̄/Σω stays bounded, so the limit is 0; for an arbitrary a > 0
 * the limit is a·f'(∞) (0 for the saturating families, s for quadlin). Dates where every agent
 * reports 0 allocate nothing to anyone.
 */
import { InputError } from "../../exact/errors.js";
import { Q, sum } from "../../exact/rational.js";
import type { ProjectType } from "./project.js";

export interface SingleResourceModel {
  readonly N: number;
  readonly T: number;
  /** β ∈ (0, 1]. */
  readonly beta: Q;
  /** q̄ > 0: the supply every date (q̄(N) = Nq in the Theorem 1 family). */
  readonly qbar: Q;
  readonly f: ProjectType;
}

/** ω[n][t]: agent n's endowment (or report) at date t, 0-based. */
export type Endowments = readonly (readonly Q[])[];

export function makeModel(m: SingleResourceModel): SingleResourceModel {
  if (!Number.isInteger(m.N) || m.N < 2) throw new InputError("N", `must be an integer ≥ 2 (got ${m.N})`);
  if (!Number.isInteger(m.T) || m.T < 1) throw new InputError("T", `must be an integer ≥ 1 (got ${m.T})`);
  if (!m.beta.gt(Q.ZERO) || m.beta.gt(Q.ONE)) throw new InputError("beta", `must lie in (0, 1] (got ${m.beta})`);
  if (!m.qbar.gt(Q.ZERO)) throw new InputError("qbar", `must be > 0 (got ${m.qbar})`);
  return m;
}

/** Throws InputError naming the cell unless ω is N × T with nonnegative entries. */
export function checkEndowments(model: SingleResourceModel, w: Endowments, field = "omega"): void {
  if (w.length !== model.N) throw new InputError(field, `must have N = ${model.N} rows (got ${w.length})`);
  w.forEach((row, n) => {
    if (row.length !== model.T) throw new InputError(`${field}[${n + 1}]`, `must have T = ${model.T} entries (got ${row.length})`);
    row.forEach((x, t) => {
      if (x.lt(Q.ZERO)) throw new InputError(`${field}[${n + 1}][${t + 1}]`, `reports must be ≥ 0 (got ${x})`);
    });
  });
}

/** β^k for an integer k (negative allowed: the β^{t−T} of V). */
export function betaPow(beta: Q, k: number): Q {
  return k >= 0 ? beta.pow(k) : Q.ONE.div(beta.pow(-k));
}

/** Σ_m ω_t^m. */
export function dateTotal(w: Endowments, t: number): Q {
  return sum(w.map((row) => row[t] as Q));
}

/** The efficient allocation 𝐀_t^n(ω) = ω_t^n q̄ / Σ_m ω_t^m (zhu2022 §3.2); 0 on an all-zero date. */
export function efficientAllocation(model: SingleResourceModel, w: Endowments, t: number): Q[] {
  const total = dateTotal(w, t);
  if (total.isZero()) return w.map(() => Q.ZERO);
  return w.map((row) => (row[t] as Q).mul(model.qbar).div(total));
}

/** ω·f(a/ω), with the documented limit at ω = 0. */
export function contribution(f: ProjectType, omega: Q, a: Q): Q {
  if (omega.isZero()) return a.mul(f.slopeAtInfinity);
  return omega.mul(f.f(a.div(omega)));
}

/** Sⁿ(aⁿ, ωⁿ) = Σ_t β^{t−1} ω_t f(a_t/ω_t) for agent allocations a (length T) and true ω. */
export function agentSurplus(model: SingleResourceModel, a: readonly Q[], omega: readonly Q[]): Q {
  let s = Q.ZERO;
  for (let t = 0; t < model.T; t++) s = s.add(betaPow(model.beta, t).mul(contribution(model.f, omega[t] as Q, a[t] as Q)));
  return s;
}

/** Agent n's efficient allocations at every date for the report profile. */
export function allocationsOf(model: SingleResourceModel, reports: Endowments, n: number): Q[] {
  return allocationMatrix(model, reports)[n] as Q[];
}

/** 𝐀(ω) as a matrix a[n][t], each date's allocation computed once (allocationsOf per agent is O(N²T)). */
export function allocationMatrix(model: SingleResourceModel, reports: Endowments): Q[][] {
  const a: Q[][] = reports.map(() => []);
  for (let t = 0; t < model.T; t++) efficientAllocation(model, reports, t).forEach((v, n) => (a[n] as Q[]).push(v));
  return a;
}

/**
 * Every agent's ω_t f(𝐀_t(reports)/ω_t) at date t, with ω the truth (undiscounted). Agents with the
 * same true value and report get the same number: it is evaluated once per such pair (with discrete
 * endowments a date has a handful of pairs among hundreds of agents).
 */
export function dateContributions(model: SingleResourceModel, reports: Endowments, truth: Endowments, t: number): Q[] {
  const total = dateTotal(reports, t);
  const memo = new Map<string, Q>();
  return truth.map((row, n) => {
    const w = row[t] as Q, r = (reports[n] as readonly Q[])[t] as Q;
    const key = `${w}|${r}`;
    let c = memo.get(key);
    if (c === undefined) {
      c = contribution(model.f, w, total.isZero() ? Q.ZERO : r.mul(model.qbar).div(total));
      memo.set(key, c);
    }
    return c;
  });
}

/** S(𝐀(reports), truth): total surplus of the efficient allocation for the reports, valued at the truth. */
export function surplusAt(model: SingleResourceModel, reports: Endowments, truth: Endowments): Q {
  return sum(Array.from({ length: model.T }, (_, t) => betaPow(model.beta, t).mul(sum(dateContributions(model, reports, truth, t)))));
}

/** S(𝐀(ω), ω): total surplus of the efficient allocation at the truth. */
export function efficientSurplus(model: SingleResourceModel, w: Endowments): Q {
  return surplusAt(model, w, w);
}

/** Replaces agent n's row. */
export function withRow(w: Endowments, n: number, row: readonly Q[]): Q[][] {
  return w.map((r, m) => (m === n ? [...row] : [...r]));
}
