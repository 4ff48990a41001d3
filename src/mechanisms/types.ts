/**
 * The one interface every mechanism implements, so that properties apply to any variant a user
 * plugs in. A mechanism is built for one model; a `MechanismFamily` builds it for any model of its
 * kind (claims generate models, so `hunt` takes families).
 */
import type { Q } from "../exact/rational.js";

/**
 * `Money` is the exact number type of transfers: `Q` for every mechanism with rational transfers;
 * mp2013's augmented mechanisms pay square roots (spherical scoring), exactly, as `Surd`.
 */
export interface Mechanism<Model, Profile, Allocation, Money = Q> {
  /** e.g. "zhu2021/linked-vcg/ord". */
  readonly name: string;
  /** The subject kind claims match on, e.g. "zhu2021/repeated". */
  readonly kind: string;
  readonly model: Model;
  /** Allocation at date t (0-based); adapted: may read the profile through date t only. One-shot mechanisms take t = 0. */
  allocate(profile: Profile, t: number): Allocation;
  /** One transfer per agent. */
  transfer(profile: Profile): Money[];
}

export interface MechanismFamily<Model, M> {
  readonly name: string;
  readonly kind: string;
  build(model: Model): M;
}

/** Certified rational bounds lo ≤ value ≤ hi (lo = hi when the value is exact). */
export interface Interval {
  readonly lo: Q;
  readonly hi: Q;
}

/** "v" when exact, "[lo, hi]" otherwise. */
export const showInterval = (i: Interval): string => (i.lo.eq(i.hi) ? i.lo.toString() : `[${i.lo}, ${i.hi}]`);

/** Exact when short; else a 6-digit decimal marked ≈ (for terminal tables; JSON keeps the exact value). */
export const shortQ = (x: Q): string => {
  const s = x.toString();
  return s.length <= 24 ? s : `≈${x.toNumber().toPrecision(6)}`;
};

/** showInterval with shortQ ends. */
export const shortInterval = (i: Interval): string => (i.lo.eq(i.hi) ? shortQ(i.lo) : `[${shortQ(i.lo)}, ${shortQ(i.hi)}]`);

/**
 * A mechanism whose transfers are irrational in general (the linked VCG of zhu2022/stylized is
 * Vⁿ minus a minimum of a strictly convex function): it returns certified bounds instead of
 * values, and claims decide a verdict only when the bounds decide it.
 */
export interface BoundedMechanism<Model, Profile, Allocation> {
  readonly name: string;
  readonly kind: string;
  readonly model: Model;
  allocate(profile: Profile, t: number): Allocation;
  /** One certified interval per agent. */
  transferBounds(profile: Profile): Interval[];
  /**
   * Optional: certified bounds on Wⁿ(lie) − Wⁿ(truth) for profiles differing only in agent n's
   * reports. Incentive checks need only this difference, and for Groves transfers whose pivot
   * depends on ω⁻ⁿ alone it is exact even when each transfer is irrational.
   */
  unilateralDifference?(truth: Profile, lie: Profile, n: number): Interval;
}
