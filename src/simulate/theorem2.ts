/**
 * The k-model sequence of zhu2021 Theorem 2 (§6.3), as the proof builds it, on a concrete process.
 *
 * THE SEQUENCE. A 1-model economy (Θ, q̄) is scaled: the k-model has N = k agents, stock kq̄, β = 1,
 * T[k] = ⌈k^κ⌉ dates, and the linked VCG mechanism (T[k], μ_[k], μ̄[k]) with μ_ⁿ_i = max(π_i − d_k, 0),
 * μ̄ⁿ_i = π_i + d_k (every agent, every type), announced conjecture c[k]·1.
 *
 * THE PROCESS AND ASSUMPTION 1. Endowments are i.i.d. across agents and dates; within a date each
 * type i is drawn independently from a finite distribution D_i (a point mass is allowed, e.g. 0 for
 * the unit-like types). π = E μⁿ_t. Hoeffding's inequality with a union bound over the I′ random types
 * gives (3) and (4) of Assumption 1 with
 *     f(z) = F(z) = 2I′e^{−z},   i(d) = I(d) = 2d²/w̄²,   w̄ = max_i (max D_i − min D_i),
 * and z^{3/κ}f(z) = z^{κ+1}F(z) → 0 for every κ ∈ (0, 1). The premise |p(q̄, π + μ⁰)| = 1 is checked
 * exactly (Assumption 1, first bullet).
 *
 * v̄ IN THE k-MODEL. §5 defines v̄ = v(q̄, ∞1) for the model at hand, and a k-model agent's utility lies
 * in [0, T·v̄[k]] with v̄[k] = v(kq̄, ∞1) = k·v(q̄, ∞1) (v is homogeneous in q̄ when every type is in
 * infinite supply). Condition (2) is applied with v̄[k]; so is the proof's c(d)[k] formula, whose
 * derivation (Lemma 5 with ε/(T[k]v̄) ≥ ε/(kv̄), since T[k] ≤ k) is valid with v̄[k] in both places.
 * The proof's text uses the 1-model v̄ there while its cost bound uses kv̄ — one of the two must be
 * v̄[k]; we keep condition (2) as §5 defines it (see README, "Theorem 2 simulation").
 *
 * THE CHOICE OF d_k. The proof needs d_k → 0 with k·(c(d_k)[k] + k^κF(I(d_k)k)) → 0. With
 * a = ε/(k·v̄[k]) the conjecture c(d)[k] = (a − √(a² − 4k f(i(d)T)))/2 is real iff 4k f ≤ a²; we take
 * the least d on the grid w̄/1000·ℕ with 4k·f(i(d)T[k]) ≤ a²·k^{−σ} (σ ≥ 0 an integer, default 1):
 * then k·c ≤ k·a·k^{−σ}/2 → 0 and d_k ~ w̄√((5 + σ)·ln k / (2k^κ)) → 0. (`d` may be fixed instead,
 * to explore; then c is the same formula, or 1 when it has no real root. A conjecture c may be fixed
 * too: its believability is then an open question, decided exactly below.)
 *
 * THE CONJECTURE, EXACTLY. c(d)[k] is irrational; the principal announces a rational c ≥ c(d)[k] with
 * c·(a − c) ≥ k·f̄, f̄ a certified upper bound of f(i(d)T). Lemma 5 then gives, as in the proof,
 * P(some agent released) ≤ k f/(a − c) ≤ c: c·1 is believable. We also check that EXACTLY: with the
 * agents i.i.d., P(agent n never released) = P_b is one dynamic program over prefix sums
 * (probability/iid.ts), and mutual correctness is 1 − P_b^{k−1} ≤ c.
 *
 * WHAT IS EXACT, WHAT IS ESTIMATED. Exact rationals: T, d_k, c, P_b, P(all truthful) = P_b^k, the
 * believability check. Per sampled run (a Monte Carlo over runs — the expectation over k·T·I-dimensional
 * profiles is out of reach exactly): which agents are released (condition (2) along their own path);
 * when nobody is, everyone tells the truth and μ ∈ Ω(T, μ_, μ̄), and the run's efficiency (the linked
 * allocation's surplus over the efficient one — Theorem 1 says 1; measured, not assumed), surplus S, linked VCG cost C = Σₙ lWⁿ (each linked minimum exact and certified, linked-min.ts),
 * the unlinked cost, and Properties I and II of every agent are exact. For agents with both
 * properties Lemma 6's linear formula is recomputed and compared with lWⁿ (a live check of Lemma 6).
 * Runs where some agent is released are counted; there any reasonable strategy is allowed, and the
 * worst-case ratio uses the proof's bound T·v̄[k] per agent for them:
 *     sup_σ E C / inf_σ E S ≤ [P_all·Ĉ + (1 − P_all)·k·T·v̄[k]] / (P_all·Ŝ),
 * with Ĉ, Ŝ the Monte Carlo means over runs where nobody is released.
 */
