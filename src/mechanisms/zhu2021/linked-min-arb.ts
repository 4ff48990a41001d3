/**
 * fast-check arbitraries for the linked VCG minimum (linked-min.ts): tiny valid repeated models,
 * report profiles, an agent and an order. Agents may hold unit-like projects (that is when ordA and
 * p-ordA differ); type bounds may be 0 (a fixed coordinate).
 *
 * The economy is drawn at a scale where agent n's report moves the knapsack (src/search's economyArb,
 * with supplies up to 20 against endowments up to 6, mostly gives one region per date): unit-like
 * types c·e_r with c ∈ [6, 14] (condition 1; "a last resort", §2), other types with integer inputs
 * in [0, 5], supplies k/d with k ∈ [4, 24], d ∈ {1, 2} (condition 2 enforced exactly by
 * repairCondition2); reports k/d with k ≤ 3 (k ≤ 4 for unit-like holdings, zero half of the time);
 * agent bounds μ̄ = k/d with k ≤ 6 (zero one time in six), μ_ ∈ {0, μ̄/2, μ̄}. Still, about half of
 * the draws have a single region at every date (agent n's types not invested, or saturated
 * throughout): the tests count the rich draws and also run on the benchmark's generator.
 */
import * as fc from "fast-check";
import { Q } from "../../exact/rational.js";
import type { RepeatedModel } from "../../models/zhu2021/repeated.js";
import type { Economy } from "../../models/zhu2021/economy.js";
import { repairCondition2 } from "../../search/zhu2021.js";
import type { Order } from "./allocation.js";
import type { LinkedMinInstance } from "./linked-min-bench.js";

export interface TinyShape {
  readonly maxN?: number;
  readonly minT?: number;
  readonly maxT?: number;
  readonly maxR?: number;
  /** Non-unit types, at most (I ≤ R + maxExtra). */
  readonly maxExtra?: number;
  /** Only this order, when given. */
  readonly order?: Order;
}

export function economyArbTight(maxR: number, maxExtra: number): fc.Arbitrary<Economy> {
  return fc
    .integer({ min: 1, max: maxR })
    .chain((R) =>
      fc.record({
        R: fc.constant(R),
        unit: fc.array(fc.integer({ min: 6, max: 14 }), { minLength: R, maxLength: R }),
        extra: fc.array(
          fc.array(fc.integer({ min: 0, max: 5 }), { minLength: R, maxLength: R }).map((v) => (v.every((x) => x === 0) ? v.map((_, r) => (r === 0 ? 1 : 0)) : v)),
          { minLength: 1, maxLength: maxExtra },
        ),
        supply: fc.array(fc.tuple(fc.integer({ min: 4, max: 24 }), fc.integer({ min: 1, max: 2 })), { minLength: R, maxLength: R }),
      }),
    )
    .map(({ R, unit, extra, supply }) => {
      const units = unit.map((c, i) => Array.from({ length: R }, (_, r) => (r === i ? Q.of(c) : Q.ZERO)));
      const theta = repairCondition2([...units, ...extra.map((v) => v.map((x) => Q.of(x)))], R);
      return { R, I: theta.length, theta, supply: supply.map(([k, d]) => Q.of(k, d)) } as Economy;
    })
    .filter((e) => e.I > e.R);
}

export function linkedMinInstanceArb(shape: TinyShape = {}): fc.Arbitrary<LinkedMinInstance> {
  const { maxN = 3, minT = 1, maxT = 3, maxR = 2, maxExtra = 2 } = shape;
  // Unbiased: fast-check's small-value bias would mostly draw degenerate instances (one region).
  return fc.noBias(economyArbTight(maxR, maxExtra).chain((econ) =>
    fc.record({ N: fc.integer({ min: 1, max: maxN }), T: fc.integer({ min: minT, max: maxT }) }).chain(({ N, T }) => {
      const I = econ.I;
      const half = (max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 1, max: 2 })).map(([k, d]) => Q.of(k, d));
      const entry = (i: number) => (i < econ.R ? fc.oneof(fc.constant(Q.ZERO), half(4)) : half(3));
      const row = fc.tuple(...Array.from({ length: I }, (_, i) => entry(i)));
      return fc
        .record({
          beta: fc.constantFrom(Q.ONE, Q.of(1, 2), Q.of(9, 10)),
          reports: fc.array(fc.array(row, { minLength: T, maxLength: T }), { minLength: N, maxLength: N }),
          muHigh: fc.array(fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(Q.ZERO) }, { weight: 5, arbitrary: half(6) }), { minLength: I, maxLength: I }), {
            minLength: N,
            maxLength: N,
          }),
          lowFrac: fc.array(fc.array(fc.constantFrom(Q.ZERO, Q.of(1, 2), Q.ONE), { minLength: I, maxLength: I }), { minLength: N, maxLength: N }),
          n: fc.integer({ min: 0, max: N - 1 }),
          order: shape.order === undefined ? fc.constantFrom<Order>("ord", "p-ord") : fc.constant(shape.order),
        })
        .map(({ beta, reports, muHigh, lowFrac, n, order }) => {
          const muLow = muHigh.map((h, m) => h.map((x, i) => x.mul((lowFrac[m] as Q[])[i] as Q)));
          const model: RepeatedModel = { econ, N, T, beta, muLow, muHigh };
          return { model, reports: reports.map((r) => r.map((x) => x.slice())), n, order };
        });
    }),
  ));
}
