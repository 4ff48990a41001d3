/**
 * The right-hand sides of zhu2021 Lemma 6 and Corollary 2 (§6.1), exactly, for an agent n with
 * Property I at μ (models/zhu2021/smallness.ts):
 *   maxS = max_{μ̂ⁿ ∈ Ωⁿ(T, μ_, μ̄)} Sⁿ(μ⁻ⁿ, μ̂ⁿ),   minS = min over the same set,
 *   linear = max_{μ̂ⁿ} Σ_t β^{t−T} p_t(μ)·Σ_i (μ̂ⁿ_ti − μⁿ_ti) θ_i 1{n > N(μ_t, i)}   (Lemma 6, second part),
 * where Sⁿ(μ⁻ⁿ, μ̂ⁿ) = Σ_t β^{t−1} v(Aⁿ_t, μ̂ⁿ_t) is agent n's contribution when he reports (and holds) μ̂ⁿ
 * under ordA.
 *
 * HOW, EXACTLY. Under Property I every date's investment α(μ̂_t) is affine on the date's box (the
 * unique-price region is convex: smallness.ts), with slopes read off the box's edges. Under ordA agent n
 * gets s_ti = clamp(α_i − Σ_{m>n} μ^m_ti, 0, μ̂_ti) of type i (agents N, N − 1, … are served in turn),
 * and v(Σ_i s_ti θ_i, μ̂_t) = max{Σ_i x_i : Σ_i x_i θ_i ≤ Σ_i s_ti θ_i, 0 ≤ x ≤ μ̂_t}. Fixing for each
 * (t, i) which side of the clamp binds ("regime": nothing, the remainder, everything) makes s linear,
 * so max Sⁿ over a regime is one exact LP in (μ̂, x); the maximum over all regimes is maxS. Under
 * Property II the regime is the same everywhere (n above or below the marginal agent), Sⁿ is concave
 * in μ̂ⁿ (an LP value of a right-hand side linear in μ̂ⁿ), and its minimum over Ωⁿ = Π_i {y ≥ 0 :
 * Tμ_ⁿ_i ≤ Σ_t y_t ≤ Tμ̄ⁿ_i} sits at a vertex: 0 or Tμ_ⁿ_i·e_t or Tμ̄ⁿ_i·e_t per type — enumerated.
 */
import { Q } from "../../exact/rational.js";
import { solveLP, type LpRow } from "../../lp/index.js";
import { agentValue } from "../../models/zhu2021/payoffs.js";
import { betaPow, column, withRow, type Profile, type RepeatedModel } from "../../models/zhu2021/repeated.js";
import { datePrice, dateBoxVertices, marginalIndex } from "../../models/zhu2021/smallness.js";
import { allocateDate } from "./allocation.js";

/** α(μ̂_t) = a0 + Σ_j D[j]·μ̂_tj on date t's box (Property I), over every type i (unit types: constant). */
interface AffineAlpha {
  readonly a0: readonly Q[];
  /** D[j][i]: ∂α_i/∂μ̂_tj (zero rows for unit types and fixed coordinates). */
  readonly D: readonly (readonly Q[])[];
}

function affineAlpha(model: RepeatedModel, mu: Profile, n: number, t: number): AffineAlpha {
  const { econ, T } = model;
  const column = mu.map((row) => row[t] as readonly Q[]);
  const at = (v: readonly Q[]) => datePrice(econ, column.map((r, m) => (m === n ? v : r))).alpha;
  const base = dateBoxVertices(model, n, column[n] as readonly Q[])[0] as Q[]; // all coordinates at their lower end
  const aBase = at(base);
  const D: Q[][] = Array.from({ length: econ.I }, () => new Array<Q>(econ.I).fill(Q.ZERO));
  for (let j = econ.R; j < econ.I; j++) {
    const lo = base[j] as Q, top = ((model.muHigh[n] as readonly Q[])[j] as Q).mul(Q.of(T)); // T = 1: μ̄ itself
    if (top.le(lo)) continue;
    const aTop = at(base.map((x, k) => (k === j ? top : x)));
    D[j] = aTop.map((x, i) => x.sub(aBase[i] as Q).div(top.sub(lo)));
  }
  const a0 = aBase.map((x, i) => D.reduce((s, row, j) => s.sub((row[i] as Q).mul(base[j] as Q)), x));
  return { a0, D };
}

