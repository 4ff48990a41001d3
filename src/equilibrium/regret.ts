/**
 * The regret Rⁿ_t(ωⁿ|_t) of zhu2022 §2.4, exactly (certified bounds), for the statistical mechanism
 * the papers use: the single-resource linked VCG composed with the Lemma 1 retraction.
 *
 *   Rⁿ_t(ωⁿ|_t) = max over ω̃ (ω̃ⁿ|_t = ωⁿ|_t) and ω̂ⁿ (ω̂ⁿ|_{t−1} = ωⁿ|_{t−1}) of
 *                 Σ_{s≥t} β^{s−t} [uⁿ_s(M*∘[ω̂ⁿ, ω̃⁻ⁿ]) − uⁿ_s(M*∘[ω̃])]   at the true ω̃ⁿ.
 *
 * RANGES. The paper maximizes over all of Ω; on a finite model the true types range over the
 * supports: agent n's continuations are the leaves of his tree below the node, the others' types
 * the leaves of theirs (every combination). Misreports range over all of Ωⁿ, as written.
 *
 * WHAT A MISREPORT CAN REACH. With the stopping-time retraction of typespace/single-resource.ts,
 * {[ω̂ⁿ] : ω̂ⁿ|_{t−1} = p} is exactly Ω*ⁿ ∩ {y : y|_{t−1} = p} when p can still be completed into
 * Ω*ⁿ (members of Ω* are their own retraction; every other ω̂ⁿ is sent to a member completing one of
 * its prefixes), and the single point [p…] when it cannot (then nothing the agent says matters:
 * R = 0). Dates before t cancel, so the gain of a report y is Σ_{s≥t} β^{s−t}(g_s(y_s) − g_s([ω̃ⁿ]_s))
 * (regret-terms.ts), and its maximum over the reachable polytope is certified by the exact linked-min
 * optimizer on the shortfall terms. A truth ω̃ⁿ ∈ Ω*ⁿ is itself reachable and optimal: gain ≤ 0.
 *
 * SEARCH. R is a maximum over finitely many (continuation, others) pairs of a certified maximum.
 * Every pair has an exact cheap bound — the unconstrained optimum Σ β(U_s − g_s([ω̃ⁿ]_s)); pairs are
 * solved best bound first until the largest unsolved bound cannot beat the best certified gain
 * (or until the caller's question about [lo, hi] is answered). R ≥ 0 always (the truth is a report).
 */
import { InputError, requireAgent } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { solveLP, type LpRow } from "../lp/index.js";
import { betaPow, type SingleResourceModel } from "../models/single-resource/model.js";
import { argminF, certifiedMin, dyadic, innerBound } from "../mechanisms/single-resource/linked-min.js";
import type { DateTerm } from "../mechanisms/single-resource/date-terms.js";
import { leaves, type ProcessTree } from "../probability/tree.js";
import { completion, contains, inPiece, pieces, retract, type OmegaStar, type Piece } from "../typespace/single-resource.js";
import { ascend } from "./regret-ascent.js";
import { dateOptimum, dateUtility, dateUtilityFloat, underreportTerm } from "./regret-terms.js";

export interface RegretProblem {
  readonly model: SingleResourceModel;
  readonly omegaStar: OmegaStar;
  /** One endowment process per agent, all with T = model.T. */
  readonly trees: readonly ProcessTree[];
}

export interface RegretWitness {
  /** Agent n's true type ω̃ⁿ: a leaf below the node. */
  readonly continuation: readonly Q[];
  /** The others' true types ω̃⁻ⁿ (leaves of their trees), in agent order without n. */
  readonly others: readonly (readonly Q[])[];
  /** The misreport ω̂ⁿ: a member of Ω*ⁿ agreeing with ωⁿ before t (so [ω̂ⁿ] = ω̂ⁿ). */
  readonly misreport: readonly Q[];
  /** Its exact gain, in date-t terms. */
  readonly gain: Q;
}

export interface RegretBounds {
  readonly lo: Q;
  readonly hi: Q;
  readonly status: "certified" | "inconclusive";
  /** The pair attaining lo (null when lo = 0 comes from telling the truth). */
  readonly witness: RegretWitness | null;
  /** Pairs solved by the certified optimizer. */
  readonly solved: number;
  readonly how: string;
}

