/**
 * Properties I and II of zhu2021 §6.1 ("an agent is small"), exact, with witnesses.
 *
 * Fix μ ∈ Ω(T, μ_, μ̄) and agent n, with p(μ) the T dates' prices of the efficient (linear)
 * investments α(q̄, 1μ_t + μ⁰_t), each assumed unique (the paper's |p(μ)| = 1).
 *   I.  p(μ⁻ⁿ, μ̂ⁿ) = p(μ) for every μ̂ⁿ ∈ Ωⁿ(T, μ_, μ̄);
 *   II. for every t and i: N(μ_t⁻ⁿ, μ̂ⁿ_t, i) > n for every μ̂ⁿ, or N(μ_t⁻ⁿ, μ̂ⁿ_t, i) < n for every μ̂ⁿ,
 * with N(μ_t, i) the marginal agent of type i (§4: α_i ∈ (Σ_{m>N} μ^m_ti, Σ_{m≥N} μ^m_ti], N = N when α_i = 0).
 *
 * WHY FINITELY MANY CHECKS SUFFICE. Date t's price depends on μ̂ⁿ_t alone, and the projection of
 * Ωⁿ(T, μ_, μ̄) on date t is the box Π_i [0, Tμ̄ⁿ_i] (T ≥ 2: the other dates absorb the average
 * constraints; T = 1: [μ_ⁿ_i, μ̄ⁿ_i]). Under condition 2 (no R + 1 types on a positive hyperplane,
 * conditions.ts) a unique price p has exactly R types on H_p, all partially invested, and for any
 * date total with the same unique price p the investment is affine in the total (types under H_p
 * full, over it empty, the R on it solving a fixed R × R system) — so {totals with unique price p} is
 * convex, and the box lies in it iff its vertices do. Where I holds, α is affine over the box, so
 * N > n (α_i ≤ Σ_{m>n} μ^m_ti) and N < n (α_i > Σ_{m≥n} μ̂^m_ti) are linear conditions: again the
 * vertices decide (over every type: the agent's holding of a unit-like type does not move α, but it
 * decides whether he is that type's marginal agent). Without condition 2 the reduction is not
 * proved, and the result says so. Property I needs only the non-unit types: μ⁰ holds the unit-like
 * ones in infinite supply, so they never move the price.
 */
import { Q } from "../../exact/rational.js";
import { checkCondition2 } from "./conditions.js";
import type { Economy } from "./economy.js";
import { solveKnapsack, type Endowment } from "./knapsack.js";
import { priceSet } from "./prices.js";
import type { Profile, RepeatedModel } from "./repeated.js";

/** A date's efficient investment and its price (null when the price is not unique). */
export interface DatePrice {
  readonly alpha: readonly Q[];
  readonly price: readonly Q[] | null;
}

/** α(q̄, 1μ_t + μ⁰_t) and its unique price, for a date column (N × I). */
export function datePrice(econ: Economy, column: readonly (readonly Q[])[]): DatePrice {
  const total: Endowment[] = Array.from({ length: econ.I }, (_, i) => (i < econ.R ? null : column.reduce((s, row) => s.add(row[i] as Q), Q.ZERO)));
  const { alpha } = solveKnapsack(econ.theta, econ.supply, total);
  const ps = priceSet(econ.theta, total, alpha, { vertexBudget: 0 });
  return { alpha, price: ps.unique && ps.ranges ? ps.ranges.map((g) => g.min) : null };
}

/**
 * N(μ_t, i) of §4 (1-based agents, 0..N): the largest k with α_i ≤ Σ_{m=k}^N μ^m_ti, i.e. the agent
 * whose report of type i is being filled when agents N, N − 1, … are served in turn; N when α_i = 0.
 */
export function marginalIndex(column: readonly (readonly Q[])[], i: number, alphaI: Q): number {
  const N = column.length;
  if (alphaI.isZero()) return N;
  let above = Q.ZERO; // Σ_{m=k+1}^N μ^m_ti
  for (let k = N; k >= 1; k--) {
    const withK = above.add((column[k - 1] as readonly Q[])[i] as Q);
    if (alphaI.gt(above) && alphaI.le(withK)) return k;
    above = withK;
  }
  return 0; // α_i exceeds every agent's report: the principal (index 0) supplies the rest
}

/**
 * The corners of the date-t projection of Ωⁿ(T, μ_, μ̄). The unit-like types do not move α or the
 * price (μ⁰ holds them in infinite supply), so by default they stay at the report; Property II needs
 * them too (who is the marginal agent of a unit-like type depends on the agent's own holding).
 */
export function dateBoxVertices(model: RepeatedModel, n: number, report: readonly Q[], withUnitTypes = false): Q[][] {
  const { econ, T } = model;
  const lo = (i: number) => (T === 1 ? ((model.muLow[n] as readonly Q[])[i] as Q) : Q.ZERO);
  const hi = (i: number) => ((model.muHigh[n] as readonly Q[])[i] as Q).mul(Q.of(T));
  let out: Q[][] = [[...report]];
  for (let i = withUnitTypes ? 0 : econ.R; i < econ.I; i++) {
    const a = lo(i), b = hi(i);
    out = out.flatMap((v) => (a.eq(b) ? [v.map((x, k) => (k === i ? a : x))] : [a, b].map((c) => v.map((x, k) => (k === i ? c : x)))));
  }
  return out;
}

