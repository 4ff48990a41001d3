/**
 * The exact quantities of one bgs2019 instance, for `mechcheck eval`: each agent's distribution,
 * the first best J^FB and u* (§2.3), the thresholds u̲ and F of (13) and Proposition 4.1's hypothesis
 * F ≥ 1/2, and at a state u: I_𝒰(u) and I_𝒰(u/F) (eq. (14)), the region of eq. (8), α*(u/F) (eq. (6)),
 * the frontier point ∇φ(α*), μ of Remark 3.1; at reports v: the main phase (9)–(11) and Proposition
 * 3.1's plane in the central region, Remark 2.1's random allocation in the boundary region (§4).
 * Every number is exact; where only bracketed (densities: α*, I_𝒰, μ) it is a certified interval.
 */
import { InputError } from "../exact/errors.js";
import type { Json } from "../exact/json.js";
import { dot } from "../exact/linalg.js";
import { Q, sum } from "../exact/rational.js";
import { simplestBetween } from "../exact/simplest.js";
import { thresholds } from "../mechanisms/bgs2019/region.js";
import { mainPhase } from "../mechanisms/bgs2019/stage.js";
import { alphaStar, supportPoint, type AlphaStar } from "../models/bgs2019/alpha-star.js";
import { mean, top } from "../models/bgs2019/distribution.js";
import type { Bgs2019Model } from "../models/bgs2019/json.js";
import { gradient, phi } from "../models/bgs2019/support.js";

/** An exact value, or certified bounds lo ≤ value ≤ hi when only bracketed. */
export type Bracket = string | { readonly lo: string; readonly hi: string };

export type Membership = {
  /** The signed distance I_𝒰 of eq. (14) at the point. */
  readonly I: Bracket;
  /** I ≤ 0 certified: true; I > 0 certified: false. */
  readonly member: boolean | "undecided";
};

export type RegionKind = "central" | "boundary" | "outside" | "undecided";

export type MainPhaseEval = {
  readonly kind: "main phase (9)–(11)";
  readonly tieBreak: string;
  readonly reports: readonly string[];
  /** p̂(v) under the tie rule; `winners` are the agents with the largest α*ᵢvᵢ. */
  readonly allocation: readonly string[];
  readonly winners: readonly number[];
  /** Σp̂ > 1: as written, (9) hands the good to every tied agent. */
  readonly severalWin: boolean;
  readonly interimP: readonly string[];
  readonly interimW: readonly string[];
  readonly meanW: readonly string[];
  /** ŵ(v) of (11), or null where (11) divides by α*ᵢ = 0 (`undefinedWhy`). */
  readonly promise: readonly string[] | null;
  readonly undefinedWhy?: string;
  /** Proposition 3.1: α*ᵀ(u − ŵ(v)) (lhs) against ((1−β)/β)α*ᵀ(∇φ(α*) − u) (rhs). */
  readonly plane: { readonly lhs: string; readonly rhs: string; readonly equal: boolean } | null;
};

export type BoundaryEval = {
  readonly kind: "random allocation (Remark 2.1)";
  readonly reports: readonly string[];
  readonly allocation: readonly string[];
  readonly promise: readonly string[];
  readonly total: string;
  /** (FA): Σᵢ uᵢ/E[vᵢ] ≤ 1, i.e. u in the lower triangle L. */
  readonly feasible: boolean;
  readonly note?: string;
};

export type StateEval = {
  readonly u: readonly string[];
  readonly inU: Membership;
  /** u ∈ F𝒰 ⇔ I_𝒰(u/F) ≤ 0; null when F ≤ 0. */
  readonly inFU: Membership | null;
  readonly region: { readonly kind: RegionKind; readonly why: string };
  readonly alphaStar: {
    /** The maximizer the mechanism uses: exact for discrete values, a point of the box for densities. */
    readonly alpha: readonly string[];
    readonly boxLo: readonly string[];
    readonly boxHi: readonly string[];
    readonly exact: boolean;
    readonly cuts: number;
  } | null;
  /** ∇φ(α) by Proposition 2.3's ≥-formula (ties of positive probability count for every tied agent). */
  readonly gradient: readonly string[] | null;
  /** The point of 𝒰 where the hyperplane with normal α supports it, ties to the lowest index (= ∇φ(α) where φ is differentiable). */
  readonly frontierPoint: readonly string[] | null;
  /** F times it: on F𝒰's frontier (Remark 3.1). */
  readonly scaledFrontierPoint: readonly string[] | null;
  /** μ of Remark 3.1, the dual variable of ‖x‖₁ = 1 in (6): μ = −I_𝒰(u/F). */
  readonly mu: Bracket | null;
  /** Remark 3.1's u/F = ∇φ(α*) − μe (on supp α*; ≤ off it): the differences ∇φᵢ(α) − uᵢ/F and whether they meet it. */
  readonly remark31: { readonly differences: readonly string[]; readonly holds: boolean | "approximately" } | null;
  /** ((1−β)/β)α*ᵀ(∇φ(α*) − u), Proposition 3.1's offset (needs β; central region only). */
  readonly planeOffset: string | null;
};

