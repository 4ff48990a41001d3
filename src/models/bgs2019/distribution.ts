/**
 * Balseiro–Gurkan–Sun (2019) §2: each agent's value is i.i.d. over periods with CDF Fᵢ on [0, v̄].
 * The paper assumes densities bounded away from 0; mechcheck represents them exactly as
 * piecewise-uniform densities on rational breakpoints (the CDF is then piecewise linear), and also
 * takes discrete distributions (finite supports), which lie outside the paper's hypotheses: ties
 * then have positive probability, and claims report where a conclusion breaks there.
 */
import { PiecewisePoly, type Piece } from "../../exact/piecewise.js";
import { Q } from "../../exact/rational.js";

export type ValueDist =
  /** P(v = vₖ) = pₖ > 0, values ascending and distinct. */
  | { readonly kind: "discrete"; readonly points: readonly { readonly v: Q; readonly p: Q }[] }
  /** Mass pₖ > 0 spread uniformly on [fromₖ, toₖ), pieces contiguous from 0. */
  | { readonly kind: "density"; readonly pieces: readonly { readonly from: Q; readonly to: Q; readonly p: Q }[] };

/** E[v]. */
export function mean(d: ValueDist): Q {
  if (d.kind === "discrete") return d.points.reduce((a, x) => a.add(x.v.mul(x.p)), Q.ZERO);
  return d.pieces.reduce((a, x) => a.add(x.p.mul(x.from.add(x.to)).div(Q.of(2))), Q.ZERO);
}

/** v̄: the top of the support. */
export const top = (d: ValueDist): Q => (d.kind === "discrete" ? d.points[d.points.length - 1]!.v : d.pieces[d.pieces.length - 1]!.to);

/** The density bounded away from 0 on [0, v̄] (§2's hypothesis): a density whose every piece has mass > 0 and which starts at 0. */
export const hasDensity = (d: ValueDist): boolean => d.kind === "density";

/** F(x) = P(v ≤ x) as a piecewise polynomial (right-continuous). */
export function cdf(d: ValueDist): PiecewisePoly {
  const pieces: Piece[] = [];
  let acc = Q.ZERO;
  if (d.kind === "discrete") {
    d.points.forEach((x, k) => {
      acc = acc.add(x.p);
      const next = d.points[k + 1];
      if (next) pieces.push({ lo: x.v, hi: next.v, c: [acc] });
    });
    return new PiecewisePoly(d.points[0]!.v, pieces, Q.ONE);
  }
  for (const x of d.pieces) {
    // acc + p·(t − from)/(to − from)
    const slope = x.p.div(x.to.sub(x.from));
    pieces.push({ lo: x.from, hi: x.to, c: [acc.sub(slope.mul(x.from)), slope] });
    acc = acc.add(x.p);
  }
  return new PiecewisePoly(d.pieces[0]!.from, pieces, Q.ONE);
}

/** E[g(v)] for a polynomial g, exactly. */
export function expectPoly(d: ValueDist, g: readonly Q[]): Q {
  if (d.kind === "discrete") return d.points.reduce((a, x) => a.add(x.p.mul(g.reduce((s, c, k) => s.add(c.mul(x.v.pow(k))), Q.ZERO))), Q.ZERO);
  const dens = new PiecewisePoly(d.pieces[0]!.from, d.pieces.map((x) => ({ lo: x.from, hi: x.to, c: [x.p.div(x.to.sub(x.from))] })), Q.ZERO);
  return dens.integrate(d.pieces[0]!.from, top(d), g);
}