import { InputError } from "../exact/errors.js";
import { mulberry32 } from "../exact/prng.js";
import type { QInterval } from "../exact/exp.js";
import { hoeffdingI, tailBound } from "../probability/hoeffding.js";
import { ceilDyadic, parseQ, Q, sum } from "../exact/rational.js";
import { runInThread, type Codec, type Experiment } from "./experiment.js";
import { linkedTransferDetails } from "../mechanisms/zhu2021/linked.js";
import { lemma6Linear } from "../mechanisms/zhu2021/small-surplus.js";
import { checkCondition1, checkCondition2 } from "../models/zhu2021/conditions.js";
import type { Economy } from "../models/zhu2021/economy.js";
import { solveKnapsack } from "../models/zhu2021/knapsack.js";
import { contributions, dateValues, efficientSurplus } from "../models/zhu2021/payoffs.js";
import { column, inTypeSpace, type Profile, type RepeatedModel } from "../models/zhu2021/repeated.js";
import { allocateDate } from "../mechanisms/zhu2021/allocation.js";
import { retract } from "../typespace/zhu2021-retraction.js";
import { datePrice, propertyI, propertyII } from "../models/zhu2021/smallness.js";
import { checkIid, iidWindow, releaseDate, boundMassIid, type DateDistribution, type IidWindow } from "../probability/iid.js";

/** The 1-model: economy (Θ, q̄ per agent) and the per-date distribution of each type's endowment. */
export interface KModelBase {
  readonly econ: Economy;
  /** One per type (all I, unit-like included), independent within a date, i.i.d. across dates and agents. */
  readonly endowments: readonly DateDistribution[];
}

export interface Theorem2Options extends KModelBase {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly seed: number;
  /** κ ∈ (0, 1): T[k] = ⌈k^κ⌉. */
  readonly kappa: Q;
  readonly epsilon: Q;
  /** The d_k rule's slack exponent (an integer ≥ 0): 4k f(i(d)T) ≤ a²·k^{−σ}. */
  readonly sigma: number;
  /** A fixed d instead of the proof's d_k (exploration). */
  readonly d?: Q;
  /** A conjecture of the user's instead of the proof's c(d)[k]: its believability is then checked, not implied by Lemma 5. */
  readonly c?: Q;
}

/** What Assumption 1 needs of the process, computed once. */
export interface Assumption1 {
  /** π = E μⁿ_t. */
  readonly pi: readonly Q[];
  /** w̄: the largest support range. */
  readonly wbar: Q;
  /** I′: the number of types with a nondegenerate distribution. */
  readonly randomTypes: number;
  /** p(q̄, π + μ⁰): the unique price at the mean. */
  readonly price: readonly Q[];
  /** v(q̄, ∞1): the 1-model's v̄; v̄[k] = k·v1. */
  readonly v1: Q;
}

const mean = (d: DateDistribution) => d.values.reduce((s, v, m) => s.add(v.mul(d.probs[m] as Q)), Q.ZERO);
const range = (d: DateDistribution) => d.values.reduce((m, v) => Q.max(m, v)).sub(d.values.reduce((m, v) => Q.min(m, v)));

