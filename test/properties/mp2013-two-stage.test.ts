/** Theorem 2(i), Propositions 3–4 and Step 4 of Proposition 4's proof (properties/mp2013). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as fc from "fast-check";
import { Surd } from "../../src/exact/surd.js";
import { describe, expect, it } from "vitest";
import { largestInterimGain } from "../../src/equilibrium/mp2013.js";
import { Q, q } from "../../src/exact/rational.js";
import { augmentedFamily, sphericalRule } from "../../src/mechanisms/mp2013/augmented.js";
import { gvcgFamily } from "../../src/mechanisms/mp2013/gvcg.js";
import { paperTwoStage, stageOneReward } from "../../src/mechanisms/mp2013/two-stage.js";
import { largestStage1Gain } from "../../src/equilibrium/mp2013-two-stage.js";
import type { Mp2013Model } from "../../src/models/mp2013/model.js";
import { theorem2i } from "../../properties/mp2013/theorem2i.js";
import { augmentedConstraints, twoStageConstraints } from "../../src/equilibrium/mp2013-scale.js";
import { proposition3 } from "../../properties/mp2013/proposition3.js";
import { proposition4 } from "../../properties/mp2013/proposition4.js";
import { PAPER_SHIFT_BOUND, proposition4Step4 } from "../../properties/mp2013/proposition4-step4.js";
import { scaleRange, ratioBounds } from "../../src/equilibrium/least-scale.js";
import { linearRule, repairedShiftBound } from "../../examples/mutants/faults/mp2013.js";

/** Bisection on κ through a yes/no oracle "incentive compatible at κ" (rational κ only): [lo, hi] with hi working, lo not. */
function bisect(works: (k: Q) => boolean): { lo: Q; hi: Q } {
  let lo = Q.ZERO, hi = Q.ONE;
  while (!works(hi)) [lo, hi] = [hi, hi.mul(q(2))];
  for (let k = 0; k < 24; k++) {
    const mid = lo.add(hi).div(q(2));
    if (works(mid)) hi = mid;
    else lo = mid;
  }
  return { lo, hi };
}

describe("the least reward scale agrees with a bisection through the mechanisms themselves", () => {
  it("Theorem 2(i): the one-shot augmented GVCG", () => {
    const ms = fc.sample(theorem2i.arbitrary(), { numRuns: 200, seed: 11 });
    let tried = 0;
    for (const m of ms) {
      const r = scaleRange(augmentedConstraints(m, sphericalRule));
      if (r.kind !== "interval" || r.least === null || theorem2i.check(m, sphericalRule).kind !== "holds") continue;
      const ic = (k: Q) => (largestInterimGain(augmentedFamily(gvcgFamily, k).build(m))?.gain.sign() ?? 0) <= 0;
      const b = bisect(ic), exact = ratioBounds(r.least);
      expect(exact.hi.ge(b.lo) && exact.lo.le(b.hi)).toBe(true);
      if (++tried === 6) break;
    }
    expect(tried).toBeGreaterThan(2);
  });

  it("Proposition 3: the two-stage game", () => {
    const ms = fc.sample(proposition3.arbitrary(), { numRuns: 200, seed: 12 });
    let tried = 0;
    for (const m of ms) {
      const r = scaleRange(twoStageConstraints(m, paperTwoStage));
      if (r.kind !== "interval" || r.least === null || proposition3.check(m, paperTwoStage).kind !== "holds") continue;
      const ok = (k: Q) => (largestStage1Gain(m, paperTwoStage.stage2, stageOneReward(m, paperTwoStage, k))?.gain.sign() ?? 0) <= 0;
      const b = bisect(ok), exact = ratioBounds(r.least);
      expect(exact.hi.ge(b.lo) && exact.lo.le(b.hi)).toBe(true);
      if (++tried === 6) break;
    }
    expect(tried).toBeGreaterThan(2);
  });
});

