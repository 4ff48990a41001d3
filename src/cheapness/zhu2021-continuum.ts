/**
 * Exhaustive ex-post IC of a transfer rule on the CONTINUUM Ωⁿ(T, μ_, μ̄), for zhu2021's uA (§2, §4),
 * and the cheapest IC multiple of the linked VCG transfer — the competitors that decide Theorem 1's
 * cheapness (and Lemma 4) where the grid oracle only gives evidence.
 *
 * Fix agent n and the others' reports μ^{−n} (truthful, in Ω). For λ ∈ [0, 1] consider agent n's
 * transfer W_λ(z) = λ·(uWⁿ(μ^{−n}, z) − K), K = min_{Ωⁿ} uWⁿ(μ^{−n}, ·): λ = 1 is the linked VCG,
 * λ = 0 pays nothing. Its IC gain for a true row x reporting z (both in Ωⁿ), in utility units, is
 *     G_λ(x, z) = Σ_t β^t [ own_t(x_t, z_t) − own_t(x_t, x_t) + λ (g_t(z_t) − g_t(x_t)) ]      (0-based t)
 * with own_t(x, z) = v(Aⁿ_t(z), x) (eq. (1): agent n packs the bundle its report z earns into its TRUE
 * projects x) and g_t = Σ_{m≠n} v(A^m_t, μ^m_t) (uWⁿ = Σ_t β^{t−(T−1)} g_t). W_λ is IC iff sup G_λ ≤ 0.
 *
 * THE SUPREMUM, EXACTLY. Per date, the cells of zhu2021-best-response-cells.ts cover the box
 * [0, U] of one date's report, U = T·μ̄ⁿ; on a cell agent n's share s(·) and g_t are affine. For a pair
 * of cells (C for the truth x, D for the report z) one LP in (x, z, y):
 *     max β^t [ 1·y − 1·s_C(x) + λ (g_D(z) − g_C(x)) ]
 *     s.t. x ∈ C, z ∈ D (and the box), Σ_k y_k θ_k ≤ Σ_j s_D,j(z) θ_j, 0 ≤ y ≤ x.
 * For fixed (x, z) the best y is own_t(x, z). The term −1·s_C(x) is ≥ −own_t(x, x) (the agent can at
 * least fund the projects it was allotted), so each LP is an UPPER bound of G over its pair — and with
 * Lemma 1's exhaustion (each player's bundle is used up by its share) it is equal; the code does not
 * rely on that: every point it returns is re-evaluated by the definition (allocateDate + knapsacks).
 *  - T = 1: Ωⁿ is the box [μ_, μ̄]; the maximum over the pairs IS the supremum.
 *  - T > 1: dates are coupled by T·μ_ ≤ Σ_t x_t ≤ T·μ̄ (and the same for z). The sum of the per-date
 *    pair maxima is an upper bound; if it is ≤ 0 the rule is IC. Otherwise combinations of pairs are
 *    searched depth first (a combination is skipped when its sum of pair maxima is ≤ 0), each leaf one
 *    stacked LP with the coupling; past `leafBudget` leaves the answer is `inconclusive`.
 *
 * THE CHEAPEST SCALE λ*. sup G_λ is convex in λ (a supremum of affine functions of λ) and ≤ 0 at λ = 1
 * when the linked VCG is IC (Theorem 1, first part), so {λ : W_λ IC} = [λ*, 1]. Dinkelbach's iteration
 * finds λ* exactly: from λ = 0, while a point (x, z) with G_λ(x, z) = a + λb > 0 is found (then b < 0,
 * else λ = 1 would fail too), move to λ = −a/b, where that point breaks even. Each step removes a
 * vertex of one of finitely many LPs, so it ends; the last point shows that every λ < λ* fails.
 */
