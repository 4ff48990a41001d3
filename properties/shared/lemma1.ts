/**
 * Lemma 1 of zhu2022 (appendix) and stylized (§2): the stopping-time construction is a retraction
 * Ωⁿ → Ω*ⁿ: it maps into Ω*ⁿ, is the identity on Ω*ⁿ, and is adapted (ω|_t = ω'|_t ⇒ [ω]|_t = [ω']|_t).
 * An instance is a set Ω*ⁿ, two report rows a, b that agree through date t, and the check tests all
 * three properties on them, exactly. The subject is the retraction (typespace/single-resource.ts).
 */
import * as fc from "fast-check";
import type { Claim, PaperKey } from "../../src/claims/types.js";
import { violated } from "../../src/claims/verdicts.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import { omegaStarArb, omegaStarWithoutDate } from "../../src/search/single-resource.js";
import { posRational } from "../../src/search/numbers.js";
import { contains, retract, type OmegaStar } from "../../src/typespace/single-resource.js";
import { omegaStarFromJson, omegaStarToJson } from "../../src/typespace/single-resource-json.js";

export interface RetractionSubject {
  readonly name: string;
  retract(set: OmegaStar, row: readonly Q[]): Q[];
}
export const LEMMA1_RETRACTION: RetractionSubject = { name: "Lemma 1 stopping-time retraction", retract };

export interface RetractionCase {
  readonly set: OmegaStar;
  readonly a: Q[];
  readonly b: Q[];
  /** a and b agree on dates 1..t. */
  readonly t: number;
}

const cell = fc.oneof(fc.constant(Q.ZERO), posRational(8, 2));

function caseArb(): fc.Arbitrary<RetractionCase> {
  return fc.integer({ min: 1, max: 4 }).chain((T) =>
    fc
      .record({
        set: omegaStarArb(T),
        a: fc.array(cell, { minLength: T, maxLength: T }),
        tail: fc.array(cell, { minLength: T, maxLength: T }),
        t: fc.nat({ max: T }),
        member: fc.boolean(),
      })
      .map(({ set, a, tail, t, member }) => {
        const row = member ? retract(set, a) : a; // half the time a starts inside Ω*ⁿ
        return { set, a: row, b: row.map((x, s) => (s < t ? x : tail[s]!)), t };
      }),
  );
}

const show = (r: readonly Q[]) => r.map(String);

export function lemma1Claim(paper: Extract<PaperKey, "zhu2022" | "stylized">, section: string): Claim<RetractionCase, RetractionSubject> {
  return {
    id: `${paper}.lemma1`,
    paper,
    section,
    statement: "There exists a retraction from Ωⁿ to Ω*ⁿ (the stopping-time construction of the proof: adapted, identity on Ω*ⁿ).",
    expect: "holds",
    subjectKind: "single-resource/retraction",
    defaultSubject: LEMMA1_RETRACTION,
    runs: 200,
    arbitrary: caseArb,
    encode: (c) => ({ omegaStar: omegaStarToJson(c.set), a: show(c.a), b: show(c.b), t: c.t }),
    decode(v) {
      const o = (v ?? {}) as Record<string, unknown>;
      const rowOf = (k: string) => {
        if (!Array.isArray(o[k])) throw new InputError(`instance.${k}`, "required: a report row (array of rationals)");
        return (o[k] as unknown[]).map((s, i) => {
          const x = rationalAt(s, `instance.${k}[${i + 1}]`);
          if (x.lt(Q.ZERO)) throw new InputError(`instance.${k}[${i + 1}]`, "reports must be ≥ 0");
          return x;
        });
      };
      const a = rowOf("a"), b = rowOf("b");
      if (a.length !== b.length || a.length === 0) throw new InputError("instance.b", "a and b must have the same length T ≥ 1");
      const t = Number(o.t);
      if (!Number.isInteger(t) || t < 0 || t > a.length) throw new InputError("instance.t", `must be an integer in [0, T]`);
      if (a.some((x, s) => s < t && !x.eq(b[s]!))) throw new InputError("instance.b", `must agree with a on dates 1..t`);
      return { set: omegaStarFromJson(o.omegaStar, a.length, "instance.omegaStar"), a, b, t };
    },
    size: (c) => ({ dates: c.a.length }),
    // One date fewer: a date inside the shared prefix shortens it.
    reduce: (c) =>
      c.a.length < 2
        ? []
        : c.a.flatMap((_, d) => {
            const set = omegaStarWithoutDate(c.set, d);
            return set ? [{ set, a: c.a.filter((_, s) => s !== d), b: c.b.filter((_, s) => s !== d), t: d < c.t ? c.t - 1 : Math.min(c.t, c.a.length - 1) }] : [];
          }),
    check(c, subject) {
      const ra = subject.retract(c.set, c.a), rb = subject.retract(c.set, c.b);
      for (const [row, r] of [[c.a, ra], [c.b, rb]] as const) {
        if (!contains(c.set, r)) return violated(`[ω] = (${show(r).join(", ")}) is not in Ω*ⁿ`, { omega: show(row), retracted: show(r) });
        if (contains(c.set, row) && r.some((x, s) => !x.eq(row[s]!))) return violated(`ω ∈ Ω*ⁿ but [ω] ≠ ω`, { omega: show(row), retracted: show(r) });
      }
      const s = ra.findIndex((x, k) => k < c.t && !x.eq(rb[k]!));
      if (s >= 0) return violated(`not adapted: ω and ω' agree through date ${c.t} but [ω] and [ω'] differ at date ${s + 1}`, { a: show(c.a), b: show(c.b), t: c.t, retractedA: show(ra), retractedB: show(rb) });
      return { kind: "holds" };
    },
  };
}
