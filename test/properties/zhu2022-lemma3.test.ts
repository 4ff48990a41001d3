/**
 * zhu2022.lemma3: Lemma 3's inequality (I(y)·N) does not give the bound Assumption 1 supports
 * (I(y)·(N − 1)). The stored certificate is re-derived here independently in floats (Math.exp, far
 * from the decision thresholds), and the repaired statement never fails.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { zhu2022Lemma3 } from "../../properties/zhu2022/lemma3.js";
import { runClaim } from "../../src/claims/run.js";
import { family as repaired } from "../../examples/mutants/lemma3-repaired-statement.js";

loadCatalogue();
const dir = join(import.meta.dirname, "..", "..", "counterexamples");

describe("zhu2022.lemma3", () => {
  it("the stored counterexample is a real gap: checked again in floats", () => {
    const file = readdirSync(dir).find((f) => f.startsWith("zhu2022.lemma3-"))!;
    const c = zhu2022Lemma3.decode((JSON.parse(readFileSync(join(dir, file), "utf8")) as { instance: unknown }).instance);
    // Hand formulas: G(z) = 2e^{−z}, I(y) = 2y²/w̄², coefficient (N − 1)N², cap 1/k.
    const I = (2 * c.y.toNumber() ** 2) / c.wbar.toNumber() ** 2;
    const coef = (c.N - 1) * c.N * c.N;
    const stated = coef * 2 * Math.exp(-I * c.N), needed = coef * 2 * Math.exp(-I * (c.N - 1));
    expect(stated).toBeLessThan((1 / c.k) * 0.99);
    expect(needed).toBeGreaterThan((1 / c.k) * 1.01);
  });
  it("finds it from a fresh seed and shrinks it to N = 2", () => {
    const r = runClaim(zhu2022Lemma3, { seed: 5 });
    expect(r.status).toBe("counterexample");
    expect(r.counterexample!.size).toMatchObject({ agents: 2 });
  });
  it("never fails for the repaired statement (I(y(N))·(N − 1))", () => {
    const r = runClaim(zhu2022Lemma3, { seed: 5, subject: repaired });
    expect(r.status).toBe("holds");
    expect(r.met).toBe(false); // the catalogue expects the refutation
  });
  it("rejects a float, N < 2 and k < 1", () => {
    expect(() => zhu2022Lemma3.decode({ N: 2, k: 1, wbar: 1.5, y: "1" })).toThrow(/instance.wbar/);
    expect(() => zhu2022Lemma3.decode({ N: 1, k: 1, wbar: "1", y: "1" })).toThrow(/instance.N: an integer ≥ 2/);
    expect(() => zhu2022Lemma3.decode({ N: 2, k: 0, wbar: "1", y: "1" })).toThrow(/instance.k: an integer ≥ 1/);
  });
});
