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