export type PropertyResult =
  | { readonly kind: "holds"; readonly prices: readonly (readonly Q[])[] }
  /** The premise |p(μ)| = 1 fails at this date: the properties are not defined there. */
  | { readonly kind: "premise"; readonly date: number; readonly reason: string }
  /** Condition 2 fails: the vertex reduction is not proved (see the header). */
  | { readonly kind: "undecided"; readonly reason: string }
  | { readonly kind: "fails"; readonly date: number; readonly report: readonly Q[]; readonly reason: string };

const replaced = (column: readonly (readonly Q[])[], n: number, report: readonly Q[]) => column.map((row, m) => (m === n ? report : row));
const show = (xs: readonly Q[]) => `(${xs.join(", ")})`;

/** Property I for agent n (0-based) at μ, with the violating date and report μ̂ⁿ_t when it fails. */
export function propertyI(model: RepeatedModel, mu: Profile, n: number): PropertyResult {
  const { econ, T } = model;
  const c2 = checkCondition2(econ.theta, econ.R);
  if (!c2.ok) return { kind: "undecided", reason: `condition 2 fails (${c2.reason}): a unique price's region need not be convex` };
  const prices: Q[][] = [];
  for (let t = 0; t < T; t++) {
    const column = mu.map((row) => row[t] as readonly Q[]);
    const here = datePrice(econ, column);
    if (here.price === null) return { kind: "premise", date: t + 1, reason: `the date-${t + 1} price of α(q̄, 1μ_t + μ⁰_t) is not unique` };
    for (const v of dateBoxVertices(model, n, column[n] as readonly Q[])) {
      const there = datePrice(econ, replaced(column, n, v));
      if (there.price === null) return { kind: "fails", date: t + 1, report: v, reason: `reporting ${show(v)} at date ${t + 1} makes the price non-unique` };
      if (!there.price.every((x, r) => x.eq(here.price![r] as Q))) return { kind: "fails", date: t + 1, report: v, reason: `reporting ${show(v)} at date ${t + 1} moves the price from ${show(here.price)} to ${show(there.price)}` };
    }
    prices.push([...here.price]);
  }
  return { kind: "holds", prices };
}

/** Property II for agent n (0-based) at μ; meaningful where Property I holds (checked first, unless the caller already has it). */
export function propertyII(model: RepeatedModel, mu: Profile, n: number, first: PropertyResult = propertyI(model, mu, n)): PropertyResult & { readonly sides?: readonly (readonly ("above" | "below")[])[] } {
  if (first.kind !== "holds") return first.kind === "fails" ? { kind: "undecided", reason: `Property I fails (${first.reason}); the vertex reduction for Property II needs it` } : first;
  const { econ, T } = model;
  const paperN = n + 1;
  const sides: ("above" | "below")[][] = [];
  for (let t = 0; t < T; t++) {
    const column = mu.map((row) => row[t] as readonly Q[]);
    const marginals = dateBoxVertices(model, n, column[n] as readonly Q[], true).map((v) => {
      const col = replaced(column, n, v);
      const { alpha } = datePrice(econ, col);
      return { v, N: Array.from({ length: econ.I }, (_, i) => marginalIndex(col, i, alpha[i] as Q)) };
    });
    const row: ("above" | "below")[] = [];
    for (let i = 0; i < econ.I; i++) {
      const above = marginals.every((m) => m.N[i]! > paperN), below = marginals.every((m) => m.N[i]! < paperN);
      if (!above && !below) {
        const eq = marginals.find((m) => m.N[i] === paperN);
        if (eq) return { kind: "fails", date: t + 1, report: eq.v, reason: `type ${i + 1} at date ${t + 1}: N(μ_t⁻ⁿ, μ̂ⁿ_t, ${i + 1}) = n = ${paperN} at μ̂ⁿ_t = ${show(eq.v)}` };
        const hi = marginals.find((m) => m.N[i]! > paperN)!, lo = marginals.find((m) => m.N[i]! < paperN)!;
        return { kind: "fails", date: t + 1, report: lo.v, reason: `type ${i + 1} at date ${t + 1}: N(μ_t⁻ⁿ, μ̂ⁿ_t, ${i + 1}) = ${hi.N[i]} > n at μ̂ⁿ_t = ${show(hi.v)} but ${lo.N[i]} < n at ${show(lo.v)}` };
      }
      row.push(above ? "above" : "below");
    }
    sides.push(row);
  }
  return { kind: "holds", prices: first.prices, sides };
}

/** Properties I and II of every agent, as plain data for reports (`mechcheck eval`). */
export function smallnessReport(model: RepeatedModel, mu: Profile): { agent: number; propertyI: string; propertyII: string; detail: string | null }[] {
  const word = (r: PropertyResult) => (r.kind === "holds" ? "holds" : r.kind === "fails" ? "fails" : r.kind === "premise" ? "undefined (price not unique)" : "undecided");
  return Array.from({ length: model.N }, (_, n) => {
    const one = propertyI(model, mu, n), two = propertyII(model, mu, n, one);
    const detail = one.kind === "fails" || one.kind === "premise" || one.kind === "undecided" ? one.reason : two.kind === "fails" || two.kind === "undecided" ? two.reason : null;
    return { agent: n + 1, propertyI: word(one), propertyII: one.kind === "holds" ? word(two) : "not evaluated (needs Property I)", detail };
  });
}