/** Validates the 1-model against conditions 1–2 and Assumption 1; exit-2 errors name the rule. */
export function assumption1(base: KModelBase, field = "instance"): Assumption1 {
  const { econ } = base;
  const c1 = checkCondition1(econ.theta, econ.R);
  if (!c1.ok) throw new InputError(`${field}.types`, `condition 1 of zhu2021 §2 violated: ${c1.reason}`);
  const c2 = checkCondition2(econ.theta, econ.R);
  if (!c2.ok) throw new InputError(`${field}.types`, `condition 2 of zhu2021 §2 violated: ${c2.reason}`);
  econ.supply.forEach((s, r) => {
    if (!s.gt(Q.ZERO)) throw new InputError(`${field}.supply[${r}]`, `q̄ must be positive (got ${s})`);
  });
  if (base.endowments.length !== econ.I) throw new InputError(`${field}.endowments`, `needs one distribution per type (I = ${econ.I}), got ${base.endowments.length}`);
  checkIid({ T: 1, types: base.endowments }, field, `${field}.endowments`);
  const pi = base.endowments.map(mean);
  const ranges = base.endowments.map(range);
  const wbar = ranges.reduce((m, w) => Q.max(m, w), Q.ZERO);
  const randomTypes = ranges.filter((w) => w.sign() > 0).length;
  const v1 = solveKnapsack(econ.theta, econ.supply, econ.theta.map(() => null)).value;
  if (randomTypes === 0) throw new InputError(`${field}.endowments`, "Assumption 1 via Hoeffding needs some random type (a distribution with two or more values); deterministic endowments make Theorem 2 trivial");
  const atMean = datePrice(econ, [pi]);
  if (atMean.price === null) throw new InputError(`${field}.endowments`, `Assumption 1 needs a unique price at the mean, |p(q̄, π + μ⁰)| = 1; at π = (${pi.join(", ")}) it is not unique`);
  return { pi, wbar, randomTypes, price: atMean.price, v1 };
}

export function checkTheorem2Options(o: Theorem2Options): Assumption1 {
  if (o.sizes.length === 0) throw new InputError("--sizes", "needs at least one k");
  o.sizes.forEach((k, j) => {
    if (!Number.isInteger(k) || k < 2 || k > 512) throw new InputError("--sizes", `entry ${j + 1} must be an integer in 2..512 (got ${k})`);
  });
  if (!Number.isInteger(o.runs) || o.runs < 1 || o.runs > 10_000) throw new InputError("--runs", `must be an integer in 1..10000 (got ${o.runs})`);
  if (!(o.kappa.sign() > 0 && o.kappa.lt(Q.ONE))) throw new InputError("--kappa", `Assumption 1 needs κ ∈ (0, 1) (got ${o.kappa})`);
  if (o.kappa.den > 1000n) throw new InputError("--kappa", `write κ with a denominator ≤ 1000 (got ${o.kappa})`);
  if (!o.epsilon.gt(Q.ZERO)) throw new InputError("--epsilon", `must be > 0 (got ${o.epsilon})`);
  if (!Number.isInteger(o.sigma) || o.sigma < 0 || o.sigma > 8) throw new InputError("--sigma", `must be an integer in 0..8 (got ${o.sigma})`);
  if (o.d !== undefined && !o.d.gt(Q.ZERO)) throw new InputError("--d", `must be > 0 (got ${o.d})`);
  if (o.c !== undefined && !(o.c.sign() >= 0 && o.c.le(Q.ONE))) throw new InputError("--c", `a conjecture is a probability in [0, 1] (got ${o.c})`);
  const a1 = assumption1(o);
  // Condition (2) must be able to bind: a utility range T·v̄[k] ≥ 2v(q̄, ∞1) below ε would make every strategy reasonable.
  if (!o.epsilon.lt(a1.v1.mul(Q.of(2)))) throw new InputError("--epsilon", `must be < v̄[2] = 2·v(q̄, ∞1) = ${a1.v1.mul(Q.of(2))}: otherwise condition (2) never binds (every payoff is within ε)`);
  return a1;
}

