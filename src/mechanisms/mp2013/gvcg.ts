/**
 * The generalized VCG mechanism (GVCG, §4): q outcome efficient on T* (q(t) ∈ argmax_c Σⱼ v̂ⱼ(c; t),
 * ties to the first outcome in the instance's order) and q = c₀ off T*; transfers
 *   αᵢ^q(t) = Σ_{j≠i} v̂ⱼ(q(t); t) − max_c Σ_{j≠i} v̂ⱼ(c; t) on T*, 0 off T*.
 * The pivot uses everyone's information, agent i's included: the first of §4's two schemes, the one
 * the paper studies.
 */
import { Q } from "../../exact/rational.js";
import { Surd } from "../../exact/surd.js";
import { derived, inSupport, vHat, type Derived, type Mp2013Model } from "../../models/mp2013/model.js";
import { memoMechanism, MP2013_KIND, type Mp2013Family } from "./types.js";

/** Σ_{j ∈ S} v̂ⱼ(c; t) for S = all agents but `skip` (skip = −1: everyone). */
export function groupValue(m: Mp2013Model, d: Derived, c: number, t: number, skip = -1): Q {
  let s = Q.ZERO;
  for (let j = 0; j < d.n; j++) if (j !== skip) s = s.add(vHat(m, d, j, c, t));
  return s;
}

/** An outcome-efficient choice at t ∈ T* (first maximizer), c₀ off T*. */
export function efficientOutcome(m: Mp2013Model, d: Derived, t: number): number {
  if (!inSupport(d, t)) return d.c0;
  let best = 0, bestV = groupValue(m, d, 0, t);
  for (let c = 1; c < m.outcomes.length; c++) {
    const v = groupValue(m, d, c, t);
    if (v.gt(bestV)) [best, bestV] = [c, v];
  }
  return best;
}

/** max_c Σ_{j≠i} v̂ⱼ(c; t): the others' best total, with everyone's information. */
export function pivot(m: Mp2013Model, d: Derived, i: number, t: number): Q {
  let best: Q | null = null;
  for (let c = 0; c < m.outcomes.length; c++) {
    const v = groupValue(m, d, c, t, i);
    if (best === null || v.gt(best)) best = v;
  }
  return best!;
}

export function gvcgTransfers(m: Mp2013Model, d: Derived, t: number, c: number): Q[] {
  if (!inSupport(d, t)) return new Array<Q>(d.n).fill(Q.ZERO);
  return Array.from({ length: d.n }, (_, i) => groupValue(m, d, c, t, i).sub(pivot(m, d, i, t)));
}

export const gvcgFamily: Mp2013Family = {
  name: "mp2013/gvcg",
  kind: MP2013_KIND,
  build(m) {
    const d = derived(m);
    const q = (t: number) => efficientOutcome(m, d, t);
    return memoMechanism("mp2013/gvcg", m, q, (t) => gvcgTransfers(m, d, t, q(t)).map((x) => Surd.of(x)));
  },
};
