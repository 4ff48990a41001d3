/**
 * `mechcheck simulate` as a user runs it: JSON shape and determinism, the SVG/PNG plot written,
 * bad input rejected with exit 2 naming the flag, nothing written.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, scratchDir } from "./run-cli.js";

const tmp = scratchDir("mechcheck-sim-");

/** Runs `args` on 1 and on 2 worker threads, expects the same JSON (timings aside), returns the first run. */
function sameOnOneAndTwoWorkers(args: string[]) {
  const one = cli(...args, "--workers", "1"), two = cli(...args, "--workers", "2");
  expect(one.code).toBe(0);
  expect(two.code).toBe(0);
  const strip = (s: string) => s.replace(/"(ms|wallMs)": \d+/g, '"$1": 0').replace(/"workers": \d+/, '"workers": 0');
  expect(strip(two.out)).toBe(strip(one.out));
  return one;
}

describe("mechcheck simulate", () => {
  it("prints JSON per N, the same for the same seed, with the unlinked ratio N − 1", () => {
    const args = ["simulate", "stylized.theorem1", "--sizes", "2,4", "--runs", "3", "--seed", "5", "--json", "-"];
    const a = cli(...args), b = cli(...args);
    expect(a.code).toBe(0);
    const strip = (s: string) => s.replace(/"(ms|wallMs)": \d+/g, '"$1": 0');
    expect(strip(a.out)).toBe(strip(b.out));
    const out = JSON.parse(a.out) as { experiment: string; sizes: { N: number; inOmegaStar: number; unlinkedCostSurplus: string; costSurplus: { lo: string; hi: string } }[] };
    expect(out.experiment).toBe("stylized.theorem1");
    expect(out.sizes.map((s) => [s.N, s.unlinkedCostSurplus])).toEqual([[2, "1"], [4, "3"]]);
  });
  it("gives the same report on 1 and 2 worker threads (exact sums: the order runs finish in cannot matter)", () => {
    // a repeated size (3) draws the same runs: one row each time, on any number of workers
    const args = ["simulate", "zhu2022.theorem1", "--sizes", "3,2,5,3", "--runs", "4", "--seed", "9", "--json", "-"];
    const one = sameOnOneAndTwoWorkers(args);
    expect((JSON.parse(one.out) as { sizes: { N: number }[] }).sizes.map((s) => s.N)).toEqual([3, 2, 5, 3]);
  });
  it("zhu2021.theorem2: JSON per k, exact P(all truthful), believable conjectures, the same on 1 and 2 workers", () => {
    const args = ["simulate", "zhu2021.theorem2", "--sizes", "2,3,2", "--runs", "2", "--seed", "4", "--json", "-"];
    const one = sameOnOneAndTwoWorkers(args);
    const out = JSON.parse(one.out) as { experiment: string; sizes: { k: number; T: number; believable: boolean; pBound: string; unlinkedCostSurplus: string }[] };
    expect(out.experiment).toBe("zhu2021.theorem2");
    expect(out.sizes.map((s) => [s.k, s.T, s.believable, s.unlinkedCostSurplus])).toEqual([[2, 2, true, "1"], [3, 2, true, "2"], [2, 2, true, "1"]]);
  });
  it("zhu2021.theorem2 with a user's file and a plot", () => {
    const file = join(tmp, "t2.svg");
    const r = cli("simulate", "zhu2021.theorem2", "--instance", "examples/instances/zhu2021-theorem2.json", "--sizes", "2", "--runs", "1", "--plot", file, "--workers", "1");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/P\(all truthful\)/);
    expect(readFileSync(file, "utf8")).toMatch(/^<svg[\s\S]*cost \/ surplus/);
  });
  it.each(["svg", "png"])("writes a %s plot", (ext) => {
    const file = join(tmp, `curves.${ext}`);
    const r = cli("simulate", "zhu2022.theorem1", "--sizes", "2,4", "--runs", "2", "--plot", file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/cost\/surplus \(certified\)/);
    const head = readFileSync(file).subarray(0, 8);
    if (ext === "svg") expect(head.toString()).toMatch(/^<svg/);
    else expect([...head.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
  });
  it.each([
    [["nope.theorem1"], /^mechcheck: ID: unknown experiment "nope\.theorem1"/],
    [["zhu2022.theorem1", "--sizes", "1"], /^mechcheck: --sizes: entry 1 must be an integer in 2\.\.512/],
    [["zhu2022.theorem1", "--support", "0.5"], /^mechcheck: --support: .*decimal/],
    [["zhu2022.theorem1", "--stay", "1"], /^mechcheck: --stay: must lie in \[0, 1\)/],
    [["zhu2022.theorem1", "--f", "{\"family\":\"quadlin\",\"c\":\"1\",\"s\":\"1/2\"}"], /^mechcheck: --f: quadlin.* is not strictly concave/],
    [["zhu2022.theorem1", "--f", "not json"], /^mechcheck: --f: expected JSON/],
    [["zhu2022.theorem1", "--plot", "curves.pdf"], /^mechcheck: --plot: the file must end in \.svg or \.png/],
    [["zhu2022.theorem1", "--workers", "0"], /^mechcheck: --workers: expected an integer from 1 to 64/],
    [["zhu2022.theorem1", "--kappa", "1/2"], /^mechcheck: --kappa: applies to zhu2021\.theorem2 only/],
    [["zhu2021.theorem2", "--q", "1"], /^mechcheck: --q: applies to zhu2022\.theorem1 and stylized\.theorem1 only/],
    [["zhu2021.theorem2", "--kappa", "1"], /^mechcheck: --kappa: Assumption 1 needs κ ∈ \(0, 1\)/],
    [["zhu2021.theorem2", "--sigma", "x"], /^mechcheck: --sigma: must be an integer in 0\.\.8/],
    [["zhu2021.theorem2", "--epsilon", "5"], /^mechcheck: --epsilon: must be < v̄\[2\]/],
    [["zhu2021.theorem2", "--instance", "no-such-file.json"], /^mechcheck: --instance: cannot read no-such-file\.json/],
    [["zhu2021.theorem2", "--instance", "examples/instances/zhu2021-small-agents.json"], /^mechcheck: instance\.endowments: this field is required \(expected array\)/],
  ])("%j is refused", (args, msg) => {
    const out = join(tmp, "bad.json");
    const r = cli("simulate", ...args, "--json", out);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(msg);
    expect(existsSync(out)).toBe(false);
  });
});
