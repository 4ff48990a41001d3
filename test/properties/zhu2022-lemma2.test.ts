/**
 * zhu2022.lemma2: Lemma 2's inequality (I(x)·N) does not give Proposition 1's hypothesis under
 * Assumption 1 (I(x)·(N − 1)). The stored certificate is re-derived here independently in floats
 * (Math.exp, far from the decision thresholds), and the repaired statement never fails.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { capOf, zhu2022Lemma2 } from "../../properties/zhu2022/lemma2.js";
import { runClaim } from "../../src/claims/run.js";
import { family as repaired } from "../../examples/mutants/lemma2-repaired-statement.js";

loadCatalogue();
const dir = join(import.meta.dirname, "..", "..", "counterexamples");

describe("zhu2022.lemma2", () => {
  it("the stored counterexample is a real gap: checked again in floats", () => {
    const file = readdirSync(dir).find((f) => f.startsWith("zhu2022.lemma2-"))!;
    const c = zhu2022Lemma2.decode((JSON.parse(readFileSync(join(dir, file), "utf8")) as { instance: unknown }).instance);
    const I = (2 * c.x.toNumber() ** 2) / c.wbar.toNumber() ** 2;
    const stated = 2 * c.N * Math.exp(-I * c.N), needed = 2 * c.N * Math.exp(-I * (c.N - 1));
    const cap = capOf(c).toNumber();
    // Hand formula for the cap: (ε(N)/N)·ε / ((N − 1)·max(N²q f'(0), ε)).
    const Rbar = Math.max(c.N ** 2 * c.q.toNumber() * c.fp0.toNumber(), c.eps.toNumber());
    expect(cap).toBeCloseTo(((c.epsN.toNumber() / c.N) * c.eps.toNumber()) / ((c.N - 1) * Rbar), 12);
    expect(stated).toBeLessThan(cap * 0.99);
    expect(needed).toBeGreaterThan(cap * 1.01);
  });
  it("finds it from a fresh seed and shrinks it to N = 2 (the first N the lemma covers)", () => {
    const r = runClaim(zhu2022Lemma2, { seed: 5 });
    expect(r.status).toBe("counterexample");
    expect(r.counterexample!.size).toMatchObject({ agents: 2 });
  });
  it("never fails for the repaired statement (I(x(N))·(N − 1))", () => {
    const r = runClaim(zhu2022Lemma2, { seed: 5, subject: repaired });
    expect(r.status).toBe("holds");
    expect(r.met).toBe(false); // the catalogue expects the refutation
  });
  it("rejects ε(N) > ε and a float", () => {
    expect(() => zhu2022Lemma2.decode({ N: 2, eps: "1/10", epsN: "1/5", q: "1", fp0: "1", wbar: "1", x: "1" })).toThrow(/instance.epsN: ε\(N\) ≤ ε/);
    expect(() => zhu2022Lemma2.decode({ N: 2, eps: 0.1, epsN: "1/5", q: "1", fp0: "1", wbar: "1", x: "1" })).toThrow(/instance.eps/);
  });
});
