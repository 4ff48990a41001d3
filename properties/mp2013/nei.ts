/**
 * mp2013 §6.1: "P ∈ Δ* satisfies NEI if and only if νᵢ^P = 0 for each i ∈ N." Both sides exactly:
 * NEI by comparing posteriors over every pair of profiles in T* that differ in one agent's type
 * (Definition 2), ν by the subject.
 */
import type { Claim } from "../../src/claims/types.js";
import { neiFailure } from "../../src/models/mp2013/informational.js";
import { derived, showProfile, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { modelArb } from "../../src/search/mp2013.js";
import { decodeModel, encodeModel, modelSize } from "./common.js";
import { referenceSize, SIZE_KIND, type SizeImpl } from "./informational-size.js";

export const nei: Claim<Mp2013Model, SizeImpl> = {
  id: "mp2013.nei",
  paper: "mp2013",
  section: "§6.1, after Definition 3",
  statement: "P ∈ Δ*_{Θ×T} satisfies nonexclusive information if and only if νᵢ^P = 0 for each i ∈ N.",
  expect: "holds",
  subjectKind: SIZE_KIND,
  defaultSubject: referenceSize,
  runs: 200,
  arbitrary: () => modelArb({ kinds: ["nei", "small", "free"] }),
  encode: encodeModel,
  decode: decodeModel,
  size: modelSize,
  check(m, impl) {
    const d = derived(m);
    const sizes = d.sizes.map((_, i) => impl.size(m, i));
    const f = neiFailure(m, d);
    const zero = sizes.every((x) => x.isZero());
    if ((f === null) === zero) return { kind: "holds" };
    return {
      kind: "violated",
      witness: {
        summary:
          f === null
            ? `P has nonexclusive information but ν = (${sizes.join(", ")}) is not 0`
            : `NEI fails (agent ${f.i} moves P_Θ between ${showProfile(m, d, f.t)} and ${showProfile(m, d, f.t2)}) yet every νᵢ = 0`,
        quantities: { nei: f === null, nu: sizes.map(String), ...(f ? { agent: f.i, profile: showProfile(m, d, f.t), other: showProfile(m, d, f.t2), posterior: d.post[f.t]!.map(String), posteriorOther: d.post[f.t2]!.map(String) } : {}) },
      },
    };
  },
};
