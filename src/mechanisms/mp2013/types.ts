/**
 * The mechanisms of McLean–Postlewaite (2013) on a finite model: a mechanism (q, (xᵢ)) maps a
 * profile index t ∈ T to an outcome index q(t) and transfers xᵢ(t). Transfers are exact `Surd`s:
 * rational for GVCG and the balanced scheme, with square roots once spherical-scoring rewards zᵢ
 * are added. Every family below has kind "mp2013/mechanism", so each claim about "a mechanism"
 * applies to any of them and to a user's variant (`hunt`).
 */
import type { Surd } from "../../exact/surd.js";
import type { Mp2013Model } from "../../models/mp2013/model.js";
import type { Mechanism, MechanismFamily } from "../types.js";

export const MP2013_KIND = "mp2013/mechanism";

export type Mp2013Mechanism = Mechanism<Mp2013Model, number, number, Surd>;

export type Mp2013Family = MechanismFamily<Mp2013Model, Mp2013Mechanism>;

/** Caches q(t) and x(t) per profile: claims read each many times. */
export function memoMechanism(name: string, model: Mp2013Model, outcome: (t: number) => number, transfer: (t: number) => Surd[]): Mp2013Mechanism {
  const qs = new Map<number, number>();
  const xs = new Map<number, Surd[]>();
  return {
    name,
    kind: MP2013_KIND,
    model,
    allocate(t) {
      let c = qs.get(t);
      if (c === undefined) qs.set(t, (c = outcome(t)));
      return c;
    },
    transfer(t) {
      let x = xs.get(t);
      if (x === undefined) xs.set(t, (x = transfer(t)));
      return x;
    },
  };
}