/** T[k] = ⌈k^κ⌉ exactly, κ = p/q: the least T with T^q ≥ k^p. */
export function datesFor(k: number, kappa: Q): number {
  const p = kappa.num, q = kappa.den;
  const target = BigInt(k) ** p;
  let T = Math.max(1, Math.floor(k ** kappa.toNumber()) - 1);
  while (BigInt(T) ** q < target) T++;
  while (T > 1 && BigInt(T - 1) ** q >= target) T--;
  return T;
}

/** f(i(d)T) = 2I′e^{−2d²T/w̄²}: certified bounds. */
export function hoeffdingTail(a1: Assumption1, d: Q, T: number): QInterval {
  return tailBound(Q.of(a1.randomTypes), hoeffdingI(d, a1.wbar), T);
}

/**
 * The proof's d_k (header): the least d on the grid w̄/1000·ℕ with 4k·f(i(d)T) ≤ a²k^{−σ}, decided with
 * certified bounds. Doubles only aim the search: from the float root, up until the test passes, then
 * down while the grid point below passes too.
 */
export function proofD(a1: Assumption1, k: number, T: number, a: Q, sigma: number): Q {
  const target = a.mul(a).div(Q.of(k).pow(sigma)).div(Q.of(4 * k)); // f ≤ target
  const passes = (j: number) => hoeffdingTail(a1, a1.wbar.mul(Q.of(j, 1000)), T).hi.le(target);
  const zStar = Math.log((2 * a1.randomTypes) / target.toNumber()); // f(z) = target; d/w̄ = √(z/(2T))
  let j = Math.max(0, Math.floor(1000 * Math.sqrt(Math.max(0, zStar) / (2 * T))));
  while (!passes(j)) j++;
  while (j > 0 && passes(j - 1)) j--;
  return a1.wbar.mul(Q.of(j, 1000));
}

/** A dyadic rational ≥ the double x > 0, with about `bits` significant bits. */
function dyadicAbove(x: number, bits: number): Q {
  const e = bits - Math.floor(Math.log2(x));
  const scale = 2n ** BigInt(Math.max(0, e));
  return Q.of(BigInt(Math.ceil(x * 2 ** Math.max(0, e))), scale);
}

/**
 * The announced conjecture: a rational c ≥ c(d)[k] with c·(a − c) ≥ k·f̄ and c < a (Lemma 5 then makes
 * c·1 believable), or 1 when 4k·f ≤ a² cannot be certified (the quadratic has no real root).
 */
export function conjecture(a: Q, k: number, fHi: Q): { c: Q; paper: number } {
  const kf = fHi.mul(Q.of(k));
  const af = a.toNumber(), kff = kf.toNumber();
  const disc = af * af - 4 * kff;
  if (disc < 0) return { c: Q.ONE, paper: 1 };
  const paper = (2 * kff) / (af + Math.sqrt(disc)); // the smaller root, without cancellation
  let c = dyadicAbove(paper * (1 + 2 ** -40), 60);
  for (let step = 0; step < 64; step++) {
    if (c.lt(a) && c.mul(a.sub(c)).ge(kf)) return { c: Q.min(c, Q.ONE), paper: Math.min(1, paper) };
    c = ceilDyadic(c.mul(Q.of(1025, 1024)), 60);
    if (c.mul(Q.of(2)).gt(a)) break;
  }
  return { c: Q.ONE, paper: 1 };
}

/** Everything about the k-model that does not depend on the sampled run. */
export interface KSetup {
  readonly k: number;
  readonly T: number;
  readonly d: Q;
  /** v̄[k] = k·v(q̄, ∞1). */
  readonly vbarK: Q;
  /** The announced (rational) conjecture c[k]. */
  readonly c: Q;
  /** c(d)[k] by the paper's formula, in doubles (for display). */
  readonly cPaper: number;
  /** f(i(d_k)T[k]): certified upper bound. */
  readonly fHi: Q;
  readonly model: RepeatedModel;
  readonly window: IidWindow;
  /** P(one agent is never released), exact. */
  readonly pBound: Q;
  /** P(all k agents tell the truth at every date) = pBound^k, exact. */
  readonly pAll: Q;
  /** P(some other agent is released) = 1 − pBound^{k−1}: mutual correctness asks ≤ c. */
  readonly othersReleased: Q;
  readonly believable: boolean;
  readonly a1: Assumption1;
  readonly holds: (s: number, p: Q) => boolean;
}

