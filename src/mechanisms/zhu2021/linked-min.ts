/**
 * The exact, certified global minimum inside the linked VCG transfer of zhu2021 §4:
 *     lWⁿ(μ) = uWⁿ([μ]) − min_{x ∈ Ωⁿ(T, μ_, μ̄)} uWⁿ([μ]^{−n}, x),
 *     Ωⁿ = {x ∈ [0, ∞)^{T×I} : T·μ_ⁿ ≤ Σ_t x_t ≤ T·μ̄ⁿ}.
 *
 * THE FUNCTION. With the others' reports fixed, uWⁿ(μ^{−n}, x) = Σ_t β^{t−T} g_t(x_t): ordA and
 * p-ordA at date t read the date-t column only, so the objective is separable across dates, and the
 * dates are coupled only through the linear constraint on Σ_t x_t. Each g_t is continuous and
 * piecewise linear but neither convex nor concave (v(q̄, ·) is concave in the total endowment; agent
 * n's share, subtracted, is a clipped piecewise-linear function), so local descent is wrong in
 * general (the test file has a hand-computed trap).
 *
 * THE METHOD.
 *  1. Regions and pieces (linked-min-cells.ts). For each date the box B = [0, U], U = T·μ̄ⁿ (the
 *     projection of Ωⁿ on one date), is covered by polyhedral regions — optimal knapsack bases with
 *     nonbasic statuses — on each of which α(x) is affine and
 *         g_t(x) = base(x) + Σ_{served basic j} min(α_j(x), max(a_j, α_j(x) − x_j)).
 *     The only nonconvexity left on a region is the outer min (concave); a PIECE picks one argument
 *     per branch type, so each piece is convex on its region (affine plus maxima, written in an LP by
 *     epigraph variables), every piece is ≥ g_t on its region, and the least piece equals g_t. The file
 *     header there argues why the regions cover B. Each region's formula is compared with g_t computed
 *     by the definition (allocateDate + one knapsack per player) at a strict interior point.
 *     Compared with cutting every region further into polyhedral "regimes" of agent n's share (s = 0,
 *     s = α − a, s = x), the convex argument needs no polyhedra and no LPs to enumerate, and the
 *     search branches two ways (often one, by exact dominance) instead of three per basic type.
 *  2. Exact piece minima m_{t,k} = min of β^{t−T}·piece over its region (exact LP), m_t = min_k m_{t,k}
 *     (= min of β^{t−T} g_t over B).
 *  3. Branch and bound over the dates (dates with fewer pieces first, pieces in increasing order of
 *     their minima, depth first). A node fixes pieces for the first k dates of that order. Its bound
 *     is one LP: minimize Σ_{fixed} β^{t−T}·piece_t(x_t) over the fixed regions with the coupling
 *     Σ_{fixed} x_t ≤ U (valid: the other dates' reports are ≥ 0), plus Σ_{free} m_s (valid: each free
 *     date's term is at least its minimum over B). At depth 1 the bound is m_{t,k} + Σ_{free} m_s with
 *     no LP. (A Lagrangian bound for the free dates, with the coupling's multipliers, was tried: with
 *     pieces it saved ~5% of the nodes and cost ~10% more LPs, so it is not used.) At a leaf (all dates fixed) the LP carries the full coupling L ≤ Σ_t x_t ≤ U; its minimum is
 *     ≥ the minimum of uWⁿ over that product of regions ∩ Ωⁿ, with equality for the right pieces.
 *     A node is pruned when its bound is ≥ the incumbent.
 *  4. Every incumbent is uWⁿ evaluated by the definition (one g_t per date) at an exact point of Ωⁿ:
 *     a leaf LP's optimum. There each region's formula must equal the definition (checked), and the
 *     leaf value must be ≥ it (checked). The final minimizer is evaluated once more through
 *     unlinkedTransfers itself.
 *
 * WHY THE ANSWER IS CERTIFIED. Lower bound: every x ∈ Ωⁿ lies, date by date, in some region, and
 * the least piece there equals g_t(x_t), so some leaf LP has a feasible point with objective uWⁿ(x);
 * every leaf is either solved exactly or lies under a node pruned by an exact proof that its subtree's
 * LPs are ≥ the incumbent (an exact weak-duality bound or an exact LP optimum, linked-min-lp.ts). So
 * min over Ωⁿ ≥ incumbent. Upper bound: the incumbent is the exact value at an actual point of Ωⁿ.
 * Lower bound = upper bound = `value`. The LPs are searched in doubles, but no floating-point number
 * decides anything: each is re-proved over Q, falling back to the certified general solver of
 * src/lp when a float-derived certificate does not check.
 */