export interface RegretOptions {
  /** Relative target for hi − lo (default 1e-9). */
  readonly tol?: Q;
  /** Stop as soon as this returns true for the current [lo, hi] (e.g. a reasonable-strategy test is decided). */
  readonly enough?: (lo: Q, hi: Q) => boolean;
}

const DEFAULT_TOL = Q.of(1, 1_000_000_000);
/** Others' type combinations beyond which the exact search is refused (an input limit, not a heuristic). */
export const MAX_OTHER_PROFILES = 200_000;

export interface OthersProfile {
  readonly O: readonly Q[];
  readonly leaves: readonly (readonly Q[])[];
}

export interface LeafInfo {
  readonly path: readonly Q[];
  readonly inside: boolean;
  readonly retracted: readonly Q[];
}

/** Per-agent data shared by every node of his tree. */
export interface RegretContext {
  readonly problem: RegretProblem;
  readonly n: number;
  readonly others: readonly OthersProfile[];
  readonly leaves: readonly LeafInfo[];
  readonly pieces: readonly Piece[];
}

export function regretContext(problem: RegretProblem, n: number): RegretContext {
  const { model, omegaStar, trees } = problem;
  if (trees.length !== model.N) throw new InputError("trees", `expected N = ${model.N} trees (got ${trees.length})`);
  trees.forEach((t, m) => {
    if (t.T !== model.T) throw new InputError(`trees[${m}].T`, `must equal T = ${model.T} (got ${t.T})`);
  });
  requireAgent(n, model.N);
  const otherLeaves = trees.flatMap((t, m) => (m === n ? [] : [leaves(t).map((l) => ({ path: l.path, r: retract(omegaStar, l.path) }))]));
  const count = otherLeaves.reduce((c, ls) => c * ls.length, 1);
  if (count > MAX_OTHER_PROFILES) throw new InputError("trees", `the others' supports have ${count} type combinations; the exact regret handles at most ${MAX_OTHER_PROFILES}`);
  // distinct totals O = Σ_{m≠n} [ω̃ᵐ] (the gain depends on the others through O only)
  const byKey = new Map<string, OthersProfile>();
  const walk = (m: number, O: Q[], chosen: (readonly Q[])[]) => {
    if (m === otherLeaves.length) {
      const key = O.join(",");
      if (!byKey.has(key)) byKey.set(key, { O, leaves: chosen });
      return;
    }
    for (const l of otherLeaves[m]!) walk(m + 1, O.map((o, s) => o.add(l.r[s]!)), [...chosen, l.path]);
  };
  walk(0, Array.from({ length: model.T }, () => Q.ZERO), []);
  const own = leaves(trees[n]!).map((l) => {
    const inside = contains(omegaStar, l.path);
    return { path: l.path, inside, retracted: inside ? l.path : retract(omegaStar, l.path) };
  });
  return { problem, n, others: [...byKey.values()], leaves: own, pieces: pieces(omegaStar, model.T) };
}

export const samePrefix = (a: readonly Q[], b: readonly Q[], k: number) => {
  for (let s = 0; s < k; s++) if (!a[s]!.eq(b[s]!)) return false;
  return true;
};

/** A reachable piece with the range of each coordinate over it (exact LPs; u null: unbounded). */
export interface ReachPiece {
  readonly piece: Piece;
  readonly l: readonly Q[];
  readonly u: readonly (Q | null)[];
  /** max Σ_s y_s over the piece (null: unbounded), for the one-multiplier bound. */
  readonly sMax: Q | null;
  /** min Σ_s y_s over the piece (the float twin's search range). */
  readonly sMin: Q;
}

/** The pieces of Ω*ⁿ ∩ {y|_{k} = p}: the reachable reports; [] when p has no completion. */
export function reachable(ctx: RegretContext, p: readonly Q[]): ReachPiece[] {
  const T = ctx.problem.model.T;
  const unit = (s: number) => Array.from({ length: T }, (_, r) => (r === s ? Q.ONE : Q.ZERO));
  const fix: LpRow[] = p.map((v, s) => ({ a: unit(s), op: "=", b: v }));
  return ctx.pieces
    .filter((pc) => completion(pc, T, p) !== null)
    .map((pc) => {
      const piece = { rows: [...pc.rows, ...fix] };
      const l: Q[] = [], u: (Q | null)[] = [];
      for (let s = 0; s < T; s++) {
        const lo = solveLP({ sense: "min", c: unit(s), rows: piece.rows });
        const hi = solveLP({ sense: "max", c: unit(s), rows: piece.rows });
        l.push(lo.status === "optimal" ? lo.value : Q.ZERO);
        u.push(hi.status === "optimal" ? hi.value : null);
      }
      const ones = Array.from({ length: T }, () => Q.ONE);
      const sum = solveLP({ sense: "max", c: ones, rows: piece.rows });
      const low = solveLP({ sense: "min", c: ones, rows: piece.rows });
      return { piece, l, u, sMax: sum.status === "optimal" ? sum.value : null, sMin: low.status === "optimal" ? low.value : Q.ZERO };
    });
}