describe("the claims on fixed seeds", () => {
  it("Theorem 2(i) and Proposition 3 hold with spherical rewards, and fail outside Λ > 0 only", () => {
    for (const [c, subject] of [[theorem2i, sphericalRule], [proposition3, paperTwoStage]] as const) {
      const kinds = fc.sample(c.arbitrary(), { numRuns: 150, seed: 3 }).map((m) => (c.check as (m: Mp2013Model, s: unknown) => { kind: string })(m, subject).kind);
      expect(kinds).not.toContain("violated");
      expect(kinds).toContain("holds");
    }
  });

  it("Theorem 2(i) fails for the rule without normalization (some lie earns more reward than truth)", () => {
    const kinds = fc.sample(theorem2i.arbitrary(), { numRuns: 150, seed: 3 }).map((m) => theorem2i.check(m, linearRule).kind);
    expect(kinds).toContain("violated");
  });

  it("Proposition 4 holds where its hypothesis does, with ε placed at the hypothesis' edge", () => {
    const vs = fc.sample(proposition4.arbitrary(), { numRuns: 150, seed: 3 }).map((m) => proposition4.check(m, paperTwoStage));
    expect(vs.filter((v) => v.kind === "holds").length).toBeGreaterThan(30);
    expect(vs.map((v) => v.kind)).not.toContain("violated");
  });

  it("Step 4's bound E‖Δρ‖ ≤ ν̂ fails on the proof's own terms; 3ν̂ holds", () => {
    const ms = fc.sample(proposition4Step4.arbitrary(), { numRuns: 150, seed: 3 });
    expect(ms.some((m) => proposition4Step4.check(m, PAPER_SHIFT_BOUND).kind === "violated")).toBe(true);
    expect(ms.every((m) => proposition4Step4.check(m, repairedShiftBound).kind !== "violated")).toBe(true);
  });
});

describe("the least scale on examples/instances/mp2013-two-stage.json, by hand", () => {
  // Agent 1's beliefs about agent 0: P(·|h) = (1/4, 3/20)/(2/5) = (5/8, 3/8) and P(·|l) = (1/2, 1/2). Lying h → l gains
  // D = 13/48 in GVCG's interim terms (eval prints it); the rewards pay truth S = ‖P(·|h)‖₂ − ⟨P(·|h), P(·|l)⟩/‖P(·|l)‖₂
  // = √34/8 − (1/2)/√(1/2) = √34/8 − √2/2 per unit of κ. So κ* = (13/48)/(√34/8 − √2/2) ≈ 12.445.
  const m = proposition3.decode(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "examples", "instances", "mp2013-two-stage.json"), "utf8")));
  const S = Surd.root(q(34)).scale(q(1, 8)).sub(Surd.root(q(2)).scale(q(1, 2)));
  for (const [name, cs] of [["Theorem 2(i)", augmentedConstraints(m, sphericalRule)], ["Proposition 3", twoStageConstraints(m, paperTwoStage)]] as const)
    it(`${name}: κ* = (13/48)/(√34/8 − √2/2)`, () => {
      const r = scaleRange(cs);
      if (r.kind !== "interval" || r.least === null) throw new Error("expected a positive least scale");
      expect(r.leastAt).toEqual({ i: 1, ti: 1, s: 0 });
      expect(r.least.num.mul(S).sub(r.least.den.scale(q(13, 48))).sign()).toBe(0);
    });
});

describe("Step 4 by hand", () => {
  // P(s1, a1, b1) = 50/101, P(s2, a1, b2) = P(s2, a2, b1) = 1/202, P(s2, a2, b2) = 50/101: every posterior is a point mass,
  // and only ρ(a1, b1) = s1. Agent 0 of type a1 announcing a2 moves it from s1 to s2 (1-norm 2) when b1, which has
  // probability (50/101)/(50/101 + 1/202) = 100/101 given a1: E = 200/101. ν̂ = 100/101 (that lie; every other shift
  // of 2 has probability ≤ 100/101 too). So E = 2ν̂ > ν̂, and E ≤ 3ν̂.
  const inst = {
    model: "mp2013", agents: [{ types: ["a1", "a2"] }, { types: ["b1", "b2"] }], states: ["s1", "s2"], outcomes: ["c0"],
    prior: [{ state: "s1", types: ["a1", "b1"], p: "50/101" }, { state: "s2", types: ["a1", "b2"], p: "1/202" }, { state: "s2", types: ["a2", "b1"], p: "1/202" }, { state: "s2", types: ["a2", "b2"], p: "50/101" }],
    values: [],
  };
  it("gives E = 200/101 against ν̂ = 100/101", () => {
    const v = proposition4Step4.check(proposition4Step4.decode(inst), PAPER_SHIFT_BOUND);
    expect(v.kind).toBe("violated");
    if (v.kind === "violated") expect(v.witness.quantities).toMatchObject({ expectedShift: "200/101", nuHat: "100/101", agent: 0, trueType: "a1", reported: "a2" });
    expect(proposition4Step4.check(proposition4Step4.decode(inst), repairedShiftBound).kind).toBe("holds");
  });
});
