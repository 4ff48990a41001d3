/**
 * The Theorem 1 experiment: deterministic from its seed; certified bounds ordered; the unlinked
 * VCG's ratio equals N − 1 exactly at β = 1 (zhu2022 Proposition 2, and our ratio claim); x(N) by
 * hand; bad options refused.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { quadlin, saturating } from "../../src/models/single-resource/project.js";
import { simulateTheorem1, windowWidth, type Theorem1Options } from "../../src/simulate/theorem1.js";

const base: Theorem1Options = { paper: "zhu2022", sizes: [2, 4, 8], runs: 4, seed: 3, q: Q.ONE, f: saturating(Q.ONE, Q.ONE), support: [q(1, 2), q(3, 2)], stay: Q.ZERO, epsilon: q(1, 100), tol: q(1, 10 ** 9) };

describe("simulateTheorem1", () => {
  it.each(["zhu2022", "stylized"] as const)("%s: deterministic, bounds ordered, efficiency ≤ 1, unlinked C/S = N − 1", (paper) => {
    const a = simulateTheorem1({ ...base, paper });
    const b = simulateTheorem1({ ...base, paper });
    expect(a.map((r) => [r.efficiency, r.costSurplus.lo, r.costSurplus.hi, r.inStar].map(String))).toEqual(b.map((r) => [r.efficiency, r.costSurplus.lo, r.costSurplus.hi, r.inStar].map(String)));
    for (const r of a) {
      expect(r.costSurplus.lo.le(r.costSurplus.hi)).toBe(true);
      expect(r.costSurplus.lo.sign()).toBeGreaterThanOrEqual(0);
      expect(r.efficiency.le(Q.ONE)).toBe(true);
      expect(r.unlinkedCostSurplus.eq(Q.of(r.N - 1))).toBe(true);
      expect(r.uncertified).toBe(0);
      // the linked VCG is far cheaper than the unlinked one
      expect(r.costSurplus.hi.lt(r.unlinkedCostSurplus)).toBe(true);
    }
  });

  it("with a narrow window, draws fall outside Ω* and the retraction costs efficiency", () => {
    // ε large makes x(N) small; sticky draws make rows' averages wander
    const r = simulateTheorem1({ ...base, sizes: [8], runs: 6, epsilon: q(10 ** 6), stay: q(9, 10), support: [q(1, 4), q(2)] });
    expect(r[0]!.inStar).toBeLessThan(6);
    expect(r[0]!.efficiency.lt(Q.ONE)).toBe(true);
  });

  it("x(N) by hand: N = 2, q = 1, f'(0) = 1, range 1, ε = 1/100", () => {
    // R̄ = max(2²·1·1, ε) = 4; ln(2·4·1·4 / 10⁻⁴) = ln 320000 ≈ 12.6761; /(2·2) ≈ 3.16903; √ ≈ 1.78018 → 1781/1000.
    expect(windowWidth(2, Q.ONE, saturating(Q.ONE, Q.ONE), Q.ONE, q(1, 100)).eq(q(1781, 1000))).toBe(true);
  });

  it.each([
    [{ sizes: [1] }, /^--sizes: entry 1 must be an integer in 2\.\.512/],
    [{ runs: 0 }, /^--runs/],
    [{ q: Q.ZERO }, /^--q: q must be > 0/],
    [{ support: [Q.ZERO] }, /^--support: entry 1 must be > 0/],
    [{ stay: Q.ONE }, /^--stay: must lie in \[0, 1\)/],
    [{ epsilon: Q.ZERO }, /^--epsilon/],
    [{ f: quadlin(Q.ONE, q(1, 2)) }, /^--f: .* is not strictly concave/],
  ] as const)("refuses %j", (patch, msg) => {
    expect(() => simulateTheorem1({ ...base, ...patch } as Theorem1Options)).toThrow(InputError);
    expect(() => simulateTheorem1({ ...base, ...patch } as Theorem1Options)).toThrow(msg);
  });
});
