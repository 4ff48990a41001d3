/** bgs2019's claims on fixed seeds, their mutants, and bad instance files. */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { readBgs2019 } from "../../src/models/bgs2019/json.js";
import { proposition23, referenceSupport } from "../../properties/bgs2019/proposition2-3.js";
import { unsharedNAgent, lifetimeRandomAllocation, smallestMeanRandomAllocation, flippedSignMainPhase, interimPromiseMainPhase, lowestIndexMainPhase, noPointTermMainPhase, overNMainPhase, reversedWeightsMainPhase, unweightedSupport } from "../../examples/mutants/faults/bgs2019.js";
import { allocationFeasible } from "../../properties/bgs2019/allocation-feasible.js";
import { proposition31 } from "../../properties/bgs2019/proposition3-1.js";
import { proposition32 } from "../../properties/bgs2019/proposition3-2.js";
import { candidateReports, stageIc } from "../../properties/bgs2019/stage-ic.js";
import { certainAllocation, flipProfile, proposition61 } from "../../properties/bgs2019/proposition6-1.js";
import { proposition62 } from "../../properties/bgs2019/proposition6-2.js";
import { remark21 } from "../../properties/bgs2019/remark2-1.js";
import { boundaryFa } from "../../properties/bgs2019/boundary-fa.js";
import { defaultXi, proposition41 } from "../../properties/bgs2019/proposition4-1.js";
import { proposition71 } from "../../properties/bgs2019/proposition7-1.js";
import { activeSplit, nAgentMechanism, nAgentParameters } from "../../src/mechanisms/bgs2019/n-agent.js";
import { randomAllocation } from "../../src/mechanisms/bgs2019/boundary.js";
import { Q } from "../../src/exact/rational.js";
import { mainPhase } from "../../src/mechanisms/bgs2019/stage.js";
import { cli, scratchDir } from "../cli/run-cli.js";

describe("bgs2019.proposition2.3", () => {
  const cases = fc.sample(proposition23.arbitrary(), { numRuns: 200, seed: 9 });
  const verdicts = cases.map((c) => ({ c, v: proposition23.check(c, referenceSupport) }));

  it("holds on densities and fails only outside (discrete values) with the reference φ", () => {
    expect(verdicts.filter((x) => x.v.kind === "holds").length).toBeGreaterThan(30);
    expect(verdicts.map((x) => x.v.kind)).not.toContain("violated");
    const outside = verdicts.filter((x) => x.v.kind === "outside");
    expect(outside.length).toBeGreaterThan(0);
    for (const { c } of outside) expect(c.values.some((d) => d.kind === "discrete")).toBe(true);
  });

  it("the stored outside case by hand: v₀ ∈ {0 (10/11), 1/2 (1/11)}, v₁ = 1/2, α = (1/3, 1/3)", () => {
    // φ = E[max(v₀, 1/2)]/3 = 1/6; the ≥-formula gives ∂₀ = (1/11)(1/2) = 1/22 and ∂₁ = 1/2 (the tie at 1/2 counts for both):
    // α·∇φ = (1/3)(1/22 + 1/2) = 2/11 > 1/6.
    const c = proposition23.decode({ model: "bgs2019", agents: 2, values: [[{ v: "0", p: "10/11" }, { v: "1/2", p: "1/11" }], [{ v: "1/2", p: "1" }]], alpha: ["1/3", "1/3"] });
    const v = proposition23.check(c, referenceSupport);
    expect(v.kind).toBe("outside");
    if (v.kind === "outside") expect(v.witness.quantities).toMatchObject({ alphaDotGradient: "2/11", phi: "1/6" });
  });

  it("catches the partial derivative that forgets the others' weights, on densities", () => {
    expect(cases.some((c) => proposition23.check(c, unweightedSupport).kind === "violated")).toBe(true);
  });
});

