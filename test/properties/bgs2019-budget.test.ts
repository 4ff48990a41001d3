/** bgs2019.proposition5.1 (§5's budget mechanism) on fixed seeds, its mutants, and bad instances. */
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spareReportBudget, tiesToFirstBudget, unenforcedBudget } from "../../examples/mutants/faults/bgs2019-budget.js";
import { decodeBudgetCase, encodeBudgetCase, proposition51 } from "../../properties/bgs2019/proposition5-1.js";
import { runClaim } from "../../src/claims/run.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { loadPlugin } from "../../src/mechanisms/plugin.js";
import { expectCaught, expectMet } from "./catches.js";

const instance = (tau: number, extra: Record<string, unknown> = {}) => ({
  model: "bgs2019",
  agents: 2,
  values: [
    [{ v: "0", p: "1/2" }, { v: "1/4", p: "1/2" }],
    [{ v: "0", p: "1/2" }, { v: "1/4", p: "1/2" }],
  ],
  beta: "1/2",
  tau,
  ...extra,
});

describe("bgs2019.proposition5.1", () => {
  it("holds for the paper's budget mechanism from seed 42", () => {
    expectMet(proposition51, 42);
  });

  it("generates two- and three-type cases with τ·P(θ) whole, every one holding", () => {
    const cases = fc.sample(proposition51.arbitrary(), { numRuns: 40, seed: 3 });
    expect(new Set(cases.map((c) => c.model.types.length))).toEqual(new Set([2, 3]));
    for (const c of cases) {
      for (const x of c.model.types) expect(x.p.mul(Q.of(c.model.tau)).isInteger()).toBe(true);
      expect(decodeBudgetCase(JSON.parse(JSON.stringify(encodeBudgetCase(c))))).toEqual(c);
    }
    expect(cases.filter((c) => proposition51.check(c, proposition51.defaultSubject).kind === "holds").length).toBe(cases.length);
  });

  it("catches ties given to agent 0: values 0, 1/4 w.p. 1/2, τ = 2, β = 1/2, S₀ = 13/120 > u* = 3/32 (by hand)", () => {
    expectCaught(proposition51, tiesToFirstBudget);
    // Period 1: truthful pays (3/16, 5/32) against j's (H, L), (L, H) over the cycle; "L at H, H at L" pays
    // (1/16, 3/16); mixing them 4/5 : 1/5 equalises at 13/80, and (1 − β)/(1 − β²) = 2/3 gives 13/120.
    // u* = (1/2)(1/4)(1/2 + 1/4) = 3/32.
    const v = proposition51.check(decodeBudgetCase(instance(2)), tiesToFirstBudget);
    expect(v.kind).toBe("violated");
    if (v.kind === "violated") expect(v.witness.quantities).toMatchObject({ agent: 0, security: "13/120", efficient: "3/32" });
  });

  it("catches budgets that are not enforced, and one spare report per type (the 'if' bound fails)", () => {
    expectCaught(proposition51, unenforcedBudget);
    expectCaught(proposition51, spareReportBudget);
    const v = proposition51.check(decodeBudgetCase(instance(4)), unenforcedBudget);
    expect(v.kind).toBe("violated");
    if (v.kind === "violated") expect(v.witness.summary).toContain("if");
  });

  it("the mutant modules load as plug-ins of the claim's subject kind and are killed from seed 42", async () => {
    for (const f of ["bgs2019-budget-ties-to-first.ts", "bgs2019-budget-unenforced.ts", "bgs2019-budget-spare-report.ts"]) {
      const p = await loadPlugin(join(import.meta.dirname, "..", "..", "examples", "mutants", f));
      expect(p.subject.kind).toBe(proposition51.subjectKind);
      expect(p.kills).toEqual(["bgs2019.proposition5.1"]);
      const r = runClaim(proposition51, { seed: 42, subject: p.subject });
      expect(r.met).toBe(false);
    }
  });

  it("rejects instances outside §5's setting with the field and the rule", () => {
    const bad = (raw: unknown, field: string) => expect(() => decodeBudgetCase(raw)).toThrow(expect.objectContaining({ name: InputError.name, field }));
    bad(instance(3), "instance.tau"); // τ·P(θ) = 3/2
    bad(instance(0), "instance.tau");
    bad({ ...instance(2), tau: undefined }, "instance.tau");
    bad({ ...instance(2), beta: undefined }, "instance.beta");
    bad({ ...instance(2), values: [[{ v: "0", p: "1/2" }, { v: "1", p: "1/2" }], [{ v: "0", p: "1/2" }, { v: "1/4", p: "1/2" }]] }, "instance.values");
    bad({ ...instance(2), agents: 1, values: [[{ v: "0", p: "1/2" }, { v: "1", p: "1/2" }]] }, "instance.agents");
    bad({ ...instance(2), agents: 2, values: [{ density: [{ from: "0", to: "1", p: "1" }] }, { density: [{ from: "0", to: "1", p: "1" }] }] }, "instance.values");
  });
});
