/**
 * INTERFACE.md: an instance that violates a condition a claim is stated under is rejected with exit 2,
 * naming the field and the rule. For bgs2019 the conditions are on the state u (the central region,
 * F_β𝒰, L, Ω_β) and on β (F_β ≥ 1/2). The sets are decided exactly; a state inside is accepted.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, scratchDir } from "./run-cli.js";

const dir = scratchDir("mechcheck-verify-bgs2019-");
const uniform = { density: [{ from: "0", to: "1", p: "1" }] };

function file(name: string, extra: Record<string, unknown>, agents = 2): string {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify({ model: "bgs2019", agents, values: Array.from({ length: agents }, () => uniform), beta: "99/100", xi: "4", reports: Array.from({ length: agents }, () => "1/2"), ...extra }));
  return f;
}

describe("mechcheck verify on bgs2019: a state outside the claim's set is bad input", () => {
  // Uniform [0, 1]², ξ = 4, β = 99/100: u̲ = 1/25, F = 23/25, and 𝒰's frontier passes through u* = (1/3, 1/3), so (1/2, 1/2) ∉ F𝒰.
  it("rejects with exit 2, names instance.u and the set, and writes nothing", () => {
    const out = join(dir, "never.json");
    const cases: [string, string, RegExp][] = [
      ["bgs2019.proposition4.1", file("far.json", { u: ["1/2", "1/2"] }), /instance\.u: Proposition 4\.1 starts from u ∈ F_β𝒰; here I_𝒰\(u\/\(23\/25\)\) ≥ .* > 0/],
      ["bgs2019.stage-ic", file("low.json", { u: ["1/100", "1/5"] }), /instance\.u: the claim is stated for u in the central region \(8\).*u0 = 1\/100 < u̲ = 1\/25/],
      ["bgs2019.proposition3.1", file("far2.json", { u: ["1/2", "1/2"] }), /instance\.u: the claim is stated for u in the central region/],
      ["bgs2019.boundary-fa", file("central.json", { u: ["1/5", "1/5"] }), /instance\.u: the claim is about the boundary region, some uᵢ < u̲ = 1\/25/],
      // L for uniform values: u₀ + u₁ ≤ 1/2
      ["bgs2019.remark2.1", file("outL.json", { u: ["1/3", "1/3"] }), /instance\.u: Remark 2\.1 is about u ∈ L .* = 4\/3/],
      ["bgs2019.proposition4.1", file("lowbeta.json", { u: ["1/5", "1/5"], beta: "9/10" }), /instance\.beta: Proposition 4\.1 needs β ≥ β̲, i\.e\. F_β ≥ 1\/2; here F_β = 1\/5/],
    ];
    for (const [claim, f, msg] of cases) {
      const r = cli("verify", "--claim", claim, "--instance", f, "--json", out);
      expect(r.code, claim).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });

  it("accepts a state inside and decides the claim (u = (1/5, 1/5) is central: I_𝒰(u/F) < 0 by symmetry, α* = (1/2, 1/2))", () => {
    const r = cli("verify", "--claim", "bgs2019.proposition4.1", "--instance", file("inside.json", { u: ["1/5", "1/5"] }));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/bgs2019\.proposition4\.1: holds\n/);
  });
});
