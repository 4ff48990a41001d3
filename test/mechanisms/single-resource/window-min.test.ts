/**
 * The window set's closed-form minimum (windowMinimum) against the general certified method
 * (certifiedMin with exact LPs): both certified, their intervals intersect, the point lies in the
 * window and its value is hi.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../../src/exact/rational.js";
import { dateTerms, othersSurplus } from "../../../src/mechanisms/single-resource/date-terms.js";
import { certifiedMin, windowMinimum } from "../../../src/mechanisms/single-resource/linked-min.js";
import { linkedMinimum } from "../../../src/mechanisms/single-resource/vcg.js";
import { makeModel } from "../../../src/models/single-resource/model.js";
import { saturating, saturating2 } from "../../../src/models/single-resource/project.js";
import { contains, pieces } from "../../../src/typespace/single-resource.js";

const caseArb = fc.record({
  N: fc.integer({ min: 2, max: 7 }),
  seedRows: fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 7, maxLength: 7 }), { minLength: 7, maxLength: 7 }),
  avg: fc.integer({ min: 1, max: 6 }),
  w: fc.integer({ min: 1, max: 12 }),
  f2: fc.boolean(),
});

describe("windowMinimum", () => {
  const cases = fc.sample(caseArb, { seed: 21, numRuns: 60 });
  it.each(cases.map((c, k) => [k, c] as const))("case %i agrees with the general method", (_, c) => {
    const f = c.f2 ? saturating2(Q.ONE, q(4)) : saturating(Q.ONE, Q.ONE);
    const model = makeModel({ N: c.N, T: c.N, beta: Q.ONE, qbar: q(c.N), f });
    const w = Array.from({ length: c.N }, (_, n) => Array.from({ length: c.N }, (_, t) => q(c.seedRows[n]![t]!, 2)));
    const set = { kind: "window" as const, avg: q(c.avg, 2), x: q(c.w, 8) };
    const terms = dateTerms(model, w, 0);
    const fast = windowMinimum(terms, set.avg, set.x);
    if (fast === undefined) {
      expect(terms.every((h) => h.convex)).toBe(false); // only non-convex terms are left to the general method
      return;
    }
    const general = certifiedMin(terms, pieces(set, c.N));
    expect(fast.status).toBe("certified");
    expect(general.status).toBe("certified");
    expect(fast.lo.le(general.hi) && general.lo.le(fast.hi)).toBe(true);
    expect(contains(set, fast.argmin!)).toBe(true);
    expect(othersSurplus(terms, fast.argmin!).eq(fast.hi)).toBe(true);
    // linkedMinimum takes the closed form for the window
    expect(linkedMinimum(model, set, w, 0).method).toBe("window (closed-form multipliers)");
  });

  it("by hand: T = 2, avg = 1, w = 0 forces x = (1, 1), so min = h₁(1) + h₂(1) exactly", () => {
    // |x_{3−t} − 1| ≤ 0 for t = 1, 2: the window is the single point (1, 1).
    const model = makeModel({ N: 2, T: 2, beta: Q.ONE, qbar: q(2), f: saturating(Q.ONE, Q.ONE) });
    const terms = dateTerms(model, [[q(1), q(2)], [q(3), q(1)]], 0);
    const r = windowMinimum(terms, Q.ONE, Q.ZERO)!;
    const v = terms[0]!.value(Q.ONE).add(terms[1]!.value(Q.ONE));
    expect(r.hi.eq(v)).toBe(true);
    expect(r.lo.le(v)).toBe(true);
    expect(r.status).toBe("certified");
  });
});
