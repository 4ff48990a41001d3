/**
 * The claims on bgs2019's operator B_β (properties/bgs2019/{self-generation,remark2-1-set,
 * sandwich-upper}.ts): their verdicts on hand-checked instances, their expectations met from fixed
 * seeds, and one planted bug in the operator caught by each (the faults of
 * examples/mutants/faults/bgs2019-b-beta.ts).
 */
import { describe, expect, it } from "vitest";
import { runClaim } from "../../src/claims/run.js";
import { InputError } from "../../src/exact/errors.js";
import { faTwoOperator, icAtReportOperator, noIcOperator } from "../../examples/mutants/faults/bgs2019-b-beta.js";
import { remark21Set } from "../../properties/bgs2019/remark2-1-set.js";
import { sandwichUpper } from "../../properties/bgs2019/sandwich-upper.js";
import { selfGeneration } from "../../properties/bgs2019/self-generation.js";
import { expectCaught, expectMet } from "./catches.js";

const inst = (values: unknown[], beta: string, extra: Record<string, unknown> = {}) => ({ model: "bgs2019", agents: values.length, values, beta, ...extra });
const one = [{ v: "1", p: "1" }];
const halfOrOne = [{ v: "1/2", p: "1/2" }, { v: "1", p: "1/2" }];
const coin = [{ v: "0", p: "1/2" }, { v: "1", p: "1/2" }];

describe("bgs2019.self-generation (F_β𝒰 ⊆ B_β(F_β𝒰), a probe on discrete values)", () => {
  it("fails outside §2's hypotheses near β = 1 and holds at F = 1/2 for the same values", () => {
    // ξ = 4v̄ = 4, m̲ = 3/4: F = 1 − 16(1 − β)/3. β = 1599/1600 gives F = 299/300, β = 29/32 gives 1/2.
    const near = selfGeneration.check(selfGeneration.decode(inst([one, halfOrOne], "1599/1600")), selfGeneration.defaultSubject);
    expect(near.kind).toBe("outside");
    if (near.kind === "outside") expect(near.witness.quantities.u).toEqual(["299/600", "299/600"]);
    expect(selfGeneration.check(selfGeneration.decode(inst([one, halfOrOne], "29/32")), selfGeneration.defaultSubject).kind).toBe("vacuous");
    // Coins on {0, 1}: 𝒰 itself is self-generating (test/equilibrium/bgs2019-b-beta.test.ts), so F𝒰 is.
    expect(selfGeneration.check(selfGeneration.decode(inst([coin, coin], "999/1000")), selfGeneration.defaultSubject).kind).toBe("vacuous");
    expect(selfGeneration.check(selfGeneration.decode(inst([coin, coin], "1/2")), selfGeneration.defaultSubject).kind).toBe("vacuous"); // F < 1/2: outside Prop. 4.1's β̲
  });

  it("meets its expectation at seed 42, and the operator without (IC) makes every F𝒰 self-generating", () => {
    expectMet(selfGeneration);
    const r = runClaim(selfGeneration, { seed: 42, subject: noIcOperator });
    expect(r.status).not.toBe("fails-outside-hypotheses");
    expect(r.met).toBe(false);
  });
});

describe("bgs2019.remark2.1-set (L ⊆ B_β(L))", () => {
  it("holds exactly on two and three agents, and at seed 42", () => {
    for (const values of [[halfOrOne, coin], [one, halfOrOne, coin]]) expect(remark21Set.check(remark21Set.decode(inst(values, "9/10")), remark21Set.defaultSubject).kind).toBe("holds");
    expectMet(remark21Set);
  });

  it("catches (IC) valued at the report, with Remark 2.1's mechanism as the contradiction", () => {
    const v = remark21Set.check(remark21Set.decode(inst([halfOrOne, coin], "9/10")), icAtReportOperator);
    expect(v.kind).toBe("violated");
    if (v.kind === "violated") expect(v.witness.quantities.remarkMechanismValid).toBe(true);
    expectCaught(remark21Set, icAtReportOperator);
  });
});

describe("bgs2019.sandwich-upper (B_β(𝒰) ⊆ 𝒰)", () => {
  it("holds exactly, and at seed 42", () => {
    expect(sandwichUpper.check(sandwichUpper.decode(inst([halfOrOne, coin], "99/100")), sandwichUpper.defaultSubject).kind).toBe("holds");
    expectMet(sandwichUpper);
  });

  it("catches (FA) relaxed to Σp ≤ 2, with αᵀu > φ(α) recomputed from (5)", () => {
    const v = sandwichUpper.check(sandwichUpper.decode(inst([halfOrOne, coin], "1/2")), faTwoOperator);
    expect(v.kind).toBe("violated");
    expectCaught(sandwichUpper, faTwoOperator);
  });
});

describe("operator instances", () => {
  it("reject what the LP cannot take, naming the field", () => {
    const density = { density: [{ from: "0", to: "1", p: "1" }] };
    expect(() => remark21Set.decode(inst([one, density], "1/2"))).toThrow(/discrete values/);
    expect(() => remark21Set.decode({ model: "bgs2019", agents: 1, values: [one] })).toThrow(InputError);
    expect(() => remark21Set.decode(inst([one, one, one, one], "1/2"))).toThrow(/n ≤ 3/);
    expect(() => remark21Set.decode(inst([one, [{ v: "0", p: "1" }]], "1/2"))).toThrow(/E\[vᵢ\] > 0/);
    const c = remark21Set.decode(inst([one, coin], "1/2"));
    expect(remark21Set.decode(JSON.parse(JSON.stringify(remark21Set.encode(c))))).toEqual(c);
  });
});
