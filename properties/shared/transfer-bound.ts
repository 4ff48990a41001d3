/**
 * "V*ⁿ(ω) ≤ bound for ω ∈ Ω**(N)" claims of the Theorem 1 proofs (stylized Lemma 3, zhu2022
 * Lemma 6). V*ⁿ is irrational in general; it comes as a certified interval [lo, hi]:
 * lo > bound is a certified counterexample, hi ≤ bound a certified "holds", otherwise inconclusive.
 */
import type { Claim, PaperKey } from "../../src/claims/types.js";
import { inconclusive, vacuous, violated } from "../../src/claims/verdicts.js";
import { Q, q, sum } from "../../src/exact/rational.js";
import type { Json } from "../../src/exact/json.js";
import { dateTerms, othersSurplus } from "../../src/mechanisms/single-resource/date-terms.js";
import { linkedMinimum, linkedVcgFamily, SINGLE_KIND, type SingleResourceFamily } from "../../src/mechanisms/single-resource/vcg.js";
import { contains } from "../../src/typespace/single-resource.js";
import { familyCaseArb, familyReductions, type FamilyCase } from "../../src/search/single-resource.js";
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
  /** Cases per run (default 120). */
  readonly runs?: number;
}

/**
 * A hand-checkable certificate for the paper's V*: a member ω̂ⁿ of Ω*ⁿ with small denominators and
 * Vⁿ(ω) − Vⁿ(ω⁻ⁿ, ω̂ⁿ) > bound, so V*ⁿ(ω) = Vⁿ(ω) − min Vⁿ(ω⁻ⁿ, ·) > bound follows from one exact
 * evaluation. Candidates, simplest first: the certified minimizer and its roundings to denominators
 * 1..64 (one date absorbing the rounding so the total is kept). null if none beats the bound.
 */
export function simpleWitness(c: FamilyCase, star: OmegaStar, n: number, bound: Q): Record<string, Json> | null {
  const model = familyModel(c);
  const terms = dateTerms(model, c.omega, n);
  const V = othersSurplus(terms, c.omega[n]!);
  const argmin = linkedMinimum(model, star, c.omega, n).argmin;
  if (!argmin) return null;
  const total = sum(argmin);
  const T = argmin.length;
  const candidates: Q[][] = [argmin];
  for (let d = 1; d <= 64; d++) {
    for (let k = T - 1; k >= 0; k--) {
      for (const round of [(x: Q) => x.mul(q(d)).floor().div(q(d)), (x: Q) => x.mul(q(d)).ceil().div(q(d))]) {
        const cand = argmin.map((x, t) => (t === k ? Q.ZERO : round(x)));
        cand[k] = total.sub(sum(cand));
        candidates.push(cand);
      }
    }
  }
  const simplest = (x: Q[]) => Math.max(...x.map((v) => v.bitSize()));
  for (const cand of candidates.sort((a, b) => simplest(a) - simplest(b))) {
    if (!contains(star, cand)) continue;
    const at = othersSurplus(terms, cand);
    if (V.sub(at).gt(bound)) return { misreportInOmegaStar: cand.map(String), V: V.toString(), VatMisreport: at.toString(), transferLowerBound: V.sub(at).toString() };
  }
  return null;
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
    runs: spec.runs ?? 120,
    arbitrary: () => familyCaseArb({ maxN: 4 }),
    encode: encodeFamily,
    decode: decodeFamily,
    size: familySize,
    reduce: familyReductions,
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
          // The hand check is a statement about the paper's V*, so only the reference family gets one.
          const simple = family === linkedVcgFamily ? simpleWitness(c, spec.star(c), n, bound) : null;
          const shown = simple ? q(String(simple.transferLowerBound)) : lo;
          return violated(
            `agent ${n + 1}'s linked VCG transfer V*ⁿ(ω) ≥ ${shown} exceeds the bound ${bound} (≈ ${shown.toNumber().toPrecision(6)} > ${bound.toNumber().toPrecision(6)})${simple ? ` — already at ω̂ⁿ = (${(simple.misreportInOmegaStar as string[]).join(", ")}) ∈ Ω*ⁿ` : ""}`,
            { agent: n + 1, transferLower: lo.toString(), transferUpper: hi.toString(), bound: bound.toString(), ...(simple ? { handCheck: simple } : {}) },
            { gain: shown.sub(bound).toString() },
          );
        }
        if (hi.gt(bound)) undecided = n;
      }
      if (undecided >= 0) return inconclusive(`agent ${undecided + 1}: the certified interval of V*ⁿ straddles the bound ${bound}`);
      return { kind: "holds" };
    },
  };
}
