/**
 * zhu2022 §4.1.3, Lemma 5: ωⁿ ∈ Ω*ⁿ(N) ⇒ ω_t ≤ ω_avg + (2N − 1)·x(N) for all t ≤ N.
 * The subject is the membership test of Ω*ⁿ(N): a mis-built window is what a mutant plants.
 */
import type { Claim } from "../../src/claims/types.js";
import { vacuous, violated } from "../../src/claims/verdicts.js";
import { Q, q } from "../../src/exact/rational.js";
import { familyCaseArb, familyReductions, type FamilyCase } from "../../src/search/single-resource.js";
import { contains, type OmegaStar } from "../../src/typespace/single-resource.js";
import { decodeFamily, encodeFamily, familySize, zhu2022Star } from "../shared/single-resource.js";

export interface MembershipSubject {
  readonly name: string;
  contains(set: OmegaStar, row: readonly Q[]): boolean;
}
export const EXACT_MEMBERSHIP: MembershipSubject = { name: "exact membership", contains };

export const zhu2022Lemma5: Claim<FamilyCase, MembershipSubject> = {
  id: "zhu2022.lemma5",
  paper: "zhu2022",
  section: "§4.1.3, Lemma 5",
  statement: "Let ωⁿ ∈ Ω*ⁿ(N). Then ω_tⁿ ≤ ω_avg + (2N − 1)·x(N) for all t ≤ N.",
  expect: "holds",
  subjectKind: "single-resource/membership",
  defaultSubject: EXACT_MEMBERSHIP,
  runs: 300,
  arbitrary: () => familyCaseArb({ maxN: 4 }),
  encode: encodeFamily,
  decode: decodeFamily,
  size: familySize,
  reduce: familyReductions,
  check(c, subject) {
    const star = zhu2022Star(c);
    const cap = c.avg.add(q(2 * c.N - 1).mul(c.x));
    let member = false;
    for (let n = 0; n < c.N; n++) {
      const row = c.omega[n]!;
      if (row.some((x) => x.lt(Q.ZERO)) || !subject.contains(star, row)) continue;
      member = true;
      const t = row.findIndex((x) => x.gt(cap));
      if (t >= 0) return violated(`ω^${n + 1} ∈ Ω*^${n + 1}(N) but ω_${t + 1} = ${row[t]} > ω_avg + (2N − 1)x = ${cap}`, { agent: n + 1, row: row.map(String), cap: cap.toString() }, { gain: row[t]!.sub(cap).toString() });
    }
    return member ? { kind: "holds" } : vacuous("no agent's row lies in Ω*ⁿ(N)");
  },
};
