/**
 * `simulate mp2013.lemmaB` and `simulate mp2013.theorem3`: the replica P^r of one base (§8) as r
 * grows, everything exact (count vectors; one deterministic run per r).
 *  - Lemma B: ν^{P^r} (with its maximizing pair and event mass) and r^k·ν^{P^r}, which the lemma says
 *    tends to 0 for every k.
 *  - Theorem 3: the proof's mechanism at each r — the closing inequality (as printed, and with Claim
 *    2's r + 1), the largest interim gain, the largest Prob{gain > ε | tᵢ} (weak ε-ex post IC), the
 *    lowest truthful payoff (ex post IR) and max Σᵢ zᵢ^r — so one sees from which r each conclusion
 *    holds, against where the proof's inequality starts to guarantee it.
 */
import { Q } from "../exact/rational.js";
import { evaluateTheorem3, lambdaStar, ReplicaGvcg, theorem3Condition } from "../equilibrium/mp2013-replica.js";
import { theorem3Reward } from "../mechanisms/mp2013/replica.js";
import { CountWeights, replicaDerived, replicaSize, type ReplicaBase } from "../models/mp2013/replica.js";
import type { Codec, Experiment } from "./experiment.js";

export interface ReplicaOptions {
  readonly base: ReplicaBase;
  readonly sizes: readonly number[];
  /** The power in r^k·ν^{P^r}. */
  readonly k: number;
  readonly theorem3: boolean;
  readonly epsilon: Q;
}

export interface Theorem3Part {
  readonly lambdaStar: string;
  readonly lambdaStarFloat: number;
  readonly lhs: number;
  readonly rhsPrinted: string;
  readonly printed: boolean;
  readonly claim2: boolean;
  readonly interimGain: string;
  readonly interimGainFloat: number;
  readonly interimIC: boolean;
  readonly weakProb: string;
  readonly weakIC: boolean;
  readonly irMin: number;
  readonly ir: boolean;
  readonly zSumMax: number;
  readonly zSumOK: boolean;
}

/** One r: exact values as strings (they cross thread boundaries and go to JSON as they are). */
export interface ReplicaRow {
  readonly r: number;
  readonly counts: number;
  readonly nu: string;
  readonly nuFloat: number;
  readonly pair: readonly [string, string];
  readonly eventProb: string;
  readonly rkNu: number;
  readonly theorem3: Theorem3Part | null;
  readonly ms: number;
}

type Totals = Omit<ReplicaRow, "ms">;

export function replicaRow(o: ReplicaOptions, r: number): Totals {
  const b = o.base, d = replicaDerived(b), cw = new CountWeights(d);
  const s = replicaSize(b, r, cw);
  let t3: Theorem3Part | null = null;
  if (o.theorem3) {
    const e = evaluateTheorem3(b, r, theorem3Reward, o.epsilon, new ReplicaGvcg(b, r, cw));
    const ls = lambdaStar(d).value;
    const c = theorem3Condition(d, b.signals.length, r, o.epsilon, s.value, ls);
    t3 = {
      lambdaStar: ls.toString(),
      lambdaStarFloat: ls.toNumber(),
      lhs: c.lhs.toNumber(),
      rhsPrinted: c.rhsPrinted.toString(),
      printed: c.printed,
      claim2: c.claim2,
      interimGain: e.interim.gain.toString(),
      interimGainFloat: e.interim.gain.toNumber(),
      interimIC: e.interim.gain.sign() <= 0,
      weakProb: e.weak.prob.toString(),
      weakIC: e.weak.prob.le(o.epsilon),
      irMin: e.ir.value.toNumber(),
      ir: e.ir.value.sign() >= 0,
      zSumMax: e.zSumMax.toNumber(),
      zSumOK: e.zSumMax.le(o.epsilon),
    };
  }
  return {
    r,
    counts: s.counts,
    nu: s.value.toString(),
    nuFloat: s.value.toNumber(),
    pair: [b.signals[s.ti]!, b.signals[s.ti2]!],
    eventProb: s.eventProb.toString(),
    rkNu: s.value.mul(Q.of(r).pow(o.k)).toNumber(),
    theorem3: t3,
  };
}

export function replicaExperiment(o: ReplicaOptions): Experiment<number, Totals, ReplicaRow> {
  return {
    sizes: o.sizes,
    runs: 1,
    setup: (r) => r,
    run: (r) => replicaRow(o, r),
    row: (_r, runs, ms) => ({ ...runs[0]!, ms: Math.round(ms) }),
  };
}

/** Rows are plain data already. */
export const replicaCodec: Codec<Totals, Totals> = { encode: (t) => t, decode: (t) => t };
