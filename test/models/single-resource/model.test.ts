/**
 * The grouped, pairwise-summed evaluations (surplusAt, unlinkedTransfers, dateTerms with totals,
 * othersSurplus, sum) against the definitions written out literally in this file: a loop over agents
 * and dates, no memo, no grouping, left-to-right sums (zhu2022 §3.2–3.3). Profiles repeat values on
 * purpose (the grouping's keys must separate truth from report) and contain zeros (the ω = 0 limit).
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q, sum } from "../../../src/exact/rational.js";
import { dateTerms, dateTotals, othersSurplus } from "../../../src/mechanisms/single-resource/date-terms.js";
import { unlinkedTransfers } from "../../../src/mechanisms/single-resource/vcg.js";
import { makeModel, surplusAt, type SingleResourceModel } from "../../../src/models/single-resource/model.js";
import { quadlin, saturating } from "../../../src/models/single-resource/project.js";

const arb = fc.record({
  N: fc.integer({ min: 2, max: 5 }),
  T: fc.integer({ min: 1, max: 12 }),
  cells: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 120, maxLength: 120 }),
  lies: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 120, maxLength: 120 }),
  beta: fc.constantFrom(q(1), q(9, 10), q(1, 2)),
  quad: fc.boolean(),
});

const leftSum = (xs: readonly Q[]) => xs.reduce((s, x) => s.add(x), Q.ZERO);
const pow = (b: Q, k: number) => (k >= 0 ? b.pow(k) : Q.ONE.div(b.pow(-k)));

/** ω f(a/ω) with the documented limit a·f'(∞) at ω = 0. */
function contributionRef(m: SingleResourceModel, w: Q, a: Q): Q {
  return w.isZero() ? a.mul(m.f.slopeAtInfinity) : w.mul(m.f.f(a.div(w)));
}

function allocationRef(m: SingleResourceModel, reports: Q[][], n: number, t: number): Q {
  const total = leftSum(reports.map((r) => r[t]!));
  return total.isZero() ? Q.ZERO : reports[n]![t]!.mul(m.qbar).div(total);
}

describe("single-resource evaluations agree with the literal definitions", () => {
  const cases = fc.sample(arb, { seed: 77, numRuns: 40 });
  it.each(cases.map((c, k) => [k, c] as const))("case %i", (_, c) => {
    const f = c.quad ? quadlin(q(1), q(1, 4)) : saturating(q(2), q(1));
    const model = makeModel({ N: c.N, T: c.T, beta: c.beta, qbar: q(c.N + 1, 2), f });
    const cell = (xs: number[], n: number, t: number) => q(xs[(n * 12 + t) % 120]!, 2);
    const truth = Array.from({ length: c.N }, (_, n) => Array.from({ length: c.T }, (_, t) => cell(c.cells, n, t)));
    const reports = Array.from({ length: c.N }, (_, n) => Array.from({ length: c.T }, (_, t) => cell(c.lies, n, t)));

    // S(𝐀(reports), truth) = Σ_n Σ_t β^{t−1} ωⁿ_t f(𝐀ⁿ_t/ωⁿ_t)
    let S = Q.ZERO;
    for (let n = 0; n < c.N; n++) for (let t = 0; t < c.T; t++) S = S.add(pow(c.beta, t).mul(contributionRef(model, truth[n]![t]!, allocationRef(model, reports, n, t))));
    expect(surplusAt(model, reports, truth).eq(S)).toBe(true);

    // Vⁿ = Σ_{m≠n} Σ_t β^{t−T} ω^m_t f(𝐀^m_t/ω^m_t), at the reports
    const V = unlinkedTransfers(model, reports);
    const totals = dateTotals(model, reports);
    for (let n = 0; n < c.N; n++) {
      let v = Q.ZERO;
      for (let m = 0; m < c.N; m++) {
        if (m === n) continue;
        for (let t = 0; t < c.T; t++) v = v.add(pow(c.beta, t - (c.T - 1)).mul(contributionRef(model, reports[m]![t]!, allocationRef(model, reports, m, t))));
      }
      expect(V[n]!.eq(v), `V^${n + 1}`).toBe(true);
      // the same transfer through the date terms, with and without precomputed totals
      for (const terms of [dateTerms(model, reports, n), dateTerms(model, reports, n, totals)]) {
        expect(othersSurplus(terms, reports[n]!).eq(v)).toBe(true);
        const x = truth[n]!; // another own report: the terms must not depend on row n
        expect(othersSurplus(terms, x).eq(leftSum(terms.map((h, t) => h.value(x[t]!))))).toBe(true);
      }
    }
  });

  it("pairwise sum equals the left-to-right sum (long lists of unrelated denominators)", () => {
    const xs = Array.from({ length: 97 }, (_, k) => q(k % 7 === 0 ? -k : k + 1, 2 * k + 3));
    expect(sum(xs).eq(leftSum(xs))).toBe(true);
    expect(sum([]).eq(Q.ZERO)).toBe(true);
  });
});
