/** Generators and codecs for misreports and dynamic strategies in the repeated model (zhu2021 §2). */
import * as fc from "fast-check";
import type { Json } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import type { CopyTerm, Strategy } from "../../src/equilibrium/zhu2021-strategies.js";
import type { RepeatedModel } from "../../src/models/zhu2021/repeated.js";
import { nonNegRational } from "../../src/search/numbers.js";

const FACTORS = [Q.ONE, Q.ZERO, Q.HALF, Q.of(2), Q.of(10), Q.of(100)];

/** A misreport sequence (T × I) built from the truth: factor·truth + extra (both shrink toward truth). */
export function misreportArb(truthRow: readonly (readonly Q[])[]): fc.Arbitrary<Q[][]> {
  return fc
    .array(fc.array(fc.tuple(fc.nat({ max: FACTORS.length - 1 }), fc.oneof({ weight: 3, arbitrary: fc.constant(Q.ZERO) }, { weight: 1, arbitrary: nonNegRational(20, 2) })), { minLength: truthRow[0]!.length, maxLength: truthRow[0]!.length }), { minLength: truthRow.length, maxLength: truthRow.length })
    .map((m) => m.map((col, t) => col.map(([f, add], i) => truthRow[t]![i]!.mul(FACTORS[f]!).add(add))));
}

/** Copy terms for agent `self`'s strategy: at some dates, add a multiple of an earlier report of someone. */
export function copyTermsArb(model: RepeatedModel, self: number): fc.Arbitrary<CopyTerm[]> {
  if (model.T < 2) return fc.constant([]);
  const term = fc.integer({ min: 1, max: model.T - 1 }).chain((date) =>
    fc.record({
      date: fc.constant(date),
      from: fc.nat({ max: model.N - 1 }),
      fromDate: fc.nat({ max: date - 1 }),
      scale: fc.constantFrom(Q.ONE, Q.of(2), Q.HALF),
    }),
  );
  return fc.array(term, { maxLength: 3 }).map((ts) => ts.filter((t) => t.from !== self));
}

export function rowsToJson(r: readonly (readonly Q[])[]): Json {
  return r.map((c) => c.map(String));
}

export function rowsFromJson(v: unknown, model: RepeatedModel, field: string): Q[][] {
  if (!Array.isArray(v) || v.length !== model.T) throw new InputError(field, `expected T = ${model.T} rows`);
  return v.map((col, t) => {
    if (!Array.isArray(col) || col.length !== model.econ.I) throw new InputError(`${field}[${t}]`, `expected I = ${model.econ.I} rationals`);
    return col.map((x, i) => {
      const q = rationalAt(x, `${field}[${t}][${i}]`);
      if (q.sign() < 0) throw new InputError(`${field}[${t}][${i}]`, "reports lie in [0, ∞)");
      return q;
    });
  });
}

export function strategyToJson(s: Strategy): Json {
  return {
    base: s.base,
    ...(s.constant ? { constant: rowsToJson(s.constant) } : {}),
    terms: (s.terms ?? []).map((t) => ({ date: t.date + 1, from: t.from + 1, fromDate: t.fromDate + 1, scale: t.scale.toString() })),
  };
}

export function strategyFromJson(v: unknown, model: RepeatedModel, field: string): Strategy {
  const o = (v ?? {}) as Record<string, unknown>;
  if (o.base !== "truth" && o.base !== "zero") throw new InputError(`${field}.base`, `"truth" or "zero"`);
  const terms = Array.isArray(o.terms) ? o.terms : [];
  return {
    base: o.base,
    ...(o.constant !== undefined ? { constant: rowsFromJson(o.constant, model, `${field}.constant`) } : {}),
    terms: terms.map((t, k) => {
      const r = t as Record<string, unknown>;
      const date = Number(r.date) - 1, from = Number(r.from) - 1, fromDate = Number(r.fromDate) - 1;
      if (!(date >= 0 && date < model.T && from >= 0 && from < model.N && fromDate >= 0 && fromDate < date)) {
        throw new InputError(`${field}.terms[${k}]`, "needs 1 ≤ fromDate < date ≤ T and 1 ≤ from ≤ N (a strategy sees earlier reports only)");
      }
      return { date, from, fromDate, scale: rationalAt(r.scale, `${field}.terms[${k}].scale`) };
    }),
  };
}
