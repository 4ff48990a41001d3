/**
 * The asymptotic experiment of Theorem 1 (zhu2022 §3.5 and §4.1; stylized §3): the family
 * q̄(N) = Nq, T(N) = N, β = 1, project type f, with endowments drawn from a seeded process, and the
 * linked VCG over Ω*(N) — zhu2022's window |Σ_{s≠t} ω_s/(N − 1) − ω_avg| ≤ x(N) or stylized's
 * box-and-average {ω_t ≤ ω_max, |Σ_t ω_t/N − ω_avg| ≤ x(N)}. For each N it reports, over `runs` draws:
 *  - the fraction of draws in Ω*(N) (where truth-telling is ex-post optimal);
 *  - efficiency E S(𝐀([ω]), ω) / E S(𝐀(ω), ω) — agents tell the truth, the mechanism retracts
 *    reports outside Ω* (Lemma 1), the ratio of sums is exact;
 *  - cost/surplus E C(V*([ω])) / E S(𝐀([ω]), ω) with certified bounds (V* is irrational: each agent's
 *    linked minimum is bracketed, src/mechanisms/single-resource), and the unlinked VCG's ratio beside
 *    it (N − 1 at β = 1, Proposition 2).
 * Theorem 1 says the first two → 1 and the third → 0.
 *
 * THE PROCESS. Each agent's dates: i.i.d. uniform on a finite rational support, or "sticky" (a
 * Markov chain: keep yesterday's value with probability `stay`, else a fresh draw) — bounded and
 * independent across agents, so Hoeffding's inequality gives Assumption 1 (zhu2022 §3.5) with
 * g(z) = 2e^{−z}, I(x) = 2x²/r², r the support's range (for the sticky chain, Hoeffding needs the
 * effective sample size: the same formula is then a heuristic, reported as such).
 * THE WINDOW x(N). Lemma 2 with ε(N) = ε asks N·g(I(x)·N) ≤ ε²/(N(N − 1)R̄(N)), R̄(N) = N²q f'(0) ∨ ε,
 * i.e. x(N) ≥ r·√(ln(2N²(N − 1)R̄(N)/ε²)/(2N)); we take that value rounded UP to a multiple of 1/1000
 * (an exact rational; rounding up keeps the inequality). x(N) → 0 like √(ln N / N).
 * ω_avg is the support's mean; ω_max (stylized) its maximum.
 */
import { InputError } from "../exact/errors.js";
import { ceilDyadic, floorDyadic, parseQ, Q, sum } from "../exact/rational.js";
import { runInThread, type Codec, type Experiment } from "./experiment.js";
import type { Interval } from "../mechanisms/types.js";
import { linkedTransferBounds, retractProfile, unlinkedTransfers } from "../mechanisms/single-resource/vcg.js";
import { efficientSurplus, makeModel, surplusAt, type Endowments, type SingleResourceModel } from "../models/single-resource/model.js";
import type { ProjectType } from "../models/single-resource/project.js";
import { contains, type OmegaStar } from "../typespace/single-resource.js";
import { mulberry32 } from "../exact/prng.js";

export type Theorem1Paper = "zhu2022" | "stylized";

export interface Theorem1Options {
  readonly paper: Theorem1Paper;
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly seed: number;
  /** Per-agent supply q (q̄ = Nq). */
  readonly q: Q;
  readonly f: ProjectType;
  /** The endowment values, drawn uniformly. */
  readonly support: readonly Q[];
  /** 0: i.i.d.; in (0, 1): the sticky Markov chain. */
  readonly stay: Q;
  /** ε of Lemma 2 (and of the ε-ex-post equilibrium). */
  readonly epsilon: Q;
  /** Relative tolerance of each certified linked minimum. */
  readonly tol: Q;
}

export interface SizeResult {
  readonly N: number;
  readonly x: Q;
  readonly omegaStar: OmegaStar;
  readonly runs: number;
  readonly inStar: number;
  /** E S(𝐀([ω]), ω) / E S(𝐀(ω), ω), exact. */
  readonly efficiency: Q;
  /** E C(V*) / E S(𝐀([ω]), ω): certified bounds. */
  readonly costSurplus: Interval;
  /** Float midpoint of the cost bounds over the same surplus (the estimate without certification). */
  readonly costSurplusFloat: number;
  /** The unlinked VCG's E C / E S(𝐀(ω), ω), exact. */
  readonly unlinkedCostSurplus: Q;
  /** Linked minima not certified to `tol` (their bounds are still valid). */
  readonly uncertified: number;
  readonly ms: number;
}

