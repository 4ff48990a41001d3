/**
 * An exact optimality certificate for α*(u) (eq. (6)): x ∈ Δ maximizes the concave xᵀu − φ(x) over
 * the simplex iff (KKT, Remark 3.1) u = ∇φ(x) − μe + λ with λ ≥ 0, λᵢ = 0 where xᵢ > 0 — that is,
 * uᵢ − ∂ᵢφ(x) equals one constant −μ wherever xᵢ > 0 and is at most it where xᵢ = 0. Needs φ
 * differentiable at x (densities, §2; Proposition 2.3); for densities the maximizer is then unique,
 * because distinct weight ratios allocate differently on a set of positive probability and so reach
 * distinct frontier points.
 */
import { Q } from "../../exact/rational.js";
import { simplestBetween } from "../../exact/simplest.js";
import type { ValueDist } from "./distribution.js";
import { gradient } from "./support.js";

/** μ of Remark 3.1 when x is certified to be α*(u), else null (discrete values: never — φ has kinks). */
export function kktMultiplier(ds: readonly ValueDist[], u: readonly Q[], x: readonly Q[]): Q | null {
  if (ds.some((d) => d.kind !== "density")) return null;
  const g = gradient(ds, x);
  const gap = u.map((ui, i) => ui.sub(g[i]!));
  const active = gap.filter((_, i) => x[i]!.sign() > 0);
  if (active.length === 0) return null;
  const c = active[0]!;
  if (!active.every((y) => y.eq(c))) return null;
  if (!gap.every((y, i) => x[i]!.sign() > 0 || y.le(c))) return null;
  return c.neg();
}

/**
 * α*(u) certified exactly from an approximation: x itself, or the simplest rational points near it
 * (Stern–Brocot, widening from 2⁻³⁰ to 2⁻⁴) whose KKT conditions hold exactly. Succeeds when α*(u)
 * is rational with a small denominator — the frontier and 45°-line states built from a rational
 * normal — and returns null otherwise (then only an enclosure is known).
 */
export function certifyAlphaStar(ds: readonly ValueDist[], u: readonly Q[], x: readonly Q[]): { alpha: Q[]; mu: Q } | null {
  const tryAt = (a: Q[]): { alpha: Q[]; mu: Q } | null => {
    const mu = kktMultiplier(ds, u, a);
    return mu === null ? null : { alpha: a, mu };
  };
  const direct = tryAt([...x]);
  if (direct) return direct;
  for (let k = 30; k >= 4; k -= 2) {
    const eps = Q.of(1, 2 ** k);
    const head = x.slice(0, -1).map((xi) => simplestBetween(Q.max(Q.ZERO, xi.sub(eps)), Q.min(Q.ONE, xi.add(eps))));
    const last = Q.ONE.sub(head.reduce((a, y) => a.add(y), Q.ZERO));
    if (last.sign() < 0) continue;
    const hit = tryAt([...head, last]);
    if (hit) return hit;
  }
  // Points with a common denominator q ≤ 64 near x (x may be off by 10⁻²: a box's point): each
  // coordinate rounded, the last taking the rest; with two agents both neighbours of x₀q.
  const lo = x.slice(0, -1);
  for (let q = 1; q <= 64; q++) {
    const Qq = Q.of(q);
    const firsts = x.length === 2 ? [lo[0]!.mul(Qq).floor(), lo[0]!.mul(Qq).floor().add(Q.ONE)] : [lo[0]!.mul(Qq).add(Q.of(1, 2)).floor()];
    for (const f0 of firsts) {
      const head = [f0, ...lo.slice(1).map((xi) => xi.mul(Qq).add(Q.of(1, 2)).floor())].map((k) => k.div(Qq));
      const last = Q.ONE.sub(head.reduce((a, y) => a.add(y), Q.ZERO));
      if (last.sign() < 0 || head.some((h) => h.sign() < 0)) continue;
      if (x.some((xi, i) => xi.sub(i < head.length ? head[i]! : last).abs().gt(Q.of(1, 20)))) continue;
      const hit = tryAt([...head, last]);
      if (hit) return hit;
    }
  }
  return null;
}
