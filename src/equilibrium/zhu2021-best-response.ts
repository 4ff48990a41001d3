/**
 * Agent n's exact, certified BEST RESPONSE (a best misreport) in the unlinked and linked VCG
 * mechanisms of zhu2021 §4, the other agents reporting truthfully:
 *     value = max over x ∈ Ω = [0, ∞)^{T×I} of Uⁿ(μ^{−n}, x),   Uⁿ = Sⁿ + β^{T−1} Wⁿ,
 * Sⁿ = Σ_t β^{t−1} v(Aⁿ_t, μⁿ_t) at agent n's TRUE endowment. Proposition 1 / Theorem 1 say the truth
 * attains it (gain 0); a positive gain is a certified profitable deviation.
 *
 * THE FUNCTION (0-based dates t = 0..T−1 below; ω_t = β^t, the paper's β^{t−1}).
 *  - Unlinked. The date-t allocation reads the date-t column only, and uWⁿ = Σ_t β^{t−(T−1)} g_t with
 *    g_t(x_t) = Σ_{m≠n, m=0..N} v(A^m_t(x_t), μ^m_t) (others at their reports = their truth). So
 *        Uⁿ(x) = Σ_t h_t(x_t),   h_t = ω_t·own_t + γ_t·g_t,   own_t(x_t) = v(Aⁿ_t(x_t), μⁿ_t),
 *    γ_t = β^{T−1}·w(t) with w(t) = β^{t−(T−1)} (so γ_t = ω_t), or w = `transferWeights` (a planted-bug
 *    hook). SEPARABLE: each date is maximized on its own.
 *  - Linked. lAⁿ and uWⁿ([μ]) read agent n's report only through his retracted row [x]ⁿ; the others
 *    are truthful, so their rows retract to [μ]^{−n} whatever agent n says (the retraction is row by
 *    row), and the subtracted min_{x̂ ∈ Ωⁿ} uWⁿ([μ]^{−n}, x̂) is a constant K. The retraction maps Ω onto
 *    Ωⁿ(T, μ_, μ̄) and is the identity there, so
 *        max_{x ∈ Ω} Uⁿ = max_{y ∈ Ωⁿ} Σ_t h_t(y_t) − β^{T−1} K,
 *    h_t as above with the others' retracted reports, dates COUPLED by T·μ_ⁿ ≤ Σ_t y_t ≤ T·μ̄ⁿ.
 *
 * A COMPACT BOX. Linked: y_t ∈ [0, U], U = T·μ̄ⁿ. Unlinked: x is unbounded, but let
 *     ᾱ_i := min_{r: θ_i(r) > 0} q̄_r / θ_i(r),
 * the most of type i any investment Σ_j α_j θ_j ≤ q̄ can hold. If x_ti ≥ ᾱ_i, the knapsack bound
 * α_i ≤ c_i + x_ti of date t is implied by Σ α θ ≤ q̄, α ≥ 0, so the date's knapsack (the same LP for
 * every such x_ti) has the same unique optimum α (Lemma 1; for unit-like i it does not depend on x_ti
 * at all); agent n's share clip(α_i − a_i, 0, x_ti) = max(0, α_i − a_i) is then also independent of
 * x_ti, and so are everyone else's shares and all bundles. Hence Uⁿ(x) = Uⁿ(min(x, X)) with the box
 * X_t = max(ᾱ, μⁿ_t) (componentwise; the truth is kept inside so that it is one of the candidates),
 * and the maximum over Ω is the maximum over the box. (The tests check Uⁿ(x) = Uⁿ(min(x, X)) at
 * random large x through `utility`.)
 *
 * THE METHOD.
 *  1. Per date, CELLS (zhu2021-best-response-cells.ts): linked-min's regions (a cover of the box by
 *     polyhedra on which α is affine) split by agent n's share regime per served basic type; on a
 *     cell h_t is concave and its maximum is ONE exact LP (agent n's repacking y of his bundle into his
 *     true projects as extra variables).
 *  2. Unlinked: value = Σ_t max over the date's cells. Linked: branch and bound over the dates as in
 *     linked-min (fewest cells first; cells in decreasing order of their maxima; depth first). A node
 *     fixes cells for k dates; its bound is one LP — maximize Σ_{fixed} h_t over the fixed cells with
 *     Σ_{fixed} y_t ≤ U (valid: the free dates' reports are ≥ 0) — plus Σ_{free} M_s (M_s the date's
 *     max over its box: valid). Depth 1 uses the cell's maximum without an LP. A leaf's LP carries the
 *     full coupling L ≤ Σ_t y_t ≤ U. A node is pruned when its bound is ≤ the incumbent. The first
 *     incumbent is the (retracted) truth.
 *  3. Every incumbent is an exact point evaluated by the DEFINITION (allocateDate + knapsacks) per date,
 *     where each cell's share and g_t formulas and the LP's value are checked equal to it.
 *
 * WHY IT IS EXACT AND EXHAUSTIVE. Upper bound: every point of the box (of Ωⁿ) lies, date by date, in
 * some cell (linked-min-cells' cover argument for the regions; the regimes used cover each region,
 * see the cells file), where the cell's LP has a feasible point (x, y = an optimal repacking) whose
 * objective is h_t(x). So the maximum over the cells' LPs (unlinked), resp. over the leaves' LPs
 * (linked), is ≥ the supremum of Uⁿ (up to the constant). Each LP is answered exactly (an exact vertex
 * + KKT certificate, an exact weak-duality bound for a prune, or the certified solver of src/lp;
 * linked-min-lp.ts). Lower bound: the returned misreport's `utility(...)` — the mechanism itself —
 * must equal `value` exactly, else InternalError. Also `value ≥ truthful` is checked (the truth is a
 * feasible message), and the truthful utility must equal the decomposition at the truth.
 */
