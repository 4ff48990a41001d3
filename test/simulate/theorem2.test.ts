/**
 * zhu2021 Theorem 2's k-model sequence (src/simulate/theorem2.ts): T[k], d_k and c[k] against hand
 * computations; the exact truth-telling probability against a hand count; believability decided
 * exactly (a conjecture that is too small is caught); one run's cost recomputed by an independent
 * path (the unpruned linked minimum); the paper's nesting of endowments; determinism; bad options.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { linkedMinimum } from "../../src/mechanisms/zhu2021/linked-min.js";
import { unlinkedTransfers } from "../../src/mechanisms/zhu2021/vcg.js";
import { efficientSurplus } from "../../src/models/zhu2021/payoffs.js";
import { agentPath, assumption1, mechanismSurplus, conjecture, datesFor, hoeffdingTail, kSetup, proofD, simulateTheorem2, theorem2Run, type Theorem2Options } from "../../src/simulate/theorem2.js";
import { DEFAULT_KMODEL, kModelFromJson } from "../../src/simulate/theorem2-input.js";

const base: Theorem2Options = { ...kModelFromJson(DEFAULT_KMODEL), sizes: [2, 4], runs: 3, seed: 1, kappa: q(1, 2), epsilon: q(1, 100), sigma: 1 };

/** Type 2 uniform on {1/2, 1, 3/2}, type 3 fixed at 1: one random type, mean (0, 1, 1) as in the default. */
const threePoint: Theorem2Options = {
  ...base,
  endowments: [
    { values: [Q.ZERO], probs: [Q.ONE] },
    { values: [q(1, 2), Q.ONE, q(3, 2)], probs: [q(1, 3), q(1, 3), q(1, 3)] },
    { values: [Q.ONE], probs: [Q.ONE] },
  ],
};