describe("bgs2019.allocation-feasible", () => {
  const cases = fc.sample(allocationFeasible.arbitrary(), { numRuns: 60, seed: 5 });

  it("as written, some profile gets the good twice; with ties to the lowest index none does", () => {
    const asWritten = cases.map((c) => allocationFeasible.check(c, mainPhase).kind);
    expect(asWritten.filter((k) => k === "violated" || k === "outside").length).toBeGreaterThan(0);
    const repaired = cases.map((c) => allocationFeasible.check(c, lowestIndexMainPhase).kind);
    expect(repaired).not.toContain("violated");
    expect(repaired).not.toContain("outside");
    expect(repaired.filter((k) => k === "holds").length).toBeGreaterThan(5);
  });

  it("two uniform agents who both report 0 both win, for any weights (by hand: 0·α₀ ≥ 0·α₁ and back)", () => {
    const c = allocationFeasible.decode({ model: "bgs2019", agents: 2, values: [{ density: [{ from: "0", to: "1", p: "1" }] }, { density: [{ from: "0", to: "1", p: "1" }] }], beta: "9/10", F: "9/10", u: ["1/4", "1/4"], reports: ["0", "0"] });
    const v = allocationFeasible.check(c, mainPhase);
    expect(v.kind).toBe("violated");
    if (v.kind === "violated") expect(v.witness.quantities).toMatchObject({ allocation: ["1", "1"], total: "2" });
  });
});

describe("bgs2019.proposition3.1", () => {
  const cases = fc.sample(proposition31.arbitrary(), { numRuns: 60, seed: 6 });
  const verdicts = cases.map((c) => ({ c, v: proposition31.check(c, mainPhase) }));

  it("holds on densities in the central region; fails only with discrete values", () => {
    expect(verdicts.filter((x) => x.v.kind === "holds").length).toBeGreaterThan(5);
    expect(verdicts.map((x) => x.v.kind)).not.toContain("violated");
    for (const { c, v } of verdicts) if (v.kind === "outside") expect(c.model.values.some((d) => d.kind === "discrete")).toBe(true);
  });

  it("catches (11) averaged over n agents instead of n − 1", () => {
    expect(cases.some((c) => proposition31.check(c, overNMainPhase).kind === "violated")).toBe(true);
  });
});

describe("bgs2019.proposition3.2", () => {
  // Two discrete agents (4 profiles): the claim solves max_w̃ min_v α*ᵀ(u − w̃(v)) s.t. (12) as an exact LP.
  const small = proposition32.decode({ model: "bgs2019", agents: 2, values: [[{ v: "0", p: "1/2" }, { v: "1", p: "1/2" }], [{ v: "1/2", p: "1/3" }, { v: "1", p: "2/3" }]], beta: "9/10", F: "9/10", u: ["1/5", "1/4"], reports: ["1", "1"] });

  it("ŵ of (11) attains the exact LP's optimum on a discrete example; the interim promise does not", () => {
    // Discrete values with no failure: outside §2 with nothing to report, so vacuous (not the region test).
    const ok = proposition32.check(small, mainPhase);
    expect(ok).toMatchObject({ kind: "vacuous", hypothesis: expect.stringMatching(/discrete/) });
    const bad = proposition32.check(small, interimPromiseMainPhase);
    expect(bad.kind).toBe("outside");
    if (bad.kind === "outside") expect(bad.witness.summary).toMatch(/exact LP/);
  });

  const cases = fc.sample(proposition32.arbitrary(), { numRuns: 40, seed: 7 });
  it("holds on every sampled case with the reference; the interim promise is caught on densities", () => {
    const kinds = cases.map((c) => proposition32.check(c, mainPhase).kind);
    expect(kinds.filter((k) => k === "holds").length).toBeGreaterThan(5);
    expect(kinds).not.toContain("violated");
    expect(kinds).not.toContain("outside");
    expect(cases.some((c) => proposition32.check(c, interimPromiseMainPhase).kind === "violated")).toBe(true);
  });
});

