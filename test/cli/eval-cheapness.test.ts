/**
 * `mechcheck eval --cheapness` and single-resource eval through the CLI: numbers derived by hand
 * (comments), the grid table's shape (nested grids: the least transfer never falls), bad flags
 * rejected with exit 2, the flag named, nothing written.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, scratchDir } from "./run-cli.js";

const tmp = scratchDir("mechcheck-evalc-");
const z21 = join(ROOT, "examples", "instances", "zhu2021-theorem1-cheapness-counterexample.json");
const single = join(ROOT, "examples", "instances", "single-resource-discounted.json");

interface AgentOut {
  agent: number;
  mechanismTransfer: string;
  grids: { divisions: number; points: number; leastIcTransfer: string; gap: string }[];
  continuum?: { lambda: string; competitorTransfer: string; gap: string; tight?: { truth: string[][]; report: string[][] } };
}

const num = (s: string) => {
  const [a, b] = s.split("/");
  return Number(a) / Number(b ?? "1");
};

describe("eval --cheapness on zhu2021", () => {
  it("shows lW = 1/2, the grid table and the continuum competitor λ* = 3/4 paying 3/8 (by hand: test/cheapness/zhu2021-continuum.test.ts)", () => {
    const r = cli("eval", "--instance", z21, "--cheapness", "--divisions", "1,2,4", "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { linked: { transfers: string[] }; cheapness: AgentOut[]; notEvaluated: string[] };
    expect(out.notEvaluated).toEqual(["agent"]);
    const a = out.cheapness[0]!;
    expect(a.mechanismTransfer).toBe("1/2");
    expect(a.grids.map((g) => g.divisions)).toEqual([1, 2, 4]);
    a.grids.forEach((g, k) => {
      expect(num(g.leastIcTransfer) + num(g.gap)).toBeCloseTo(0.5, 12);
      if (k > 0) expect(num(g.leastIcTransfer)).toBeGreaterThanOrEqual(num(a.grids[k - 1]!.leastIcTransfer));
    });
    expect(a.continuum).toMatchObject({ lambda: "3/4", competitorTransfer: "3/8", gap: "1/8", tight: { truth: [["0", "3/8"]], report: [["1/2", "0"]] } });
  });
  it("prints the table and the continuum line in the terminal", () => {
    const r = cli("eval", "--instance", z21, "--cheapness", "--divisions", "2");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/least IC transfer/);
    expect(r.out).toMatch(/λ\* = 3\/4; it pays 3\/8, 1\/8 less than the linked VCG/);
  });
});

describe("eval of a single-resource instance", () => {
  it("computes the allocation, Vⁿ and the cost exactly", () => {
    // By hand: N = T = 2, β = 1/2, q̄ = 1, f(a) = a/(1 + a), ω ≡ 1: 𝐀 = 1/2 each date, each
    // contribution f(1/2) = 1/3, Sⁿ = 1/3 + 1/2·1/3 = 1/2, Vⁿ = β⁻¹·1/3 + 1/3 = 1, C = β·(1 + 1) = 1.
    const r = cli("eval", "--instance", single, "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { allocation: string[][]; contributions: string[]; unlinked: { transfers: string[]; cost: string }; surplus: string; efficientSurplus: string };
    expect(out.allocation).toEqual([["1/2", "1/2"], ["1/2", "1/2"]]);
    expect(out.contributions).toEqual(["1/2", "1/2"]);
    expect(out.unlinked).toEqual({ transfers: ["1", "1"], cost: "1" });
    expect(out.surplus).toBe(out.efficientSurplus);
  });
  it("with --cheapness over Ω*ⁿ = [0, 1] ∪ {2}: the linked VCG's bounds beside nested grids", () => {
    const f = join(tmp, "union.json");
    writeFileSync(f, JSON.stringify({ model: "single-resource", agents: 2, dates: 1, beta: "1", qbar: "1", f: { family: "saturating2", k: "1", b: "1" }, omegaStar: { kind: "union", parts: [{ kind: "box", lo: ["0"], hi: ["1"] }, { kind: "box", lo: ["2"], hi: ["2"] }] }, omega: [["1"], ["1"]] }));
    const r = cli("eval", "--instance", f, "--cheapness", "--agent", "1", "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { linked: { transfers: string[] }; cheapness: AgentOut[] };
    // The Proposition 3 finding (README): the linked VCG pays agent 1 V(1) − V(2) = 17/144.
    expect(out.linked.transfers[0]).toBe("17/144");
    expect(out.cheapness).toHaveLength(1);
    expect(out.cheapness[0]!.grids.map((g) => g.divisions)).toEqual([1, 2, 4, 8]);
  });
});

describe("eval: bad cheapness flags are rejected with exit 2, nothing written", () => {
  it.each([
    [["--agent", "1"], /^mechcheck: --agent: only with --cheapness or --plot$/],
    [["--divisions", "2"], /^mechcheck: --divisions: only with --cheapness$/],
    [["--cheapness", "--agent", "0"], /^mechcheck: --agent: must be a positive integer/],
    [["--cheapness", "--agent", "2"], /^mechcheck: --agent: must be in 1\.\.N = 1/],
    [["--cheapness", "--divisions", "1,x"], /^mechcheck: --divisions: entry 2/],
    [["--cheapness", "--divisions", "65"], /^mechcheck: --divisions: entry 1 must be an integer in 1\.\.64/],
  ])("%j", (flags, msg) => {
    const out = join(tmp, "out.json");
    const r = cli("eval", "--instance", z21, ...flags, "--json", out);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(msg);
    expect(existsSync(out)).toBe(false);
  });
});

describe("eval of process trees (zhu2021 §5)", () => {
  const trees = join(ROOT, "examples", "instances", "zhu2021-trees.json");
  it("shows the conditional probabilities, the release dates and the totals (by hand)", () => {
    // Agent 1: paths 1→1 (171/200), 1→3 (9/200), 3→1 (1/20), 3→3 (1/20); Ω¹ = [1, 2] holds all but
    // 3→3, so P¹(Ω¹) = 19/20 and P(∉Ω¹ | 3) = 1/2. With c = zε/(Tv̄) = 1/2: condition (2) at s = 1 after
    // 3 is (1/2 + 1/2)·2 = 2 < 2: false — released; after 1 it is (0 + 1/2)·2 = 1 < 2. Agent 2 is always
    // inside. δ = z(1 − z)ε²/((Tv̄)²N) = 1/8. P̂(released) = 1/10.
    const r = cli("eval", "--instance", trees, "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { omega: string; delta: string; c: string; hypothesis: boolean; released: string; perAgent: { paths: { path: string[]; release: number | null; outsideGiven: string[] }[] }[] };
    expect([out.omega, out.delta, out.c, out.hypothesis, out.released]).toEqual(["19/20", "1/8", "1/2", true, "1/10"]);
    expect(out.perAgent[0]!.paths.map((p) => [p.path.join(","), p.release, p.outsideGiven[0]])).toEqual([["1,1", null, "0"], ["1,3", null, "0"], ["3,1", 1, "1/2"], ["3,3", 1, "1/2"]]);
    expect(cli("eval", "--instance", trees).out).toMatch(/released at/);
  });
});