export function checkTheorem1Options(o: Theorem1Options): void {
  if (o.sizes.length === 0) throw new InputError("--sizes", "needs at least one N");
  o.sizes.forEach((N, k) => {
    if (!Number.isInteger(N) || N < 2 || N > 512) throw new InputError("--sizes", `entry ${k + 1} must be an integer in 2..512 (got ${N})`);
  });
  if (!Number.isInteger(o.runs) || o.runs < 1 || o.runs > 10_000) throw new InputError("--runs", `must be an integer in 1..10000 (got ${o.runs})`);
  if (!o.q.gt(Q.ZERO)) throw new InputError("--q", `q must be > 0 (got ${o.q})`);
  if (o.support.length === 0) throw new InputError("--support", "needs at least one value");
  o.support.forEach((v, k) => {
    if (!v.gt(Q.ZERO)) throw new InputError("--support", `entry ${k + 1} must be > 0 (endowments are positive; got ${v})`);
  });
  if (o.stay.sign() < 0 || !o.stay.lt(Q.ONE)) throw new InputError("--stay", `must lie in [0, 1) (got ${o.stay})`);
  if (!o.epsilon.gt(Q.ZERO)) throw new InputError("--epsilon", `must be > 0 (got ${o.epsilon})`);
  if (!o.f.strictlyConcave) throw new InputError("--f", `${o.f.name} is not strictly concave (Theorem 1's hypothesis)`);
}

/** x(N) of the header: Lemma 2 under Hoeffding, rounded up to a multiple of 1/1000. */
export function windowWidth(N: number, q: Q, f: ProjectType, range: Q, epsilon: Q): Q {
  const eps = epsilon.toNumber();
  const Rbar = Math.max(N * N * q.toNumber() * f.df(Q.ZERO).toNumber(), eps);
  // a negative logarithm: the inequality holds for every x ≥ 0, and x(N) = 0 is the narrowest window
  const x = range.toNumber() * Math.sqrt(Math.max(0, Math.log((2 * N * N * (N - 1) * Rbar) / (eps * eps))) / (2 * N));
  return Q.of(Math.ceil(x * 1000 + 1e-9), 1000);
}

function draw(o: Theorem1Options, N: number, run: number): Endowments {
  const rnd = mulberry32((o.seed * 1_000_003 + N * 10_007 + run) >>> 0);
  const stay = o.stay.toNumber();
  const pick = () => o.support[Math.min(o.support.length - 1, Math.floor(rnd() * o.support.length))]!;
  return Array.from({ length: N }, () => {
    const row: Q[] = [];
    for (let t = 0; t < N; t++) row.push(t > 0 && rnd() < stay ? row[t - 1]! : pick());
    return row;
  });
}

/** What one draw contributes to its size's row: exact sums, so runs can be computed in any order, on any thread. */
export interface RunTotals {
  readonly inStar: boolean;
  /** S(𝐀(ω), ω). */
  readonly sEff: Q;
  /** S(𝐀([ω]), ω). */
  readonly sMech: Q;
  /** Σₙ V*ⁿ: certified bounds. */
  readonly cLo: Q;
  readonly cHi: Q;
  /** Σₙ Vⁿ at the truth. */
  readonly cUnlinked: Q;
  readonly uncertified: number;
}

/** Ω*(N) and the model of size N: shared by every run of that size. */
export interface SizeSetup {
  readonly N: number;
  readonly x: Q;
  readonly omegaStar: OmegaStar;
  readonly model: SingleResourceModel;
}

export function sizeSetup(o: Theorem1Options, N: number): SizeSetup {
  const avg = sum([...o.support]).div(Q.of(o.support.length));
  const max = o.support.reduce((m, v) => Q.max(m, v));
  const range = max.sub(o.support.reduce((m, v) => Q.min(m, v)));
  const x = windowWidth(N, o.q, o.f, range, o.epsilon);
  const omegaStar: OmegaStar = o.paper === "zhu2022" ? { kind: "window", avg, x } : { kind: "box-average", max, avg, x };
  return { N, x, omegaStar, model: makeModel({ N, T: N, beta: Q.ONE, qbar: Q.of(N).mul(o.q), f: o.f }) };
}

