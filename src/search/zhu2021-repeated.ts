/**
 * Arbitraries for the repeated model of zhu2021 §2: a small valid economy, N agents, T dates, β,
 * and a true profile μ with bounds μ_ ≤ μ̄ chosen around it, so that μ ∈ Ω(T, μ_, μ̄) by
 * construction. Agents hold unit-like projects sometimes (that is when ordA and p-ordA differ).
 */
import * as fc from "fast-check";
import { Q } from "../exact/rational.js";
import type { Economy } from "../models/zhu2021/economy.js";
import type { RepeatedModel } from "../models/zhu2021/repeated.js";
import { nonNegRational, unitOpen } from "./numbers.js";
import { economyArb, type EconomyShape } from "./zhu2021.js";

export interface RepeatedShape {
  readonly minN?: number;
  readonly maxN?: number;
  readonly minT?: number;
  readonly maxT?: number;
  readonly economy?: EconomyShape;
  /** Allow β < 1 (otherwise β = 1). */
  readonly discount?: boolean;
}

export interface RepeatedCase {
  readonly model: RepeatedModel;
  /** The true endowments, in Ω(T, μ_, μ̄). */
  readonly truth: Q[][][];
}

/** One agent-date endowment: unit-like types usually 0, the others small rationals. */
function endowmentArb(econ: Economy): fc.Arbitrary<Q[]> {
  return fc.tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(Q.ZERO) }, { weight: 1, arbitrary: nonNegRational(4, 2) }), { minLength: econ.R, maxLength: econ.R }),
    fc.array(nonNegRational(6, 3), { minLength: econ.I - econ.R, maxLength: econ.I - econ.R }),
  ).map(([u, o]) => [...u, ...o]);
}

export function profileArb(econ: Economy, N: number, T: number): fc.Arbitrary<Q[][][]> {
  return fc.array(fc.array(endowmentArb(econ), { minLength: T, maxLength: T }), { minLength: N, maxLength: N });
}

export function repeatedCaseArb(shape: RepeatedShape = {}): fc.Arbitrary<RepeatedCase> {
  const { minN = 1, maxN = 3, minT = 1, maxT = 3, economy = { maxR: 2, maxExtra: 3, maxCoord: 8 }, discount = true } = shape;
  return economyArb(economy).chain((econ) =>
    fc
      .record({
        N: fc.integer({ min: minN, max: maxN }),
        T: fc.integer({ min: minT, max: maxT }),
        beta: discount ? fc.oneof(fc.constant(Q.ONE), unitOpen(6)) : fc.constant(Q.ONE),
      })
      .chain(({ N, T, beta }) =>
        fc.record({
          truth: profileArb(econ, N, T),
          // μ_ = ℓ·average and μ̄ = average + slack, per agent and type.
          low: fc.array(fc.array(fc.constantFrom(Q.ZERO, Q.HALF, Q.ONE), { minLength: econ.I, maxLength: econ.I }), { minLength: N, maxLength: N }),
          slack: fc.array(fc.array(nonNegRational(3, 2), { minLength: econ.I, maxLength: econ.I }), { minLength: N, maxLength: N }),
        }).map(({ truth, low, slack }) => {
          const TQ = Q.of(T);
          const avg = truth.map((row) => Array.from({ length: econ.I }, (_, i) => row.reduce((s, c) => s.add(c[i] as Q), Q.ZERO).div(TQ)));
          const muLow = avg.map((a, n) => a.map((x, i) => x.mul(low[n]![i]!)));
          const muHigh = avg.map((a, n) => a.map((x, i) => x.add(slack[n]![i]!)));
          return { model: { econ, N, T, beta, muLow, muHigh }, truth };
        }),
      ),
  );
}