export type Bgs2019Eval = {
  readonly model: "bgs2019";
  readonly agents: number;
  readonly values: readonly { readonly agent: number; readonly kind: "discrete" | "density"; readonly size: number; readonly mean: string; readonly top: string }[];
  readonly firstBest: {
    /** J^FB = E[maxᵢ vᵢ] = φ(1, …, 1). */
    readonly JFB: string;
    readonly tieRule: string;
    /** u*ᵢ with ties to the lowest index: a point of 𝒰 with Σu* = J^FB. */
    readonly uStar: readonly string[];
    /** The paper's u*ᵢ = E[vᵢ1{vᵢ ≥ max_{j≠i} vⱼ}] when it differs (ties of positive probability count for each tied agent). */
    readonly uStarAsWritten?: readonly string[];
  };
  readonly beta: string | null;
  readonly thresholds: { readonly mLow: string; readonly uLow: string; readonly F: string; readonly source: string; readonly FAtLeastHalf: boolean };
  readonly state: StateEval | null;
  readonly stage: MainPhaseEval | BoundaryEval | { readonly kind: "none"; readonly reports: readonly string[]; readonly why: string } | null;
};

/** α*(u/F)'s box is refined to this width for densities (about 0.4 s for two agents). */
const ALPHA_WIDTH = Q.of(1, 10_000);

const strs = (xs: readonly Q[]): string[] => xs.map(String);
const bracket = (lo: Q, hi: Q): Bracket => (lo.eq(hi) ? lo.toString() : { lo: lo.toString(), hi: hi.toString() });
const membership = (a: AlphaStar): Membership => ({ I: bracket(a.valueLo, a.valueHi), member: a.valueHi.sign() <= 0 ? true : a.valueLo.sign() > 0 ? false : "undecided" });

/**
 * Certified bounds widened outward by at most an eighth of their width, to the simplest rationals
 * there: exact LP bounds carry 40-digit denominators that say nothing the short ones don't. A nonzero
 * end keeps its sign, so every decision read off the bounds is unchanged.
 */
function roundOut(lo: Q, hi: Q, floor: Q | null = null, ceil: Q | null = null): { lo: Q; hi: Q } {
  if (lo.eq(hi)) return { lo, hi };
  const slack = hi.sub(lo).div(Q.of(8));
  const keep = (x: Q): Q => (x.isZero() ? slack : Q.min(slack, x.abs().div(Q.of(2))));
  let a = lo.sub(keep(lo)), b = hi.add(keep(hi));
  if (floor !== null) a = Q.max(a, floor);
  if (ceil !== null) b = Q.min(b, ceil);
  return { lo: simplestBetween(a, lo), hi: simplestBetween(hi, b) };
}

/** α*'s bounds with short ends (densities); discrete values' exact results are left as they are. */
function shorten(a: AlphaStar): AlphaStar {
  if (a.exact) return a;
  const value = roundOut(a.valueLo, a.valueHi);
  const box = a.boxLo.map((lo, i) => roundOut(lo, a.boxHi[i]!, Q.ZERO, Q.ONE));
  return { ...a, valueLo: value.lo, valueHi: value.hi, boxLo: box.map((b) => b.lo), boxHi: box.map((b) => b.hi) };
}

/** Reports lie in [0, v̄] and are evaluated at a state: InputErrors naming what is missing. */
function checkReports(m: Bgs2019Model): void {
  if (m.reports === null) return;
  m.reports.forEach((x, i) => {
    const vbar = top(m.values[i]!);
    if (x.gt(vbar)) throw new InputError(`instance.reports[${i}]`, `reports lie in [0, v̄] = [0, ${vbar}], got ${x}`);
  });
  if (m.u === null) throw new InputError("instance.u", "reports are evaluated at a promised-utility state: the instance needs \"u\" (and \"beta\" for the main phase (10)–(11))");
}