/** Draw number `run` of size N, and what it contributes. */
export function theorem1Run(o: Theorem1Options, setup: SizeSetup, run: number): RunTotals {
  const { N, omegaStar: set, model } = setup;
  const w = draw(o, N, run);
  const reports = retractProfile(set, w); // truthful agents; Lemma 1's retraction outside Ω*
  let cLo = Q.ZERO, cHi = Q.ZERO, uncertified = 0;
  for (const b of linkedTransferBounds(model, set, reports, o.tol)) {
    // bounds rounded outward to 96-bit dyadics: still certified, and the sums over agents and runs stay
    // short (the exact V* bounds have denominators that grow with every agent added)
    cLo = cLo.add(floorDyadic(Q.max(b.lo, Q.ZERO), 96)); // V* ≥ 0 on Ω* (the minimum is over a set containing the report)
    cHi = cHi.add(ceilDyadic(b.hi, 96));
    if (b.hi.sub(b.lo).gt(o.tol.mul(Q.max(Q.ONE, b.hi.abs())))) uncertified++;
  }
  return {
    inStar: w.every((row) => contains(set, row)),
    sEff: efficientSurplus(model, w),
    sMech: surplusAt(model, reports, w),
    cLo,
    cHi,
    cUnlinked: sum(unlinkedTransfers(model, w)),
    uncertified,
  };
}

/** One size's row from its runs' totals (in run order; the sums are exact, so order does not change them). */
export function sizeResult(setup: SizeSetup, runs: readonly RunTotals[], ms: number): SizeResult {
  const total = (pick: (r: RunTotals) => Q) => sum(runs.map(pick));
  const sEff = total((r) => r.sEff), sMech = total((r) => r.sMech), cLo = total((r) => r.cLo), cHi = total((r) => r.cHi);
  return {
    N: setup.N,
    x: setup.x,
    omegaStar: setup.omegaStar,
    runs: runs.length,
    inStar: runs.filter((r) => r.inStar).length,
    efficiency: sMech.div(sEff),
    costSurplus: { lo: cLo.div(sMech), hi: cHi.div(sMech) },
    costSurplusFloat: (cLo.toNumber() + cHi.toNumber()) / 2 / sMech.toNumber(),
    unlinkedCostSurplus: total((r) => r.cUnlinked).div(sEff),
    uncertified: runs.reduce((k, r) => k + r.uncertified, 0),
    ms: Math.round(ms),
  };
}

export type Theorem1Wire = Record<"sEff" | "sMech" | "cLo" | "cHi" | "cUnlinked", string> & { readonly inStar: boolean; readonly uncertified: number };

export const theorem1Codec: Codec<RunTotals, Theorem1Wire> = {
  encode: (r) => ({ inStar: r.inStar, sEff: r.sEff.toString(), sMech: r.sMech.toString(), cLo: r.cLo.toString(), cHi: r.cHi.toString(), cUnlinked: r.cUnlinked.toString(), uncertified: r.uncertified }),
  decode: (w) => ({ inStar: w.inStar, sEff: parseQ(w.sEff), sMech: parseQ(w.sMech), cLo: parseQ(w.cLo), cHi: parseQ(w.cHi), cUnlinked: parseQ(w.cUnlinked), uncertified: w.uncertified }),
};

export function theorem1Experiment(o: Theorem1Options): Experiment<SizeSetup, RunTotals, SizeResult> {
  checkTheorem1Options(o);
  return { sizes: o.sizes, runs: o.runs, setup: (N) => sizeSetup(o, N), run: (setup, run) => theorem1Run(o, setup, run), row: sizeResult };
}

/** The experiment on this thread, size after size (the CLI spreads the runs over worker threads instead). */
export function simulateTheorem1(o: Theorem1Options, onSize?: (r: SizeResult) => void): SizeResult[] {
  return runInThread(theorem1Experiment(o), onSize);
}
