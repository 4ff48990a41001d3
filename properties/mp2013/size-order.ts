/**
 * mp2013 §9.2, after Definition 7: "From the definitions, it follows that νᵢ^P ≤ σᵢ^P" —
 * informational size never exceeds strict informational size (the largest posterior shift).
 */
import type { Claim } from "../../src/claims/types.js";
import { strictSize } from "../../src/models/mp2013/informational.js";
import { derived, showProfile, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { modelArb } from "../../src/search/mp2013.js";
import { decodeModel, encodeModel, modelSize, typeName } from "./common.js";
import { referenceSize, SIZE_KIND, type SizeImpl } from "./informational-size.js";

export const sizeOrder: Claim<Mp2013Model, SizeImpl> = {
  id: "mp2013.size-order",
  paper: "mp2013",
  section: "§9.2, Definition 7",
  statement: "νᵢ^P ≤ σᵢ^P for every agent i.",
  expect: "holds",
  subjectKind: SIZE_KIND,
  defaultSubject: referenceSize,
  runs: 200,
  arbitrary: () => modelArb(),
  encode: encodeModel,
  decode: decodeModel,
  size: modelSize,
  check(m, impl) {
    const d = derived(m);
    for (let i = 0; i < d.n; i++) {
      const nu = impl.size(m, i);
      const s = strictSize(m, i, d);
      if (nu.gt(s.value))
        return {
          kind: "violated",
          witness: {
            summary: `agent ${i}: ν = ${nu} > σ = ${s.value}`,
            quantities: { agent: i, nu: nu.toString(), sigma: s.value.toString(), ...(s.t >= 0 ? { sigmaAt: showProfile(m, d, s.t), sigmaAnnounce: typeName(m, i, s.ti2) } : {}) },
            gain: nu.sub(s.value).toString(),
          },
        };
    }
    return { kind: "holds" };
  },
};
