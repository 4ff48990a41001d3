/**
 * Exhaustive IC on the continuum Ωⁿ and the cheapest IC multiple λ*·lWⁿ of the linked VCG transfer.
 * Checked against paths that share none of its cell machinery:
 *  - a hand-derived instance (numbers derived in the comments);
 *  - brute force over lattices of Ωⁿ × Ωⁿ through `utility` of the competitor MECHANISM
 *    (scaledLinkedVcg: linked transfers via linkedMinimum, lA via the retraction);
 *  - the exact best response of zhu2021-best-response.ts at the tight point.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { cheapestScale, gainAt, scaledLinkedIc, type ContinuumSlice } from "../../src/cheapness/zhu2021-continuum.js";
import { latticeRows } from "../../src/cheapness/zhu2021-grids.js";
import { bestMisreport } from "../../src/equilibrium/zhu2021-best-response.js";
import { utility } from "../../src/equilibrium/zhu2021-strategies.js";
import { linkedVcg } from "../../src/mechanisms/zhu2021/linked.js";
import { scaledLinkedVcg } from "../../src/mechanisms/zhu2021/scaled-linked.js";
import { betaPow, inTypeSpace, withRow, type Profile, type RepeatedModel } from "../../src/models/zhu2021/repeated.js";
import { repeatedCaseArb } from "../../src/search/zhu2021-repeated.js";

// One resource; θ₁ = (2) is the principal's unit-like type (1 per 2 units: price 1/2), θ₂ = (1) the
// agent's; q̄ = 8, the agent holds 0..1 units of type 2. By hand: all of the agent's projects are
// funded (1/2 < 1), so v(A(z), x) = min(x, z) ≤ x — zero transfers are IC; the principal's value is
// (8 − x)/2, so uW(x) = (8 − x)/2, K = min over [0, 1] = 7/2 and lW(0) = 4 − 7/2 = 1/2.
const model: RepeatedModel = { econ: { R: 1, I: 2, theta: [[q(2)], [q(1)]], supply: [q(8)] }, N: 1, T: 1, beta: Q.ONE, muLow: [[q(0), q(0)]], muHigh: [[q(0), q(1)]] };
const truth: Profile = [[[q(0), q(0)]]];

describe("zhu2021 continuum IC: a hand-derived instance", () => {
  const slice: ContinuumSlice = { model, order: "ord", profile: truth, agent: 0 };
  it("zero transfers are IC on Ωⁿ and are the cheapest multiple (λ* = 0); the linked VCG pays 1/2", () => {
    expect(scaledLinkedIc(slice, Q.ZERO).kind).toBe("ic");
    const r = cheapestScale(slice);
    expect(r.kind).toBe("found");
    if (r.kind === "found") expect(r.lambda.eq(Q.ZERO)).toBe(true);
    expect(linkedVcg(model, "ord").transfer(truth)[0]!.eq(Q.HALF)).toBe(true);
  });
  it("G's parts by the definition: reporting 1 with truth 0 gains nothing in value and (8−1)/2 − 8/2 = −1/2 in uW", () => {
    const p = gainAt(slice, [[q(0), q(0)]], [[q(0), q(1)]]);
    expect(p.a.eq(Q.ZERO)).toBe(true);
    expect(p.b.eq(q(-1, 2))).toBe(true);
  });
  it("bad input: λ outside [0, 1], an agent out of range, another agent outside its type space", () => {
    expect(() => scaledLinkedIc(slice, q(3, 2))).toThrow(InputError);
    expect(() => scaledLinkedIc({ ...slice, agent: 1 }, Q.ZERO)).toThrow(/^agent: /);
    const two: RepeatedModel = { ...model, N: 2, muLow: [[q(0), q(0)], [q(0), q(0)]], muHigh: [[q(0), q(1)], [q(0), q(1)]] };
    expect(() => scaledLinkedIc({ model: two, order: "ord", profile: [[[q(0), q(0)]], [[q(0), q(2)]]], agent: 0 }, Q.ZERO)).toThrow(/^profile\[2\]: is outside/);
  });
});

// θ₁ = (1) unit-like (price 1), θ₂ = (4/3) never worth funding (p·θ₂ = 4/3 > 1); q̄ = 1; the agent
// holds x₁ ∈ [0, 1/2], x₂ ∈ [0, 1]; ordA serves him before the principal. By hand: a report z earns
// z₁ units of resource; with truth x his value is min(z₁, x₁) + min(3/4·(z₁ − x₁)⁺, x₂) — surplus
// resource funds his type-2 projects at 3/4 per unit — and uW(z) = 1 − z₁, K = 1/2, lW(0) = 1/2.
// Inflating z₁ by d gains 3/4·d (x₂ large) and costs λ·d: IC iff λ ≥ 3/4, so λ* = 3/4 and the
// competitor pays 3/8 < 1/2 at μ = 0. The tight point: x = (0, 3/8), z = (1/2, 0): a = 3/8, b = −1/2.
describe("zhu2021 continuum IC: a hand-derived instance with 0 < λ* < 1", () => {
  const m2: RepeatedModel = { econ: { R: 1, I: 2, theta: [[q(1)], [q(4, 3)]], supply: [q(1)] }, N: 1, T: 1, beta: Q.ONE, muLow: [[q(0), q(0)]], muHigh: [[q(1, 2), q(1)]] };
  const slice: ContinuumSlice = { model: m2, order: "ord", profile: [[[q(0), q(0)]]], agent: 0 };
  it("λ* = 3/4, every smaller multiple fails, the linked VCG pays 1/2", () => {
    const r = cheapestScale(slice);
    expect(r.kind).toBe("found");
    if (r.kind !== "found") return;
    expect(r.lambda.eq(q(3, 4))).toBe(true);
    expect(r.tight!.a.eq(q(3, 8))).toBe(true);
    expect(r.tight!.b.eq(q(-1, 2))).toBe(true);
    expect(scaledLinkedIc(slice, q(74, 100)).kind).toBe("violated");
    expect(scaledLinkedIc(slice, q(3, 4)).kind).toBe("ic");
    expect(linkedVcg(m2, "ord").transfer([[[q(0), q(0)]]])[0]!.eq(Q.HALF)).toBe(true);
  });
});

const cases = fc
  .sample(repeatedCaseArb({ maxN: 2, maxT: 2, economy: { maxR: 2, maxExtra: 1, maxCoord: 6 } }), { seed: 11, numRuns: 60 })
  .filter((c) => inTypeSpace(c.model, c.truth))
  .slice(0, 24);

describe("zhu2021 continuum IC: against brute force and the best response", () => {
  it("the sample has cases on both sides (λ* = 0, 0 < λ* < 1) so the checks below bite", () => {
    const lambdas = cases.map((c) => cheapestScale({ model: c.model, order: "ord", profile: c.truth, agent: 0 })).flatMap((r) => (r.kind === "found" ? [r.lambda] : []));
    expect(lambdas.some((l) => l.isZero())).toBe(true);
    expect(lambdas.some((l) => l.sign() > 0 && l.lt(Q.ONE))).toBe(true);
  });
  it.each(cases.map((c, k) => [k, c] as const))("case %i: λ* is IC on a lattice of Ωⁿ × Ωⁿ, every smaller λ fails at the tight point, λ = 1 is IC", (_, c) => {
    const slice: ContinuumSlice = { model: c.model, order: "ord", profile: c.truth, agent: 0 };
    const r = cheapestScale(slice);
    expect(r.kind).toBe("found");
    if (r.kind !== "found") return;
    expect(scaledLinkedIc(slice, Q.ONE).kind).toBe("ic");
    const mech = scaledLinkedVcg(c.model, "ord", c.truth, 0, r.lambda);
    const pts = latticeRows(c.model, 0, 2).slice(0, 40);
    for (const x of pts) {
      const tx = withRow(c.truth, 0, x);
      const honest = utility(mech, tx, tx, 0).U;
      for (const z of pts) expect(utility(mech, tx, withRow(c.truth, 0, z), 0).U.le(honest)).toBe(true);
    }
    if (r.tight === undefined) return;
    // Just below λ*, the tight point is a profitable deviation — by the mechanism itself …
    const below = r.lambda.mul(q(99, 100));
    const { truth: x, report: z } = r.tight;
    const cheaper = scaledLinkedVcg(c.model, "ord", c.truth, 0, below);
    const tx = withRow(c.truth, 0, x);
    expect(utility(cheaper, tx, withRow(c.truth, 0, z), 0).U.gt(utility(cheaper, tx, tx, 0).U)).toBe(true);
    // … and by the exact best response to λ·uWⁿ (a Groves transfer: the constant does not matter).
    if (c.model.T === 1) {
      const br = bestMisreport(c.model, "ord", "unlinked", tx, 0, { transferWeights: (t) => below.mul(betaPow(c.model, t - (c.model.T - 1))) });
      expect(br.gain.sign()).toBeGreaterThan(0);
    }
  });
});