interface Pair {
  readonly leaf: LeafInfo;
  readonly other: OthersProfile;
  /** Σ_{s≥t} β^{s−t}(U_s − g_s([ω̃ⁿ]_s)): the gain if the truth itself were reachable. */
  readonly bound: Q;
  /** min(bound, the coordinate-box bound): what the pair can still be worth before it is solved. */
  readonly cap: Q;
}

/**
 * Certified bounds on one pair's largest gain over the reachable pieces, and the exact point of lo.
 * Per piece, hi is the smaller of the pair's cap and the exact linked-min optimizer's bound on the
 * underreporting relaxation h̄ ≤ h (regret-terms.ts); lo is the exact gain at the best point of a
 * local ascent (regret-ascent.ts) started from that optimizer's point and from [ω̃ⁿ].
 */
/** The underreporting relaxation's terms h̄_s of one pair (zero before date t: those dates are fixed). */
function pairTerms(model: SingleResourceModel, t: number, pair: Pair): DateTerm[] {
  const w = pair.leaf.path, O = pair.other.O;
  const disc = (s: number) => betaPow(model.beta, s - (t - 1));
  return Array.from({ length: model.T }, (_, s) => (s < t - 1 ? underreportTerm(model, w[s]!, Q.ZERO, Q.ZERO) : underreportTerm(model, w[s]!, O[s]!, disc(s))));
}

/**
 * A cheap certified bound between the cap and a full solve: weak duality with one multiplier μ ≥ 0
 * on Σ_s y_s ≤ S_max, over the coordinate box of each reachable piece,
 *   min_piece Σ h̄_s(y_s) ≥ Σ_s min_{[l_s, u_s]} (h̄_s(y) + μy) − μ·S_max,
 * each inner minimum bounded exactly (innerBound: tangents around the float minimizer). μ = 0 is
 * the coordinate-box bound the cap already uses; the window's sum coupling is what μ > 0 adds. μ is
 * placed by a float golden-section search (any μ ≥ 0 gives a valid bound).
 */
function lagrangeCap(reach: readonly ReachPiece[], pair: Pair, terms: readonly DateTerm[]): Q {
  let worst: Q | null = null;
  for (const rp of reach) {
    if (rp.sMax === null || rp.u.some((u) => u === null)) return pair.cap;
    const l = rp.l.map((v) => v.toNumber()), u = rp.u.map((v) => (v as Q).toNumber()), sMax = rp.sMax.toNumber();
    const LF = (mu: number) => terms.reduce((acc, h, s) => {
      const y = argminF(h, mu, l[s]!, u[s]!);
      return acc + h.valueF(y) + mu * y;
    }, 0) - mu * sMax;
    const muHi = Math.max(0, ...terms.map((h, s) => -h.slopeF(l[s]!)));
    // L(μ) is concave: golden section for its max on [0, μ_hi], coarser than the linked minimum's
    // brentMinF (any μ ≥ 0 gives a valid bound, and this runs for many pairs)
    let a = 0, b = muHi;
    const gr = (Math.sqrt(5) - 1) / 2;
    let c = b - gr * (b - a), d = a + gr * (b - a), fc = LF(c), fd = LF(d);
    for (let i = 0; i < 40 && b - a > 1e-12 * Math.max(1, b); i++) {
      if (fc >= fd) {
        b = d; d = c; fd = fc; c = b - gr * (b - a); fc = LF(c);
      } else {
        a = c; c = d; fc = fd; d = a + gr * (b - a); fd = LF(d);
      }
    }
    const mu = dyadic(Math.max(0, (a + b) / 2), 30);
    let L = mu.mul(rp.sMax).neg();
    for (let s = 0; s < terms.length; s++) {
      const inner = innerBound(terms[s]!, mu, rp.l[s]!, rp.u[s] as Q, argminF(terms[s]!, mu.toNumber(), l[s]!, u[s]!), 2 ** -30);
      if (inner === null) return pair.cap;
      L = L.add(inner);
    }
    const hi = Q.min(pair.cap, pair.bound.sub(L));
    worst = worst === null ? hi : Q.max(worst, hi);
  }
  return worst ?? pair.cap;
}

