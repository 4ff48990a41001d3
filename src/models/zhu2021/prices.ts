/**
 * The set of prices p(q, μ) associated with an investment α (zhu2021 §3): all p ≥ 0 with
 *   α_i < μ_i ⇒ p·θ_i ≥ 1   and   α_i > 0 ⇒ p·θ_i ≤ 1
 * (the contrapositive of "p·θ_i < 1 ⇒ α_i = μ_i, p·θ_i > 1 ⇒ α_i = 0"). For (q, μ) ∈ QM the
 * infinite unit-like types force p(r) ≥ 1/θ_r(r) > 0, so the closure p ≥ 0 loses nothing.
 * Returned as an exact polytope: coordinate ranges (one exact LP each) and its vertices.
 */
import { Q } from "../../exact/rational.js";
import { dot, solve } from "../../exact/linalg.js";
import { solveLP, type LpRow } from "../../lp/index.js";
import type { Endowment } from "./knapsack.js";

export interface PriceSet {
  /** Constraint rows a·p (op) 1 (p ≥ 0 implicit). */
  readonly rows: readonly LpRow[];
  /** Per resource r: [min p(r), max p(r)] over the set (max null when unbounded). Empty set ⇒ undefined. */
  readonly ranges: readonly { min: Q; max: Q | null }[] | undefined;
  /** True iff the set is a single point (|p(q, μ)| = 1). */
  readonly unique: boolean;
  /** Vertices, when the enumeration budget allows (undefined otherwise). */
  readonly vertices: readonly (readonly Q[])[] | undefined;
}

export function priceRows(theta: readonly (readonly Q[])[], mu: readonly Endowment[], alpha: readonly Q[]): LpRow[] {
  const rows: LpRow[] = [];
  theta.forEach((th, i) => {
    const a = alpha[i] as Q;
    const m = mu[i] as Endowment;
    if (m === null || a.lt(m)) rows.push({ a: th, op: ">=", b: Q.ONE });
    if (a.sign() > 0) rows.push({ a: th, op: "<=", b: Q.ONE });
  });
  return rows;
}

export function isPrice(theta: readonly (readonly Q[])[], mu: readonly Endowment[], alpha: readonly Q[], p: readonly Q[]): boolean {
  if (p.some((x) => x.sign() < 0)) return false;
  return priceRows(theta, mu, alpha).every((row) => {
    const c = dot(row.a, p).cmp(row.b);
    return row.op === ">=" ? c >= 0 : c <= 0;
  });
}

export function priceSet(
  theta: readonly (readonly Q[])[],
  mu: readonly Endowment[],
  alpha: readonly Q[],
  options: { vertexBudget?: number } = {},
): PriceSet {
  const R = (theta[0] as readonly Q[]).length;
  const rows = priceRows(theta, mu, alpha);
  const ranges: { min: Q; max: Q | null }[] = [];
  for (let r = 0; r < R; r++) {
    const c = Array.from({ length: R }, (_, k) => (k === r ? Q.ONE : Q.ZERO));
    const lo = solveLP({ sense: "min", c, rows });
    if (lo.status === "infeasible") return { rows, ranges: undefined, unique: false, vertices: [] };
    if (lo.status !== "optimal") throw new RangeError("price set: p(r) ≥ 0 cannot be unbounded below");
    const hi = solveLP({ sense: "max", c, rows });
    ranges.push({ min: lo.value, max: hi.status === "optimal" ? hi.value : null });
  }
  const unique = ranges.every((g) => g.max !== null && g.max.eq(g.min));
  return { rows, ranges, unique, vertices: enumerateVertices(rows, R, options.vertexBudget ?? 50_000) };
}

/** Vertices of {p ≥ 0 : rows}, by solving every R-subset of tight constraints (small R only). */
function enumerateVertices(rows: readonly LpRow[], R: number, budget: number): Q[][] | undefined {
  const all: LpRow[] = [...rows];
  for (let r = 0; r < R; r++) all.push({ a: Array.from({ length: R }, (_, k) => (k === r ? Q.ONE : Q.ZERO)), op: ">=", b: Q.ZERO });
  const m = all.length;
  let count = 1;
  for (let k = 0; k < R; k++) count = (count * (m - k)) / (k + 1);
  if (count > budget) return undefined;
  const seen = new Map<string, Q[]>();
  const idx = Array.from({ length: R }, (_, i) => i);
  if (R > m) return [];
  for (;;) {
    const p = solve(idx.map((i) => (all[i] as LpRow).a), idx.map((i) => (all[i] as LpRow).b));
    if (p && all.every((row) => { const c = dot(row.a, p).cmp(row.b); return row.op === ">=" ? c >= 0 : row.op === "<=" ? c <= 0 : c === 0; })) {
      seen.set(p.join(","), p);
    }
    let i = R - 1;
    while (i >= 0 && idx[i] === m - R + i) i--;
    if (i < 0) break;
    idx[i]!++;
    for (let j = i + 1; j < R; j++) idx[j] = idx[j - 1]! + 1;
  }
  return [...seen.values()];
}
