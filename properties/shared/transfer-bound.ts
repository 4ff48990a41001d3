/**
 * "V*ⁿ(ω) ≤ bound for ω ∈ Ω**(N)" claims of the Theorem 1 proofs (stylized Lemma 3, zhu2022
 * Lemma 6). V*ⁿ is irrational in general; it comes as a certified interval [lo, hi]:
 * lo > bound is a certified counterexample, hi ≤ bound a certified "holds", otherwise inconclusive.
 */
import type { Claim, PaperKey } from "../../src/claims/types.js";
import { inconclusive, vacuous, violated } from "../../src/claims/verdicts.js";
import type { Q } from "../../src/exact/rational.js";
import { linkedVcgFamily, SINGLE_KIND, type SingleResourceFamily } from "../../src/mechanisms/single-resource/vcg.js";
import { familyCaseArb, type FamilyCase } from "../../src/search/single-resource.js";
import type { OmegaStar } from "../../src/typespace/single-resource.js";
import { decodeFamily, encodeFamily, familyModel, familySize } from "./single-resource.js";

export interface TransferBoundSpec {
  readonly id: string;
  readonly paper: Extract<PaperKey, "zhu2022" | "stylized">;
  readonly section: string;
  readonly statement: string;
  readonly expect: "holds" | "counterexample";
  readonly note?: string;
  readonly star: (c: FamilyCase) => OmegaStar;
  /** null when ω ∈ Ω**(N), else the failed hypothesis. */
  readonly outside: (c: FamilyCase) => string | null;
  /** The paper's bound, or a reason it is undefined (e.g. ω_avg ≤ y(N)). */
  readonly bound: (c: FamilyCase) => Q | string;
}

export function transferBoundClaim(spec: TransferBoundSpec): Claim<FamilyCase, SingleResourceFamily> {
  return {
    id: spec.id,
    paper: spec.paper,
    section: spec.section,
    statement: spec.statement,
    expect: spec.expect,
    ...(spec.note ? { note: spec.note } : {}),
    subjectKind: SINGLE_KIND,
    defaultSubject: linkedVcgFamily,
    runs: 120,
    arbitrary: () => familyCaseArb({ maxN: 4 }),
    encode: encodeFamily,
    decode: decodeFamily,
    size: familySize,
    check(c, family) {
      const out = spec.outside(c);
      if (out) return vacuous(out);
      const bound = spec.bound(c);
      if (typeof bound === "string") return vacuous(bound);
      const mech = family.build({ model: familyModel(c), omegaStar: spec.star(c) });
      const w = mech.transferBounds(c.omega);
      let undecided = -1;
      for (let n = 0; n < c.N; n++) {
        const { lo, hi } = w[n]!;
        if (lo.gt(bound)) {
          return violated(
            `agent ${n + 1}'s linked VCG transfer V*ⁿ(ω) ≥ ${lo} exceeds the bound ${bound} (≈ ${lo.toNumber().toPrecision(6)} > ${bound.toNumber().toPrecision(6)})`,
            { agent: n + 1, transferLower: lo.toString(), transferUpper: hi.toString(), bound: bound.toString() },
            { gain: lo.sub(bound).toString() },
          );
        }
        if (hi.gt(bound)) undecided = n;
      }
      if (undecided >= 0) return inconclusive(`agent ${undecided + 1}: the certified interval of V*ⁿ straddles the bound ${bound}`);
      return { kind: "holds" };
    },
  };
}