function solvePair(ctx: RegretContext, reach: readonly ReachPiece[], t: number, pair: Pair, tol: Q, terms: readonly DateTerm[]): { lo: Q; hi: Q; y: Q[] } {
  const { model } = ctx.problem;
  const w = pair.leaf.path, O = pair.other.O, r = pair.leaf.retracted;
  const wF = w.map((v) => v.toNumber()), OF = O.map((v) => v.toNumber()), rF = r.map((v) => v.toNumber());
  const gF = dateUtilityFloat(model), bF = model.beta.toNumber();
  let best: { lo: Q; hi: Q; y: Q[] } | null = null;
  for (const rp of reach) {
    const m = certifiedMin(terms, [rp.piece], { tol });
    // lo: local ascent (exactly feasible moves) from the optimizer's point and from [ω̃ⁿ] when it is in this piece
    const ascent = { piece: rp.piece, free: Array.from({ length: model.T - t + 1 }, (_, i) => t - 1 + i), gain: (y: readonly Q[]) => gainOf(model, t, w, O, r, y), gainF: (y: readonly number[]) => gainOfF(gF, bF, t, wF, OF, rF, y) };
    const starts = [m.argmin!, ...(inPiece(rp.piece, r) ? [r as Q[]] : [])];
    const { y, gain: lo } = starts.map((y0) => ascend(ascent, y0)).reduce((a, b) => (b.gain.gt(a.gain) ? b : a));
    const hi = Q.min(pair.cap, pair.bound.sub(m.lo));
    best = best === null ? { lo, hi, y } : { ...(lo.gt(best.lo) ? { lo, y } : { lo: best.lo, y: best.y }), hi: Q.max(best.hi, hi) };
  }
  return best!;
}

/** Σ_{s≥t} β^{s−t}(g_s(y_s) − g_s(r_s)) at the truth w and the others' totals O. */
export function gainOf(model: SingleResourceModel, t: number, w: readonly Q[], O: readonly Q[], r: readonly Q[], y: readonly Q[]): Q {
  let g = Q.ZERO;
  for (let s = t - 1; s < model.T; s++) g = g.add(betaPow(model.beta, s - (t - 1)).mul(dateUtility(model, w[s]!, O[s]!, y[s]!).sub(dateUtility(model, w[s]!, O[s]!, r[s]!))));
  return g;
}

/** gainOf in floats (guidance for the ascent). */
function gainOfF(g: (w: number, O: number, y: number) => number, beta: number, t: number, w: readonly number[], O: readonly number[], r: readonly number[], y: readonly number[]): number {
  let sum = 0;
  for (let s = t - 1; s < w.length; s++) sum += beta ** (s - (t - 1)) * (g(w[s]!, O[s]!, y[s]!) - g(w[s]!, O[s]!, r[s]!));
  return sum;
}

/**
 * Certified bounds on Rⁿ_t at the node with history `prefix` (length t ≥ 1) of agent n's tree.
 */
