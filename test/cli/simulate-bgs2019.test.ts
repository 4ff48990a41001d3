import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, scratchDir } from "./run-cli.js";

const dir = scratchDir("mechcheck-simulate-bgs2019-");
const DISCRETE = "examples/instances/bgs2019-theorem4-discrete.json";

/** The report without its timings and worker count. */
const stable = (out: string): unknown => JSON.parse(out, (k, v) => (k === "ms" || k === "wallMs" || k === "workers" ? 0 : v));

describe("mechcheck simulate bgs2019.theorem4.1", () => {
  it("prints F_β, J_β and the relative gap exactly (uniform [0, 1]², ξ = 4v̄ = 4: 1 − F_β = 8(1 − β) by (13)) and the same report on 1 and 2 workers", () => {
    const args = ["simulate", "bgs2019.theorem4.1", "--sizes", "5,7", "--runs", "3", "--horizon", "4", "--json", "-"];
    const one = cli(...args, "--workers", "1"), two = cli(...args, "--workers", "2");
    expect(one.code).toBe(0);
    const j = JSON.parse(one.out);
    expect(j.betas.map((r: { beta: string; F: string; Jbeta: string; gap: string; gapRate: string }) => [r.beta, r.F, r.Jbeta, r.gap, r.gapRate])).toEqual([
      ["31/32", "3/4", "1/2", "1/4", "8"],
      ["127/128", "15/16", "5/8", "1/16", "8"],
    ]);
    expect(j.parameters.xi).toBe("4");
    expect(j.rates.exact).toBeCloseTo(1, 12);
    expect(stable(two.out)).toEqual(stable(one.out));
  });

  it("on discrete values (outside §2) reports paths that leave F_β𝒰, with the state where they stopped", () => {
    const r = cli("simulate", "bgs2019.theorem4.1", "--instance", DISCRETE, "--sizes", "8", "--runs", "4", "--horizon", "3", "--workers", "1");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/paths stopped; first at period \d+, u = \(.*\): u left F𝒰: I_𝒰\(u\/\(109\/112\)\)/);
  });

  it("writes the log–log plot", () => {
    const plot = join(dir, "t41.svg");
    expect(cli("simulate", "bgs2019.theorem4.1", "--betas", "63/64,255/256", "--runs", "2", "--horizon", "2", "--plot", plot).code).toBe(0);
    expect(existsSync(plot)).toBe(true);
  });

  it("refuses bad input with exit 2, naming the field and the rule, and writes nothing", () => {
    const out = join(dir, "never.json");
    const three = join(dir, "three.json");
    writeFileSync(three, JSON.stringify({ model: "bgs2019", agents: 3, values: [0, 1, 2].map(() => [{ v: "1", p: "1" }]) }));
    const withBeta = join(dir, "beta.json");
    writeFileSync(withBeta, JSON.stringify({ model: "bgs2019", agents: 2, beta: "1/2", values: [0, 1].map(() => [{ v: "1", p: "1" }]) }));
    const cases: [string[], RegExp][] = [
      [["--betas", "1/2"], /--betas: entry 1 \(β = 1\/2\) gives F_β = -3 ≤ 0/], // 1 − 4·(1/2)/(1/2)
      [["--betas", "99/100", "--sizes", "5"], /--betas: give either --sizes/],
      [["--betas", "1"], /--betas: entry 1 is 1; β ∈ \(0, 1\)/],
      [["--tau", "4"], /--tau: does not apply to bgs2019.theorem4.1/],
      [["--instance", three], /--instance: Theorem 4.1 is the two-agent mechanism/],
      [["--instance", withBeta], /instance.beta: the experiment sets β itself/],
      [["--xi", "-1"], /--xi: ξ must be positive/],
      [["--horizon", "0"], /--horizon/],
    ];
    for (const [flags, msg] of cases) {
      const r = cli("simulate", "bgs2019.theorem4.1", ...flags, "--json", out);
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe("mechcheck simulate bgs2019.proposition5.1", () => {
  it("tabulates the security gap for the three τ rules exactly (u* = 3/8; τ = 2's limit gap 1/16, by hand in test/equilibrium/bgs2019-budget.test.ts)", () => {
    const r = cli("simulate", "bgs2019.proposition5.1", "--sizes", "1,2", "--tau", "2", "--json", "-");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.uStar).toBe("3/8");
    expect(j.fixedLimit).toBe("1/16");
    expect(j.rows.map((x: { rule: string; k: number; tau: number }) => `${x.rule}:${x.k}:${x.tau}`)).toEqual(["fixed:1:2", "fixed:2:2", "sqrt:1:2", "sqrt:2:2", "linear:1:2", "linear:2:4"]);
    for (const x of j.rows) expect(x.gapFloat).toBeGreaterThan(0);
    const text = cli("simulate", "bgs2019.proposition5.1", "--sizes", "1,2", "--tau", "2").out;
    expect(text).toMatch(/fixed rule's limit u\* − S\(1⁻, τ = 2\) = 1\/16/);
  });

  it("refuses what does not apply, with exit 2", () => {
    for (const [flags, msg] of [
      [["--runs", "3"], /--runs: bgs2019.proposition5.1 is exact and deterministic/],
      [["--sizes", "9"], /--sizes: entry 1 is 9; k in 1..7/],
      [["--tau", "3"], /--tau: the fixed cycle length is even/],
      [["--xi", "1"], /--xi: does not apply/],
    ] as [string[], RegExp][]) {
      const r = cli("simulate", "bgs2019.proposition5.1", ...flags);
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.err).toMatch(msg);
    }
  });
});