import { InternalError, InputError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import { withRow, type Profile, type RepeatedModel } from "../../models/zhu2021/repeated.js";
import type { Order } from "./allocation.js";
import { dateSetup, enumerateRegions, piecesOf, regionValue, trueDateValue, type DateSetup, type Piece } from "./linked-min-cells.js";
import { boundLp, newLpStats, solveExact, stackDateBlocks, type DateBlockLp, type Halfspace, type LpStats, type SmallLp } from "./linked-min-lp.js";
import { unlinkedTransfers } from "./vcg.js";

export interface LinkedMinimum {
  /** Exact min over x ∈ Ωⁿ(T, μ_, μ̄) of uWⁿ(μ^{−n}, x). */
  value: Q;
  /** A T×I report row attaining it (unlinkedTransfers at (μ^{−n}, minimizer) gives `value` for agent n). */
  minimizer: Q[][];
  /** Pieces over all dates (what the branch and bound branches on; see the header). */
  cells: number;
  /** LPs searched (region interior tests, dominance and piece minima, branch-and-bound nodes). */
  lps: number;
  /** Details for benchmarks and tests. */
  stats: LinkedMinStats;
}

export interface LinkedMinStats {
  readonly regionsPerDate: number[];
  readonly piecesPerDate: number[];
  /** Polyhedra tested while enumerating regions. */
  candidates: number;
  /** Branch-and-bound nodes whose LP was solved. */
  nodes: number;
  /** Leaves whose exact optimum was computed. */
  leaves: number;
  readonly lp: LpStats;
}

/** A piece as an LP block over its own variables: x (I), then one epigraph variable per PF branch. */
/** A piece's block of the node LP; the objective is already weighted by β^{t−T}. */
interface PieceBlock extends DateBlockLp {
  readonly piece: Piece;
  /** Exact min of the weighted piece over its region. */
  min: Q;
}

interface DateData {
  readonly setup: DateSetup;
  /** Sorted by `min`. */
  readonly blocks: PieceBlock[];
  /** m_t. */
  readonly min: Q;
}

function checkArgs(model: RepeatedModel, reports: Profile, n: number): void {
  const { N, T, econ } = model;
  if (!Number.isInteger(n) || n < 0 || n >= N) throw new InputError("n", `agent index must be in 0..${N - 1}, got ${n}`);
  if (reports.length !== N) throw new InputError("reports", `expected ${N} agents, got ${reports.length}`);
  reports.forEach((row, m) => {
    if (row.length !== T) throw new InputError(`reports[${m}]`, `expected ${T} dates, got ${row.length}`);
    row.forEach((x, t) => {
      if (x.length !== econ.I) throw new InputError(`reports[${m}][${t}]`, `expected ${econ.I} types, got ${x.length}`);
      if (m !== n && x.some((v) => v.sign() < 0)) throw new InputError(`reports[${m}][${t}]`, "reports must be nonnegative");
    });
  });
  const lo = model.muLow[n] as readonly Q[], hi = model.muHigh[n] as readonly Q[];
  for (let i = 0; i < econ.I; i++) {
    if ((lo[i] as Q).sign() < 0 || (lo[i] as Q).gt(hi[i] as Q)) throw new InputError(`muLow[${n}][${i}]`, "needs 0 ≤ μ_ ≤ μ̄");
  }
}

/** The domain Ωⁿ in the form the search uses: per-date box [0, U] and total in [L, U]. */
function bounds(model: RepeatedModel, n: number): { U: Q[]; L: Q[] } {
  const TQ = Q.of(model.T);
  return {
    U: (model.muHigh[n] as readonly Q[]).map((h) => h.mul(TQ)),
    L: (model.muLow[n] as readonly Q[]).map((l) => l.mul(TQ)),
  };
}

function pieceBlock(piece: Piece, weight: Q, U: readonly Q[]): Omit<PieceBlock, "min"> {
  const I = U.length;
  const { region, choice } = piece;
  const pf = region.branches.filter((_, k) => choice[k] === "PF");
  const nv = I + pf.length;
  const xc = region.base.a.slice();
  let constant = region.base.b;
  region.branches.forEach((br, k) => {
    if (choice[k] !== "Z") return;
    for (let i = 0; i < I; i++) xc[i] = (xc[i] as Q).add(br.alpha.a[i] as Q);
    constant = constant.add(br.alpha.b);
  });
  const c = [...xc.map((v) => v.mul(weight)), ...pf.map(() => weight)];
  const pad = (a: readonly Q[]): Q[] => [...a, ...pf.map(() => Q.ZERO)];
  const rows: Halfspace[] = region.rows.map((h) => ({ a: pad(h.a), b: h.b }));
  pf.forEach((br, k) => {
    // α_j(x) − x_j − z_k ≤ 0 (and z_k ≥ a_j as a bound): z_k ≥ max(a_j, α_j − x_j).
    const a = pad(br.alpha.a);
    a[br.type] = (a[br.type] as Q).sub(Q.ONE);
    a[I + k] = Q.MINUS_ONE;
    rows.push({ a, b: br.alpha.b.neg() });
  });
  return {
    piece,
    nv,
    c,
    constant: constant.mul(weight),
    rows,
    lo: [...U.map(() => Q.ZERO), ...pf.map((br) => br.above)],
    hi: [...U, ...pf.map((br) => br.zMax)],
  };
}

/** One block alone as an LP. */
function blockLp(b: Omit<PieceBlock, "min">): SmallLp {
  return { n: b.nv, c: b.c, rows: b.rows, lo: b.lo, hi: b.hi };
}

export interface LinkedMinOptions {
  /**
   * false: no pruning at all — every leaf (product of pieces) is solved exactly. Slow; for tests of
   * the pruning (its value must be the same). Default true.
   */
  readonly prune?: boolean;
}

export function linkedMinimum(model: RepeatedModel, order: Order, reports: Profile, n: number, options: LinkedMinOptions = {}): LinkedMinimum {
  checkArgs(model, reports, n);
  const prune = options.prune ?? true;
  const { T, econ } = model;
  const I = econ.I;
  const { U, L } = bounds(model, n);
  const lpStats = newLpStats();
  const stats: LinkedMinStats = { regionsPerDate: [], piecesPerDate: [], candidates: 0, nodes: 0, leaves: 0, lp: lpStats };

  // 1–2. Regions, pieces, exact piece minima.
  const dates: DateData[] = [];
  for (let t = 0; t < T; t++) {
    const setup = dateSetup(model, order, reports, n, t);
    const cs = { candidates: 0, lp: lpStats };
    const regions = enumerateRegions(model, order, setup, n, U, cs);
    stats.candidates += cs.candidates;
    if (regions.length === 0) throw new InternalError(`linked minimum: no region covers date ${t + 1}`);
    const blocks: PieceBlock[] = piecesOf(regions).map((piece) => {
      const b = pieceBlock(piece, setup.weight, U);
      const r = solveExact(blockLp(b), lpStats);
      if (r.status !== "optimal") throw new InternalError("linked minimum: a region with an interior point has an infeasible piece LP");
      return { ...b, min: r.value.add(b.constant) };
    });
    blocks.sort((a, b) => a.min.cmp(b.min));
    dates.push({ setup, blocks, min: (blocks[0] as PieceBlock).min });
    stats.regionsPerDate.push(regions.length);
    stats.piecesPerDate.push(blocks.length);
  }

  // 3. Branch and bound over dates, fewest pieces first.
  const orderOfDates = dates.map((_, t) => t).sort((a, b) => (dates[a] as DateData).blocks.length - (dates[b] as DateData).blocks.length);
  const dateAt = (k: number): DateData => dates[orderOfDates[k] as number] as DateData;
  const suffixOf = (vals: readonly Q[]): Q[] => {
    const s = new Array<Q>(T + 1).fill(Q.ZERO);
    for (let k = T - 1; k >= 0; k--) s[k] = (s[k + 1] as Q).add(vals[k] as Q);
    return s;
  };
  const suffixMin = suffixOf(orderOfDates.map((t) => (dates[t] as DateData).min));

  let best: { value: Q; x: Q[][] } | null = null;
  const chosen: PieceBlock[] = [];

  /** The LP of a node with k fixed dates (a leaf when k = T). */
  const nodeLp = (k: number, leaf: boolean) => stackDateBlocks(chosen.slice(0, k), I, U, L, leaf, suffixMin[k] as Q); // the free dates: Σ m_s

  const visit = (k: number): void => {
    const leaf = k === T;
    if (k >= 2 || leaf) {
      stats.nodes++;
      const { lp, constant, offsets } = nodeLp(k, leaf);
      const cutoff = best === null || !prune ? null : best.value.sub(constant);
      const r = boundLp(lp, cutoff, leaf, lpStats);
      if (r.kind === "pruned") return;
      if (!leaf) {
        descend(k);
        return;
      }
      if (r.kind !== "optimal") throw new InternalError("linked minimum: leaf without an exact optimum");
      stats.leaves++;
      const lpValue = r.value.add(constant);
      const x: Q[][] = new Array<Q[]>(T);
      let truth = Q.ZERO;
      for (let j = 0; j < T; j++) {
        const t = orderOfDates[j] as number;
        const d = dates[t] as DateData;
        const xt = r.x.slice(offsets[j] as number, (offsets[j] as number) + I);
        x[t] = xt;
        const g = trueDateValue(model, order, d.setup, n, xt);
        // Validation: the region's formula is the definition at the leaf's point.
        const f = regionValue((chosen[j] as PieceBlock).piece.region, xt);
        if (!f.eq(g)) throw new InternalError(`linked minimum: region formula ${f} but g_${t + 1} = ${g} at (${xt.join(", ")})`);
        truth = truth.add(d.setup.weight.mul(g));
      }
      if (truth.gt(lpValue)) throw new InternalError(`linked minimum: leaf LP value ${lpValue} below uWⁿ = ${truth} at its point`);
      if (best === null || truth.lt(best.value)) best = { value: truth, x };
      return;
    }
    descend(k);
  };
  const descend = (k: number): void => {
    for (const b of dateAt(k).blocks) {
      // Depth-1 bound without an LP: this piece's minimum plus the other dates' minima.
      if (prune && k === 0 && best !== null && b.min.add(suffixMin[1] as Q).ge(best.value)) break; // sorted by min
      chosen[k] = b;
      visit(k + 1);
    }
    chosen.length = k;
  };
  visit(0);
  if (best === null) throw new InternalError("linked minimum: no leaf is feasible although Ωⁿ is nonempty");
  const found = best as { value: Q; x: Q[][] };

  // 4. The final certificate of the upper bound: uWⁿ by unlinkedTransfers at the minimizer.
  const check = unlinkedTransfers(model, withRow(reports, n, found.x), order)[n] as Q;
  if (!check.eq(found.value)) throw new InternalError(`linked minimum: value ${found.value} but unlinkedTransfers gives ${check}`);
  return {
    value: found.value,
    minimizer: found.x,
    cells: stats.piecesPerDate.reduce((a, b) => a + b, 0),
    lps: lpStats.lps,
    stats,
  };
}

/**
 * Brute force over a regular grid of Ωⁿ: x_ti ∈ {0, h_i, 2h_i, …, steps·h_i} with h_i = T·μ̄ⁿ_i / steps,
 * and T·μ_ⁿ ≤ Σ_t x_t ≤ T·μ̄ⁿ. Every grid point lies in Ωⁿ, so the result is an upper bound on the
 * true minimum. g_t is computed by the definition at each date's grid points, then the dates are
 * combined by an exact dynamic program over the integer partial sums (separability).
 */
export function gridMinimum(model: RepeatedModel, order: Order, reports: Profile, n: number, steps: number): { value: Q; minimizer: Q[][] } {
  checkArgs(model, reports, n);
  if (!Number.isInteger(steps) || steps < 1) throw new InputError("steps", `must be a positive integer, got ${steps}`);
  const { T, econ } = model;
  const I = econ.I;
  const { U, L } = bounds(model, n);
  const stepsQ = Q.of(steps);
  const h = U.map((u) => u.div(stepsQ));
  // Per type: the largest multiple count (0 when U_i = 0) and the least total count.
  const maxK = U.map((u) => (u.sign() > 0 ? steps : 0));
  const minTotal = L.map((l, i) => ((h[i] as Q).sign() > 0 ? Number(l.div(h[i] as Q).ceil().num) : 0));
  const radix = maxK.map((m) => m + 1);
  const size = radix.reduce((a, b) => a * b, 1);
  const decode = (code: number): number[] => {
    const k: number[] = [];
    for (let i = 0; i < I; i++) {
      k.push(code % (radix[i] as number));
      code = Math.floor(code / (radix[i] as number));
    }
    return k;
  };
  const encode = (k: readonly number[]): number => {
    let code = 0;
    for (let i = I - 1; i >= 0; i--) code = code * (radix[i] as number) + (k[i] as number);
    return code;
  };
  const points = Array.from({ length: size }, (_, c) => decode(c));
  const pointQ = points.map((k) => k.map((kk, i) => (h[i] as Q).mul(Q.of(kk))));
  // DP: state = componentwise partial sums of counts (each ≤ maxK_i, by the upper coupling).
  let layer = new Map<number, { value: Q; path: number[] }>([[0, { value: Q.ZERO, path: [] }]]);
  for (let t = 0; t < T; t++) {
    const setup = dateSetup(model, order, reports, n, t);
    const vals = pointQ.map((x) => setup.weight.mul(trueDateValue(model, order, setup, n, x)));
    const next = new Map<number, { value: Q; path: number[] }>();
    for (const [code, st] of layer) {
      const s = decode(code);
      points.forEach((k, pc) => {
        const sum = s.map((v, i) => v + (k[i] as number));
        if (sum.some((v, i) => v > (maxK[i] as number))) return;
        const key = encode(sum);
        const value = st.value.add(vals[pc] as Q);
        const cur = next.get(key);
        if (cur === undefined || value.lt(cur.value)) next.set(key, { value, path: [...st.path, pc] });
      });
    }
    layer = next;
  }
  let bestV: { value: Q; path: number[] } | null = null;
  for (const [code, st] of layer) {
    const s = decode(code);
    if (s.some((v, i) => v < (minTotal[i] as number))) continue;
    if (bestV === null || st.value.lt(bestV.value)) bestV = st;
  }
  if (bestV === null) throw new InternalError("grid minimum: no grid point satisfies the average constraint");
  return { value: bestV.value, minimizer: bestV.path.map((pc) => (pointQ[pc] as Q[]).slice()) };
}
