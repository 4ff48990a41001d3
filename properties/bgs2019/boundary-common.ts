/** Cases for the boundary-region claims: an instance with a state u and a report profile, as the stage claims. */
import * as fc from "fast-check";
import { Q } from "../../src/exact/rational.js";
import { BGS_BOUNDARY_KIND, randomAllocation } from "../../src/mechanisms/bgs2019/boundary.js";
import { mean } from "../../src/models/bgs2019/distribution.js";
import { distsArb, stateArb } from "../../src/search/bgs2019.js";
import { decodeStage, encodeStage, profileArb, stageSize, type StageCase } from "./stage-common.js";

export const BOUNDARY_CLAIM = { paper: "bgs2019", subjectKind: BGS_BOUNDARY_KIND, defaultSubject: randomAllocation, encode: encodeStage, decode: decodeStage, size: stageSize } as const;

/** States of the lower triangle L: uᵢ = E[vᵢ]·xᵢ with Σxᵢ = s ≤ 1 (s = 1 on L's face). */
export function lowerTriangleCaseArb(): fc.Arbitrary<StageCase> {
  return distsArb({ minAgents: 2, maxAgents: 3, oneKind: true }).chain((values) =>
    fc
      .record({
        w: fc.array(fc.nat({ max: 6 }), { minLength: values.length, maxLength: values.length }),
        s: fc.constantFrom(Q.ONE, Q.ONE, Q.of(1, 2), Q.of(99, 100)),
        beta: fc.constantFrom(Q.of(1, 2), Q.of(9, 10), Q.of(99, 100)),
        v: profileArb(values),
      })
      .map(({ w, s, beta, v }) => {
        const tot = w.reduce((a, x) => a + x, 0) || 1;
        const u = values.map((d, i) => mean(d).mul(Q.of(w[i]!, tot)).mul(s));
        return { model: { values, beta, xi: null, F: null, u, tieBreak: "as-written" as const, reports: v }, v };
      }),
  );
}

/** States of F·𝒰 near the axes (stateArb's shrunk coordinates), where the boundary region lies. */
export function nearAxisCaseArb(): fc.Arbitrary<StageCase> {
  return distsArb({ minAgents: 2, maxAgents: 3, oneKind: true }).chain((values) =>
    fc
      .record({ F: fc.constantFrom(Q.of(99, 100), Q.of(9, 10), Q.of(4, 5), Q.of(1, 2)), beta: fc.constantFrom(Q.of(9, 10), Q.of(99, 100)) })
      .chain(({ F, beta }) =>
        fc.record({ u: stateArb(values, F), v: profileArb(values) }).map(({ u, v }) => ({ model: { values, beta, xi: null, F, u, tieBreak: "as-written" as const, reports: v }, v })),
      ),
  );
}
