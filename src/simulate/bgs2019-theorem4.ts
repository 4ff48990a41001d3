/**
 * bgs2019 Theorem 4.1 measured: for two agents and β ≥ β̲ (F_β̲ ≥ 1/2), F_β·J^FB = J_β ≤ J*_β ≤ J^FB,
 * so the relative welfare gap of the mechanism (p̂, ŵ) is 1 − F_β = ξ(1 − β)/m̲ = O(1 − β).
 *
 * For each β of a ladder the exact part is (13) and J^FB = φ(1, 1): F_β, J_β = F_β·J^FB and the
 * relative gap. The measured part runs the mechanism itself: `runs` paths of `horizon` periods from
 * u₀ = F_β·u* (u* the efficient point of 𝒰, ties to the lowest index), values drawn truthfully,
 * every state and promise exact. In the central region the main phase (9)–(11) at weights α*(u/F) —
 * certified exactly by KKT where possible (certified steps are counted), else a point of α*'s
 * enclosure; in the boundary region (some uᵢ < u̲) the random allocation of Remark 2.1. Each visited
 * state's membership in F_β𝒰 is decided exactly (certified bounds on I_𝒰); a path stops at the first
 * state outside (or undecided), and the stop is reported with its state — Proposition 4.1 failing on
 * a path.
 *
 * WHY THE ESTIMATOR IS UNBIASED. Promise keeping (PK(u)) holds for (10)–(11) at any weights and for
 * Remark 2.1, so M_t = Σ_{s<t}(1 − β)β^s Σᵢvᵢ,ₛpᵢ,ₛ + β^t Σᵢuᵢ,ₜ is a martingale with M₀ = Σu₀ = J_β;
 * a path's welfare estimate is M at its last period (the promised continuation counted at face value,
 * which Theorem 4.1's self-generation is what makes deliverable). The same draws give the first-best
 * estimate Σ(1 − β)β^s max v + β^T J^FB, whose mean is J^FB. Boundary periods count E[v·p^L] = uᵢ's
 * lottery by its probability (Rao–Blackwellised).
 *
 * DRAWS. Discrete values exactly by their probabilities; densities at the midpoints of 2^16 equal
 * cells of the chosen piece (a quadrature of the density, error O(2^−16)). Seeded: the same seed gives
 * the same paths.
 */
import { InputError } from "../exact/errors.js";
import { mulberry32 } from "../exact/prng.js";
import { parseQ, Q } from "../exact/rational.js";
import { inScaledSet, thresholds } from "../mechanisms/bgs2019/region.js";
import { buildCertified, mainPhase } from "../mechanisms/bgs2019/stage.js";
import { supportPoint } from "../models/bgs2019/alpha-star.js";
import { mean, type ValueDist } from "../models/bgs2019/distribution.js";
import type { Bgs2019Model, TieBreak } from "../models/bgs2019/json.js";
import { phi } from "../models/bgs2019/support.js";
import type { Codec, Experiment } from "./experiment.js";

export interface Theorem41Options {
  /** Two agents' value distributions. */
  readonly values: readonly ValueDist[];
  readonly betas: readonly Q[];
  /** ξ of (13) (the paper's (C.8) is in its missing appendix). */
  readonly xi: Q;
  /** The tie rule of (9) on the paths (as written, ties allocate twice: (FA) fails with discrete values). */
  readonly tieBreak: TieBreak;
  readonly runs: number;
  readonly horizon: number;
  readonly seed: number;
}

export interface Theorem41Setup {
  readonly index: number;
  readonly beta: Q;
  readonly F: Q;
  readonly uLow: Q;
  readonly JFB: Q;
  readonly u0: readonly Q[];
}

/** Why and where a path stopped before its horizon. */
export interface PathStop {
  readonly t: number;
  readonly why: string;
  readonly u: readonly string[];
}

export interface PathTotals {
  /** M at the last period: realized discounted welfare plus the discounted promise still owed. */
  readonly welfare: Q;
  /** The first-best estimate on the same draws. */
  readonly firstBest: Q;
  /** Σ_{s<t}(1 − β)β^s Σᵢvᵢpᵢ and Σ_{s<t}(1 − β)β^s max v: the periods actually played. */
  readonly played: Q;
  readonly playedFirstBest: Q;
  readonly periods: number;
  readonly central: number;
  readonly certified: number;
  readonly boundary: number;
  readonly stop: PathStop | null;
  /** The longest numerator or denominator (decimal digits) of a visited state. */
  readonly digits: number;
}

