/**
 * bgs2019 §5, Proposition 5.1 measured: the security gap u*ᵢ − S_i(β, τ_β) of the budget mechanism
 * along β_k = 1 − 2^{−k} for three cycle-length rules,
 *   fixed   τ_β = τ                       (violates lim τ_β = ∞: the gap tends to u* − S(1⁻, τ) > 0),
 *   sqrt    τ_β ≈ (1 − β)^{−1/2}           (satisfies (15): the gap should vanish),
 *   linear  τ_β ≈ 1/(1 − β)                (β^{τ_β} → e^{−1}, violates (15): the gap should not vanish).
 * Gaps are exact; the fitted slope of ln(gap) against ln(1 − β) is a float fit for the table only.
 */
import { lnQ, slope } from "../exact/float-fit.js";
import { Q } from "../exact/rational.js";
import { budgetMechanism, budgetModel, type BudgetFamily, type BudgetType } from "../mechanisms/bgs2019/budget.js";
import { efficientUtility, securityValue } from "./bgs2019-budget.js";

export type TauRule = "fixed" | "sqrt" | "linear";
export const TAU_RULES: readonly TauRule[] = ["fixed", "sqrt", "linear"];

export interface GapRow {
  readonly rule: TauRule;
  readonly k: number;
  /** β = 1 − 2^{−k}. */
  readonly beta: Q;
  readonly tau: number;
  /** S_i(β, τ), exact. */
  readonly security: Q;
  /** u*ᵢ − S_i(β, τ), exact. */
  readonly gap: Q;
  /** β^τ as a float (condition (15) asks it to tend to 1). */
  readonly betaPowTau: number;
  /** Time to compute S (0 when the same (β, τ) was computed for an earlier rule). */
  readonly ms: number;
}

export interface GapTable {
  readonly types: readonly BudgetType[];
  readonly uStar: Q;
  readonly rows: readonly GapRow[];
  /** Least-squares slope of ln(gap) against ln(1 − β), per rule, over every k (float). */
  readonly slopes: Readonly<Record<TauRule, number>>;
  /**
   * The same over the last `tail` values of k: under (15) it stays near the rate (≈ 1/4 for the sqrt
   * rule, both the √τ lies and the (1 − β)τ discounting loss being of order (1 − β)^{1/4}); where the
   * gap tends to a positive limit it decays toward 0 as k grows.
   */
  readonly tailSlopes: Readonly<Record<TauRule, number>>;
  /** The fixed rule's limit u* − S(1⁻, τ), exact. */
  readonly limits: { readonly fixed: Q };
}

export interface GapOptions {
  readonly ks: readonly number[];
  /** τ of the fixed rule (default 4). */
  readonly fixedTau?: number;
  /** How many of the largest k the tail slopes use (default 3). */
  readonly tail?: number;
  /** The type distribution (default: §5's example, values 0 and 1 w.p. 1/2). */
  readonly types?: readonly BudgetType[];
  readonly mechanism?: BudgetFamily;
  readonly onRow?: (row: GapRow) => void;
}

export const PAPER_TYPES: readonly BudgetType[] = [
  { v: Q.ZERO, p: Q.HALF },
  { v: Q.ONE, p: Q.HALF },
];

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The cycle length a rule gives at β_k, rounded to the nearest positive multiple of `unit` (τ·P(θ) must be whole). */
export function tauFor(rule: TauRule, k: number, unit: number, fixedTau: number): number {
  if (rule === "fixed") return fixedTau;
  const target = rule === "sqrt" ? 2 ** (k / 2) : 2 ** k;
  return unit * Math.max(1, Math.round(target / unit));
}

export function budgetGapTable(opts: GapOptions): GapTable {
  const types = opts.types ?? PAPER_TYPES;
  const fam = opts.mechanism ?? budgetMechanism;
  const unit = types.reduce((a, x) => (a * Number(x.p.den)) / gcd(a, Number(x.p.den)), 1);
  const fixedTau = opts.fixedTau ?? 4;
  const d = { kind: "discrete" as const, points: types };
  const build = (tau: number) => fam.build(budgetModel(d, tau, "fixedTau"));
  const uStar = efficientUtility(types);
  const cache = new Map<string, Q>();
  const rows: GapRow[] = [];
  for (const rule of TAU_RULES)
    for (const k of opts.ks) {
      const beta = Q.ONE.sub(Q.of(1, 2 ** k));
      const tau = tauFor(rule, k, unit, fixedTau);
      const key = `${k}|${tau}`;
      const started = performance.now();
      const security = cache.get(key) ?? securityValue(build(tau), beta);
      const ms = cache.has(key) ? 0 : Math.round(performance.now() - started);
      cache.set(key, security);
      const row = { rule, k, beta, tau, security, gap: uStar.sub(security), betaPowTau: beta.toNumber() ** tau, ms };
      rows.push(row);
      opts.onRow?.(row);
    }
  const fit = (rule: TauRule, last = Infinity) => {
    const rs = rows.filter((r) => r.rule === rule && r.gap.sign() > 0).slice(-Math.min(last, rows.length));
    return slope(rs.map((r) => -r.k * Math.LN2), rs.map((r) => lnQ(r.gap)));
  };
  const tail = opts.tail ?? 3;
  return {
    types,
    uStar,
    rows,
    slopes: { fixed: fit("fixed"), sqrt: fit("sqrt"), linear: fit("linear") },
    tailSlopes: { fixed: fit("fixed", tail), sqrt: fit("sqrt", tail), linear: fit("linear", tail) },
    limits: { fixed: uStar.sub(securityValue(build(fixedTau), Q.ONE)) },
  };
}