describe("bgs2019.stage-ic", () => {
  const cases = fc.sample(stageIc.arbitrary(), { numRuns: 40, seed: 8 });

  it("truth-telling is a best reply in every sampled case; (10) without its −P̂ᵢ(y)·y term is caught", () => {
    const kinds = cases.map((c) => stageIc.check(c, mainPhase).kind);
    expect(kinds.filter((k) => k === "holds").length).toBeGreaterThan(5);
    expect(kinds).not.toContain("violated");
    expect(kinds).not.toContain("outside");
    expect(cases.some((c) => ["violated", "outside"].includes(stageIc.check(c, noPointTermMainPhase).kind))).toBe(true);
  });

  it("a weight of 0 makes every report tie at 0: P̂ is the rule's constant and no report gains (found by the search)", () => {
    // u = (0, 0), F = 1 gives α* = (1, 0); agent 1 ties with agent 0's sure 0 whatever it reports, and wins half the time.
    // Before the fix the integral in (10) used the as-written P̂ = 1 beside the uniform rule's 1/2, and reporting 1 gained 1/4.
    const c = stageIc.decode({ model: "bgs2019", agents: 2, values: [[{ v: "0", p: "1" }], [{ v: "0", p: "1/2" }, { v: "1", p: "1/2" }]], beta: "1/2", F: "1", u: ["0", "0"], tieBreak: "uniform", reports: ["0", "0"] });
    const mech = mainPhase.build(c.model);
    expect(mech.alpha.map(String)).toEqual(["1", "0"]);
    expect(mech.interimW(1, Q.ZERO).toString()).toBe(mech.interimW(1, Q.ONE).toString());
    expect(stageIc.check(c, mainPhase).kind).not.toBe("outside");
  });

  it("compares 0, v̄, the others' breakpoints seen through the weights, and the midpoints between", () => {
    // Agent 0 uniform on [0, 2]; agent 1 with support {1, 3}; α = (1/2, 1/2): P̂₀ steps at 1 and 3 > v̄ = 2 (dropped).
    const ds = readBgs2019({ model: "bgs2019", agents: 2, values: [{ density: [{ from: "0", to: "2", p: "1" }] }, [{ v: "1", p: "1/2" }, { v: "3", p: "1/2" }]] }).values;
    expect(candidateReports(ds, [Q.HALF, Q.HALF], 0, []).map(String)).toEqual(["0", "1/2", "1", "3/2", "2"]);
  });
});

describe("bgs2019.proposition6.1 and 6.2", () => {
  const c61 = fc.sample(proposition61.arbitrary(), { numRuns: 40, seed: 12 });
  const c62 = fc.sample(proposition62.arbitrary(), { numRuns: 40, seed: 13 });

  it("hold in every sampled case; reversed weights (6.1) and (11)'s flipped sign (6.2) are caught", () => {
    for (const [claim, cases, mutant] of [[proposition61, c61, reversedWeightsMainPhase], [proposition62, c62, flippedSignMainPhase]] as const) {
      const kinds = cases.map((c) => claim.check(c, mainPhase).kind);
      expect(kinds.filter((k) => k === "holds").length).toBeGreaterThan(5);
      expect(kinds).not.toContain("violated");
      expect(kinds).not.toContain("outside");
      expect(cases.some((c) => ["violated", "outside"].includes(claim.check(c, mutant).kind))).toBe(true);
    }
  });

  it("certain allocations from weight boxes, by hand", () => {
    const box = { lo: [Q.of(1, 3), Q.of(1, 2)], hi: [Q.of(1, 2), Q.of(2, 3)] };
    // α₀v₀ ∈ [1/3, 1/2] against α₁v₁ ∈ [1/4, 1/3] at v = (1, 1/2): ties possible at 1/3, a win as written.
    expect(certainAllocation(box, [Q.ONE, Q.HALF], 0, "as-written")).toBe(1);
    expect(certainAllocation(box, [Q.ONE, Q.HALF], 0, "uniform")).toBeNull();
    expect(certainAllocation(box, [Q.ONE, Q.ONE], 0, "as-written")).toBeNull(); // [1/3, 1/2] against [1/2, 2/3]
    expect(certainAllocation(box, [Q.HALF, Q.ONE], 0, "as-written")).toBe(0); // [1/6, 1/4] against [1/2, 2/3]
  });

  it("a ratio α₁/α₀ that rises certainly is exhibited by a profile (densities), and only then", () => {
    const ds = readBgs2019({ model: "bgs2019", agents: 2, values: [{ density: [{ from: "0", to: "1", p: "1" }] }, { density: [{ from: "0", to: "1", p: "1" }] }] }).values;
    const pt = (a: Q) => ({ lo: [a, Q.ONE.sub(a)], hi: [a, Q.ONE.sub(a)] });
    const v = flipProfile(ds, pt(Q.of(1, 2)), pt(Q.of(2, 5)), 0, "as-written");
    expect(Array.isArray(v)).toBe(true);
    if (Array.isArray(v)) {
      expect(certainAllocation(pt(Q.of(1, 2)), v, 0, "as-written")).toBe(1);
      expect(certainAllocation(pt(Q.of(2, 5)), v, 0, "as-written")).toBe(0);
    }
    expect(flipProfile(ds, pt(Q.of(2, 5)), pt(Q.of(1, 2)), 0, "as-written")).toBeNull();
  });

  it("refuses a raise that lowers a report, naming the field", () => {
    const inst = { model: "bgs2019", agents: 2, values: [{ density: [{ from: "0", to: "1", p: "1" }] }, { density: [{ from: "0", to: "1", p: "1" }] }], beta: "9/10", F: "9/10", u: ["1/4", "1/4"], reports: ["1/2", "1/2"], raise: { agent: 0, report: "1/4" } };
    expect(() => proposition62.decode(inst)).toThrow(/instance\.raise\.report/);
    expect(() => proposition62.decode({ ...inst, raise: { agent: 2, report: "1" } })).toThrow(/instance\.raise\.agent/);
  });
});

