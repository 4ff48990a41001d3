/**
 * Single-resource (zhu2022 / stylized) instances through the CLI: verify on the example files, and
 * every rule of the model enforced on bad input (exit 2, the field and the rule named, nothing written).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, scratchDir } from "./run-cli.js";

const tmp = scratchDir("mechcheck-single-");

const discounted = join(ROOT, "examples", "instances", "single-resource-discounted.json");
const base = JSON.parse(readFileSync(discounted, "utf8")) as Record<string, unknown>;

describe("verify on single-resource instances", () => {
  it("zhu2022.proposition2.ratio: C/S = 2 at β = 1/2, T = 2 (by hand: C = (N − 1)β^{1−T}·S = 2S)", () => {
    const r = cli("verify", "--claim", "zhu2022.proposition2.ratio", "--instance", discounted, "--json", "-");
    expect(r.code).toBe(1);
    const c = (JSON.parse(r.out) as { claims: { status: string; counterexample: { witness: { cost: string; surplus: string } } }[] }).claims[0]!;
    expect(c.status).toBe("counterexample");
    // By hand: f(a) = a/(1 + a), ω = 1 everywhere, q̄ = 1: each agent gets 1/2 per date, contribution
    // f(1/2) = 1/3; S = (1/3 + 1/3) + (1/2)(1/3 + 1/3) = 1; V¹ = V² = 2·(1/3) + 1/3 = 1, C = 2.
    expect(c.counterexample.witness.surplus).toBe("1");
    expect(c.counterexample.witness.cost).toBe("2");
  });

  it("stylized.lemma3 on the stored finding's instance: a certified counterexample with a hand check", () => {
    const r = cli("verify", "--claim", "stylized.lemma3", "--instance", join(ROOT, "examples", "instances", "stylized-lemma3-counterexample.json"), "--json", "-");
    expect(r.code).toBe(1);
    const c = (JSON.parse(r.out) as { claims: { status: string; counterexample: { witness: { handCheck: { misreportInOmegaStar: string[] } } } }[] }).claims[0]!;
    expect(c.status).toBe("counterexample");
    expect(c.counterexample.witness.handCheck.misreportInOmegaStar).toHaveLength(2);
  });
});

describe("bad single-resource input: exit 2, field and rule named, nothing written", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["q̄ ≤ 0", { ...base, qbar: "0" }, /instance\.qbar: must be > 0/],
    ["a negative report", { ...base, omega: [["1", "-1"], ["1", "1"]] }, /instance\.omega\[1\]\[2\]: reports must be ≥ 0/],
    ["a float string", { ...base, beta: "0.5" }, /instance\.beta: .*decimal/],
    ["β outside (0, 1]", { ...base, beta: "3/2" }, /instance\.beta: must lie in \(0, 1\]/],
    ["x(N) < 0", { ...base, omegaStar: { kind: "window", avg: "1", x: "-1/2" } }, /instance\.omegaStar\.x: x\(N\) must be ≥ 0/],
    ["an unknown project family", { ...base, f: { family: "cubic" } }, /instance\.f\.family: unknown family/],
    ["a non-positive f parameter", { ...base, f: { family: "saturating", k: "0", b: "1" } }, /f\.k: must be > 0/],
    ["quadlin with s ≥ 1 (not concave-increasing as built)", { ...base, f: { family: "quadlin", c: "1", s: "1" } }, /f\.s: must satisfy 0 ≤ s < 1/],
    ["N < 2", { ...base, agents: 1, omega: [["1", "1"]] }, /instance\.agents: N ≥ 2/],
  ];
  it.each(cases)("%s", (_, instance, message) => {
    const f = join(tmp, "bad.json");
    const out = join(tmp, "out.json");
    writeFileSync(f, JSON.stringify(instance));
    const r = cli("verify", "--claim", "zhu2022.proposition2.ratio", "--instance", f, "--json", out);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
  });
});
