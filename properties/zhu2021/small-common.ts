/**
 * What the §6.1 claims (Lemma 6, its second part, Corollary 2) share: an instance is a repeated case
 * (truthful reports in Ω(T, μ_, μ̄)) and one agent; Properties I and II are hypotheses, checked exactly
 * (src/models/zhu2021/smallness.ts), and a case where one fails is vacuous, with the reason.
 * The generator leans towards small agents: several agents, supplies large beside one agent's box.
 */
import * as fc from "fast-check";
import type { Json, Verdict } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { linkedVcgFamily } from "../../src/mechanisms/zhu2021/linked.js";
import { REPEATED_KIND, type Zhu2021Family } from "../../src/mechanisms/zhu2021/vcg.js";
import { propertyI, propertyII, type PropertyResult } from "../../src/models/zhu2021/smallness.js";
import { repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { agentField, caseSize, decodeCase, encodeCase, outsideTypeSpace } from "./repeated-common.js";

export interface SmallCase extends RepeatedCase {
  /** 0-based agent. */
  readonly agent: number;
}

export function smallCaseArb(discount: boolean): fc.Arbitrary<SmallCase> {
  return repeatedCaseArb({ minN: 2, maxN: 4, minT: 1, maxT: 2, economy: { maxR: 2, maxExtra: 2, maxCoord: 6 }, discount }).chain((c) =>
    fc.record({
      agent: fc.integer({ min: 0, max: c.model.N - 1 }),
      // half the time the supply is scaled up, so that no single agent can exhaust it: prices stay put
      // (Property I) — the "many small agents" regime of §6.1, where the claims have something to say
      scale: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 8 })),
    }).map(({ agent, scale }) => ({ model: { ...c.model, econ: { ...c.model.econ, supply: c.model.econ.supply.map((x) => x.mul(Q.of(scale))) } }, truth: c.truth, agent })),
  );
}

export const encodeSmall = (c: SmallCase): Json => encodeCase(c, { agent: c.agent + 1 });

export function decodeSmall(json: unknown): SmallCase {
  const { c, extra } = decodeCase(json, ["agent"]);
  return { ...c, agent: agentField(extra.agent, c.model.N) };
}

export const smallSize = (c: SmallCase): Record<string, number> => caseSize(c);

const why = (name: string, r: PropertyResult): string => (r.kind === "holds" ? "" : `${name} ${r.kind === "fails" ? "fails" : r.kind === "premise" ? "is undefined (a date's price is not unique)" : "is undecided"}: ${r.reason}`);

/** The standing assumption and Property I (and II when asked) for the case's agent: a vacuous verdict, or the prices. */
export function smallHypotheses(c: SmallCase, needII: boolean): { vacuous: Verdict } | { prices: readonly (readonly Q[])[] } {
  const outside = outsideTypeSpace(c);
  if (outside) return { vacuous: outside };
  const one = needII ? propertyII(c.model, c.truth, c.agent) : propertyI(c.model, c.truth, c.agent);
  if (one.kind !== "holds") return { vacuous: { kind: "vacuous", hypothesis: why(needII ? "Property I or II" : "Property I", one) } };
  return { prices: one.prices };
}

/** The fields every §6.1 claim shares: the subject (the linked VCG under ordA, or a variant), the generator and the codec. */
export function smallClaimFields(discount: boolean) {
  return {
    subjectKind: REPEATED_KIND,
    defaultSubject: linkedVcgFamily("ord"),
    runs: 120,
    arbitrary: () => smallCaseArb(discount),
    encode: encodeSmall,
    decode: decodeSmall,
    size: smallSize,
  } as const;
}

/** The subject's transfer to the case's agent at the truth (the reports are the true endowments). */
export const transferOf = (c: SmallCase, family: Zhu2021Family): Q => family.build(c.model).transfer(c.truth)[c.agent]!;
