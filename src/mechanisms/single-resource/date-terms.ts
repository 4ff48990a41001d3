/**
 * Agent n's unlinked VCG transfer as a function of its own report x = ω̂ⁿ separates by date
 * (zhu2022 §3.3): Vⁿ(ω⁻ⁿ, x) = Σ_t h_t(x_t) with h_t(x) = β^{t−T}·O_t·f(q̄/(x + O_t)), O_t = Σ_{m≠n} ω_t^m,
 * because under 𝐀 every agent gets q̄/Σ per unit of endowment. Each h_t is non-increasing
 * (more for n is less for the others); it is convex iff q̄/O_t ≤ f.convexUpTo (project.ts).
 */
import { Q, sum } from "../../exact/rational.js";
import { betaPow, type Endowments, type SingleResourceModel } from "../../models/single-resource/model.js";

/** One h_t with its exact derivative and float twins. */
export interface DateTerm {
  value(x: Q): Q;
  slope(x: Q): Q;
  valueF(x: number): number;
  slopeF(x: number): number;
  /** Certified convex on x ≥ 0. */
  readonly convex: boolean;
}

/** The zero term (others hold nothing at this date, so they produce nothing whatever n reports). */
const ZERO_TERM: DateTerm = {
  value: () => Q.ZERO,
  slope: () => Q.ZERO,
  valueF: () => 0,
  slopeF: () => 0,
  convex: true,
};

/** Σ_m ω_t^m for every date: with them each agent's O_t is one subtraction (dateTerms for all N agents is O(NT), not O(N²T)). */
export function dateTotals(model: SingleResourceModel, reports: Endowments): Q[] {
  return Array.from({ length: model.T }, (_, t) => sum(reports.map((row) => row[t] as Q)));
}

/** h_t for agent n against the others' reports ω⁻ⁿ (agent n's own row is ignored); `totals` from dateTotals of the same reports. */
export function dateTerms(model: SingleResourceModel, reports: Endowments, n: number, totals?: readonly Q[]): DateTerm[] {
  const { f, qbar, T } = model;
  const terms: DateTerm[] = [];
  const own = reports[n] as readonly Q[];
  // Dates with the same coefficient and O_t have the same h_t: one shared object lets callers memoize
  // per term (with discrete endowments a few dozen distinct terms cover hundreds of dates).
  const seen = new Map<string, DateTerm>();
  for (let t = 0; t < T; t++) {
    const O = totals ? (totals[t] as Q).sub(own[t] as Q) : sum(reports.filter((_, m) => m !== n).map((row) => row[t] as Q));
    if (O.isZero()) {
      terms.push(ZERO_TERM);
      continue;
    }
    const c = betaPow(model.beta, t - (T - 1)).mul(O); // β^{t−T} with 1-based t
    const key = `${c}|${O}`;
    const known = seen.get(key);
    if (known) {
      terms.push(known);
      continue;
    }
    const cF = c.toNumber(), OF = O.toNumber(), qF = qbar.toNumber();
    const limit = f.convexUpTo;
    const h: DateTerm = {
      value: (x) => c.mul(f.f(qbar.div(x.add(O)))),
      slope: (x) => {
        const s = x.add(O);
        return c.mul(qbar).mul(f.df(qbar.div(s))).div(s.mul(s)).neg();
      },
      valueF: (x) => cF * f.fF(qF / (x + OF)),
      slopeF: (x) => (-cF * qF * f.dfF(qF / (x + OF))) / ((x + OF) * (x + OF)),
      convex: limit === null || qbar.div(O).le(limit),
    };
    seen.set(key, h);
    terms.push(h);
  }
  return terms;
}

/** Vⁿ(ω⁻ⁿ, x) = Σ_t h_t(x_t). */
export function othersSurplus(terms: readonly DateTerm[], x: readonly Q[]): Q {
  // Dates sharing a term and a report are one value times a count: fewer exact evaluations, and a
  // shorter sum of rationals with unrelated denominators (where the time goes for large T).
  const groups = new Map<DateTerm, Map<string, { x: Q; count: number }>>();
  terms.forEach((h, t) => {
    const xt = x[t] as Q;
    let byX = groups.get(h);
    if (!byX) groups.set(h, (byX = new Map()));
    const key = xt.toString();
    const g = byX.get(key);
    if (g) g.count++;
    else byX.set(key, { x: xt, count: 1 });
  });
  const parts: Q[] = [];
  for (const [h, byX] of groups) for (const g of byX.values()) parts.push(h.value(g.x).mul(Q.of(g.count)));
  return sum(parts);
}