export function regretAt(ctx: RegretContext, prefix: readonly Q[], opts: RegretOptions = {}): RegretBounds {
  const { model } = ctx.problem;
  const t = prefix.length;
  if (t < 1 || t > model.T) throw new InputError("prefix", `a node at a date 1..T = ${model.T} (got length ${t})`);
  const tol = opts.tol ?? DEFAULT_TOL;
  const below = ctx.leaves.filter((l) => samePrefix(l.path, prefix, t));
  if (below.length === 0) throw new InputError("prefix", `no path of agent ${ctx.n + 1}'s tree starts with (${prefix.join(", ")})`);
  const zero = (how: string): RegretBounds => ({ lo: Q.ZERO, hi: Q.ZERO, status: "certified", witness: null, solved: 0, how });
  const outside = below.filter((l) => !l.inside);
  if (outside.length === 0) return zero("every continuation lies in Ω*ⁿ: telling the truth is ex-post optimal there");
  const reach = reachable(ctx, prefix.slice(0, t - 1));
  if (reach.length === 0) return zero("the history before t has no completion in Ω*ⁿ: the retraction no longer depends on the reports");
  const pairs = nodePairs(ctx, t, outside, reach);
  pairs.sort((a, b) => b.cap.cmp(a.cap));
  // Best first over each pair's current bound: its cap, then (once looked at) the one-multiplier
  // bound, then a full solve. Fresh pairs come from the sorted array; tightened ones wait in a list
  // kept sorted by their bound.
  let lo = Q.ZERO;
  let solvedHi = Q.ZERO;
  let witness: RegretWitness | null = null;
  let solved = 0;
  let k = 0;
  const waiting: { pair: Pair; bound: Q }[] = [];
  // a pair's terms (each holds an exact date optimum) are built once, for its bound and its solve
  const terms = new Map<Pair, DateTerm[]>();
  const termsOf = (p: Pair) => {
    let x = terms.get(p);
    if (!x) terms.set(p, (x = pairTerms(model, t, p)));
    return x;
  };
  const top = (): Q | null => {
    const a = k < pairs.length ? pairs[k]!.cap : null, b = waiting.length > 0 ? waiting[0]!.bound : null;
    return a === null ? b : b === null ? a : Q.max(a, b);
  };
  const hiNow = () => Q.max(Q.max(solvedHi, top() ?? Q.ZERO), lo);
  const done = () => {
    const hi = hiNow();
    return hi.sub(lo).le(tol.mul(Q.max(Q.ONE, hi.abs()))) || (opts.enough !== undefined && opts.enough(lo, hi));
  };
  while (top() !== null && !done()) {
    const fresh = waiting.length === 0 || (k < pairs.length && pairs[k]!.cap.ge(waiting[0]!.bound));
    const { pair, bound } = fresh ? { pair: pairs[k]!, bound: pairs[k]!.cap } : waiting[0]!;
    // the largest bound left: nothing unsolved can beat the best certified gain, or lower hi below a solved pair's
    if (bound.le(lo) || bound.le(solvedHi)) break;
    if (fresh) {
      k++;
      // The first pair is solved outright: one solve often decides (a large gain, a low bound).
      // Only when a comparison is all that is asked (enough): a full-precision regret solves the pairs anyway.
      const cap2 = solved === 0 || opts.enough === undefined ? bound : lagrangeCap(reach, pair, termsOf(pair));
      if (cap2.lt(bound)) {
        const at = waiting.findIndex((e) => e.bound.lt(cap2));
        waiting.splice(at < 0 ? waiting.length : at, 0, { pair, bound: cap2 });
        continue;
      }
    } else waiting.shift();
    const r = solvePair(ctx, reach, t, pair, tol, termsOf(pair));
    solved++;
    solvedHi = Q.max(solvedHi, Q.min(r.hi, bound));
    if (r.lo.gt(lo)) {
      lo = r.lo;
      witness = { continuation: pair.leaf.path, others: pair.other.leaves, misreport: r.y, gain: r.lo };
    }
  }
  const hi = hiNow();
  const certified = hi.sub(lo).le(tol.mul(Q.max(Q.ONE, hi.abs())));
  return { lo, hi, status: certified ? "certified" : "inconclusive", witness, solved, how: `${pairs.length} (continuation, others) pairs bounded exactly; ${solved} solved by the certified optimizer` };
}

/** The (continuation, others) pairs of a node, each with its exact bound and cap (unsorted). */
function nodePairs(ctx: RegretContext, t: number, outside: readonly LeafInfo[], reach: readonly ReachPiece[]): Pair[] {
  const { model } = ctx.problem;
  const others = nodeOthers(ctx, t);
  const pairs: Pair[] = [];
  for (const leaf of outside) {
    const opt = boundTables(model, t, leaf, reach);
    for (const other of others) {
      const { bound, cap } = opt(other.O);
      if (cap.sign() > 0) pairs.push({ leaf, other, bound, cap });
    }
  }
  return pairs;
}

/** The others' profiles that matter at date t: dates before t cancel from every gain, so profiles with the same totals from t on are one. */
export function nodeOthers(ctx: RegretContext, t: number): OthersProfile[] {
  const bySuffix = new Map<string, OthersProfile>();
  for (const o of ctx.others) {
    const key = o.O.slice(t - 1).join(",");
    if (!bySuffix.has(key)) bySuffix.set(key, o);
  }
  return [...bySuffix.values()];
}

