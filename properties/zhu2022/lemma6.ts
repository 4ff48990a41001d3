/**
 * zhu2022 §4.1.3, Lemma 6: for ω ∈ Ω**(N), V*ⁿ(ω) ≤ N·2x(N)·a(N) + N(ω_avg + x(N))(b(N) − a(N)),
 * with a(N), b(N) as defined in its proof (products of the bounds on the two factors of (4)).
 */
import { Q, q } from "../../src/exact/rational.js";
import type { FamilyCase } from "../../src/search/single-resource.js";
import { outsideZhu2022DoubleStar, zhu2022Star } from "../shared/single-resource.js";
import { transferBoundClaim } from "../shared/transfer-bound.js";

/** a(N) and b(N) of the proof of Lemma 6, exactly (null when ω_avg ≤ y(N)). */
export function lemma6Constants(c: FamilyCase): { a: Q; b: Q } | null {
  const { N, q: qq, avg, x, y, f } = c;
  const lo = avg.sub(y), hi = avg.add(y);
  if (!lo.gt(Q.ZERO)) return null;
  const n1 = q(N - 1);
  const ratio = q(N).div(n1).mul(qq); // (N/(N−1))·q
  const wide = avg.div(n1).add(q(2 * N - 1).div(n1).mul(x)).add(hi); // ω_avg/(N−1) + (2N−1)x/(N−1) + ω_avg + y
  const a = f.df(ratio.div(lo)).mul(lo.mul(qq)).div(hi.mul(wide));
  const b = f.df(ratio.div(wide)).mul(hi.mul(qq)).div(lo.mul(lo));
  return { a, b };
}

export const zhu2022Lemma6 = transferBoundClaim({
  id: "zhu2022.lemma6",
  paper: "zhu2022",
  section: "§4.1.3, Lemma 6",
  statement: "For all agents n and ω ∈ Ω**(N): V*ⁿ(ω) ≤ N·2x(N)·a(N) + N(ω_avg + x(N))(b(N) − a(N)).",
  expect: "holds",
  star: zhu2022Star,
  outside: outsideZhu2022DoubleStar,
  bound(c) {
    const k = lemma6Constants(c);
    if (!k) return `ω_avg − y(N) = ${c.avg.sub(c.y)} ≤ 0: a(N), b(N) are undefined`;
    return q(2 * c.N).mul(c.x).mul(k.a).add(q(c.N).mul(c.avg.add(c.x)).mul(k.b.sub(k.a)));
  },
});
