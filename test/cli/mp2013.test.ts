/** The CLI on mp2013 instances: eval (text and JSON), verify, and bad input (exit 2, nothing written). */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, scratchDir } from "./run-cli.js";

describe("mechcheck on mp2013 instances", () => {
  const dir = scratchDir("mp2013-cli-");

  it("eval prints ν, σ, Λ, NEI, GVCG transfers and the largest gains, exactly, with witnesses", () => {
    const r = cli("eval", "--instance", "examples/instances/mp2013-accurate-signals.json", "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    // §9.2's example, by hand in test/models/mp2013/informational.test.ts: ν = 72/365, σ = 8/5.
    expect(out.informational.map((a: { nu: { value: string } }) => a.nu.value)).toEqual(["72/365", "72/365", "72/365"]);
    expect(out.informational[0].sigma.value).toBe("8/5");
    expect(out.informational[0].nu.eventProbability).toBe("9/50");
    expect(out.nonexclusiveInformation.holds).toBe(false);
    expect(out.gvcg.profiles).toHaveLength(8);
    expect(out.augmented.weaklyEpsExPostIC).toBe(true);
    const text = cli("eval", "--instance", "examples/instances/mp2013-accurate-signals.json");
    expect(text.out).toMatch(/agent 0: ν = 72\/365/);
  });

  it("eval shows the refutation of Theorem 2's construction on the hand-built instance", () => {
    const r = cli("eval", "--instance", "examples/instances/mp2013-theorem2-counterexample.json", "--json", "-");
    const out = JSON.parse(r.out);
    expect(out.augmented.weaklyEpsExPostIC).toMatchObject({ holds: false, agent: 0, trueType: "a", announced: "b", probability: "1/20" });
  });

  it("eval prints the least reward scale for Theorem 2(i) and Proposition 3 (two-stage game), with certified bounds", () => {
    const out = JSON.parse(cli("eval", "--instance", "examples/instances/mp2013-two-stage.json", "--json", "-").out);
    // κ* = (13/48)/(√34/8 − √2/2) ≈ 12.445 (by hand in test/properties/mp2013-two-stage.test.ts).
    for (const k of ["augmentedGvcg", "twoStage"]) {
      const s = out.leastRewardScale[k];
      expect(s).toMatchObject({ exists: true, setBy: { agent: 1, trueType: "h", announced: "l" } });
      expect(Number(s.least.approx)).toBeCloseTo(12.4451, 3);
    }
    // The auction has P(h, h) = 0: §7.3 needs T = T*.
    expect(JSON.parse(cli("eval", "--instance", "examples/instances/mp2013-auction.json", "--json", "-").out).leastRewardScale.twoStage).toBe("§7.3 assumes T = T*");
    expect(cli("verify", "--claim", "mp2013.proposition3", "--instance", "examples/instances/mp2013-two-stage.json").code).toBe(0);
  });

  it("verify exits 1 on the refuted claim and 0 on one that holds", () => {
    expect(cli("verify", "--claim", "mp2013.theorem2", "--instance", "examples/instances/mp2013-theorem2-counterexample.json").code).toBe(1);
    expect(cli("verify", "--claim", "mp2013.lemmaA", "--instance", "examples/instances/mp2013-auction.json").code).toBe(0);
  });

  it("refuses bad input with exit 2, the field and the rule, and writes nothing", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ model: "mp2013", agents: [{ types: ["a"] }], states: ["s"], outcomes: ["c"], prior: [{ state: "s", types: ["a"], p: "1/2" }], values: [] }));
    const out = join(dir, "out.json");
    const r = cli("eval", "--instance", bad, "--json", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/instance\.prior: the probabilities P\(θ, t\) must sum to 1 exactly/);
    expect(r.err).not.toMatch(/at .*\.ts/);
    expect(existsSync(out)).toBe(false);
    const noEps = join(dir, "no-eps.json");
    writeFileSync(noEps, JSON.stringify({ model: "mp2013", agents: [{ types: ["a", "b"] }], states: ["s"], outcomes: ["c"], prior: [{ state: "s", types: ["a"], p: "1/2" }, { state: "s", types: ["b"], p: "1/2" }], values: [] }));
    const v = cli("verify", "--claim", "mp2013.theorem2", "--instance", noEps);
    expect(v.code).toBe(2);
    expect(v.err).toMatch(/instance\.epsilon/);
  });
});

describe("mechcheck simulate on replicas (mp2013.lemmaB, mp2013.theorem3)", () => {
  const dir = scratchDir("mp2013-sim-");

  it("lemmaB prints ν^{P^r} exactly per r, equal to the count-vector computation, and a plot", () => {
    const plot = join(dir, "nu.svg");
    const r = cli("simulate", "mp2013.lemmaB", "--sizes", "1,2,4", "--workers", "1", "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    // r = 1, 2, 4 on the example base: the values test/models/mp2013/replica.test.ts checks against Definition 3 on the full model
    expect(out.sizes.map((s: { nu: string }) => s.nu)).toEqual(["1", "4/5", "9/16"]);
    expect(cli("simulate", "mp2013.lemmaB", "--sizes", "8,16", "--plot", plot).code).toBe(0);
    expect(existsSync(plot)).toBe(true);
  });

  it("theorem3 reports the proof's inequality and each conclusion per r, the same on 1 and 2 workers", () => {
    const one = JSON.parse(cli("simulate", "mp2013.theorem3", "--sizes", "2,160", "--workers", "1", "--json", "-").out);
    const two = JSON.parse(cli("simulate", "mp2013.theorem3", "--sizes", "2,160", "--workers", "2", "--json", "-").out);
    const strip = (o: { sizes: { ms: number }[] }) => o.sizes.map(({ ms: _ms, ...rest }) => rest);
    expect(strip(two)).toEqual(strip(one));
    expect(one.sizes[0].theorem3).toMatchObject({ printed: false, interimIC: true, ir: true, zSumOK: true, lambdaStar: "4/17" });
    expect(one.sizes[1].theorem3).toMatchObject({ printed: true, interimIC: true, weakIC: true });
  });

  it.each([
    [["--runs", "3"], "--runs"],
    [["--sizes", "0"], "--sizes"],
    [["--sizes", "5000"], "--sizes"],
    [["--k", "x"], "--k"],
    [["--q", "1"], "--q"],
  ])("refuses %j with exit 2 naming the flag, and writes nothing", (args, field) => {
    const out = join(dir, `bad-${field.slice(2)}.json`);
    const r = cli("simulate", "mp2013.lemmaB", ...args, "--json", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(field);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a bad replica base naming the field", () => {
    const bad = join(dir, "bad-base.json");
    writeFileSync(bad, JSON.stringify({ model: "mp2013-replica", states: ["a", "b"], signals: ["x", "y"], outcomes: ["none"], joint: [{ state: "a", signal: "x", p: "1" }], values: [] }));
    const r = cli("simulate", "mp2013.theorem3", "--instance", bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/instance\.joint.*Definition 6\(a\)|instance\.joint/);
  });
});