import { InputError, InternalError, requireAgent } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { cellsOf, type Cell } from "../equilibrium/zhu2021-best-response-cells.js";
import { allocateDate, type Order } from "../mechanisms/zhu2021/allocation.js";
import { dateSetup, enumerateRegions, trueDateValue, type Affine, type DateSetup } from "../mechanisms/zhu2021/linked-min-cells.js";
import { newLpStats, solveExact, type Halfspace, type LpStats, type SmallLp } from "../mechanisms/zhu2021/linked-min-lp.js";
import { agentValue } from "../models/zhu2021/payoffs.js";
import { betaPow, inTypeSpaceRow, type Profile, type RepeatedModel } from "../models/zhu2021/repeated.js";

export interface ContinuumSlice {
  readonly model: RepeatedModel;
  readonly order: Order;
  /** The others' reports (agent n's row is ignored); every other row must lie in its Ωᵐ. */
  readonly profile: Profile;
  /** 0-based. */
  readonly agent: number;
}

export interface ContinuumOptions {
  /** Stacked LPs allowed for T > 1 before giving up (inconclusive). Default 4000. */
  readonly leafBudget?: number;
}

/** A point of Ωⁿ × Ωⁿ: the true row x, the report z, and G_λ = a + λ·b there (by the definition). */
export interface GainPoint {
  readonly truth: Q[][];
  readonly report: Q[][];
  /** Σ_t β^t [own_t(x, z) − own_t(x, x)]: the value gain alone. */
  readonly a: Q;
  /** Σ_t β^t [g_t(z) − g_t(x)] = β^{T−1}(uWⁿ(z) − uWⁿ(x)). */
  readonly b: Q;
}

export type IcResult =
  | { readonly kind: "ic"; readonly lps: number }
  | { readonly kind: "violated"; readonly gain: Q; readonly point: GainPoint; readonly lps: number }
  | { readonly kind: "inconclusive"; readonly reason: string; readonly lps: number };

export type ScaleResult =
  | {
      readonly kind: "found";
      /** The least λ ∈ [0, 1] with W_λ ex-post IC on Ωⁿ. */
      readonly lambda: Q;
      /** The point at which every λ < λ* fails (absent when λ* = 0). */
      readonly tight?: GainPoint;
      readonly iterations: number;
      readonly lps: number;
    }
  /** Even λ = 1 (the linked VCG) is not IC: a certified violation of Theorem 1's first part. */
  | { readonly kind: "linked-not-ic"; readonly point: GainPoint; readonly lps: number }
  | { readonly kind: "inconclusive"; readonly reason: string; readonly lps: number };

interface DateCells {
  readonly setup: DateSetup;
  readonly weight: Q;
  readonly cells: readonly Cell[];
}

/** The per-date cover of [0, T·μ̄ⁿ] by cells (shared by the truth and the report). */
interface Problem {
  readonly slice: ContinuumSlice;
  readonly dates: readonly DateCells[];
  readonly lo: readonly Q[];
  readonly hi: readonly Q[];
  readonly stats: LpStats;
}

function checkSlice(s: ContinuumSlice): void {
  const { model, agent, profile, order } = s;
  if (order !== "ord" && order !== "p-ord") throw new InputError("order", `must be "ord" or "p-ord", got ${String(order)}`);
  requireAgent(agent, model.N);
  if (profile.length !== model.N) throw new InputError("profile", `expected ${model.N} agents, got ${profile.length}`);
  profile.forEach((row, m) => {
    if (m === agent) return;
    if (row.length !== model.T || row.some((x) => x.length !== model.econ.I || x.some((v) => v.sign() < 0))) throw new InputError(`profile[${m + 1}]`, `must be ${model.T} nonnegative rows of ${model.econ.I}`);
    if (!inTypeSpaceRow(model, m, row)) throw new InputError(`profile[${m + 1}]`, `is outside Ωᵐ(T, μ_, μ̄): the competitor is compared inside the type space`);
  });
}

