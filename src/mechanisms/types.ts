/**
 * The one interface every mechanism implements, so that properties apply to any variant a user
 * plugs in. A mechanism is built for one model; a `MechanismFamily` builds it for any model of its
 * kind (claims generate models, so `hunt` takes families).
 */
import type { Q } from "../exact/rational.js";

export interface Mechanism<Model, Profile, Allocation> {
  /** e.g. "zhu2021/linked-vcg/ord". */
  readonly name: string;
  /** The subject kind claims match on, e.g. "zhu2021/repeated". */
  readonly kind: string;
  readonly model: Model;
  /** Allocation at date t (0-based); adapted: may read the profile through date t only. */
  allocate(profile: Profile, t: number): Allocation;
  /** One transfer per agent. */
  transfer(profile: Profile): Q[];
}

export interface MechanismFamily<Model, M> {
  readonly name: string;
  readonly kind: string;
  build(model: Model): M;
}
