/**
 * The support function of the perfect-information achievable set 𝒰 (§2.3, eq. (5)):
 *   φ(α) = E[maxᵢ αᵢvᵢ],
 * and the partial derivatives of Proposition 2.3, ∂φ/∂αᵢ = E[vᵢ·1{αᵢvᵢ ≥ max_{j≠i} αⱼvⱼ}], exactly.
 * With αᵢvᵢ independent, P(maxᵢ αᵢvᵢ ≤ t) = Πᵢ Fᵢ(t/αᵢ), so φ(α) = ∫₀^T (1 − Πᵢ Fᵢ(t/αᵢ)) dt with
 * T = maxᵢ αᵢv̄ᵢ: an integral of a piecewise polynomial. With ties of positive probability (discrete
 * values) the paper's "≥" gives the right partial derivative; the left one counts strict wins.
 */
import { PiecewisePoly } from "../../exact/piecewise.js";
import { Q } from "../../exact/rational.js";
import { cdf, top, type ValueDist } from "./distribution.js";

/** The CDF of a·v (a ≥ 0): a point mass at 0 when a = 0. */
export function weightedCdf(d: ValueDist, a: Q): PiecewisePoly {
  return a.isZero() ? PiecewisePoly.constant(Q.ONE) : cdf(d).stretch(a);
}

/** P(max_{j ∈ js} αⱼvⱼ ≤ t) as a function of t. */
function maxCdf(ds: readonly ValueDist[], alpha: readonly Q[], js: readonly number[]): PiecewisePoly {
  return js.reduce((acc, j) => acc.mul(weightedCdf(ds[j]!, alpha[j]!)), PiecewisePoly.constant(Q.ONE));
}

/** φ(α) = E[maxᵢ αᵢvᵢ] for α ≥ 0. */
export function phi(ds: readonly ValueDist[], alpha: readonly Q[]): Q {
  const T = ds.reduce((a, d, i) => Q.max(a, alpha[i]!.mul(top(d))), Q.ZERO);
  if (T.isZero()) return Q.ZERO;
  const G = maxCdf(ds, alpha, ds.map((_, i) => i));
  return T.sub(G.integrate(Q.ZERO, T));
}

/** E[vᵢ·H(αᵢvᵢ)] for a function H of the others' weighted maximum (its CDF, or its left limits). */
function expectAgainst(d: ValueDist, ai: Q, H: PiecewisePoly, strict: boolean): Q {
  const h = (s: Q) => (strict ? H.leftAt(s) : H.at(s));
  if (d.kind === "discrete") return d.points.reduce((a, x) => a.add(x.p.mul(x.v).mul(h(ai.mul(x.v)))), Q.ZERO);
  // A density: ties have probability 0 unless αᵢ = 0 (then αᵢvᵢ = 0 is a point mass).
  if (ai.isZero()) return d.pieces.reduce((a, x) => a.add(x.p.mul(x.from.add(x.to)).div(Q.of(2))), Q.ZERO).mul(h(Q.ZERO));
  const Hv = H.stretch(Q.ONE.div(ai)); // v ↦ H(αᵢv)
  return d.pieces.reduce((a, x) => a.add(Hv.integrate(x.from, x.to, [Q.ZERO, x.p.div(x.to.sub(x.from))])), Q.ZERO);
}

/** The paper's ∂φ/∂αᵢ = E[vᵢ·1{αᵢvᵢ ≥ max_{j≠i} αⱼvⱼ}]: the right partial derivative (ties count for i). */
export function partialRight(ds: readonly ValueDist[], alpha: readonly Q[], i: number): Q {
  return expectAgainst(ds[i]!, alpha[i]!, maxCdf(ds, alpha, ds.map((_, j) => j).filter((j) => j !== i)), false);
}

/** E[vᵢ·1{αᵢvᵢ > max_{j≠i} αⱼvⱼ}]: the left partial derivative (i must win outright), for αᵢ > 0. */
export function partialLeft(ds: readonly ValueDist[], alpha: readonly Q[], i: number): Q {
  return expectAgainst(ds[i]!, alpha[i]!, maxCdf(ds, alpha, ds.map((_, j) => j).filter((j) => j !== i)), true);
}

/** ∇φ by the paper's formula (right partials). */
export const gradient = (ds: readonly ValueDist[], alpha: readonly Q[]): Q[] => ds.map((_, i) => partialRight(ds, alpha, i));
