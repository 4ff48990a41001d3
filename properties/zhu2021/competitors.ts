/**
 * Competing efficient ex-post mechanisms with the allocation ordA (zhu2021 §4, Theorem 1 and Lemma 4):
 *  - unlinked VCG plus h(μ^{−n}) ≥ 0 (Groves: ex-post IC by construction, any h of the others' reports);
 *  - linked VCG over a wider type space Ω(T, μ_', μ̄') ⊇ Ω(T, μ_, μ̄) (ex-post IC by Theorem 1, and its
 *    allocation on Ω(T, μ_, μ̄) is ordA since its retraction is the identity there);
 *  - the reference linked VCG itself.
 * Each is ex-post IC by construction; claims still spot-check IC on the profiles they use.
 */
import * as fc from "fast-check";
import type { Json } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import { linkedVcg } from "../../src/mechanisms/zhu2021/linked.js";
import { unlinkedVcg, type Zhu2021Mechanism } from "../../src/mechanisms/zhu2021/vcg.js";
import type { Profile, RepeatedModel } from "../../src/models/zhu2021/repeated.js";
import { nonNegRational } from "../../src/search/numbers.js";

export type Competitor =
  | { readonly kind: "unlinked-plus-h"; readonly constant: Q; readonly weight: Q }
  | { readonly kind: "wider-linked"; readonly widen: Q }
  | { readonly kind: "linked" };

export const competitorArb: fc.Arbitrary<Competitor> = fc.oneof(
  fc.record({ kind: fc.constant("unlinked-plus-h" as const), constant: nonNegRational(4, 2), weight: nonNegRational(2, 2) }),
  fc.record({ kind: fc.constant("wider-linked" as const), widen: nonNegRational(3, 2) }),
  fc.constant({ kind: "linked" as const }),
);

/** h(μ^{−n}) = constant + weight · (sum of every other agent's reports). */
function h(c: { constant: Q; weight: Q }, reports: Profile, n: number): Q {
  let s = Q.ZERO;
  reports.forEach((row, m) => {
    if (m !== n) for (const col of row) for (const x of col) s = s.add(x);
  });
  return c.constant.add(c.weight.mul(s));
}

export function buildCompetitor(model: RepeatedModel, c: Competitor): Zhu2021Mechanism {
  switch (c.kind) {
    case "linked":
      return linkedVcg(model, "ord");
    case "wider-linked": {
      const wide: RepeatedModel = {
        ...model,
        muLow: model.muLow.map((r) => r.map((x) => Q.max(Q.ZERO, x.sub(c.widen)))),
        muHigh: model.muHigh.map((r) => r.map((x) => x.add(c.widen))),
      };
      return { ...linkedVcg(wide, "ord"), model, name: `zhu2021/linked-vcg/ord/widened-by-${c.widen}` };
    }
    case "unlinked-plus-h": {
      const base = unlinkedVcg(model, "ord");
      return { ...base, name: `zhu2021/unlinked-vcg/ord+h(${c.constant}+${c.weight}·Σμ^-n)`, transfer: (r) => base.transfer(r).map((w, n) => w.add(h(c, r, n))) };
    }
  }
}

export function competitorToJson(c: Competitor): Json {
  switch (c.kind) {
    case "linked":
      return { kind: "linked" };
    case "wider-linked":
      return { kind: c.kind, widen: c.widen.toString() };
    case "unlinked-plus-h":
      return { kind: c.kind, constant: c.constant.toString(), weight: c.weight.toString() };
  }
}

export function competitorFromJson(v: unknown): Competitor {
  const o = (v ?? {}) as Record<string, unknown>;
  const nonneg = (x: unknown, f: string) => {
    const q = rationalAt(x, `instance.competitor.${f}`);
    if (q.sign() < 0) throw new InputError(`instance.competitor.${f}`, "must be ≥ 0 (limited liability)");
    return q;
  };
  if (o.kind === "linked") return { kind: "linked" };
  if (o.kind === "wider-linked") return { kind: "wider-linked", widen: nonneg(o.widen, "widen") };
  if (o.kind === "unlinked-plus-h") return { kind: "unlinked-plus-h", constant: nonneg(o.constant, "constant"), weight: nonneg(o.weight, "weight") };
  throw new InputError("instance.competitor.kind", `one of "linked", "wider-linked", "unlinked-plus-h"`);
}