function problemOf(slice: ContinuumSlice): Problem {
  checkSlice(slice);
  const { model, order, profile, agent } = slice;
  const TQ = Q.of(model.T);
  const lo = model.muLow[agent]!.map((l) => l.mul(TQ));
  const hi = model.muHigh[agent]!.map((h) => h.mul(TQ));
  const stats = newLpStats();
  const dates = Array.from({ length: model.T }, (_, t) => {
    const setup = dateSetup(model, order, profile, agent, t);
    const regions = enumerateRegions(model, order, setup, agent, hi, { candidates: 0, lp: stats });
    if (regions.length === 0) throw new InternalError(`continuum IC: no region covers date ${t + 1}`);
    return { setup, weight: betaPow(model, t), cells: cellsOf(model.econ.I, regions) };
  });
  return { slice, dates, lo, hi, stats };
}

const zeros = (k: number) => new Array<Q>(k).fill(Q.ZERO);

/**
 * One date's pair block in MINIMIZATION form over (x, z, y) (3I variables):
 * minimize −β^t [1·y − 1·s_C(x) + λ (g_D(z) − g_C(x))].
 */
function pairBlock(p: Problem, d: DateCells, C: Cell, D: Cell, lambda: Q): { lp: SmallLp; constant: Q } {
  const { econ, T } = p.slice.model;
  const { I, R } = econ;
  const nv = 3 * I;
  const w = d.weight;
  const sumS = (f: readonly Affine[]): Affine => f.reduce<Affine>((acc, g) => ({ a: acc.a.map((v, i) => v.add(g.a[i]!)), b: acc.b.add(g.b) }), { a: zeros(I), b: Q.ZERO });
  const sC = sumS(C.share);
  const c = zeros(nv);
  for (let i = 0; i < I; i++) {
    c[i] = w.mul(sC.a[i]!.add(lambda.mul(C.others.a[i]!))); // −β^t(−s_C − λ g_C)
    c[I + i] = w.mul(lambda.mul(D.others.a[i]!)).neg();
    c[2 * I + i] = w.neg();
  }
  const constant = w.mul(sC.b.add(lambda.mul(C.others.b)).sub(lambda.mul(D.others.b)));
  const rows: Halfspace[] = [];
  const place = (h: Halfspace, off: number): Halfspace => {
    const a = zeros(nv);
    h.a.forEach((v, i) => (a[off + i] = v));
    return { a, b: h.b };
  };
  for (const h of C.rows) rows.push(place(h, 0));
  for (const h of D.rows) rows.push(place(h, I));
  for (let r = 0; r < R; r++) {
    const a = zeros(nv);
    let b = Q.ZERO;
    for (let j = 0; j < I; j++) {
      const th = econ.theta[j]![r]!;
      if (th.isZero()) continue;
      a[2 * I + j] = th;
      const s = D.share[j]!;
      for (let i = 0; i < I; i++) if (!s.a[i]!.isZero()) a[I + i] = a[I + i]!.sub(th.mul(s.a[i]!));
      b = b.add(th.mul(s.b));
    }
    rows.push({ a, b }); // Σ_k θ_k y_k − Σ_j θ_j s_D,j(z) ≤ 0
  }
  for (let i = 0; i < I; i++) {
    const a = zeros(nv);
    a[2 * I + i] = Q.ONE;
    a[i] = Q.MINUS_ONE;
    rows.push({ a, b: Q.ZERO }); // y_i ≤ x_i
  }
  // T = 1: Ωⁿ is the box itself; T > 1: each date's report lies in [0, T·μ̄], the sums are coupled later.
  const lo1 = T === 1 ? p.lo : zeros(I);
  return { lp: { n: nv, c, rows, lo: [...lo1, ...lo1, ...zeros(I)], hi: [...p.hi, ...p.hi, ...p.hi] }, constant };
}

interface PairMax {
  readonly C: Cell;
  readonly D: Cell;
  readonly max: Q;
  readonly x: Q[];
  readonly z: Q[];
}