/**
 * For tests: every pair of a node with its three upper bounds (cap, the one-multiplier bound, the
 * solved hi) and the solved lo. Soundness means lo ≤ each upper bound.
 */
export function pairStages(ctx: RegretContext, prefix: readonly Q[]): { cap: Q; lagrange: Q; lo: Q; hi: Q }[] {
  const t = prefix.length;
  const reach = reachable(ctx, prefix.slice(0, t - 1));
  if (reach.length === 0) return [];
  const outside = ctx.leaves.filter((l) => samePrefix(l.path, prefix, t) && !l.inside);
  return nodePairs(ctx, t, outside, reach).map((pair) => {
    const terms = pairTerms(ctx.problem.model, t, pair);
    const r = solvePair(ctx, reach, t, pair, DEFAULT_TOL, terms);
    return { cap: pair.cap, lagrange: lagrangeCap(reach, pair, terms), lo: r.lo, hi: r.hi };
  });
}

/**
 * O ↦ the pair's two exact bounds, memoized per (date, value of O_s) since totals repeat across
 * profiles: bound = Σ_{s≥t} β^{s−t}(U_s − g_s([ω̃ⁿ]_s)) (the truth reachable), and cap = min(bound,
 * max over reachable pieces of the coordinate-box bound — g is unimodal with its peak at the truth,
 * so a date's best over [l_s, u_s] is at the point of the range nearest w_s).
 */
function boundTables(model: SingleResourceModel, t: number, leaf: LeafInfo, reach: readonly ReachPiece[]): (O: readonly Q[]) => { bound: Q; cap: Q } {
  const w = leaf.path, r = leaf.retracted;
  const memo = new Map<string, Q>();
  const cached = (key: string, make: () => Q) => {
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = make()));
    return v;
  };
  const disc = (s: number) => betaPow(model.beta, s - (t - 1));
  const base = (s: number, o: Q) => cached(`r${s}:${o}`, () => dateUtility(model, w[s]!, o, r[s]!));
  const free = (s: number, o: Q) => cached(`u${s}:${o}`, () => disc(s).mul(dateOptimum(model, w[s]!, o).sub(base(s, o))));
  const boxed = (k: number, s: number, o: Q) =>
    cached(`b${k}:${s}:${o}`, () => {
      const l = reach[k]!.l[s]!, u = reach[k]!.u[s]!;
      const top = o.isZero() && (u === null || u.sign() > 0) ? dateOptimum(model, w[s]!, o) : dateUtility(model, w[s]!, o, Q.max(l, u === null ? w[s]! : Q.min(u, w[s]!)));
      return disc(s).mul(top.sub(base(s, o)));
    });
  return (O) => {
    let bound = Q.ZERO;
    for (let s = t - 1; s < model.T; s++) bound = bound.add(free(s, O[s]!));
    let box: Q | null = null;
    reach.forEach((_, k) => {
      let b = Q.ZERO;
      for (let s = t - 1; s < model.T; s++) b = b.add(boxed(k, s, O[s]!));
      box = box === null ? b : Q.max(box, b);
    });
    return { bound, cap: box === null ? bound : Q.min(bound, box) };
  };
}

export interface RegretNode {
  readonly prefix: readonly Q[];
  readonly regret: RegretBounds;
}

/** A history's key in maps of node regrets. */
export const regretKey = (prefix: readonly Q[]): string => prefix.join(",");

/** Rⁿ_t at every node of agent n's tree (dates 1..T), each to `tol`. */
export function regretTree(ctx: RegretContext, opts: RegretOptions = {}): RegretNode[] {
  const out: RegretNode[] = [];
  const seen = new Set<string>();
  for (const l of ctx.leaves) {
    for (let t = 1; t <= l.path.length; t++) {
      const prefix = l.path.slice(0, t);
      const key = regretKey(prefix);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ prefix, regret: regretAt(ctx, prefix, opts) });
    }
  }
  return out;
}

/** R̄: certified bounds on the largest regret over the tree's nodes, and the node attaining lo. */
export function regretMax(nodes: readonly RegretNode[]): { lo: Q; hi: Q; at: RegretNode | null } {
  let at: RegretNode | null = null;
  let hi = Q.ZERO;
  for (const nd of nodes) {
    if (at === null || nd.regret.lo.gt(at.regret.lo)) at = nd;
    hi = Q.max(hi, nd.regret.hi);
  }
  return { lo: at === null ? Q.ZERO : at.regret.lo, hi, at };
}