type Regime = 0 | 1 | 2; // s = 0, s = α_i − above, s = μ̂_i

/** Variables: μ̂[t][i] at t·I + i, then x[t][i] at T·I + t·I + i. */
interface Layout {
  readonly T: number;
  readonly I: number;
  mu(t: number, i: number): number;
  x(t: number, i: number): number;
  readonly size: number;
}

const layoutOf = (T: number, I: number): Layout => ({ T, I, mu: (t, i) => t * I + i, x: (t, i) => T * I + t * I + i, size: 2 * T * I });

/** The rows of μ̂ⁿ ∈ Ωⁿ(T, μ_, μ̄) (μ̂ ≥ 0 is the LP's default bound). */
function omegaRows(model: RepeatedModel, n: number, L: Layout): LpRow[] {
  const rows: LpRow[] = [];
  for (let i = 0; i < L.I; i++) {
    const a = new Array<Q>(L.size).fill(Q.ZERO);
    for (let t = 0; t < L.T; t++) a[L.mu(t, i)] = Q.ONE;
    const TQ = Q.of(L.T);
    rows.push({ a, op: ">=", b: ((model.muLow[n] as readonly Q[])[i] as Q).mul(TQ) });
    rows.push({ a, op: "<=", b: ((model.muHigh[n] as readonly Q[])[i] as Q).mul(TQ) });
  }
  return rows;
}

/** s_ti as a linear form over the variables (plus a constant), for a regime. */
function shareForm(model: RepeatedModel, mu: Profile, n: number, t: number, i: number, aff: AffineAlpha, regime: Regime, L: Layout): { a: Q[]; c: Q } {
  const a = new Array<Q>(L.size).fill(Q.ZERO);
  if (regime === 0) return { a, c: Q.ZERO };
  if (regime === 2) {
    a[L.mu(t, i)] = Q.ONE;
    return { a, c: Q.ZERO };
  }
  const above = mu.slice(n + 1).reduce((s, row) => s.add((row[t] as readonly Q[])[i] as Q), Q.ZERO);
  for (let j = 0; j < L.I; j++) a[L.mu(t, j)] = (aff.D[j] as readonly Q[])[i] as Q;
  return { a, c: (aff.a0[i] as Q).sub(above) };
}