function firstBest(m: Bgs2019Model): Bgs2019Eval["firstBest"] {
  const ones = m.values.map(() => Q.ONE);
  const low = supportPoint(m.values, ones);
  const asWritten = gradient(m.values, ones);
  const differs = asWritten.some((x, i) => !x.eq(low[i]!));
  return {
    JFB: phi(m.values, ones).toString(),
    tieRule: "ties to the lowest index",
    uStar: strs(low),
    ...(differs ? { uStarAsWritten: strs(asWritten) } : {}),
  };
}

function thresholdJson(m: Bgs2019Model): Bgs2019Eval["thresholds"] {
  const { uLow, F } = thresholds(m);
  const mLow = m.values.reduce((a, d) => Q.min(a, mean(d)), mean(m.values[0]!));
  const source =
    m.xi !== null && m.beta !== null
      ? m.F !== null
        ? "u̲ = ξ(1 − β) (13); F as given"
        : "u̲ = ξ(1 − β), F = 1 − u̲/m̲ (13)"
      : `${m.F !== null ? "F as given" : "F = 1 (not given)"}, u̲ = (1 − F)·m̲${m.xi !== null ? "; ξ not used: (13) needs β" : ""}`;
  return { mLow: mLow.toString(), uLow: uLow.toString(), F: F.toString(), source, FAtLeastHalf: F.ge(Q.HALF) };
}

/** The region of eq. (8) from I_𝒰(u/F)'s certified bounds and the threshold u̲. */
function region(u: readonly Q[], uLow: Q, F: Q, inFU: AlphaStar | null): StateEval["region"] {
  if (inFU === null) return { kind: "outside", why: `F = ${F} ≤ 0: (13)'s ξ is too large for this β, so F𝒰 is no region` };
  if (inFU.valueLo.sign() > 0) return { kind: "outside", why: `u ∉ F𝒰: I_𝒰(u/F) ≥ ${inFU.valueLo} > 0` };
  if (inFU.valueHi.sign() > 0) return { kind: "undecided", why: `I_𝒰(u/F) ∈ [${inFU.valueLo}, ${inFU.valueHi}] straddles 0` };
  const low = u.findIndex((x) => x.lt(uLow));
  if (low >= 0) return { kind: "boundary", why: `u ∈ F𝒰 (I_𝒰(u/F) ≤ ${inFU.valueHi} ≤ 0) and u${low} = ${u[low]} < u̲ = ${uLow} (§4)` };
  return { kind: "central", why: `u ∈ F𝒰 (I_𝒰(u/F) ≤ ${inFU.valueHi} ≤ 0) and every uᵢ ≥ u̲ = ${uLow} (eq. (8))` };
}

/**
 * Remark 3.1 at α: the KKT conditions of (6) read uᵢ/F = gᵢ − μ where αᵢ > 0 and uᵢ/F ≤ gᵢ − μ where
 * αᵢ = 0, g a subgradient of φ at α; Proposition 2.3's formula gives g = ∇φ(α) where φ is differentiable.
 */
function remark31(g: readonly Q[], uF: readonly Q[], alpha: readonly Q[], mu: Q, exact: boolean): NonNullable<StateEval["remark31"]> {
  const diff = g.map((x, i) => x.sub(uF[i]!));
  const holds = diff.every((d, i) => (alpha[i]!.sign() > 0 ? d.eq(mu) : d.ge(mu)));
  return { differences: strs(diff), holds: exact ? holds : "approximately" };
}

function stateEval(m: Bgs2019Model, u: readonly Q[], star: AlphaStar | null): StateEval {
  const { uLow, F } = thresholds(m);
  const inFU = star;
  // I_𝒰(u) needs no box: only its value's bounds.
  const inU = F.eq(Q.ONE) && star ? star : shorten(alphaStar(m.values, u, { width: Q.ONE }));
  const base = { u: strs(u), inU: membership(inU), inFU: inFU ? membership(inFU) : null, region: region(u, uLow, F, inFU) };
  if (star === null) return { ...base, alphaStar: null, gradient: null, frontierPoint: null, scaledFrontierPoint: null, mu: null, remark31: null, planeOffset: null };
  const alpha = star.alpha;
  const g = gradient(m.values, alpha);
  const frontier = supportPoint(m.values, alpha);
  const uF = u.map((x) => x.div(F));
  // μ = −I_𝒰(u/F): I = α*ᵀu/F − φ(α*) = α*ᵀ(u/F − g) = −μ·Σα* (φ is 1-homogeneous, φ(α) = gᵀα).
  const mu = bracket(star.valueHi.neg(), star.valueLo.neg());
  return {
    ...base,
    alphaStar: { alpha: strs(alpha), boxLo: strs(star.boxLo), boxHi: strs(star.boxHi), exact: star.exact, cuts: star.cuts },
    gradient: strs(g),
    frontierPoint: strs(frontier),
    scaledFrontierPoint: strs(frontier.map((x) => x.mul(F))),
    mu,
    remark31: remark31(g, uF, alpha, star.valueLo.neg(), star.exact),
    planeOffset: m.beta === null || base.region.kind !== "central" ? null : Q.ONE.sub(m.beta).div(m.beta).mul(dot(alpha, g).sub(dot(alpha, u))).toString(),
  };
}