describe("the k-model sequence", () => {
  it("T[k] = ⌈k^κ⌉ exactly (perfect powers by hand, the rest against doubles)", () => {
    expect(datesFor(64, q(1, 2))).toBe(8);
    expect(datesFor(27, q(1, 3))).toBe(3);
    expect(datesFor(8, q(2, 3))).toBe(4);
    expect(datesFor(65, q(1, 2))).toBe(9);
    for (const kappa of [q(1, 2), q(1, 3), q(3, 4), q(99, 100)])
      for (let k = 2; k <= 300; k++) {
        const x = k ** kappa.toNumber();
        if (Math.abs(x - Math.round(x)) > 1e-9) expect(datesFor(k, kappa)).toBe(Math.ceil(x));
      }
  });

  it("d_k by hand at k = 2 (default 1-model: v(q̄, ∞1) = 2, w̄ = 1, I′ = 2)", () => {
    // a = ε/(k·v̄[k]) = (1/100)/(2·4) = 1/800; f ≤ a²/(k^σ·4k) = 1/10 240 000 with f = 4e^{−4d²} (T = 2):
    // 4d² ≥ ln 40 960 000 = 17.52816…, d ≥ 2.093333… → the grid's 2094/1000.
    const a1 = assumption1(base);
    expect(a1.v1.eq(Q.of(2))).toBe(true);
    expect(proofD(a1, 2, 2, q(1, 800), 1).eq(q(2094, 1000))).toBe(true);
    // the grid point below fails the certified test, the chosen one passes it
    const target = q(1, 10_240_000);
    expect(hoeffdingTail(a1, q(2094, 1000), 2).hi.le(target)).toBe(true);
    expect(hoeffdingTail(a1, q(2093, 1000), 2).lo.gt(target)).toBe(true);
  });

  it("the conjecture: c(a − c) ≥ k·f̄ exactly, within 1e-9 of the paper's formula; 1 when the root is not real", () => {
    const a = q(1, 800), fHi = q(1, 10 ** 9), k = 4;
    const { c } = conjecture(a, k, fHi);
    expect(c.mul(a.sub(c)).ge(fHi.mul(Q.of(k)))).toBe(true);
    const paper = (a.toNumber() - Math.sqrt(a.toNumber() ** 2 - 4 * k * fHi.toNumber())) / 2; // the formula of the proof, in doubles
    expect(Math.abs(c.toNumber() / paper - 1)).toBeLessThan(1e-9);
    expect(conjecture(q(1, 800), 4, q(1, 1000)).c.eq(Q.ONE)).toBe(true);
  });

  it("P(never released) by hand: one 3-point type, T = 2, d = 1/4 — and believability decided exactly", () => {
    // ε = 399/100, k = 2, T = 2, v̄[2] = 4: bound while P(out | history) < ε/(T·v̄[k]) − c = 0.49875 − c.
    // Box [3/4, 5/4] for the 2-date average of type 2. After x₁ = 1/2: out iff x₂ = 1/2, P = 1/3 → bound;
    // after 1: never out; after 3/2: out iff x₂ = 3/2, P = 1/3 → bound. At date 2 bound iff inside.
    // So P_b = P(inside) = 1 − 2/9 = 7/9, P(all truthful) = (7/9)², P(the other released) = 2/9.
    const o = { ...threePoint, sizes: [2], epsilon: q(399, 100), d: q(1, 4), c: q(1, 1000) };
    const a1 = assumption1(o);
    const s = kSetup(o, a1, 2);
    expect(s.T).toBe(2);
    expect(s.pBound.eq(q(7, 9))).toBe(true);
    expect(s.pAll.eq(q(49, 81))).toBe(true);
    expect(s.othersReleased.eq(q(2, 9))).toBe(true);
    expect(s.believable).toBe(false); // 2/9 > 1/1000: this conjecture is not mutually correct
    // A larger conjecture lowers the bar: c = 1/3 leaves 0.16542 < 1/3, so only x₁ = 1 stays bound:
    // P_b = 1/3 and P(the other released) = 2/3 > 1/3 — still not believable; c = 1 always is.
    const third = kSetup({ ...o, c: q(1, 3) }, a1, 2);
    expect(third.pBound.eq(q(1, 3))).toBe(true);
    expect(third.believable).toBe(false);
    expect(kSetup({ ...o, c: Q.ONE }, a1, 2).believable).toBe(true);
  });

  it("with the proof's d_k and c[k], every k checked is believable (Lemma 5)", () => {
    for (const r of simulateTheorem2({ ...base, sizes: [2, 3, 4], runs: 1 })) expect(r.believable).toBe(true);
  });

  it("one run's linked cost, recomputed through the unpruned linked minimum (an independent search)", () => {
    const a1 = assumption1(base);
    const setup = kSetup(base, a1, 3);
    const tot = theorem2Run(base, setup, 0).truthful!;
    const mu = Array.from({ length: 3 }, (_, n) => agentPath(base, 0, n, setup.T));
    const u = unlinkedTransfers(setup.model, mu, "ord");
    const cost = u.reduce((s, un, n) => s.add(un.sub(linkedMinimum(setup.model, "ord", mu, n, { prune: false }).value)), Q.ZERO);
    expect(tot.cost.eq(cost)).toBe(true);
    expect(tot.unlinkedCost.eq(u.reduce((s, x) => s.add(x), Q.ZERO))).toBe(true);
    expect(tot.lemma6Mismatch).toBe(0);
  });

  it("the efficiency measure can fail: outside Ω(T, μ_, μ̄) the retraction misallocates and it drops below 1", () => {
    // d = 1/4: the box for each random type's 2-date average is [3/4, 5/4]. Agent 1 holding 3/2 of the
    // 1/4-type at both dates (average 3/2) is retracted to 5/4: a quarter of his cheap projects per date
    // is not funded, and the stock goes to the 1/2-type instead — fewer projects in all.
    const o = { ...base, d: q(1, 4) };
    const setup = kSetup(o, assumption1(o), 2);
    const mu = [
      [[Q.ZERO, Q.ONE, q(3, 2)], [Q.ZERO, Q.ONE, q(3, 2)]],
      [[Q.ZERO, Q.ONE, Q.ONE], [Q.ZERO, Q.ONE, Q.ONE]],
    ];
    expect(mechanismSurplus(setup.model, mu).lt(efficientSurplus(setup.model, mu))).toBe(true);
    const inside = [mu[1]!, mu[1]!];
    expect(mechanismSurplus(setup.model, inside).eq(efficientSurplus(setup.model, inside))).toBe(true);
  });

  it("endowments are nested as the paper assumes: the k₁-model's are a corner of the k₂-model's", () => {
    for (let n = 0; n < 4; n++) expect(agentPath(base, 2, n, 3).map((r) => r.join())).toEqual(agentPath(base, 2, n, 8).slice(0, 3).map((r) => r.join()));
  });

  it("deterministic; the unlinked ratio is k − 1 on truthful runs; the linked one below it", () => {
    const a = simulateTheorem2(base), b = simulateTheorem2(base);
    const view = (rs: typeof a) => rs.map((r) => [r.d, r.c, r.pAll, r.costSurplus, r.fracI, r.fracII].map(String));
    expect(view(a)).toEqual(view(b));
    for (const r of a) {
      expect(r.efficiency!.eq(Q.ONE)).toBe(true); // truthful runs lie in Ω(T, μ_, μ̄): Theorem 1's efficiency
      expect(r.unlinkedCostSurplus!.eq(Q.of(r.k - 1))).toBe(true);
      expect(r.costSurplus!.lt(r.unlinkedCostSurplus!)).toBe(true);
    }
  });

  it.each([
    [{ kappa: Q.ONE }, "--kappa", /κ ∈ \(0, 1\)/],
    [{ kappa: Q.ZERO }, "--kappa", /κ ∈ \(0, 1\)/],
    [{ sigma: -1 }, "--sigma", /integer in 0\.\.8/],
    [{ epsilon: Q.of(4) }, "--epsilon", /must be < v̄\[2\] = 2·v\(q̄, ∞1\) = 4/],
    [{ d: Q.ZERO }, "--d", /must be > 0/],
    [{ c: q(3, 2) }, "--c", /probability in \[0, 1\]/],
    [{ sizes: [1] }, "--sizes", /2\.\.512/],
  ] as const)("refuses %j", (patch, field, msg) => {
    const run = () => simulateTheorem2({ ...base, ...patch } as Theorem2Options);
    expect(run).toThrow(InputError);
    expect(run).toThrow(msg);
    try {
      run();
    } catch (e) {
      expect((e as InputError).field).toBe(field);
    }
  });
});