export interface Theorem41Row {
  readonly beta: string;
  readonly F: string;
  readonly uLow: string;
  readonly JFB: string;
  readonly Jbeta: string;
  /** 1 − F_β = (J^FB − J_β)/J^FB, exact. */
  readonly gap: string;
  /** (1 − F_β)/(1 − β) = ξ/m̲, exact. */
  readonly gapRate: string;
  /** F_β ≥ 1/2 (the theorem's β ≥ β̲). */
  readonly inHypothesis: boolean;
  readonly runs: number;
  readonly horizon: number;
  /** Mean and 95% interval of the welfare estimates (floats from exact values). */
  readonly welfareMean: number;
  readonly welfareCi: readonly [number, number];
  /** J_β inside the interval (the estimator is unbiased for J_β). */
  readonly covers: boolean;
  /** (J^FB − mean welfare)/J^FB, and its interval. */
  readonly measuredGap: number;
  readonly measuredGapCi: readonly [number, number];
  /** Σ played / Σ playedFirstBest over the runs: allocative efficiency of the periods played. */
  readonly efficiency: number;
  readonly periods: number;
  readonly centralShare: number;
  readonly certifiedShare: number;
  readonly boundaryShare: number;
  readonly stopped: number;
  readonly firstStop: PathStop | null;
  readonly digits: number;
  readonly ms: number;
}

/** Checks what the experiment needs; InputError names the flag. */
export function checkTheorem41Options(o: Theorem41Options): void {
  if (o.values.length !== 2) throw new InputError("--instance", `Theorem 4.1 is the two-agent mechanism of §4 (${o.values.length} agents given; §7's n-agent mechanism is bgs2019.proposition7.1)`);
  if (o.values.some((d) => mean(d).isZero())) throw new InputError("--instance", "eq. (13) divides by m̲ = minᵢ E[vᵢ], which must be > 0");
  if (o.xi.sign() <= 0) throw new InputError("--xi", `ξ must be positive, got ${o.xi}`);
  if (o.horizon < 1 || o.horizon > 2000) throw new InputError("--horizon", `periods per path in 1..2000 (got ${o.horizon})`);
  o.betas.forEach((b, k) => {
    if (b.sign() <= 0 || !b.lt(Q.ONE)) throw new InputError("--betas", `entry ${k + 1} is ${b}; β ∈ (0, 1)`);
    const { F } = thresholds(model(o, b, null));
    if (F.sign() <= 0) throw new InputError("--betas", `entry ${k + 1} (β = ${b}) gives F_β = ${F} ≤ 0 with ξ = ${o.xi}: take β closer to 1 or a smaller --xi`);
  });
}

function model(o: Theorem41Options, beta: Q, u: readonly Q[] | null): Bgs2019Model {
  return { values: o.values, beta, xi: o.xi, F: null, u, tieBreak: o.tieBreak, reports: null };
}

export function theorem41Setup(o: Theorem41Options, index: number): Theorem41Setup {
  const beta = o.betas[index]!;
  const { F, uLow } = thresholds(model(o, beta, null));
  const ones = o.values.map(() => Q.ONE);
  return { index, beta, F, uLow, JFB: phi(o.values, ones), u0: supportPoint(o.values, ones).map((x) => x.mul(F)) };
}

const CELLS = 2 ** 16;

/** One value drawn from d (see DRAWS above). */
export function drawValue(d: ValueDist, rnd: () => number): Q {
  let x = rnd();
  if (d.kind === "discrete") {
    for (const pt of d.points) {
      x -= pt.p.toNumber();
      if (x < 0) return pt.v;
    }
    return d.points[d.points.length - 1]!.v;
  }
  let piece = d.pieces[d.pieces.length - 1]!;
  for (const pc of d.pieces) {
    x -= pc.p.toNumber();
    if (x < 0) {
      piece = pc;
      break;
    }
  }
  const cell = Math.floor(rnd() * CELLS);
  return piece.from.add(piece.to.sub(piece.from).mul(Q.of(2 * cell + 1, 2 * CELLS)));
}

const digitsOf = (u: readonly Q[]): number => Math.max(...u.map((x) => Math.max(x.num.toString().length, x.den.toString().length)));

