/**
 * `mechcheck eval` on a single-resource model with process trees: the regret report of zhu2022 §2.4.
 * Expected values are re-derived here from the library (regret engine, exact leaf probabilities), not
 * copied from a previous run.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseQ, Q } from "../../src/exact/rational.js";
import { cli, ROOT, scratchDir } from "./run-cli.js";

const example = join(ROOT, "examples", "instances", "zhu2022-regret-trees.json");
const dir = scratchDir("mechcheck-regret-");

/** The instance with agent 1's first date-1 branch edited. */
function withFirstChild(j: Record<string, unknown>, edit: (c: Record<string, unknown>) => Record<string, unknown>): Record<string, unknown> {
  const trees = structuredClone(j.trees) as { root: { children: Record<string, unknown>[] } }[];
  trees[0]!.root.children[0] = edit(trees[0]!.root.children[0]!);
  return { ...j, trees };
}

describe("eval: regret on process trees", () => {
  const r = cli("eval", "--instance", example, "--json", "-");
  const out = JSON.parse(r.out) as {
    someoneLies: { lo: string; hi: string };
    perAgent: { agent: number; inOmegaStar: string; truthful: { lo: string; hi: string }; paths: { prob: string; release: number | null; undecided: number | null; checks: { verdict: string }[] }[]; nodes: { regret: { lo: string; hi: string } }[] }[];
  };

  it("exits 0 and reports every agent's nodes and paths", () => {
    expect(r.code).toBe(0);
    expect(out.perAgent.map((a) => [a.nodes.length, a.paths.length])).toEqual([[3 + 9, 9], [2 + 4, 4]]);
  });

  it("is consistent: P(truthful) is the mass of never-released paths; P(someone lies) = 1 − Π P(truthful); released paths failed a test", () => {
    let all = Q.ONE;
    for (const a of out.perAgent) {
      const never = a.paths.filter((p) => p.release === null && p.undecided === null).reduce((s, p) => s.add(parseQ(p.prob)), Q.ZERO);
      expect(parseQ(a.truthful.lo).eq(never)).toBe(true);
      all = all.mul(parseQ(a.truthful.lo));
      for (const p of a.paths.filter((p) => p.release !== null)) expect(p.checks.at(-1)!.verdict).toBe("released");
      for (const nd of a.nodes) expect(parseQ(nd.regret.lo).le(parseQ(nd.regret.hi))).toBe(true);
    }
    expect(parseQ(out.someoneLies.hi).eq(Q.ONE.sub(all))).toBe(true);
    // agent 1 starting at 2 overshoots ω_max = 3/2: every such path leaves Ω* and has positive regret
    expect(out.perAgent[0]!.paths.slice(6).every((p) => p.release === 1)).toBe(true);
  });

  it("prints a readable table (short decimals for long rationals)", () => {
    const t = cli("eval", "--instance", example);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/released at/);
    expect(t.out).toMatch(/P\(some agent released from the truth\)/);
    expect(t.out).not.toMatch(/\d{40}/);
  });

  it.each([
    ["epsilon", (j: Record<string, unknown>) => ({ ...j, epsilon: "0" }), /instance\.epsilon/],
    ["trees", (j: Record<string, unknown>) => ({ ...j, trees: (j.trees as unknown[]).slice(0, 1) }), /instance\.trees/],
    ["omega and trees", (j: Record<string, unknown>) => ({ ...j, omega: [["1", "1"], ["1", "1"]] }), /instance\.omega/],
    // the tree rules, each at the node where it breaks
    ["probabilities", (j: Record<string, unknown>) => withFirstChild(j, (c) => ({ ...c, p: "1/2" })), /trees\[0\]\.root\.children: probabilities sum to \d+\/\d+, not 1/],
    ["a negative probability", (j: Record<string, unknown>) => withFirstChild(j, (c) => ({ ...c, p: "-1/3" })), /trees\[0\]\.root\.children\[0\]\.p/],
    ["a tree deeper than T", (j: Record<string, unknown>) => withFirstChild(j, (c) => ({ ...c, children: (c.children as Record<string, unknown>[]).map((g) => ({ ...g, children: [{ p: "1", value: "1" }] })) })), /deeper than T = 2/],
  ])("bad %s: exit 2, the field named, nothing written", (_, edit, field) => {
    const bad = join(dir, "bad.json"), json = join(dir, "out.json");
    writeFileSync(bad, JSON.stringify(edit(JSON.parse(readFileSync(example, "utf8")) as Record<string, unknown>)));
    const e = cli("eval", "--instance", bad, "--json", json);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(field);
    expect(e.err).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(json)).toThrow();
  });
});