/** One regime's LP rows: μ̂ⁿ ∈ Ωⁿ, each (t, i)'s side of the clamp, and the agent's own knapsack (x ≤ μ̂, Σ x θ ≤ Σ s θ). */
function regimeRows(model: RepeatedModel, mu: Profile, n: number, affs: readonly AffineAlpha[], regimes: readonly Regime[], L: Layout): LpRow[] {
  const { econ } = model;
  const rows = omegaRows(model, n, L);
  for (let t = 0; t < L.T; t++) {
    const shares: { a: Q[]; c: Q }[] = [];
    for (let i = 0; i < L.I; i++) {
      const reg = regimes[t * L.I + i] as Regime;
      const mid = shareForm(model, mu, n, t, i, affs[t] as AffineAlpha, 1, L); // α_i − above
      const own = new Array<Q>(L.size).fill(Q.ZERO);
      own[L.mu(t, i)] = Q.ONE;
      // regime 0: α_i − above ≤ 0; 1: 0 ≤ α_i − above ≤ μ̂_ti; 2: α_i − above ≥ μ̂_ti
      if (reg === 0) rows.push({ a: mid.a, op: "<=", b: mid.c.neg() });
      if (reg === 1) {
        rows.push({ a: mid.a, op: ">=", b: mid.c.neg() });
        rows.push({ a: mid.a.map((v, k) => v.sub(own[k] as Q)), op: "<=", b: mid.c.neg() });
      }
      if (reg === 2) rows.push({ a: mid.a.map((v, k) => v.sub(own[k] as Q)), op: ">=", b: mid.c.neg() });
      shares.push(shareForm(model, mu, n, t, i, affs[t] as AffineAlpha, reg, L));
    }
    // the agent's own knapsack: Σ_i x_ti θ_i ≤ Σ_i s_ti θ_i per resource, x_ti ≤ μ̂_ti
    for (let r = 0; r < econ.R; r++) {
      const a = new Array<Q>(L.size).fill(Q.ZERO);
      let c = Q.ZERO;
      for (let i = 0; i < L.I; i++) {
        const th = (econ.theta[i] as readonly Q[])[r] as Q;
        if (th.isZero()) continue;
        a[L.x(t, i)] = (a[L.x(t, i)] as Q).add(th);
        const s = shares[i]!;
        s.a.forEach((v, k) => (a[k] = (a[k] as Q).sub(v.mul(th))));
        c = c.add(s.c.mul(th));
      }
      rows.push({ a, op: "<=", b: c });
    }
    for (let i = 0; i < L.I; i++) {
      const a = new Array<Q>(L.size).fill(Q.ZERO);
      a[L.x(t, i)] = Q.ONE;
      a[L.mu(t, i)] = Q.MINUS_ONE;
      rows.push({ a, op: "<=", b: Q.ZERO });
    }
  }
  return rows;
}

function surplusObjective(model: RepeatedModel, L: Layout): Q[] {
  const c = new Array<Q>(L.size).fill(Q.ZERO);
  for (let t = 0; t < L.T; t++) for (let i = 0; i < L.I; i++) c[L.x(t, i)] = model.beta.pow(t);
  return c;
}

/** maxS: the largest Sⁿ(μ⁻ⁿ, μ̂ⁿ) over Ωⁿ, exact, with a maximizer (Property I must hold at μ for agent n). */
export function maxOwnSurplus(model: RepeatedModel, mu: Profile, n: number): { value: Q; report: Q[][] } {
  const { T, econ } = model;
  const L = layoutOf(T, econ.I);
  const affs = Array.from({ length: T }, (_, t) => affineAlpha(model, mu, n, t));
  const c = surplusObjective(model, L);
  let best: { value: Q; report: Q[][] } | null = null;
  // Only the regimes some report in the date's box can be in: g = α_i − Σ_{m>n} μ^m_ti and g − μ̂_ti are
  // affine on the box, so their ranges come from its corners (unit-like coordinates included).
  const options: Regime[][] = [];
  for (let t = 0; t < T; t++) {
    const column = mu.map((row) => row[t] as readonly Q[]);
    const corners = dateBoxVertices(model, n, column[n] as readonly Q[], true);
    const aff = affs[t] as AffineAlpha;
    for (let i = 0; i < econ.I; i++) {
      const above = mu.slice(n + 1).reduce((acc, row) => acc.add((row[t] as readonly Q[])[i] as Q), Q.ZERO);
      const g = corners.map((v) => v.reduce((acc, x, j) => acc.add(((aff.D[j] as readonly Q[])[i] as Q).mul(x)), aff.a0[i] as Q).sub(above));
      const own = corners.map((v) => v[i] as Q);
      const gMin = g.reduce((m, x) => Q.min(m, x)), gMax = g.reduce((m, x) => Q.max(m, x));
      const dMin = g.reduce((m, x, k) => Q.min(m, x.sub(own[k] as Q)), g[0]!.sub(own[0]!)), dMax = g.reduce((m, x, k) => Q.max(m, x.sub(own[k] as Q)), g[0]!.sub(own[0]!));
      const opts: Regime[] = [];
      if (gMin.sign() <= 0) opts.push(0);
      if (gMax.sign() >= 0 && dMin.sign() <= 0) opts.push(1);
      if (dMax.sign() >= 0) opts.push(2);
      options.push(opts.length > 0 ? opts : [0]);
    }
  }
  const regimes: Regime[] = new Array<Regime>(T * econ.I).fill(0);
  const walk = (k: number) => {
    if (k === regimes.length) {
      const r = solveLP({ sense: "max", c, rows: regimeRows(model, mu, n, affs, regimes, L) });
      if (r.status === "optimal" && (best === null || r.value.gt(best.value))) best = { value: r.value, report: Array.from({ length: T }, (_, t) => Array.from({ length: econ.I }, (_, i) => r.x[L.mu(t, i)] as Q)) };
      return;
    }
    for (const g of options[k] as Regime[]) {
      regimes[k] = g;
      walk(k + 1);
    }
  };
  walk(0);
  if (best === null) throw new RangeError("maxOwnSurplus: Ωⁿ is empty");
  return best;
}

