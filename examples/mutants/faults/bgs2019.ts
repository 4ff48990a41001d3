/**
 * Planted bugs for the bgs2019 claims: ∂φ/∂αᵢ computed without the others' weights (comparing αᵢvᵢ
 * with max_{j≠i} vⱼ), a slip that keeps the formula's shape and its value at equal weights.
 */
import { Q } from "../../../src/exact/rational.js";
import { PiecewisePoly } from "../../../src/exact/piecewise.js";
import { phi, weightedCdf } from "../../../src/models/bgs2019/support.js";
import type { ValueDist } from "../../../src/models/bgs2019/distribution.js";
import { SUPPORT_KIND, type SupportImpl } from "../../../properties/bgs2019/proposition2-3.js";

/** E[vᵢ·1{αᵢvᵢ ≥ max_{j≠i} vⱼ}]: the others' weights forgotten. */
function unweightedPartial(ds: readonly ValueDist[], alpha: readonly Q[], i: number): Q {
  const ones = ds.map(() => Q.ONE);
  const H = ds.reduce((acc, d, j) => (j === i ? acc : acc.mul(weightedCdf(d, ones[j]!))), PiecewisePoly.constant(Q.ONE));
  const d = ds[i]!, ai = alpha[i]!;
  if (d.kind === "discrete") return d.points.reduce((a, x) => a.add(x.p.mul(x.v).mul(H.at(ai.mul(x.v)))), Q.ZERO);
  if (ai.isZero()) return Q.ZERO;
  const Hv = H.stretch(Q.ONE.div(ai));
  return d.pieces.reduce((a, x) => a.add(Hv.integrate(x.from, x.to, [Q.ZERO, x.p.div(x.to.sub(x.from))])), Q.ZERO);
}

export const unweightedSupport: SupportImpl = { name: "φ with ∂φ/∂αᵢ = E[vᵢ1{αᵢvᵢ ≥ max_{j≠i} vⱼ}]", kind: SUPPORT_KIND, phi, partial: unweightedPartial };