function mainPhaseEval(m: Bgs2019Model, star: AlphaStar, v: readonly Q[], planeOffset: string | null): MainPhaseEval {
  if (m.beta === null) throw new InputError("instance.beta", "the main phase's promises (10)–(11) at the reports need the discount factor \"beta\"");
  const mech = mainPhase.withAlpha(m, star.alpha, star.exact, { lo: star.boxLo, hi: star.boxHi });
  const n = v.length;
  const p = mech.allocate(v, 0);
  const bids = v.map((x, i) => x.mul(star.alpha[i]!));
  const best = bids.reduce((a, x) => Q.max(a, x), bids[0]!);
  const why = mech.undefinedAt(v);
  const w = why === null ? mech.transfer(v) : null;
  const u = m.u!;
  const lhs = w === null ? null : dot(star.alpha, u.map((x, i) => x.sub(w[i]!)));
  return {
    kind: "main phase (9)–(11)",
    tieBreak: m.tieBreak,
    reports: strs(v),
    allocation: strs(p),
    winners: bids.flatMap((x, i) => (x.eq(best) ? [i] : [])),
    severalWin: sum(p).gt(Q.ONE),
    interimP: Array.from({ length: n }, (_, i) => mech.interimP(i, v[i]!).toString()),
    interimW: Array.from({ length: n }, (_, i) => mech.interimW(i, v[i]!).toString()),
    meanW: Array.from({ length: n }, (_, i) => mech.meanW(i).toString()),
    promise: w === null ? null : strs(w),
    ...(why !== null ? { undefinedWhy: why } : {}),
    plane: lhs === null || planeOffset === null ? null : { lhs: lhs.toString(), rhs: planeOffset, equal: lhs.toString() === planeOffset },
  };
}

/** Remark 2.1 as §4 uses it: pᵢ = uᵢ/E[vᵢ] and w = u whatever the reports. */
function boundaryEval(m: Bgs2019Model, u: readonly Q[], v: readonly Q[]): BoundaryEval {
  const p = u.map((x, i) => {
    const e = mean(m.values[i]!);
    return e.isZero() ? Q.ZERO : x.div(e);
  });
  const total = sum(p);
  return {
    kind: "random allocation (Remark 2.1)",
    reports: strs(v),
    allocation: strs(p),
    promise: strs(u),
    total: total.toString(),
    feasible: total.le(Q.ONE),
    ...(u.length > 2 ? { note: `§4 states the boundary rule for two agents; §7 builds another for n = ${u.length}` } : {}),
  };
}

export function evaluateBgs2019(m: Bgs2019Model): Bgs2019Eval {
  checkReports(m);
  const th = thresholds(m);
  const star = m.u === null || th.F.sign() <= 0 ? null : shorten(alphaStar(m.values, m.u.map((x) => x.div(th.F)), { width: ALPHA_WIDTH }));
  const state = m.u === null ? null : stateEval(m, m.u, star);
  let stage: Bgs2019Eval["stage"] = null;
  if (m.reports !== null && state !== null) {
    const kind = state.region.kind;
    stage =
      kind === "central"
        ? mainPhaseEval(m, star!, m.reports, state.planeOffset)
        : kind === "boundary"
          ? boundaryEval(m, m.u!, m.reports)
          : { kind: "none", reports: strs(m.reports), why: `no stage mechanism: ${state.region.why} (the mechanism runs on F𝒰)` };
  }
  return {
    model: "bgs2019",
    agents: m.values.length,
    values: m.values.map((d, i) => ({ agent: i, kind: d.kind, size: d.kind === "discrete" ? d.points.length : d.pieces.length, mean: mean(d).toString(), top: top(d).toString() })),
    firstBest: firstBest(m),
    beta: m.beta === null ? null : m.beta.toString(),
    thresholds: thresholdJson(m),
    state,
    stage,
  };
}

/** The JSON form (the types above are JSON already: strings, numbers, booleans, null). */
export const bgs2019EvalJson = (e: Bgs2019Eval): Json => e;