function datePairs(p: Problem, t: number, lambda: Q): PairMax[] {
  const d = p.dates[t]!;
  const I = p.slice.model.econ.I;
  const out: PairMax[] = [];
  for (const C of d.cells) {
    for (const D of d.cells) {
      const { lp, constant } = pairBlock(p, d, C, D, lambda);
      const r = solveExact(lp, p.stats);
      if (r.status !== "optimal") continue;
      out.push({ C, D, max: r.value.add(constant).neg(), x: r.x.slice(0, I), z: r.x.slice(I, 2 * I) });
    }
  }
  if (out.length === 0) throw new InternalError(`continuum IC: every cell pair of date ${t + 1} is empty`);
  return out.sort((u, v) => v.max.cmp(u.max));
}

/** G's two parts at (x, z) by the DEFINITION: allocateDate, one knapsack per player. */
export function gainAt(slice: ContinuumSlice, truth: readonly (readonly Q[])[], report: readonly (readonly Q[])[]): GainPoint {
  const { model, order, profile, agent } = slice;
  let a = Q.ZERO;
  let b = Q.ZERO;
  for (let t = 0; t < model.T; t++) {
    const setup = dateSetup(model, order, profile, agent, t);
    const bundle = (row: readonly Q[]) => allocateDate(model.econ, setup.column.map((r, m) => (m === agent ? row : r)), order).bundles[agent]!;
    const w = betaPow(model, t);
    const x = truth[t]!, z = report[t]!;
    a = a.add(w.mul(agentValue(model.econ, bundle(z), x).sub(agentValue(model.econ, bundle(x), x))));
    b = b.add(w.mul(trueDateValue(model, order, setup, agent, z).sub(trueDateValue(model, order, setup, agent, x))));
  }
  return { truth: truth.map((r) => r.slice()), report: report.map((r) => r.slice()), a, b };
}

/** Re-evaluates an LP's point by the definition; its G_λ must equal the LP's value. */
function certify(p: Problem, x: Q[][], z: Q[][], lambda: Q, lpValue: Q): GainPoint {
  const pt = gainAt(p.slice, x, z);
  const g = pt.a.add(lambda.mul(pt.b));
  if (!g.eq(lpValue)) throw new InternalError(`continuum IC: the cell LP gives ${lpValue} at x = ${JSON.stringify(x.map((r) => r.map(String)))}, z = ${JSON.stringify(z.map((r) => r.map(String)))}, the definition ${g}`);
  return pt;
}

function stacked(p: Problem, combo: readonly PairMax[], lambda: Q): { lp: SmallLp; constant: Q } {
  const I = p.slice.model.econ.I;
  const blocks = combo.map((pm, t) => pairBlock(p, p.dates[t]!, pm.C, pm.D, lambda));
  const nv = blocks.reduce((s, b) => s + b.lp.n, 0);
  const c: Q[] = [], lo: Q[] = [], hi: Q[] = [], rows: Halfspace[] = [];
  let constant = Q.ZERO, off = 0;
  for (const b of blocks) {
    c.push(...b.lp.c);
    lo.push(...b.lp.lo);
    hi.push(...b.lp.hi);
    constant = constant.add(b.constant);
    for (const h of b.lp.rows) {
      const a = zeros(nv);
      h.a.forEach((v, k) => (a[off + k] = v));
      rows.push({ a, b: h.b });
    }
    off += b.lp.n;
  }
  // T·μ_ ≤ Σ_t x_t ≤ T·μ̄ and the same for z (block offsets 0 and I inside each 3I block).
  for (const part of [0, I]) {
    for (let i = 0; i < I; i++) {
      const up = zeros(nv), down = zeros(nv);
      for (let t = 0; t < combo.length; t++) {
        up[t * 3 * I + part + i] = Q.ONE;
        down[t * 3 * I + part + i] = Q.MINUS_ONE;
      }
      rows.push({ a: up, b: p.hi[i]! }, { a: down, b: p.lo[i]!.neg() });
    }
  }
  return { lp: { n: nv, c, rows, lo, hi }, constant };
}

