/**
 * fast-check arbitraries for zhu2021 (§2–3): valid economies (conditions 1 and 2 guaranteed: the
 * exact validator repairs a candidate by dropping the offending type), points (q, μ) of QM, and
 * segments for Lemma 3. Shrinking goes toward fewer resources, fewer types and smaller numbers.
 */
import * as fc from "fast-check";
import { Q } from "../exact/rational.js";
import type { Economy } from "../models/zhu2021/economy.js";
import type { Endowment } from "../models/zhu2021/knapsack.js";
import { checkCondition2 } from "../models/zhu2021/conditions.js";
import { nonNegRational, posInt, posRational } from "./numbers.js";

export interface EconomyShape {
  readonly minR?: number;
  readonly maxR?: number;
  /** Number of non-unit types (I − R), at most. */
  readonly maxExtra?: number;
  /** Largest coordinate of a non-unit type. */
  readonly maxCoord?: number;
}

/** Drops offending non-unit types until condition 2 holds (unit types alone always satisfy it). */
export function repairCondition2(theta: readonly (readonly Q[])[], R: number): Q[][] {
  let types = theta.map((t) => t.slice());
  for (;;) {
    const rep = checkCondition2(types, R);
    if (rep.ok) return types;
    const drop = Math.max(...rep.types);
    types = types.filter((_, i) => i !== drop);
  }
}

function nonZeroType(R: number, maxCoord: number): fc.Arbitrary<Q[]> {
  return fc
    .array(nonNegRational(maxCoord, 2), { minLength: R, maxLength: R })
    .map((v) => (v.every((x) => x.isZero()) ? v.map((_, r) => (r === 0 ? Q.ONE : Q.ZERO)) : v));
}

export function economyArb(shape: EconomyShape = {}): fc.Arbitrary<Economy> {
  const { minR = 1, maxR = 3, maxExtra = 4, maxCoord = 10 } = shape;
  return fc
    .integer({ min: minR, max: maxR })
    .chain((R) =>
      fc.record({
        R: fc.constant(R),
        // Half the time in the paper's regime (§2): unit-like types use a lot of their resource, so
        // they are the last resort and the other types get invested, partially or fully.
        unit: fc.array(fc.oneof(posInt(12), fc.integer({ min: 8, max: 30 }).map((n) => Q.of(n))), { minLength: R, maxLength: R }),
        extra: fc.array(nonZeroType(R, maxCoord), { minLength: 1, maxLength: maxExtra }),
        supply: fc.array(posRational(20, 3), { minLength: R, maxLength: R }),
      }),
    )
    .map(({ R, unit, extra, supply }) => {
      const units = unit.map((c, i) => Array.from({ length: R }, (_, r) => (r === i ? c : Q.ZERO)));
      const theta = repairCondition2([...units, ...extra], R);
      return { R, I: theta.length, theta, supply } as Economy;
    })
    .filter((e) => e.I > e.R);
}

/** An endowment μ ≥ μ⁰ of the economy's types: unit-like types infinite, the others finite ≥ 0. */
export function qmEndowmentArb(econ: Economy, maxNum = 6): fc.Arbitrary<Endowment[]> {
  return fc
    .array(nonNegRational(maxNum, 4), { minLength: econ.I - econ.R, maxLength: econ.I - econ.R })
    .map((rest) => [...Array.from({ length: econ.R }, () => null), ...rest]);
}

/** A resource vector q ∈ (0, ∞)^R. */
export function resourceArb(econ: Economy): fc.Arbitrary<Q[]> {
  return fc.array(posRational(20, 3), { minLength: econ.R, maxLength: econ.R });
}

/** One point (q, μ) of QM over a generated economy. */
export interface KnapsackInstance {
  readonly econ: Economy;
  readonly q: readonly Q[];
  readonly mu: readonly Endowment[];
}

export function knapsackInstanceArb(shape: EconomyShape = {}): fc.Arbitrary<KnapsackInstance> {
  return economyArb(shape).chain((econ) => fc.record({ econ: fc.constant(econ), q: resourceArb(econ), mu: qmEndowmentArb(econ) }));
}