import { InputError, InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { allocateDate, type Order } from "../mechanisms/zhu2021/allocation.js";
import { dateSetup, enumerateRegions } from "../mechanisms/zhu2021/linked-min-cells.js";
import { boundLp, newLpStats, stackDateBlocks, type LpStats, type SmallLp } from "../mechanisms/zhu2021/linked-min-lp.js";
import { linkedMinimum } from "../mechanisms/zhu2021/linked-min.js";
import { linkedVcg } from "../mechanisms/zhu2021/linked.js";
import { REPEATED_KIND, unlinkedVcg, type Zhu2021Mechanism } from "../mechanisms/zhu2021/vcg.js";
import { checkCondition1, checkCondition2 } from "../models/zhu2021/conditions.js";
import { dateValues } from "../models/zhu2021/payoffs.js";
import { betaPow, column, inTypeSpaceRow, withRow, type Profile, type RepeatedModel } from "../models/zhu2021/repeated.js";
import { retract, retractRow } from "../typespace/zhu2021-retraction.js";
import {
  cellBlocks,
  cellContains,
  cellsOf,
  cellValue,
  checkAtPoint,
  definitionValue,
  type Cell,
  type CellBlock,
  type DateProblem,
} from "./zhu2021-best-response-cells.js";
import { utility } from "./zhu2021-strategies.js";

export type Kind = "unlinked" | "linked";

export interface BestResponse {
  /** max over misreports x ∈ [0,∞)^{T×I} of Uⁿ(x) with the others truthful, exactly. */
  value: Q;
  /** a misreport attaining it (utility(...) at it equals value, exactly). The truth when it attains it. */
  misreport: Q[][];
  /** Uⁿ at the truth and value − that (≥ 0; a positive gain is a certified profitable deviation). */
  truthful: Q;
  gain: Q;
  /** Nonempty cells over all dates (what the search ranges over). */
  cells: number;
  /** LPs searched (region enumeration, cell maxima, branch-and-bound nodes). */
  lps: number;
  stats: BestResponseStats;
}

export interface BestResponseStats {
  readonly regionsPerDate: number[];
  readonly cellsPerDate: number[];
  /** Branch-and-bound nodes whose LP was solved (linked only). */
  nodes: number;
  /** Leaves whose exact optimum was computed (linked only). */
  leaves: number;
  readonly lp: LpStats;
}

export interface BestResponseOptions {
  /**
   * Replaces the β^{t−T} factor of the unlinked transfer: uWⁿ = Σ_t w(t) Σ_{m≠n} v(A^m_t, μ^m_t), with t
   * the 0-BASED date (the paper's date t + 1). Default: the paper's, w(t) = β^{t−(T−1)}. Unlinked only
   * (a planted-bug hook: w ≡ 1 is "β^{t−T} dropped").
   */
  readonly transferWeights?: (t: number) => Q;
  /** false: solve every leaf of the linked search (slow; for testing the pruning). Default true. */
  readonly prune?: boolean;
}

/** The unlinked VCG with the β^{t−T} factor replaced by `weights(t)` (0-based t), as a mechanism. */
export function weightedUnlinkedVcg(model: RepeatedModel, order: Order, weights: (t: number) => Q): Zhu2021Mechanism {
  const transfer = (reports: Profile): Q[] => {
    const allocs = Array.from({ length: model.T }, (_, t) => allocateDate(model.econ, column(reports, t), order));
    const values = dateValues(model, allocs, reports); // rows t: [principal, agent 1..N]
    return Array.from({ length: model.N }, (_, n) =>
      values.reduce((w, row, t) => w.add(weights(t).mul(row.reduce((acc, v, m) => (m === n + 1 ? acc : acc.add(v)), Q.ZERO))), Q.ZERO),
    );
  };
  return {
    name: `zhu2021/unlinked-vcg/${order}/weighted`,
    kind: REPEATED_KIND,
    model,
    order,
    allocate: (reports, t) => allocateDate(model.econ, column(reports, t), order),
    transfer,
  };
}

/** ᾱ_i = min_{r: θ_i(r) > 0} q̄_r / θ_i(r): no investment holds more of type i. */
export function typeCaps(model: RepeatedModel): Q[] {
  const { econ } = model;
  return econ.theta.map((th, i) => {
    let m: Q | null = null;
    th.forEach((v, r) => {
      if (v.sign() <= 0) return;
      const b = (econ.supply[r] as Q).div(v);
      if (m === null || b.lt(m)) m = b;
    });
    if (m === null) throw new InputError(`theta[${i}]`, "a project type needs a positive input");
    return m as Q;
  });
}

/** Everything the search needs, exposed for tests (coverage of the cells). */
export interface BestResponseProblem {
  readonly model: RepeatedModel;
  readonly order: Order;
  readonly kind: Kind;
  readonly n: number;
  readonly truth: Profile;
  readonly dates: readonly DateProblem[];
  /** Linked: Ωⁿ's bounds on Σ_t y_t (T·μ_ⁿ, T·μ̄ⁿ). Unlinked: undefined. */
  readonly coupling?: { readonly L: readonly Q[]; readonly U: readonly Q[] };
  readonly regionsPerDate: readonly number[];
}

function checkArgs(model: RepeatedModel, order: Order, kind: Kind, truth: Profile, n: number, options: BestResponseOptions): void {
  const { N, T, econ } = model;
  if (order !== "ord" && order !== "p-ord") throw new InputError("order", `must be "ord" or "p-ord", got ${String(order)}`);
  if (kind !== "unlinked" && kind !== "linked") throw new InputError("kind", `must be "unlinked" or "linked", got ${String(kind)}`);
  if (!Number.isInteger(n) || n < 0 || n >= N) throw new InputError("n", `agent index must be in 0..${N - 1}, got ${n}`);
  if (model.beta.sign() <= 0 || model.beta.gt(Q.ONE)) throw new InputError("beta", "needs 0 < β ≤ 1");
  // Conditions 1–2 (§2) give Lemma 1's unique efficient investment, on which the cover of the box by
  // regions and the box bound for unlinked misreports rest: refuse economies that break them.
  for (const rep of [checkCondition1(econ.theta, econ.R), checkCondition2(econ.theta, econ.R)]) {
    if (!rep.ok) throw new InputError("econ.theta", `condition ${rep.condition} of zhu2021 §2 fails: ${rep.reason}`);
  }
  if (truth.length !== N) throw new InputError("truth", `expected ${N} agents, got ${truth.length}`);
  truth.forEach((row, m) => {
    if (row.length !== T) throw new InputError(`truth[${m}]`, `expected ${T} dates, got ${row.length}`);
    row.forEach((x, t) => {
      if (x.length !== econ.I) throw new InputError(`truth[${m}][${t}]`, `expected ${econ.I} types, got ${x.length}`);
      if (x.some((v) => v.sign() < 0)) throw new InputError(`truth[${m}][${t}]`, "endowments must be nonnegative");
    });
  });
  if (kind === "linked") {
    if (options.transferWeights !== undefined) throw new InputError("transferWeights", "only for the unlinked mechanism");
    for (let m = 0; m < N; m++) {
      const lo = model.muLow[m] as readonly Q[], hi = model.muHigh[m] as readonly Q[];
      for (let i = 0; i < econ.I; i++) {
        if ((lo[i] as Q).sign() < 0 || (lo[i] as Q).gt(hi[i] as Q)) throw new InputError(`muLow[${m}][${i}]`, "needs 0 ≤ μ_ ≤ μ̄");
      }
    }
  }
}

/** Builds the per-date cells (regions enumerated on the box, split by regimes). */
export function bestResponseProblem(
  model: RepeatedModel,
  order: Order,
  kind: Kind,
  truth: Profile,
  n: number,
  options: BestResponseOptions = {},
  lpStats: LpStats = newLpStats(),
): BestResponseProblem {
  checkArgs(model, order, kind, truth, n, options);
  const { T, econ } = model;
  const I = econ.I;
  const TQ = Q.of(T);
  // The others' reports as the mechanism sees them: their truth (retracted under linking).
  const reports: Profile = kind === "linked" ? retract(model, truth) : truth;
  const w = options.transferWeights ?? ((t: number) => betaPow(model, t - (T - 1)));
  const caps = typeCaps(model);
  const coupling =
    kind === "linked"
      ? { L: (model.muLow[n] as readonly Q[]).map((l) => l.mul(TQ)), U: (model.muHigh[n] as readonly Q[]).map((h) => h.mul(TQ)) }
      : undefined;
  const dates: DateProblem[] = [];
  const regionsPerDate: number[] = [];
  for (let t = 0; t < T; t++) {
    const truthRow = ((truth[n] as readonly (readonly Q[])[])[t] as readonly Q[]).slice();
    const upper = coupling ? coupling.U.slice() : caps.map((c, i) => Q.max(c, truthRow[i] as Q));
    const setup = dateSetup(model, order, reports, n, t);
    const regions = enumerateRegions(model, order, setup, n, upper, { candidates: 0, lp: lpStats });
    if (regions.length === 0) throw new InternalError(`best response: no region covers date ${t + 1}`);
    regionsPerDate.push(regions.length);
    const wt = w(t);
    if (!(wt instanceof Q)) throw new InputError("transferWeights", `must return a rational (Q), got ${String(wt)} at date ${t}`);
    dates.push({
      t,
      setup,
      upper,
      truthRow,
      ownWeight: betaPow(model, t),
      othersWeight: betaPow(model, T - 1).mul(wt),
      cells: cellsOf(I, regions),
    });
  }
  return { model, order, kind, n, truth, dates, coupling, regionsPerDate };
}

/**
 * Σ_t h_t at a T×I point of the boxes by the CELL FORMULAS (the first cell containing each y_t; throws
 * if none does — a hole in the cover). For tests: plus the mechanism's constant it is Uⁿ.
 */
export function formulaValue(p: BestResponseProblem, y: readonly (readonly Q[])[]): Q {
  let s = Q.ZERO;
  p.dates.forEach((d, t) => {
    const x = y[t] as readonly Q[];
    const cell = d.cells.find((c) => cellContains(c, x));
    if (cell === undefined) throw new InternalError(`best response: no cell of date ${t + 1} contains (${x.join(", ")})`);
    s = s.add(cellValue(p.model.econ, d, cell, x));
  });
  return s;
}

/** Σ_t h_t by the definition (allocateDate + knapsacks). */
export function definitionTotal(p: BestResponseProblem, y: readonly (readonly Q[])[]): Q {
  return p.dates.reduce((s, d, t) => s.add(definitionValue(p.model, p.order, d, p.n, y[t] as readonly Q[]).value), Q.ZERO);
}

/** The mechanism whose utility is maximized. */
export function mechanismOf(model: RepeatedModel, order: Order, kind: Kind, options: BestResponseOptions = {}): Zhu2021Mechanism {
  if (kind === "linked") return linkedVcg(model, order);
  return options.transferWeights ? weightedUnlinkedVcg(model, order, options.transferWeights) : unlinkedVcg(model, order);
}

/** Uⁿ − Σ_t h_t: 0 unlinked; −β^{T−1}·min_{x̂ ∈ Ωⁿ} uWⁿ([μ]^{−n}, x̂) linked (exact, linked-min). */
export function utilityConstant(p: BestResponseProblem): Q {
  if (p.kind === "unlinked") return Q.ZERO;
  const K = linkedMinimum(p.model, p.order, retract(p.model, p.truth), p.n).value;
  return betaPow(p.model, p.model.T - 1).mul(K).neg();
}

interface Incumbent {
  value: Q;
  x: Q[][];
}

export function bestMisreport(model: RepeatedModel, order: Order, kind: Kind, truth: Profile, n: number, options: BestResponseOptions = {}): BestResponse {
  const lp = newLpStats();
  const p = bestResponseProblem(model, order, kind, truth, n, options, lp);
  const stats: BestResponseStats = { regionsPerDate: p.regionsPerDate.slice(), cellsPerDate: [], nodes: 0, leaves: 0, lp };
  const blocks: CellBlock[][] = p.dates.map((d) => {
    const bs = cellBlocks(model, order, d, n, lp);
    if (bs.length === 0) throw new InternalError(`best response: every cell of date ${d.t + 1} is empty`);
    bs.sort((a, b) => b.max.cmp(a.max));
    stats.cellsPerDate.push(bs.length);
    return bs;
  });

  // The truth as agent n's message: its (retracted) row is a candidate of the search.
  const start: Q[][] = kind === "linked" ? retractRow(model, n, truth[n] as readonly (readonly Q[])[]) : (truth[n] as readonly (readonly Q[])[]).map((x) => x.slice());
  const startValue = definitionTotal(p, start);
  let best: Incumbent = { value: startValue, x: start };

  if (kind === "unlinked") {
    // Separable: each date's maximum over its cells.
    const x: Q[][] = [];
    let total = Q.ZERO;
    p.dates.forEach((d, t) => {
      const top = (blocks[t] as CellBlock[])[0] as CellBlock;
      const atTruth = definitionValue(model, order, d, n, start[t] as Q[]).value;
      // The truth lies in the box, which the cells cover: no cell maximum may be below it.
      if (atTruth.gt(top.max)) throw new InternalError(`best response: h_${t + 1}(truth) = ${atTruth} above every cell maximum ${top.max} (a hole in the cover)`);
      if (atTruth.eq(top.max)) x.push((start[t] as Q[]).slice());
      else x.push(top.argmax.slice());
      total = total.add(top.max);
    });
    best = { value: total, x };
  } else {
    best = linkedSearch(p, blocks, best, options.prune ?? true, stats);
  }

  // Certificates of the lower bound: the mechanism itself at the misreport and at the truth.
  const constant = utilityConstant(p);
  const value = best.value.add(constant);
  const mech = mechanismOf(model, order, kind, options);
  const atMisreport = utility(mech, truth, withRow(truth, n, best.x), n).U;
  if (!atMisreport.eq(value)) throw new InternalError(`best response: value ${value} but utility at the misreport is ${atMisreport}`);
  const truthful = utility(mech, truth, truth, n).U;
  if (!truthful.eq(startValue.add(constant))) {
    throw new InternalError(`best response: utility at the truth ${truthful} but the decomposition gives ${startValue.add(constant)}`);
  }
  const gain = value.sub(truthful);
  if (gain.sign() < 0) throw new InternalError(`best response: the maximum ${value} is below the truthful utility ${truthful}`);
  return {
    value,
    misreport: best.x,
    truthful,
    gain,
    cells: stats.cellsPerDate.reduce((a, b) => a + b, 0),
    lps: lp.lps,
    stats,
  };
}

/** Branch and bound over the dates of the linked problem (maximization; see the header, 2). */
function linkedSearch(p: BestResponseProblem, blocks: readonly CellBlock[][], start: Incumbent, prune: boolean, stats: BestResponseStats): Incumbent {
  const { model, order, n } = p;
  const T = model.T;
  const I = model.econ.I;
  const { L, U } = p.coupling as { L: readonly Q[]; U: readonly Q[] };
  let best = start;

  // A cheap second candidate: each date's best cell maximizer, if it is in Ωⁿ.
  const tops = blocks.map((bs) => ((bs[0] as CellBlock).argmax as Q[]).slice());
  if (inTypeSpaceRow(model, n, tops)) {
    const v = definitionTotal(p, tops);
    if (v.gt(best.value)) best = { value: v, x: tops };
  }

  const orderOfDates = blocks.map((_, t) => t).sort((a, b) => (blocks[a] as CellBlock[]).length - (blocks[b] as CellBlock[]).length);
  const dateAt = (k: number): CellBlock[] => blocks[orderOfDates[k] as number] as CellBlock[];
  const suffixMax = new Array<Q>(T + 1).fill(Q.ZERO);
  for (let k = T - 1; k >= 0; k--) suffixMax[k] = (suffixMax[k + 1] as Q).add((dateAt(k)[0] as CellBlock).max);
  const chosen: CellBlock[] = [];

  // Minimization form: c·z + constNeg = −(Σ_fixed h_t + Σ_free M_s).
  const nodeLp = (k: number, leaf: boolean): { lp: SmallLp; constNeg: Q; offsets: number[] } => {
    const { lp, constant, offsets } = stackDateBlocks(chosen.slice(0, k), I, U, L, leaf, (suffixMax[k] as Q).neg());
    return { lp, constNeg: constant, offsets };
  };

  const visit = (k: number): void => {
    const leaf = k === T;
    if (!(k >= 2 || leaf)) {
      descend(k);
      return;
    }
    stats.nodes++;
    const { lp, constNeg, offsets } = nodeLp(k, leaf);
    // Prune iff min c·z ≥ −best − constNeg, i.e. the bound Σ_fixed + Σ_free ≤ best.
    const cutoff = prune ? best.value.neg().sub(constNeg) : null;
    const r = boundLp(lp, cutoff, leaf, stats.lp);
    if (r.kind === "pruned") return;
    if (!leaf) {
      descend(k);
      return;
    }
    if (r.kind !== "optimal") throw new InternalError("best response: leaf without an exact optimum");
    stats.leaves++;
    const lpValue = r.value.add(constNeg).neg();
    const x: Q[][] = new Array<Q[]>(T);
    let total = Q.ZERO;
    for (let j = 0; j < T; j++) {
      const t = orderOfDates[j] as number;
      const b = chosen[j] as CellBlock;
      const off = offsets[j] as number;
      const z = r.x.slice(off, off + b.nv);
      let cz = Q.ZERO;
      for (let v = 0; v < b.nv; v++) if (!(b.c[v] as Q).isZero()) cz = cz.add((b.c[v] as Q).mul(z[v] as Q));
      const dateLp = cz.add(b.constant).neg();
      const xt = z.slice(0, I);
      x[t] = xt;
      total = total.add(checkAtPoint(model, order, p.dates[t] as DateProblem, n, b.cell as Cell, xt, dateLp));
    }
    if (!total.eq(lpValue)) throw new InternalError(`best response: leaf LP value ${lpValue} but Σ_t h_t = ${total} at its point`);
    if (!inTypeSpaceRow(model, n, x) || x.some((xt) => xt.some((v) => v.sign() < 0))) throw new InternalError("best response: a leaf point outside Ωⁿ");
    if (total.gt(best.value)) best = { value: total, x };
  };
  const descend = (k: number): void => {
    for (const b of dateAt(k)) {
      // Depth-1 bound without an LP: this cell's maximum plus the other dates' maxima (sorted: break).
      if (prune && k === 0 && b.max.add(suffixMax[1] as Q).le(best.value)) break;
      chosen[k] = b;
      visit(k + 1);
    }
    chosen.length = k;
  };
  visit(0);
  return best;
}