/** One path of the mechanism (see the header). */
export function theorem41Path(o: Theorem41Options, s: Theorem41Setup, run: number): PathTotals {
  const rnd = mulberry32((o.seed * 1_000_003 + s.index * 10_007 + run) >>> 0);
  const { beta, F, uLow } = s;
  const oneMinus = Q.ONE.sub(beta);
  const means = o.values.map(mean);
  let u = s.u0, disc = Q.ONE, played = Q.ZERO, playedFB = Q.ZERO;
  let central = 0, certified = 0, boundary = 0, digits = digitsOf(u), t = 0;
  let stop: PathStop | null = null;
  for (; t < o.horizon; t++) {
    const mem = inScaledSet(o.values, u, F);
    if (mem.inside !== true) {
      stop = { t, why: mem.inside === false ? `u left F𝒰: ${mem.why.replace(/ŵ/g, "u")}` : `u ∈ F𝒰 undecided: ${mem.why}`, u: u.map(String) };
      break;
    }
    const v = o.values.map((d) => drawValue(d, rnd));
    let p: Q[], w: Q[];
    if (u.some((x) => x.lt(uLow))) {
      boundary++;
      p = u.map((x, i) => x.div(means[i]!));
      w = [...u];
    } else {
      central++;
      const { mech, certified: exact } = buildCertified(mainPhase, model(o, beta, u));
      if (exact) certified++;
      const undef = mech.undefinedAt(v);
      if (undef) {
        stop = { t, why: undef, u: u.map(String) };
        break;
      }
      p = mech.allocate(v, 0);
      w = mech.transfer(v);
    }
    const step = oneMinus.mul(disc);
    played = played.add(step.mul(v.reduce((a, x, i) => a.add(x.mul(p[i]!)), Q.ZERO)));
    playedFB = playedFB.add(step.mul(v.reduce((a, x) => Q.max(a, x), Q.ZERO)));
    disc = disc.mul(beta);
    u = w;
    digits = Math.max(digits, digitsOf(u));
  }
  const owed = u.reduce((a, x) => a.add(x), Q.ZERO);
  return { welfare: played.add(disc.mul(owed)), firstBest: playedFB.add(disc.mul(s.JFB)), played, playedFirstBest: playedFB, periods: t, central, certified, boundary, stop, digits };
}

/** Mean and a normal-approximation 95% interval of xs. */
function meanCi(xs: readonly number[]): { mean: number; ci: [number, number] } {
  const n = xs.length, m = xs.reduce((a, x) => a + x, 0) / n;
  if (n < 2) return { mean: m, ci: [m, m] };
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1));
  const h = (1.96 * sd) / Math.sqrt(n);
  return { mean: m, ci: [m - h, m + h] };
}

export function theorem41Row(o: Theorem41Options, s: Theorem41Setup, runs: readonly PathTotals[], ms: number): Theorem41Row {
  const J = s.JFB.toNumber(), Jb = s.F.mul(s.JFB);
  const w = meanCi(runs.map((r) => r.welfare.toNumber()));
  const periods = runs.reduce((a, r) => a + r.periods, 0);
  const share = (k: number): number => (periods === 0 ? 0 : k / periods);
  const playedFB = runs.reduce((a, r) => a.add(r.playedFirstBest), Q.ZERO);
  const stops = runs.filter((r) => r.stop !== null);
  return {
    beta: s.beta.toString(),
    F: s.F.toString(),
    uLow: s.uLow.toString(),
    JFB: s.JFB.toString(),
    Jbeta: Jb.toString(),
    gap: Q.ONE.sub(s.F).toString(),
    gapRate: Q.ONE.sub(s.F).div(Q.ONE.sub(s.beta)).toString(),
    inHypothesis: s.F.ge(Q.HALF),
    runs: runs.length,
    horizon: o.horizon,
    welfareMean: w.mean,
    welfareCi: w.ci,
    covers: w.ci[0] <= Jb.toNumber() && Jb.toNumber() <= w.ci[1],
    measuredGap: (J - w.mean) / J,
    measuredGapCi: [(J - w.ci[1]) / J, (J - w.ci[0]) / J],
    efficiency: playedFB.isZero() ? 1 : runs.reduce((a, r) => a.add(r.played), Q.ZERO).div(playedFB).toNumber(),
    periods,
    centralShare: share(runs.reduce((a, r) => a + r.central, 0)),
    certifiedShare: share(runs.reduce((a, r) => a + r.certified, 0)),
    boundaryShare: share(runs.reduce((a, r) => a + r.boundary, 0)),
    stopped: stops.length,
    firstStop: stops[0]?.stop ?? null,
    digits: Math.max(0, ...runs.map((r) => r.digits)),
    ms: Math.round(ms),
  };
}

export function theorem41Experiment(o: Theorem41Options): Experiment<Theorem41Setup, PathTotals, Theorem41Row> {
  return {
    sizes: o.betas.map((_, k) => k),
    runs: o.runs,
    setup: (k) => theorem41Setup(o, k),
    run: (s, r) => theorem41Path(o, s, r),
    row: (s, runs, ms) => theorem41Row(o, s, runs, ms),
  };
}

type Wire = Omit<PathTotals, "welfare" | "firstBest" | "played" | "playedFirstBest"> & { welfare: string; firstBest: string; played: string; playedFirstBest: string };

export const theorem41Codec: Codec<PathTotals, Wire> = {
  encode: (t) => ({ ...t, welfare: t.welfare.toString(), firstBest: t.firstBest.toString(), played: t.played.toString(), playedFirstBest: t.playedFirstBest.toString() }),
  decode: (w) => ({ ...w, welfare: parseQ(w.welfare), firstBest: parseQ(w.firstBest), played: parseQ(w.played), playedFirstBest: parseQ(w.playedFirstBest) }),
};