describe("bgs2019.remark2.1 and the boundary region", () => {
  it("L is self-generating under the random allocation on every sampled state; uᵢ/((1−β)E[vᵢ]) is caught", () => {
    const cases = fc.sample(remark21.arbitrary(), { numRuns: 60, seed: 14 });
    expect(cases.map((c) => remark21.check(c, randomAllocation).kind).every((k) => k === "holds")).toBe(true);
    expect(cases.some((c) => remark21.check(c, lifetimeRandomAllocation).kind === "violated")).toBe(true);
  });

  it("two agents: the boundary region of F𝒰 lies in L; dividing by m̲ instead is caught", () => {
    const cases = fc.sample(boundaryFa.arbitrary(), { numRuns: 80, seed: 15 }).filter((c) => c.v.length === 2);
    const kinds = cases.map((c) => boundaryFa.check(c, randomAllocation).kind);
    expect(kinds.filter((k) => k === "holds").length).toBeGreaterThan(3);
    expect(kinds).not.toContain("violated");
    expect(kinds).not.toContain("outside");
    expect(cases.some((c) => ["violated", "outside"].includes(boundaryFa.check(c, smallestMeanRandomAllocation).kind))).toBe(true);
  });

  it("three uniform agents leave L at u = F·(0, 1/3, 1/3), by hand: 2·(3/10)/(1/2) = 6/5 goods (outside §4's two agents)", () => {
    // (0, 1/3, 1/3) = ∇φ(0, 1/2, 1/2): two uniform agents split by the larger value, each E[v·1{v ≥ v′}] = 1/3.
    const uni = { density: [{ from: "0", to: "1", p: "1" }] };
    const c = boundaryFa.decode({ model: "bgs2019", agents: 3, values: [uni, uni, uni], beta: "9/10", F: "9/10", u: ["0", "3/10", "3/10"], reports: ["0", "0", "0"] });
    const v = boundaryFa.check(c, randomAllocation);
    expect(v.kind).toBe("outside");
    if (v.kind === "outside") expect(v.witness.quantities).toMatchObject({ total: "6/5", uLow: "1/20" });
  });
});

