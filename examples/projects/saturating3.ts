/**
 * A project family of your own for zhu2022/stylized instances (`--project examples/projects/saturating3.ts`):
 * f(a) = k·(1 − b³/(b + a)³), strictly concave and increasing, f(0) = 0, f'(0) = 3k/b < ∞.
 * Everything is exact on rationals; the float twins only guide where exact work happens.
 */
import { Q, q } from "../../src/exact/rational.js";
import type { ProjectType } from "../../src/models/single-resource/project.js";

function saturating3(k: Q, b: Q): ProjectType {
  const kf = k.toNumber(), bf = b.toNumber();
  return {
    name: `saturating3(k=${k},b=${b})`,
    family: "saturating3",
    params: { k: k.toString(), b: b.toString() },
    f: (a) => k.mul(Q.ONE.sub(b.pow(3).div(b.add(a).pow(3)))),
    df: (a) => k.mul(q(3)).mul(b.pow(3)).div(b.add(a).pow(4)),
    d2f: (a) => k.mul(q(-12)).mul(b.pow(3)).div(b.add(a).pow(5)),
    slopeAtInfinity: Q.ZERO,
    strictlyConcave: true,
    // 2f'(v) + v f''(v) = 3k b³ (2(b + v) − 4v)/(b + v)⁵ ≥ 0 iff v ≤ b.
    convexUpTo: b,
    fF: (a) => kf * (1 - bf ** 3 / (bf + a) ** 3),
    dfF: (a) => (3 * kf * bf ** 3) / (bf + a) ** 4,
  };
}

export const project = {
  family: "saturating3",
  params: ["k", "b"],
  example: { k: "1", b: "1" },
  build: (p: Record<string, Q>) => saturating3(p.k!, p.b!),
};
