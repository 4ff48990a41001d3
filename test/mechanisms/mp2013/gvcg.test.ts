/** GVCG, the augmented mechanism and the balanced scheme of mp2013 (src/mechanisms/mp2013). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../../src/exact/rational.js";
import { Surd } from "../../../src/exact/surd.js";
import { gain, largestExPostGain, lowestTruthfulPayoff, weakEpsFailure } from "../../../src/equilibrium/mp2013.js";
import { augmentedFamily } from "../../../src/mechanisms/mp2013/augmented.js";
import { balancedFamily } from "../../../src/mechanisms/mp2013/balanced.js";
import { gvcgFamily } from "../../../src/mechanisms/mp2013/gvcg.js";
import { readMp2013 } from "../../../src/models/mp2013/json.js";
import { derived, inSupport, profileIndex } from "../../../src/models/mp2013/model.js";
import { modelArb } from "../../../src/search/mp2013.js";
import { auction } from "../../models/mp2013/fixtures.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");

describe("GVCG on §8.2's single-object auction", () => {
  const m = readMp2013(auction());
  const d = derived(m);
  const mech = gvcgFamily.build(m);
  // Reference, by brute force from the prior: ŵ_k(t) = Σ_θ w_k(θ, t_k)·P(θ, t)/P(t); §8.2 says the
  // winner (no ties here) pays the best other reduced-form value, α = −w*₋ᵢ(t), and losers pay 0.
  const w = [
    [[q(1), q(3)], [q(2), q(7)]],
    [[q(2), q(2)], [q(1), q(6)]],
  ]; // w[k][θ][t_k]
  it("gives the object to the highest reduced-form value and charges the winner the second (paper's formula)", () => {
    for (const [a, b] of [[0, 0], [0, 1], [1, 0]] as const) {
      const t = profileIndex(d, [a, b]);
      const pt = m.prior[0]![t]!.add(m.prior[1]![t]!);
      const hat = [0, 1].map((k) => [0, 1].reduce((acc, th) => acc.add(w[k]![th]![[a, b][k]!]!.mul(m.prior[th]![t]!)), Q.ZERO).div(pt));
      const winner = hat[0]!.gt(hat[1]!) ? 0 : 1;
      expect(mech.allocate(t, 0)).toBe(1 + winner);
      const x = mech.transfer(t).map((s) => s.rational()!);
      expect(x[winner]!.eq(hat[1 - winner]!.neg())).toBe(true);
      expect(x[1 - winner]!.isZero()).toBe(true);
    }
  });
  it("gives c₀ and no transfers off T*", () => {
    const t = profileIndex(d, [1, 1]);
    expect(inSupport(d, t)).toBe(false);
    expect(mech.allocate(t, 0)).toBe(0);
    expect(mech.transfer(t).every((x) => x.sign() === 0)).toBe(true);
  });
});

describe("with a single state (pure private values) GVCG is VCG", () => {
  it("is ex post IC and IR on generated models with |Θ| = 1 (the classical dominant-strategy result)", () => {
    fc.assert(
      fc.property(modelArb({ maxStates: 1 }), (m) => {
        const mech = gvcgFamily.build(m);
        const lie = largestExPostGain(mech);
        expect(lie === null || lie.gain.sign() <= 0).toBe(true);
        expect(lowestTruthfulPayoff(mech).value.sign()).toBeGreaterThanOrEqual(0);
      }),
      { seed: 3, numRuns: 100 },
    );
  });
});

describe("the balanced scheme of §9.4", () => {
  it("sums to 0 on T* (Theorem 5's balance)", () => {
    fc.assert(
      fc.property(modelArb({ commonValues: true }), (m) => {
        const d = derived(m);
        const mech = balancedFamily.build(m);
        for (let t = 0; t < d.profiles; t++) expect(mech.transfer(t).reduce((a, x) => a.add(x), Surd.ZERO).sign()).toBe(0);
      }),
      { seed: 4, numRuns: 60 },
    );
  });
});

describe("Theorem 2's construction on the hand-built instance examples/instances/mp2013-theorem2-counterexample.json", () => {
  const m = readMp2013(JSON.parse(readFileSync(join(ROOT, "examples", "instances", "mp2013-theorem2-counterexample.json"), "utf8")));
  const d = derived(m);
  // Built by hand: P(b, y) = 0 so type b is sure agent 1 is x; P(x | a) = p = 1/20; posteriors at (a, ·) are
  // π = (2/5, 3/5) and at (b, x) π + (h, −h) with h = 13/40000, so ‖ΔP_Θ‖ = 2h = 13/20000 = d. Agent 0
  // values A in both states, agent 1 values A in s1 and B in s2, so A is efficient and the GVCG gain of
  // a → b at x is the pivot's drift, exactly d. With ε = 1/100, z₀(x, b) = ε and
  // z₀(x, a) = ε·p/√(p² + (1 − p)²), so the augmented gain is d + ε − εp/√(p² + (1 − p)²).
  const p = q(1, 20), eps = q(1, 100), dd = q(13, 20000);
  const t = profileIndex(d, [0, 0]);
  it("has the GVCG gain d and the augmented gain d + ε − εp/‖(p, 1 − p)‖₂, exactly (reference: by hand, above)", () => {
    expect(gain(gvcgFamily.build(m), d, 0, t, 1).rational()!.eq(dd)).toBe(true);
    const expected = Surd.of(dd.add(eps)).sub(Surd.invRoot(p.mul(p).add(Q.ONE.sub(p).pow(2)), eps.mul(p)));
    expect(gain(augmentedFamily(gvcgFamily).build(m), d, 0, t, 1).sub(expected).sign()).toBe(0);
  });
  it("is not weakly ε-ex post IC: the lie gains more than ε with probability p = 1/20 > ε", () => {
    const f = weakEpsFailure(augmentedFamily(gvcgFamily).build(m), eps)!;
    expect(f.i).toBe(0);
    expect(f.prob.eq(p)).toBe(true);
  });
});
