/**
 * Certified linked VCG minimum of the single-resource model (zhu2022/stylized) at the Theorem 1
 * size N = T = 64: exact bounds hi − lo ≤ 10⁻¹² relative vs a float water-filling estimate of the
 * same minimum (what a float tool would report, with no guarantee), on the same instances.
 */
import { Q, q } from "../exact/rational.js";
import { dateTerms, type DateTerm } from "../mechanisms/single-resource/date-terms.js";
import { certifiedMin, windowMinimum, type MinBounds } from "../mechanisms/single-resource/linked-min.js";
import { makeModel } from "../models/single-resource/model.js";
import { saturating } from "../models/single-resource/project.js";
import { pieces, type OmegaStar } from "../typespace/single-resource.js";
import { simulateTheorem1, sizeSetup, theorem1Run } from "../simulate/theorem1.js";
import { mulberry32, randInt } from "../exact/prng.js";
import { median, round } from "./stats.js";

export interface VStarBench {
  readonly set: string;
  readonly N: number;
  readonly instances: number;
  readonly exactMsMedian: number;
  readonly exactMsMax: number;
  readonly certified: number;
  readonly maxRelativeGap: number;
  readonly floatMsMedian: number | null;
  /** max |float − exact midpoint| / |exact|, where a float estimate exists. */
  readonly floatMaxRelativeError: number | null;
}

/** Float water-filling for a box [0, max]^T with Σx ≤ cap (h_t convex, non-increasing): bisection on the price. */
function floatWaterFilling(terms: readonly DateTerm[], max: number, cap: number): number {
  const xAt = (mu: number) =>
    terms.map((h) => {
      // argmin over [0, max] of h(x) + mu·x: the root of h'(x) = −mu (h' increasing), by bisection
      if (h.slopeF(max) + mu <= 0) return max;
      if (h.slopeF(0) + mu >= 0) return 0;
      let a = 0, b = max;
      for (let k = 0; k < 100; k++) {
        const m = (a + b) / 2;
        if (h.slopeF(m) + mu < 0) a = m;
        else b = m;
      }
      return (a + b) / 2;
    });
  const total = (x: number[]) => x.reduce((s, v) => s + v, 0);
  let lo = 0, hi = 1;
  while (total(xAt(hi)) > cap) hi *= 2;
  if (total(xAt(0)) <= cap) return terms.reduce((s, h, t) => s + h.valueF(xAt(0)[t]!), 0);
  for (let k = 0; k < 100; k++) {
    const m = (lo + hi) / 2;
    if (total(xAt(m)) > cap) lo = m;
    else hi = m;
  }
  const x = xAt(hi);
  return terms.reduce((s, h, t) => s + h.valueF(x[t]!), 0);
}

export function benchVStar(count: number, seed: number, N = 64): VStarBench[] {
  const f = saturating(Q.ONE, Q.ONE);
  const model = makeModel({ N, T: N, beta: Q.ONE, qbar: q(N), f });
  const avg = Q.ONE, x = q(1, 10), max = q(3);
  const window: OmegaStar = { kind: "window", avg, x };
  // The window's closed form (what linkedMinimum runs) beside the general LP-based method, same instances.
  const sets: [string, OmegaStar, (terms: DateTerm[]) => MinBounds][] = [
    ["box-average (stylized)", { kind: "box-average", max, avg, x }, (terms) => certifiedMin(terms, pieces({ kind: "box-average", max, avg, x }, N))],
    ["window (zhu2022), closed-form multipliers", window, (terms) => windowMinimum(terms, avg, x) ?? certifiedMin(terms, pieces(window, N))],
    ["window (zhu2022), general LP method (baseline)", window, (terms) => certifiedMin(terms, pieces(window, N))],
  ];
  return sets.map(([name, set, solve]) => {
    const rnd = mulberry32(seed); // the same instances for every row
    const times: number[] = [], ftimes: number[] = [], gaps: number[] = [], errs: number[] = [];
    let certified = 0;
    for (let i = 0; i < count; i++) {
      // endowments ω_avg ± small integer multiples of 1/20 (others only matter: agent 1 is minimized)
      const omega = Array.from({ length: N }, () => Array.from({ length: N }, () => avg.add(q(randInt(rnd, -8, 8), 20))));
      const terms = dateTerms(model, omega, 0);
      const t0 = performance.now();
      const m = solve(terms);
      times.push(performance.now() - t0);
      if (m.status === "certified") certified++;
      const mid = m.lo.add(m.hi).div(q(2)).toNumber();
      gaps.push(m.hi.sub(m.lo).toNumber() / Math.max(1, Math.abs(m.hi.toNumber())));
      if (set.kind === "box-average") {
        const t1 = performance.now();
        const fl = floatWaterFilling(terms, max.toNumber(), avg.add(x).toNumber() * N);
        ftimes.push(performance.now() - t1);
        errs.push(Math.abs(fl - mid) / Math.abs(mid));
      }
    }
    return {
      set: name,
      N,
      instances: count,
      exactMsMedian: round(median(times)),
      exactMsMax: round(Math.max(...times)),
      certified,
      maxRelativeGap: Math.max(...gaps),
      floatMsMedian: ftimes.length ? round(median(ftimes), 3) : null,
      floatMaxRelativeError: errs.length ? Math.max(...errs) : null,
    };
  });
}

export interface SimulationBench {
  readonly paper: "zhu2022" | "stylized";
  readonly rows: { readonly N: number; readonly runs: number; readonly ms: number; readonly costSurplusLo: number; readonly costSurplusHi: number; readonly costSurplusFloat: number }[];
  /** One whole draw at N = T = 256 (every agent's certified V*, surpluses, unlinked transfers), in ms. */
  readonly runMs256: number;
  /** 20 such draws on one core, in s: the N = 256 row alone, one thread (`bench --simulation` measures the whole experiment). */
  readonly oneCore256x20Sec: number;
}

/** The Theorem 1 simulation (src/simulate/theorem1.ts) at growing N, and one whole draw at N = 256. */
export function benchSimulation(paper: "zhu2022" | "stylized", sizes: readonly number[], runs: number, seed: number): SimulationBench {
  const f = saturating(Q.ONE, Q.ONE);
  const opts = { paper, sizes, runs, seed, q: Q.ONE, f, support: [q(1, 2), q(3, 2)], stay: Q.ZERO, epsilon: q(1, 100), tol: q(1, 1_000_000_000) };
  const rows = simulateTheorem1(opts).map((r) => ({ N: r.N, runs: r.runs, ms: r.ms, costSurplusLo: r.costSurplus.lo.toNumber(), costSurplusHi: r.costSurplus.hi.toNumber(), costSurplusFloat: r.costSurplusFloat }));
  const setup = sizeSetup(opts, 256);
  const t0 = performance.now();
  theorem1Run(opts, setup, 0);
  const runMs256 = round(performance.now() - t0, 0);
  return { paper, rows, runMs256, oneCore256x20Sec: round((runMs256 * 20) / 1000, 0) };
}
