/**
 * zhu2021 Corollary 1 (§3): p(·, ·) is homogeneous of degree 0, and (from its proof)
 * α(λq, λμ) = λ α(q, μ) for every λ > 0. Checked exactly: the subject's α at the scaled point
 * against λ times its α at the original point, and the two exact price polytopes (coordinate
 * ranges and vertex sets) against each other.
 */
import * as fc from "fast-check";
import type { Claim, Json } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import type { KnapsackPoint } from "../../src/models/zhu2021/json.js";
import type { Endowment, KnapsackSolver } from "../../src/models/zhu2021/knapsack.js";
import { priceSet, type PriceSet } from "../../src/models/zhu2021/prices.js";
import { posRational } from "../../src/search/numbers.js";
import { KNAPSACK_SUBJECT, decodePoint, defaultSolver, encodePoint, pointArb, pointSize, qs, violated } from "./knapsack-common.js";

export interface ScaledPoint {
  readonly point: KnapsackPoint;
  /** λ > 0 */
  readonly lambda: Q;
}

function samePrices(a: PriceSet, b: PriceSet): boolean {
  if (a.ranges === undefined || b.ranges === undefined) return a.ranges === b.ranges;
  const rangesEqual = a.ranges.every((g, r) => {
    const h = b.ranges![r]!;
    return g.min.eq(h.min) && (g.max === null ? h.max === null : h.max !== null && g.max.eq(h.max));
  });
  if (!rangesEqual) return false;
  if (a.vertices === undefined || b.vertices === undefined) return true;
  const key = (v: readonly Q[]) => v.join(",");
  const sa = new Set(a.vertices.map(key));
  return a.vertices.length === b.vertices.length && b.vertices.every((v) => sa.has(key(v)));
}

function describePrices(p: PriceSet): Json {
  return { ranges: p.ranges?.map((g) => [g.min.toString(), g.max === null ? "inf" : g.max.toString()]) ?? null, vertices: p.vertices?.map((v) => qs(v)) ?? null };
}

export const corollary1: Claim<ScaledPoint, KnapsackSolver> = {
  id: "zhu2021.corollary1",
  paper: "zhu2021",
  section: "§3, Corollary 1",
  statement: "p(·, ·) is a homogeneous correspondence of degree 0: p(λq, λμ) = p(q, μ), and α(λq, λμ) = λα(q, μ), for λ > 0.",
  expect: "holds",
  subjectKind: KNAPSACK_SUBJECT,
  defaultSubject: defaultSolver,
  runs: 400,
  arbitrary: () => fc.record({ point: pointArb(), lambda: posRational(12, 4) }),
  encode: ({ point, lambda }) => ({ ...(encodePoint(point) as Record<string, Json>), lambda: lambda.toString() }),
  decode(json) {
    if (typeof json !== "object" || json === null || !("lambda" in json)) throw new InputError("instance.lambda", "the scale λ is required");
    const { lambda, ...rest } = json as Record<string, unknown>;
    const l = rationalAt(lambda, "instance.lambda");
    if (l.sign() <= 0) throw new InputError("instance.lambda", "λ > 0 (Corollary 1)");
    return { point: decodePoint(rest), lambda: l };
  },
  size: ({ point }) => pointSize(point),
  check({ point, lambda }, solver) {
    const { econ, q, mu } = point;
    const th = econ.theta;
    const lq = q.map((x) => x.mul(lambda));
    const lmu: Endowment[] = mu.map((m) => (m === null ? null : m.mul(lambda)));
    const a = solver.solve(th, q, mu);
    const b = solver.solve(th, lq, lmu);
    const scaled = a.alpha.map((x) => x.mul(lambda));
    if (!scaled.every((x, i) => x.eq(b.alpha[i] as Q))) {
      return violated("α(λq, λμ) ≠ λ α(q, μ)", { lambda: lambda.toString(), alpha: qs(a.alpha), lambdaAlpha: qs(scaled), alphaScaled: qs(b.alpha) });
    }
    const pa = priceSet(th, mu, a.alpha);
    const pb = priceSet(th, lmu, b.alpha);
    if (!samePrices(pa, pb)) {
      return violated("p(λq, λμ) ≠ p(q, μ)", { lambda: lambda.toString(), prices: describePrices(pa), scaledPrices: describePrices(pb) });
    }
    return { kind: "holds" };
  },
};
