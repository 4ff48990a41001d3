/**
 * Predicates on investments (zhu2021 §3): α ∈ [0, μ] with Σ α_i θ_i ≤ q is an investment;
 * exhaustive if Σ α_i θ_i = q; linear if some p > 0 has p·θ_i < 1 ⇒ α_i = μ_i and
 * p·θ_i > 1 ⇒ α_i = 0. Also the brute-force enumeration of all exhaustive and linear investments,
 * an independent path for Lemma 1 on small instances.
 */
import { Q } from "../../exact/rational.js";
import { rref } from "../../exact/linalg.js";
import { solveLP, type LpRow } from "../../lp/index.js";
import type { Endowment } from "./knapsack.js";
import { priceRows } from "./prices.js";

type Theta = readonly (readonly Q[])[];

/** Σ_i α_i θ_i */
export function resourceUse(theta: Theta, alpha: readonly Q[]): Q[] {
  const R = (theta[0] as readonly Q[]).length;
  const used = new Array<Q>(R).fill(Q.ZERO);
  theta.forEach((th, i) => {
    const a = alpha[i] as Q;
    if (a.isZero()) return;
    for (let r = 0; r < R; r++) used[r] = (used[r] as Q).add(a.mul(th[r] as Q));
  });
  return used;
}

export function isInvestment(theta: Theta, q: readonly Q[], mu: readonly Endowment[], alpha: readonly Q[]): boolean {
  if (alpha.length !== theta.length) return false;
  const inBox = alpha.every((a, i) => a.sign() >= 0 && (mu[i] === null || a.le(mu[i] as Q)));
  return inBox && resourceUse(theta, alpha).every((u, r) => u.le(q[r] as Q));
}

export function isExhaustive(theta: Theta, q: readonly Q[], alpha: readonly Q[]): boolean {
  return resourceUse(theta, alpha).every((u, r) => u.eq(q[r] as Q));
}

/**
 * A strictly positive price for α, or undefined if α is not linear. Strict positivity is decided
 * exactly by maximizing a common lower bound s on the p(r) (bounded by 1); linear iff s* > 0.
 */
export function linearPrice(theta: Theta, mu: readonly Endowment[], alpha: readonly Q[]): Q[] | undefined {
  const R = (theta[0] as readonly Q[]).length;
  // Variables (p_1..p_R, s): rows of the price set, plus p_r − s ≥ 0, 0 ≤ s ≤ 1.
  const rows: LpRow[] = priceRows(theta, mu, alpha).map((row) => ({ a: [...row.a, Q.ZERO], op: row.op, b: row.b }));
  for (let r = 0; r < R; r++) rows.push({ a: Array.from({ length: R + 1 }, (_, k) => (k === r ? Q.ONE : k === R ? Q.MINUS_ONE : Q.ZERO)), op: ">=", b: Q.ZERO });
  const upper = [...Array.from({ length: R }, () => null), Q.ONE];
  const res = solveLP({ sense: "max", c: [...Array.from({ length: R }, () => Q.ZERO), Q.ONE], rows, upper });
  if (res.status !== "optimal" || res.value.sign() <= 0) return undefined;
  return res.x.slice(0, R);
}

/**
 * Every exhaustive and linear investment, by brute force over patterns: a set E of types on the
 * price hyperplane (|E| ≤ R), the others at μ_i ("below") or 0 ("above"). For each pattern the
 * exhaustion equations fix α_E (or have no solution); the candidate is kept if it is an investment
 * and linear. Exponential in I: meant for I ≤ 7.
 */
export function allExhaustiveLinear(theta: Theta, q: readonly Q[], mu: readonly Endowment[]): Q[][] {
  const I = theta.length;
  const R = q.length;
  const found = new Map<string, Q[]>();
  const visitE = (E: number[]) => {
    const rest = [...Array(I).keys()].filter((i) => !E.includes(i));
    const total = 1 << rest.length;
    for (let mask = 0; mask < total; mask++) {
      const alpha = new Array<Q>(I).fill(Q.ZERO);
      let ok = true;
      rest.forEach((i, b) => {
        if (mask & (1 << b)) {
          const m = mu[i] as Endowment;
          if (m === null) ok = false; // an infinite supply cannot be fully invested
          else alpha[i] = m;
        }
      });
      if (!ok) continue;
      const used = resourceUse(theta, alpha);
      const rhs = q.map((x, r) => x.sub(used[r] as Q));
      const solved = solveOnSet(theta, E, rhs);
      if (!solved) continue;
      E.forEach((i, k) => (alpha[i] = solved[k] as Q));
      if (!isInvestment(theta, q, mu, alpha) || !isExhaustive(theta, q, alpha)) continue;
      if (!linearPrice(theta, mu, alpha)) continue;
      found.set(alpha.join(","), alpha);
    }
  };
  const rec = (start: number, E: number[]) => {
    visitE(E);
    if (E.length === R) return;
    for (let i = start; i < I; i++) rec(i + 1, [...E, i]);
  };
  rec(0, []);
  return [...found.values()];
}

/** Solves Σ_{i∈E} x_i θ_i = rhs exactly; undefined if inconsistent or not unique. */
function solveOnSet(theta: Theta, E: readonly number[], rhs: readonly Q[]): Q[] | undefined {
  const R = rhs.length;
  const aug = Array.from({ length: R }, (_, r) => [...E.map((i) => (theta[i] as readonly Q[])[r] as Q), rhs[r] as Q]);
  const { m, pivots } = rref(aug);
  if (pivots.includes(E.length)) return undefined; // inconsistent
  if (pivots.length < E.length) return undefined; // E dependent: not a pattern condition 2 allows
  return E.map((_, k) => (m[k] as Q[])[E.length] as Q);
}

/** v(q, μ) by a general exact LP (independent of the structured knapsack solver). */
export function knapsackByLP(theta: Theta, q: readonly Q[], mu: readonly Endowment[]): { value: Q; alpha: Q[] } {
  const I = theta.length;
  const R = q.length;
  const rows: LpRow[] = Array.from({ length: R }, (_, r) => ({ a: theta.map((th) => th[r] as Q), op: "<=" as const, b: q[r] as Q }));
  const res = solveLP({ sense: "max", c: Array.from({ length: I }, () => Q.ONE), rows, upper: mu.slice() });
  if (res.status !== "optimal") throw new RangeError(`knapsack LP is ${res.status}`);
  return { value: res.value, alpha: res.x };
}