describe("bgs2019.proposition4.1", () => {
  const uni = { density: [{ from: "0", to: "1", p: "1" }] };
  const at = (xi: string, u: string[], reports: string[]) => proposition41.decode({ model: "bgs2019", agents: 2, values: [uni, uni], beta: "9/10", xi, u, reports });

  it("holds on every sampled density case with ξ = 4v̄ (α* certified by KKT); ŵ = Ŵ (the paper's own warning in §3.2) is caught", () => {
    const cases = fc.sample(proposition41.arbitrary(), { numRuns: 80, seed: 16 });
    const kinds = cases.map((c) => proposition41.check(c, mainPhase).kind);
    expect(kinds).not.toContain("violated");
    expect(kinds).not.toContain("inconclusive");
    expect(kinds.filter((k) => k === "holds").length).toBeGreaterThan(40);
    expect(cases.some((c) => proposition41.check(c, interimPromiseMainPhase).kind === "violated")).toBe(true);
  });

  it("ξ defaults to 4v̄ and (13) sets F: the mechanism built from ξ alone uses F = 1 − ξ(1−β)/m̲", () => {
    const c = proposition41.decode({ model: "bgs2019", agents: 2, values: [uni, uni], beta: "99/100", u: ["1/4", "1/4"], reports: ["0", "0"] });
    expect(c.model.xi!.eq(defaultXi(c.model))).toBe(true);
    expect(c.model.xi!.toString()).toBe("4");
    // F = 1 − 4·(1/100)/(1/2) = 23/25: α*(u/F) for u on the diagonal is (1/2, 1/2) whatever F, so compare ŵ through F.
    const withF = mainPhase.build({ ...c.model, xi: null, F: Q.of(23, 25) }).transfer(c.v);
    const withXi = mainPhase.build(c.model).transfer(c.v);
    expect(withXi.map(String)).toEqual(withF.map(String));
  });

  // Reference numbers by hand, uniform [0,1]² with normal a = (a₀, a₁), r = a₀/a₁ ≤ 1: P̂₀(y) = ry, P̂₁(y) = min(1, y/r);
  // (10) gives Ŵ₀(y) = (u₀ − (1−β)(ry²/2 + r/6))/β and Ŵ₁(y) = (u₁ + (1−β)(g(y) − C))/β with g(y) = −y²/(2r) (y < r),
  // −r/2 (y ≥ r), C = r/2 − r²/3 + (1−r)²/2; ∇φ(a) = (r/3, 1/2 − r²/6); 𝒰 = {u ≥ 0 : max u ≤ 1/2 − (3/2)(min u)²} (min u ≤ 1/3).
  it("ξ = 1/4 is too small at β = 9/10: from F·u* = (19/60, 19/60), reports (0, 1), ŵ = (10/27, 7/27) passes F𝒰's frontier (by hand)", () => {
    const v = proposition41.check(at("1/4", ["19/60", "19/60"], ["0", "1"]), mainPhase);
    expect(v.kind).toBe("violated");
    // F = 19/20; ŵ/F = (200/513, 140/513) and 1/2 − (3/2)(140/513)² < 200/513.
    if (v.kind === "violated") expect(v.witness.quantities).toMatchObject({ promise: ["10/27", "7/27"], F: "19/20", xi: "1/4" });
  });

  it("ξ = 1/4 at β = 9/10: near the face u₀ = u̲ the promise turns negative, ŵ₀ = −1/58 (by hand, a = (3/32, 29/32))", () => {
    const v = proposition41.check(at("1/4", ["19/580", "7961/16820"], ["0", "0"]), mainPhase);
    expect(v.kind).toBe("violated");
    if (v.kind === "violated") expect(v.witness.quantities).toMatchObject({ promise: ["-1/58", "7201/15138"] });
  });

  it("the same two states, rescaled to F = 23/25 (default ξ = 4, β = 99/100), keep their promises at every report on a grid", () => {
    // F·∇φ(a) for a = (1/2, 1/2) and a = (3/32, 29/32): (23/75, 23/75) and (23/725, 9637/21025).
    for (const u of [["23/75", "23/75"], ["23/725", "9637/21025"]])
      for (const reports of [["0", "0"], ["0", "1"], ["1", "0"], ["1/2", "1"]]) {
        const c = proposition41.decode({ model: "bgs2019", agents: 2, values: [uni, uni], beta: "99/100", u, reports });
        expect(proposition41.check(c, mainPhase).kind).toBe("holds");
      }
  });
});

