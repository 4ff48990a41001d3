/**
 * Repeated-model instances through the CLI: the exact quantities of a hand-checked instance, and
 * every rule of zhu2021 §2 enforced on bad input (exit 2, the field named, nothing written).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, scratchDir } from "./run-cli.js";

const tmp = scratchDir("mechcheck-rep-");

const example = join(ROOT, "examples", "instances", "zhu2021-ord-cheaper-counterexample.json");
const base = JSON.parse(readFileSync(example, "utf8")) as Record<string, unknown>;

describe("eval of a repeated instance", () => {
  it("prints the hand-checked transfers of the ord-cheaper counterexample", () => {
    // By hand (properties/zhu2021/ord-cheaper.ts): uW(x) = 2 − x for a report x ∈ [0, 1] of type 1,
    // so at the truth 0: unlinked transfer 2, linked 2 − min = 2 − 1 = 1; cost 1 (β^{T−1} = 1).
    const r = cli("eval", "--instance", example, "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { unlinked: { transfers: string[] }; linked: { transfers: string[]; cost: string; minima: { minimum: string; minimizer: string[][] }[] }; surplus: string; efficientSurplus: string };
    expect(out.unlinked.transfers).toEqual(["2"]);
    expect(out.linked.transfers).toEqual(["1"]);
    expect(out.linked.minima[0]!.minimum).toBe("1");
    expect(out.linked.minima[0]!.minimizer).toEqual([["1", "0", "0"]]);
    expect(out.surplus).toBe(out.efficientSurplus);
  });

  it("reports zhu2021 §6.1's Properties I and II per agent (many small agents)", () => {
    // By hand: R = 1, θ = (1, 2, 1/2). The unit type (θ = 1, infinite supply) is always partial, so
    // the price is 1 at every date whatever one agent reports (type 3 uses at most 5·2·1/2 = 5 < 6):
    // Property I holds for all. Type 2 (cost 2 > 1) is never invested, so N(·, 2) = N = 5 by
    // convention and agent 5 fails Property II; type 3 is fully invested, so its marginal agent is
    // agent 1 at the truth, and agent 1 fails too. Agents 2–4 are small in both senses.
    const r = cli("eval", "--instance", join(ROOT, "examples", "instances", "zhu2021-small-agents.json"), "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { smallness: { agent: number; propertyI: string; propertyII: string; detail: string | null }[] };
    expect(out.smallness.map((a) => a.propertyI)).toEqual(["holds", "holds", "holds", "holds", "holds"]);
    expect(out.smallness.map((a) => a.propertyII)).toEqual(["fails", "holds", "holds", "holds", "fails"]);
    expect(out.smallness[4]!.detail).toMatch(/type 2 .*= n = 5/);
    expect(out.smallness[0]!.detail).toMatch(/type 3 .*= n = 1/);
  });

  it("draws §6.2's picture for R = 2 (SVG and PNG), with τ for the agent that has Properties I and II", () => {
    const inst = join(ROOT, "examples", "instances", "zhu2021-geometry-r2.json");
    const svg = join(tmp, "geometry.svg"), png = join(tmp, "geometry.png");
    const r = cli("eval", "--instance", inst, "--plot", svg);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/τ \(agent 4\)\) written to/);
    const text = readFileSync(svg, "utf8");
    expect(text).toMatch(/^<svg/);
    // by hand: θ_3 = (1, 2) is enclosed at both dates and p_2·θ_3 = 13/24 > p_1·θ_3 = 3/8, so τ = 2;
    // θ_1 = (8, 0) is enclosed only at date 1 (uninvested at date 2: N = 5 > 4 is false), so τ = 1
    expect(text).toMatch(/τ = 1/);
    expect(text).toMatch(/τ = 2/);
    expect(cli("eval", "--instance", inst, "--plot", png, "--agent", "2").code).toBe(0);
    expect([...readFileSync(png).subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
  });

  it.each([
    [["--plot", "g.pdf"], /^mechcheck: --plot: the file must end in \.svg or \.png/],
    [["--plot", "g.svg", "--agent", "9"], /^mechcheck: --agent: expected an agent number 1\.\.5/],
  ])("eval %j is refused (exit 2, nothing written)", (args, msg) => {
    const inst = join(ROOT, "examples", "instances", "zhu2021-geometry-r2.json");
    const r = cli("eval", "--instance", inst, ...args.map((a) => (a.endsWith(".svg") || a.endsWith(".pdf") ? join(tmp, a) : a)));
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(msg);
    expect(existsSync(join(tmp, "g.svg"))).toBe(false);
  });

  it("refuses --plot for R ≠ 2", () => {
    const r = cli("eval", "--instance", join(ROOT, "examples", "instances", "zhu2021-small-agents.json"), "--plot", join(tmp, "r1.svg"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--plot: §6\.2's picture is drawn for R = 2 resources \(this instance has R = 1\)/);
    expect(existsSync(join(tmp, "r1.svg"))).toBe(false);
  });

  it("and with p-ordA the linked transfer is 0", () => {
    const f = join(tmp, "pord.json");
    writeFileSync(f, JSON.stringify({ ...base, allocation: "p-ord" }));
    const out = JSON.parse(cli("eval", "--instance", f, "--json", "-").out) as { linked: { transfers: string[] } };
    expect(out.linked.transfers).toEqual(["0"]);
  });
});

describe("bad repeated instances are rejected with exit 2, the field named, nothing written", () => {
  it.each([
    [{ dates: 0 }, /instance\.dates: T ≥ 1/],
    [{ agents: 0 }, /instance\.agents: N ≥ 1/],
    [{ beta: "0" }, /instance\.beta: β ∈ \(0, 1\]/],
    [{ beta: "3/2" }, /instance\.beta: β ∈ \(0, 1\]/],
    [{ beta: 0.9 }, /instance\.beta: numbers are not accepted/],
    [{ muLow: [["2", "0", "0"]] }, /instance\.muLow\[0\]\[0\]: μ_ ≤ μ̄ is required/],
    [{ reports: [[["-1", "0", "0"]]] }, /instance\.reports\[0\]\[0\]\[0\]: reports lie in the message space/],
    [{ reports: [[["0.5", "0", "0"]]] }, /instance\.reports\[0\]\[0\]\[0\]: .*decimal/],
    [{ reports: [[["0", "0"]]] }, /instance\.reports\[0\]\[0\]: expected I = 3 entries/],
    [{ allocation: "random" }, /instance\.allocation/],
    [{ surprise: true }, /unknown field/],
  ])("%j", (patch, msg) => {
    const f = join(tmp, "bad.json");
    const out = join(tmp, "out.json");
    writeFileSync(f, JSON.stringify({ ...base, ...patch }));
    const r = cli("eval", "--instance", f, "--json", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});