export function kSetup(o: Theorem2Options, a1: Assumption1, k: number): KSetup {
  const T = datesFor(k, o.kappa);
  const vbarK = a1.v1.mul(Q.of(k));
  const a = o.epsilon.div(Q.of(k).mul(vbarK));
  const d = o.d ?? proofD(a1, k, T, a, o.sigma);
  const fHi = hoeffdingTail(a1, d, T).hi;
  const proof = conjecture(a, k, fHi);
  const c = o.c ?? proof.c;
  const muLow = a1.pi.map((p) => Q.max(p.sub(d), Q.ZERO));
  const muHigh = a1.pi.map((p) => p.add(d));
  const model: RepeatedModel = {
    econ: { ...o.econ, supply: o.econ.supply.map((s) => s.mul(Q.of(k))) },
    N: k,
    T,
    beta: Q.ONE,
    muLow: Array.from({ length: k }, () => muLow),
    muHigh: Array.from({ length: k }, () => muHigh),
  };
  // condition (2) at β = 1: [P(μⁿ ∉ Ωⁿ | μⁿ|_s) + c]·T·v̄[k] < ε
  const TV = Q.of(T).mul(vbarK);
  const holds = (_s: number, p: Q) => p.add(c).mul(TV).lt(o.epsilon);
  const proc = { T, types: o.endowments };
  const window = iidWindow(proc, muLow, muHigh);
  const pBound = boundMassIid(proc, muLow, muHigh, holds, window).bound;
  const othersReleased = Q.ONE.sub(pBound.pow(k - 1));
  return { k, T, d, vbarK, c, cPaper: proof.paper, fHi, model, window, pBound, pAll: pBound.pow(k), othersReleased, believable: othersReleased.le(c), a1, holds };
}

/** Agent n's path (T × I) in run `run`: seeded by (seed, run, n) only, so the k₁-model's endowments are the first k₁ agents' first T[k₁] dates of every larger model (the paper's nesting). */
export function agentPath(o: Theorem2Options, run: number, n: number, T: number): Q[][] {
  const rnd = mulberry32((o.seed * 1_000_003 + run * 10_007 + n * 7_919) >>> 0);
  const cdfs = o.endowments.map((d) => {
    let acc = 0;
    return d.probs.map((p) => (acc += p.toNumber()));
  });
  return Array.from({ length: T }, () =>
    o.endowments.map((d, i) => {
      const u = rnd(), cdf = cdfs[i] as number[];
      let m = cdf.findIndex((x) => u < x);
      if (m < 0) m = d.values.length - 1;
      while ((d.probs[m] as Q).isZero()) m--; // floating cdf ties never pick an impossible value
      return d.values[m] as Q;
    }),
  );
}

/** One run's contribution to its k's row (exact where it says so). */
export interface Theorem2RunTotals {
  /** Agents released by condition (2) somewhere on their path. */
  readonly released: number;
  /** ‖Σₙ μⁿ_t/k − π‖∞ ≤ d_k at every date (the proof's Ω*[k], without the reasonable-strategy part). */
  readonly crossAverage: boolean;
  /** The rest only where nobody is released (null otherwise). */
  readonly truthful: null | {
    /** S(𝐀(μ), μ): the efficient surplus. */
    readonly surplus: Q;
    /** The surplus of the linked VCG's allocation at the truthful reports (= surplus when it is efficient). */
    readonly mechSurplus: Q;
    readonly cost: Q;
    readonly unlinkedCost: Q;
    readonly propertyI: number;
    readonly propertyII: number;
    /** Agents whose date prices are not unique (the properties are undefined). */
    readonly premise: number;
    /** Agents with I and II where Lemma 6's formula differs from the exact lWⁿ. */
    readonly lemma6Mismatch: number;
  };
}