/** Sⁿ(μ⁻ⁿ, μ̂ⁿ) from the definition: agent n reports and holds `row`, the others report μ⁻ⁿ; ordA. */
export function ownSurplus(model: RepeatedModel, mu: Profile, n: number, row: readonly (readonly Q[])[]): Q {
  const p = withRow(mu, n, row);
  let s = Q.ZERO;
  for (let t = 0; t < model.T; t++) {
    const a = allocateDate(model.econ, column(p, t), "ord");
    s = s.add(betaPow(model, t).mul(agentValue(model.econ, a.bundles[n]!, row[t]!)));
  }
  return s;
}

/** The vertices of Ωⁿ(T, μ_, μ̄): per type, 0 (when μ_ = 0), Tμ_·e_t or Tμ̄·e_t. */
export function omegaVertices(model: RepeatedModel, n: number): Q[][][] {
  const { T, econ } = model;
  const TQ = Q.of(T);
  const perType = Array.from({ length: econ.I }, (_, i) => {
    const lo = ((model.muLow[n] as readonly Q[])[i] as Q).mul(TQ), hi = ((model.muHigh[n] as readonly Q[])[i] as Q).mul(TQ);
    const opts: Q[][] = [];
    const add = (v: Q[]) => {
      if (!opts.some((o) => o.every((x, t) => x.eq(v[t] as Q)))) opts.push(v);
    };
    if (lo.isZero()) add(new Array<Q>(T).fill(Q.ZERO));
    for (const level of [lo, hi]) for (let t = 0; t < T; t++) add(Array.from({ length: T }, (_, s) => (s === t ? level : Q.ZERO)));
    return opts;
  });
  let out: Q[][][] = [Array.from({ length: T }, () => new Array<Q>(econ.I).fill(Q.ZERO))];
  perType.forEach((opts, i) => {
    out = out.flatMap((v) => opts.map((o) => v.map((row, t) => row.map((x, k) => (k === i ? (o[t] as Q) : x)))));
  });
  return out;
}

/** minS under Properties I and II (Sⁿ concave on Ωⁿ): the least Sⁿ over Ωⁿ's vertices. */
export function minOwnSurplus(model: RepeatedModel, mu: Profile, n: number): { value: Q; report: Q[][] } {
  let best: { value: Q; report: Q[][] } | null = null;
  for (const v of omegaVertices(model, n)) {
    const s = ownSurplus(model, mu, n, v);
    if (best === null || s.lt(best.value)) best = { value: s, report: v };
  }
  return best!;
}

/**
 * The coefficients of Lemma 6's linear objective: w[t][i] = β^{t−T} p_t·θ_i where H_t encloses θ_i
 * (n > N(μ_t, i)), null where it does not. Shared by the LP (lemma6Linear) and §6.2's algorithm.
 */