describe("the 1-model file", () => {
  const bad = (patch: Record<string, unknown>) => () => kModelFromJson({ ...DEFAULT_KMODEL, ...patch });
  it.each([
    [{ endowments: [{ values: ["0"], probs: ["1"] }, { values: ["1/2", "3/2"], probs: ["1/2", "1/3"] }, { values: ["1"], probs: ["1"] }] }, "instance.endowments[1].probs", /sum to 5\/6, not 1/],
    [{ endowments: [{ values: ["0"], probs: ["1"] }, { values: ["-1", "3/2"], probs: ["1/2", "1/2"] }, { values: ["1"], probs: ["1"] }] }, "instance.endowments[1].values[0]", /≥ 0/],
    [{ endowments: [{ values: ["0"], probs: ["1"] }, { values: ["1"], probs: ["1"] }, { values: ["1"], probs: ["1"] }] }, "instance.endowments", /some random type/],
    [{ endowments: [{ values: ["0"], probs: ["1"] }] }, "instance.endowments", /one distribution per type \(I = 3\)/],
    // at the mean (0, 1, 1) with q̄ = 1/4 the 1/4-type uses the whole stock: no type is partially invested, the price is an interval
    [{ supply: ["1/4"] }, "instance.endowments", /unique price at the mean/],
    [{ types: [["1"], ["1/2"], ["1/2"]] }, "instance.types", /condition 2/],
    [{ endowments: [{ values: [1], probs: ["1"] }] }, "instance.endowments[0].values[0]", /numbers are not accepted/],
  ])("refuses %j", (patch, field, msg) => {
    expect(bad(patch)).toThrow(msg);
    try {
      bad(patch)();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe(field);
    }
  });
});