/** Σ_t Σ_players v(A_t, μ_t) under the linked VCG's allocation lA_t(μ|_t) = ordA([μ]_t) at truthful reports. */
export function mechanismSurplus(model: RepeatedModel, mu: Profile): Q {
  const r = retract(model, mu);
  const allocs = Array.from({ length: model.T }, (_, t) => allocateDate(model.econ, column(r, t), "ord"));
  return sum(contributions(model, dateValues(model, allocs, mu)));
}

export function theorem2Run(o: Theorem2Options, setup: KSetup, run: number): Theorem2RunTotals {
  const { k, T, model, window, holds, d, a1 } = setup;
  const mu: Profile = Array.from({ length: k }, (_, n) => agentPath(o, run, n, T));
  const released = mu.filter((row) => releaseDate(window, row, holds) !== null).length;
  const crossAverage = Array.from({ length: T }, (_, t) => t).every((t) =>
    a1.pi.every((p, i) => sum(mu.map((row) => (row[t] as readonly Q[])[i] as Q)).div(Q.of(k)).sub(p).abs().le(d)),
  );
  if (released > 0) return { released, crossAverage, truthful: null };
  // Never released at s = T means P(μⁿ ∉ Ωⁿ | μⁿ) = 0: every row is inside (condition (2) at s = T needs T·v̄[k] ≥ ε, checked)
  if (!inTypeSpace(model, mu)) throw new RangeError("theorem2Run: a never-released profile outside Ω(T, μ_, μ̄)");
  const details = linkedTransferDetails(model, mu, "ord");
  let propI = 0, propII = 0, premise = 0, mismatch = 0;
  details.forEach((det, n) => {
    const one = propertyI(model, mu, n);
    if (one.kind === "premise") premise++;
    if (one.kind !== "holds") return;
    propI++;
    const two = propertyII(model, mu, n, one);
    if (two.kind !== "holds") return;
    propII++;
    if (!lemma6Linear(model, mu, n, one.prices).eq(det.transfer)) mismatch++;
  });
  return {
    released,
    crossAverage,
    truthful: {
      surplus: efficientSurplus(model, mu),
      mechSurplus: mechanismSurplus(model, mu),
      cost: sum(details.map((x) => x.transfer)),
      unlinkedCost: sum(details.map((x) => x.unlinked)),
      propertyI: propI,
      propertyII: propII,
      premise,
      lemma6Mismatch: mismatch,
    },
  };
}

export interface Theorem2Row {
  readonly k: number;
  readonly T: number;
  readonly d: Q;
  readonly c: Q;
  readonly cPaper: number;
  readonly pBound: Q;
  readonly pAll: Q;
  readonly othersReleased: Q;
  readonly believable: boolean;
  readonly runs: number;
  /** Runs where nobody is released (Monte Carlo check of pAll). */
  readonly truthfulRuns: number;
  readonly crossAverageRuns: number;
  /** Over the agents of truthful runs. */
  readonly fracI: number;
  readonly fracII: number;
  readonly premise: number;
  readonly lemma6Mismatch: number;
  /** Σ S(linked allocation) / Σ S(efficient) over truthful runs, exact (Theorem 1 says 1); null without truthful runs. */
  readonly efficiency: Q | null;
  /** Σ C / Σ S over truthful runs (exact ratio of the sampled sums); null without truthful runs. */
  readonly costSurplus: Q | null;
  /** 95% confidence interval of the ratio (delta method over runs). */
  readonly ci: readonly [number, number] | null;
  readonly unlinkedCostSurplus: Q | null;
  /** The worst case over reasonable strategies (header), with the sampled means. */
  readonly worstCase: Q | null;
  readonly ms: number;
}