function enclosedWeights(model: RepeatedModel, mu: Profile, n: number, prices: readonly (readonly Q[])[]): (Q | null)[][] {
  const { T, econ } = model;
  return Array.from({ length: T }, (_, t) => {
    const column = mu.map((row) => row[t] as readonly Q[]);
    const { alpha } = datePrice(econ, column);
    const disc = model.beta.pow(t - (T - 1));
    return Array.from({ length: econ.I }, (_, i) =>
      n + 1 > marginalIndex(column, i, alpha[i] as Q) ? disc.mul((prices[t] as readonly Q[]).reduce((s, p, r) => s.add(p.mul((econ.theta[i] as readonly Q[])[r] as Q)), Q.ZERO)) : null,
    );
  });
}

/** Lemma 6's second right-hand side: max over Ωⁿ of Σ_t β^{t−T} p_t·Σ_i (μ̂_ti − μ_ti) θ_i 1{n > N(μ_t, i)} (an exact LP). */
export function lemma6Linear(model: RepeatedModel, mu: Profile, n: number, prices: readonly (readonly Q[])[]): Q {
  const { T, econ } = model;
  const L = layoutOf(T, econ.I);
  const c = new Array<Q>(L.size).fill(Q.ZERO);
  let constant = Q.ZERO;
  enclosedWeights(model, mu, n, prices).forEach((row, t) =>
    row.forEach((w, i) => {
      if (w === null) return;
      c[L.mu(t, i)] = w;
      constant = constant.sub(w.mul(((mu[n] as readonly (readonly Q[])[])[t] as readonly Q[])[i] as Q));
    }),
  );
  const r = solveLP({ sense: "max", c, rows: omegaRows(model, n, L) });
  if (r.status !== "optimal") throw new RangeError("lemma6Linear: the LP over Ωⁿ is not optimal");
  return r.value.add(constant);
}

/**
 * §6.2's geometric algorithm: τ(θ_i) = argmax over the dates t with n > N(μ_t, i) ("H_t encloses θ_i")
 * of β^{t−T} p_t·θ_i — all dates when none encloses it; μ̃ⁿ puts type i's whole T-date allowance
 * Tμ̄ⁿ_i on the first date of τ(θ_i). Under Properties I and II the paper says μ̃ⁿ maximizes Lemma 6's
 * linear objective, so lWⁿ is that objective at μ̃ⁿ; returned with τ for display.
 */
export function geometricTransfer(model: RepeatedModel, mu: Profile, n: number, prices: readonly (readonly Q[])[]): { value: Q; tau: number[][]; report: Q[][] } {
  const { T, econ } = model;
  const w = enclosedWeights(model, mu, n, prices);
  const tau: number[][] = [];
  const report: Q[][] = Array.from({ length: T }, () => new Array<Q>(econ.I).fill(Q.ZERO));
  let value = Q.ZERO;
  for (let i = 0; i < econ.I; i++) {
    const dates = Array.from({ length: T }, (_, t) => t).filter((t) => w[t]![i] !== null);
    let best: number[] = Array.from({ length: T }, (_, t) => t + 1);
    if (dates.length > 0) {
      const top = dates.reduce((m, t) => Q.max(m, w[t]![i]!), w[dates[0]!]![i]!);
      best = dates.filter((t) => w[t]![i]!.eq(top)).map((t) => t + 1);
    }
    tau.push(best);
    (report[best[0]! - 1] as Q[])[i] = ((model.muHigh[n] as readonly Q[])[i] as Q).mul(Q.of(T));
    for (const t of dates) value = value.add(w[t]![i]!.mul(((report[t] as Q[])[i] as Q).sub(((mu[n] as readonly (readonly Q[])[])[t] as readonly Q[])[i] as Q)));
  }
  return { value, tau, report };
}