function icAt(p: Problem, lambda: Q, budget: number): IcResult {
  const { T, econ } = p.slice.model;
  const I = econ.I;
  const pairs = Array.from({ length: T }, (_, t) => datePairs(p, t, lambda));
  const tops = pairs.map((ps) => ps[0]!.max);
  const bound = tops.reduce((s, v) => s.add(v), Q.ZERO);
  if (bound.sign() <= 0) return { kind: "ic", lps: p.stats.lps };
  if (T === 1) {
    const top = pairs[0]![0]!;
    const point = certify(p, [top.x], [top.z], lambda, top.max);
    return { kind: "violated", gain: top.max, point, lps: p.stats.lps };
  }
  // Depth-first over dates; `rest[t]` = Σ_{s ≥ t} tops[s] bounds the dates not yet fixed.
  const rest: Q[] = new Array<Q>(T + 1).fill(Q.ZERO);
  for (let t = T - 1; t >= 0; t--) rest[t] = rest[t + 1]!.add(tops[t]!);
  let leaves = 0;
  const combo: PairMax[] = [];
  const dfs = (t: number, acc: Q): IcResult | undefined => {
    if (t === T) {
      if (++leaves > budget) return { kind: "inconclusive", reason: `more than ${budget} coupled cell combinations`, lps: p.stats.lps };
      const { lp, constant } = stacked(p, combo, lambda);
      const r = solveExact(lp, p.stats);
      if (r.status !== "optimal") return undefined;
      const value = r.value.add(constant).neg();
      if (value.sign() <= 0) return undefined;
      const x = combo.map((_, s) => r.x.slice(s * 3 * I, s * 3 * I + I));
      const z = combo.map((_, s) => r.x.slice(s * 3 * I + I, s * 3 * I + 2 * I));
      return { kind: "violated", gain: value, point: certify(p, x, z, lambda, value), lps: p.stats.lps };
    }
    for (const pm of pairs[t]!) {
      if (acc.add(pm.max).add(rest[t + 1]!).sign() <= 0) break; // sorted: no later pair does better
      combo.push(pm);
      const r = dfs(t + 1, acc.add(pm.max));
      combo.pop();
      if (r) return r;
    }
    return undefined;
  };
  return dfs(0, Q.ZERO) ?? { kind: "ic", lps: p.stats.lps };
}

/** Is W_λ = λ·(uWⁿ − K) ex-post IC for agent n on all of Ωⁿ (the others at `profile`)? Exact. */
export function scaledLinkedIc(slice: ContinuumSlice, lambda: Q, options: ContinuumOptions = {}): IcResult {
  if (lambda.sign() < 0 || lambda.gt(Q.ONE)) throw new InputError("lambda", `must lie in [0, 1] (got ${lambda})`);
  return icAt(problemOf(slice), lambda, options.leafBudget ?? 4000);
}

/** The least λ with W_λ ex-post IC on Ωⁿ (Dinkelbach, exact; see the header). */
export function cheapestScale(slice: ContinuumSlice, options: ContinuumOptions = {}): ScaleResult {
  const p = problemOf(slice);
  const budget = options.leafBudget ?? 4000;
  let lambda = Q.ZERO;
  let tight: GainPoint | undefined;
  for (let it = 1; ; it++) {
    const r = icAt(p, lambda, budget);
    if (r.kind === "ic") return { kind: "found", lambda, ...(tight ? { tight } : {}), iterations: it, lps: p.stats.lps };
    if (r.kind === "inconclusive") return r;
    const { a, b } = r.point;
    if (b.sign() >= 0 || a.add(b).sign() > 0) return { kind: "linked-not-ic", point: r.point, lps: p.stats.lps };
    const next = a.div(b).neg();
    if (!next.gt(lambda)) throw new InternalError(`continuum IC: Dinkelbach step did not increase λ (${lambda} → ${next})`);
    lambda = next;
    tight = r.point;
  }
}