export function theorem2Row(setup: KSetup, runs: readonly Theorem2RunTotals[], ms: number): Theorem2Row {
  const { k, T, vbarK, pAll } = setup;
  const tr = runs.flatMap((r) => (r.truthful ? [r.truthful] : []));
  const m = tr.length;
  const S = sum(tr.map((x) => x.surplus)), C = sum(tr.map((x) => x.cost));
  const efficiency = m > 0 && S.sign() > 0 ? sum(tr.map((x) => x.mechSurplus)).div(S) : null;
  let costSurplus: Q | null = null, ci: [number, number] | null = null, unlinked: Q | null = null, worst: Q | null = null;
  if (m > 0 && S.sign() > 0) {
    costSurplus = C.div(S);
    unlinked = sum(tr.map((x) => x.unlinkedCost)).div(S);
    const R = costSurplus.toNumber(), sBar = S.toNumber() / m;
    if (m > 1) {
      const v = tr.reduce((acc, x) => acc + (x.cost.toNumber() - R * x.surplus.toNumber()) ** 2, 0) / (m * (m - 1));
      const half = (1.96 * Math.sqrt(v)) / sBar;
      ci = [R - half, R + half];
    }
    if (pAll.sign() > 0) {
      const cHat = C.div(Q.of(m)), sHat = S.div(Q.of(m));
      worst = pAll.mul(cHat).add(Q.ONE.sub(pAll).mul(Q.of(k * T)).mul(vbarK)).div(pAll.mul(sHat));
    }
  }
  const agents = m * k;
  return {
    k,
    T,
    d: setup.d,
    c: setup.c,
    cPaper: setup.cPaper,
    pBound: setup.pBound,
    pAll,
    othersReleased: setup.othersReleased,
    believable: setup.believable,
    runs: runs.length,
    truthfulRuns: m,
    crossAverageRuns: runs.filter((r) => r.crossAverage).length,
    fracI: agents > 0 ? tr.reduce((s, x) => s + x.propertyI, 0) / agents : 0,
    fracII: agents > 0 ? tr.reduce((s, x) => s + x.propertyII, 0) / agents : 0,
    premise: tr.reduce((s, x) => s + x.premise, 0),
    lemma6Mismatch: tr.reduce((s, x) => s + x.lemma6Mismatch, 0),
    efficiency,
    costSurplus,
    ci,
    unlinkedCostSurplus: unlinked,
    worstCase: worst,
    ms: Math.round(ms),
  };
}

/** The run totals as strings and numbers (for worker threads). */
export interface Theorem2Wire {
  readonly released: number;
  readonly crossAverage: boolean;
  readonly truthful: null | { surplus: string; mechSurplus: string; cost: string; unlinkedCost: string; propertyI: number; propertyII: number; premise: number; lemma6Mismatch: number };
}

export const theorem2Codec: Codec<Theorem2RunTotals, Theorem2Wire> = {
  encode: (r) => ({ released: r.released, crossAverage: r.crossAverage, truthful: r.truthful && { ...r.truthful, surplus: r.truthful.surplus.toString(), mechSurplus: r.truthful.mechSurplus.toString(), cost: r.truthful.cost.toString(), unlinkedCost: r.truthful.unlinkedCost.toString() } }),
  decode: (w) => ({ released: w.released, crossAverage: w.crossAverage, truthful: w.truthful && { ...w.truthful, surplus: parseQ(w.truthful.surplus), mechSurplus: parseQ(w.truthful.mechSurplus), cost: parseQ(w.truthful.cost), unlinkedCost: parseQ(w.truthful.unlinkedCost) } }),
};

export function theorem2Experiment(o: Theorem2Options): Experiment<KSetup, Theorem2RunTotals, Theorem2Row> {
  const a1 = checkTheorem2Options(o);
  return { sizes: o.sizes, runs: o.runs, setup: (k) => kSetup(o, a1, k), run: (setup, run) => theorem2Run(o, setup, run), row: (setup, runs, ms) => theorem2Row(setup, runs, ms) };
}

/** The experiment on this thread, k after k. */
export function simulateTheorem2(o: Theorem2Options, onSize?: (r: Theorem2Row) => void): Theorem2Row[] {
  return runInThread(theorem2Experiment(o), onSize);
}