describe("bgs2019.proposition7.1", () => {
  const uni = { density: [{ from: "0", to: "1", p: "1" }] };
  it("holds on every sampled case, agents turning inactive included; the active block without s(u) is caught", () => {
    const cases = fc.sample(proposition71.arbitrary(), { numRuns: 120, seed: 17 });
    const verdicts = cases.map((c) => ({ c, v: proposition71.check(c, nAgentMechanism) }));
    expect(verdicts.map((x) => x.v.kind)).not.toContain("violated");
    const held = verdicts.filter((x) => x.v.kind === "holds");
    expect(held.length).toBeGreaterThan(50);
    // Some held cases lose an active agent in one step: the part of Ω_β's definition the proof is about.
    const drops = held.filter(({ c }) => {
      const p = nAgentParameters(c.model);
      return activeSplit(nAgentMechanism.build(c.model).transfer(c.v), p).active.length < activeSplit(c.model.u!, p).active.length;
    });
    expect(drops.length).toBeGreaterThan(5);
    expect(cases.some((c) => ["violated", "outside"].includes(proposition71.check(c, unsharedNAgent).kind))).toBe(true);
  });

  it("three uniform agents, one inactive, by hand: β = 1 − 8⁻⁷ (u̲ = ξ/8 = 1/64), p̂ = (2u₀, s, 0), ŵ₀ = u₀", () => {
    // u₀ = 1/128 < u̲: s = 1 − 2·(1/128) = 63/64; F⁽²'³⁾ = 1 − 3·(1/64)/(1/2) = 29/32; the active pair at
    // s·F⁽²'³⁾·(1/3, 1/3) (two uniforms: E[v·1{v ≥ v′}] = 1/3) has α = (1/2, 1/2) by symmetry.
    const c = proposition71.decode({ model: "bgs2019", agents: 3, values: [uni, uni, uni], beta: "2097151/2097152", xi: "1/8", u: ["1/128", "609/2048", "609/2048"], reports: ["1", "1", "1/2"] });
    const mech = nAgentMechanism.build(c.model);
    expect(mech.active).toEqual([1, 2]);
    expect(mech.s.toString()).toBe("63/64");
    expect(mech.allocate(c.v, 0).map(String)).toEqual(["1/64", "63/64", "0"]);
    expect(mech.transfer(c.v)[0]!.toString()).toBe("1/128");
    expect(proposition71.check(c, nAgentMechanism).kind).toBe("holds");
  });

  it("refuses β whose threshold is irrational, non-identical values and an explicit F, naming the field", () => {
    const base = { model: "bgs2019", agents: 2, values: [uni, uni], beta: "63/64", xi: "1/8", u: ["1/4", "1/4"], reports: ["0", "1"] };
    expect(() => proposition71.decode(base)).not.toThrow();
    expect(() => proposition71.decode({ ...base, beta: "9/10" })).toThrow(/instance\.beta.*6-th power/);
    expect(() => proposition71.decode({ ...base, values: [uni, [{ v: "1", p: "1" }]] })).toThrow(/instance\.values\[1\].*identically/);
    expect(() => proposition71.decode({ ...base, F: "9/10" })).toThrow(/instance\.F/);
  });
});

describe("bgs2019 instance files", () => {
  const base = { model: "bgs2019", agents: 2, values: [[{ v: "1", p: "1/2" }, { v: "2", p: "1/2" }], { density: [{ from: "0", to: "1", p: "1" }] }] };
  it.each([
    [{ ...base, values: [[{ v: "1", p: "1/2" }], base.values[1]] }, "instance.values[0]", "sum to 1"],
    [{ ...base, values: [[{ v: "-1", p: "1" }], base.values[1]] }, "instance.values[0][0].v", "nonnegative"],
    [{ ...base, values: [base.values[0], { density: [{ from: "0", to: "1", p: "1/2" }, { from: "2", to: "3", p: "1/2" }] }] }, "instance.values[1].density[1].from", "contiguous"],
    [{ ...base, values: [base.values[0], { density: [{ from: "1", to: "2", p: "1" }] }] }, "instance.values[1].density[0].from", "starts at 0"],
    [{ ...base, beta: "1" }, "instance.beta", "(0, 1)"],
    [{ ...base, u: ["1/2", "-1/4"] }, "instance.u[1]", "nonnegative"],
    [{ ...base, agents: 3 }, "instance.values", "one distribution per agent"],
    [{ ...base, beta: 0.5 }, "instance.beta", ""],
  ])("refuses %j naming %s", (inst, field, rule) => {
    try {
      readBgs2019(inst);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).message).toContain(field);
      expect((e as InputError).message).toContain(rule);
    }
  });

  it("verify exits 2 on a bad file and on a missing α, naming the field, and writes nothing", () => {
    const dir = scratchDir("bgs2019-cli-");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...base, values: [[{ v: "1", p: "1/3" }], base.values[1]] }));
    const out = join(dir, "out.json");
    const r = cli("verify", "--claim", "bgs2019.proposition2.3", "--instance", bad, "--json", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/instance\.values\[0\]: probabilities sum to 1 exactly/);
    expect(r.err).not.toMatch(/at .*\.ts/);
    expect(existsSync(out)).toBe(false);
    const noAlpha = join(dir, "no-alpha.json");
    writeFileSync(noAlpha, JSON.stringify(base));
    const v = cli("verify", "--claim", "bgs2019.proposition2.3", "--instance", noAlpha);
    expect(v.code).toBe(2);
    expect(v.err).toMatch(/instance\.alpha/);
  });
});
