/**
 * zhu2021 §4: "[·] is an F_t-measurable retraction from Ω to Ω(T, μ_, μ̄)". Checked exactly on
 * arbitrary report profiles (not only members of the type space): [μ] ∈ Ω(T, μ_, μ̄); [μ] = μ when
 * μ ∈ Ω(T, μ_, μ̄); [[μ]] = [μ]; and adaptedness — a profile that agrees with μ through date t has
 * the same retraction through date t.
 */
import * as fc from "fast-check";
import type { Claim, Json } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import type { Q } from "../../src/exact/rational.js";
import { inTypeSpace, type Profile, type RepeatedModel } from "../../src/models/zhu2021/repeated.js";
import { retract } from "../../src/typespace/zhu2021-retraction.js";
import { profileArb, repeatedCaseArb, type RepeatedCase } from "../../src/search/zhu2021-repeated.js";
import { violated } from "./knapsack-common.js";
import { caseSize, decodeCase, dropAgent, dropDate, encodeCase, profileField, rows } from "./repeated-common.js";

export type Retraction = (model: RepeatedModel, mu: Profile) => Q[][][];

export interface RetractionCase {
  /** model and an arbitrary report profile (stored as `reports`). */
  readonly c: RepeatedCase;
  /** A second profile, equal to the first through date `date` (0-based), arbitrary after. */
  readonly other: Q[][][];
  readonly date: number;
}

const same = (a: Profile, b: Profile, through: number) => a.every((row, n) => row.slice(0, through + 1).every((col, t) => col.every((x, i) => x.eq(b[n]![t]![i]!))));

export const retractionClaim: Claim<RetractionCase, Retraction> = {
  id: "zhu2021.retraction",
  paper: "zhu2021",
  section: "§4, definition of [·]",
  statement: "[·] is an F_t-measurable retraction from Ω to Ω(T, μ_, μ̄).",
  expect: "holds",
  note: "The paper writes Tμ_ⁿ_{Ti} in the last-date formula; the bound has no date index, so Tμ_ⁿ_i is implemented.",
  subjectKind: "zhu2021/retraction",
  defaultSubject: retract,
  runs: 600,
  arbitrary: () =>
    repeatedCaseArb({ maxN: 2, maxT: 4 }).chain((c) =>
      fc
        .record({
          // Reports anywhere in Ω: often the truth (a member), often not.
          reports: fc.oneof(fc.constant(c.truth), profileArb(c.model.econ, c.model.N, c.model.T)),
          tail: profileArb(c.model.econ, c.model.N, c.model.T),
          date: fc.nat({ max: c.model.T - 1 }),
        })
        .map(({ reports, tail, date }) => ({
          c: { model: c.model, truth: reports },
          other: reports.map((row, n) => row.map((col, t) => (t <= date ? col : tail[n]![t]!))),
          date,
        })),
    ),
  encode: ({ c, other, date }) => encodeCase(c, { other: rows(other), date: date + 1 }),
  decode(json) {
    const { c, extra } = decodeCase(json, ["other", "date"]);
    const date = Number(extra.date) - 1;
    if (!Number.isInteger(date) || date < 0 || date >= c.model.T) throw new InputError("instance.date", `must be an integer in 1..T = ${c.model.T}`);
    return { c, other: profileField(extra.other, c.model, "instance.other"), date };
  },
  size: ({ c }) => caseSize(c),
  reduce({ c, other, date }) {
    const out: RetractionCase[] = [];
    for (let m = 0; m < c.model.N; m++) {
      const d = dropAgent(c, m);
      if (d) out.push({ c: d, other: other.filter((_, n) => n !== m), date });
    }
    for (let t = c.model.T - 1; t >= 0; t--) {
      const d = dropDate(c, t);
      // Dropping a date of the shared prefix shortens it; the profiles still agree through the new date.
      if (d && !(t <= date && date === 0)) out.push({ c: d, other: other.map((row) => row.filter((_, s) => s !== t)), date: t <= date ? date - 1 : Math.min(date, d.model.T - 1) });
    }
    return out;
  },
  check({ c, other, date }, ret) {
    const { model, truth: mu } = c;
    const r = ret(model, mu);
    if (!inTypeSpace(model, r)) return violated("[μ] is not in Ω(T, μ_, μ̄)", { mu: rows(mu), retracted: rows(r) });
    if (inTypeSpace(model, mu) && !same(r, mu, model.T - 1)) return violated("[μ] ≠ μ although μ ∈ Ω(T, μ_, μ̄)", { mu: rows(mu), retracted: rows(r) });
    const rr = ret(model, r);
    if (!same(rr, r, model.T - 1)) return violated("[[μ]] ≠ [μ]: not a retraction", { retracted: rows(r), twice: rows(rr) });
    if (!same(mu, other, date)) throw new Error("instance: the two profiles must agree through the stated date");
    const ro = ret(model, other);
    if (!same(r, ro, date)) {
      return violated(`[μ] through date ${date + 1} depends on reports after date ${date + 1}: not adapted`, { mu: rows(mu), other: rows(other), retracted: rows(r), retractedOther: rows(ro) } as Record<string, Json>, { deviation: { other: rows(other) } });
    }
    return { kind: "holds" };
  },
};
