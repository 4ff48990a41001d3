/**
 * Running the battery at scale: worker threads, shards joined by `merge`, JUnit and Markdown
 * reports, and Ctrl-C. Every comparison is against the same run done another way (one worker,
 * unsharded), never against stored numbers.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { cli, ROOT, scratchDir } from "./run-cli.js";

const tmp = scratchDir("mechcheck-battery-");
const stripTimes = (s: string) => s.replace(/"ms": ?\d+/g, "\"ms\":0");
// Fast claims from three papers, two of them with expected counterexamples.
const ONLY = "zhu2021.lemma2,zhu2021.ord-cheaper,zhu2021.retraction,zhu2022.lemma1,zhu2022.proposition2.ratio,stylized.theorem1.step-surplus-tangent,stylized.lemma1";
const base = ["check", "--seed", "3", "--runs", "10", "--no-save", "--only", ONLY];

describe("--workers", () => {
  it("gives the same report with 1 and 2 worker threads (timings aside)", () => {
    const one = cli(...base, "--workers", "1", "--json", "-");
    const two = cli(...base, "--workers", "2", "--json", "-");
    expect(one.code).toBe(0);
    expect(stripTimes(two.out)).toBe(stripTimes(one.out));
    expect((JSON.parse(one.out) as { claims: unknown[] }).claims).toHaveLength(7);
  });
  it("rejects a bad worker count with exit 2", () => {
    const r = cli("check", "--workers", "0");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--workers: expected an integer from 1 to 64/);
  });
});

describe("mechcheck merge", () => {
  it("joins shards into exactly the unsharded report, and writes JUnit and Markdown from it", () => {
    const whole = cli(...base, "--json", "-");
    const shards = [1, 2, 3].map((i) => {
      const f = join(tmp, `shard${i}.json`);
      expect(cli(...base, "--shard", `${i}/3`, "--json", f).code).toBe(0);
      return f;
    });
    const junit = join(tmp, "merged.xml");
    const md = join(tmp, "merged.md");
    const m = cli("merge", ...shards.reverse(), "--json", "-", "--junit", junit, "--md", md);
    expect(m.code).toBe(0);
    expect(stripTimes(m.out)).toBe(stripTimes(whole.out));

    // JUnit: well-formed XML (an independent parser), one suite per paper, counts that add up.
    const xml = readFileSync(junit, "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as {
      testsuites: { tests: string; failures: string; testsuite: { name: string; tests: string; testcase: { name: string }[] | { name: string } }[] };
    };
    expect(doc.testsuites.tests).toBe("7");
    expect(doc.testsuites.failures).toBe("0");
    expect(doc.testsuites.testsuite.map((s) => s.name)).toEqual(["zhu2021", "zhu2022", "stylized"]);
    const cases = doc.testsuites.testsuite.flatMap((s) => (Array.isArray(s.testcase) ? s.testcase : [s.testcase]).map((c) => c.name));
    expect(cases.sort()).toEqual(ONLY.split(",").sort());

    // Markdown: the verdict table per paper, and the certified findings.
    const text = readFileSync(md, "utf8");
    expect(text).toMatch(/^# mechcheck report/);
    expect(text).toMatch(/## Zhu \(2021\), Repeated Resource Allocation[\s\S]*\| `zhu2021.ord-cheaper` \| counterexample \| \*\*counterexample\*\* \| yes \|/);
    expect(text).toMatch(/## Findings[\s\S]*`zhu2022.proposition2.ratio`: C\/S = 2/);
  });

  it("rejects overlapping shards, mixed seeds and files that are not reports with exit 2, writing nothing", () => {
    const a = join(tmp, "a.json");
    const b = join(tmp, "b.json");
    expect(cli("check", "--seed", "3", "--runs", "2", "--no-save", "--only", "zhu2021.lemma2", "--json", a).code).toBe(0);
    expect(cli("check", "--seed", "4", "--runs", "2", "--no-save", "--only", "zhu2021.retraction", "--json", b).code).toBe(0);
    const out = join(tmp, "never.json");
    const overlap = cli("merge", a, a, "--json", out);
    expect(overlap.code).toBe(2);
    expect(overlap.err).toMatch(/claims: zhu2021.lemma2 is also in/);
    const seeds = cli("merge", a, b, "--json", out);
    expect(seeds.code).toBe(2);
    expect(seeds.err).toMatch(/seed: is 4, but an earlier report has seed 3/);
    const junk = join(tmp, "junk.json");
    writeFileSync(junk, JSON.stringify({ seed: "1", claims: [{ id: "x" }] }));
    const bad = cli("merge", junk, "--json", out);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/junk\.json: claims\.0\.\w+: not a mechcheck check --json report/);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe("report files", () => {
  it.each([
    [["--junit", "/nonexistent-dir/r.xml"], /--junit: folder \/nonexistent-dir does not exist/],
    [["--md", "-"], /--md: writes to a file/],
  ])("rejects %j before running anything (exit 2)", (args, msg) => {
    const json = join(tmp, "not-written.json");
    const r = cli("check", "--only", "zhu2021.lemma2", "--json", json, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(existsSync(json)).toBe(false);
  });
});

describe("Ctrl-C", () => {
  it("stops cleanly: exit 130, finished claims reported and their counterexamples saved, the rest listed as not run", async () => {
    const store = join(tmp, "interrupted-store");
    const json = join(tmp, "interrupted.json");
    // The expected counterexample of stylized.proposition2.ratio is found at once; zhu2021.proposition1
    // with many runs is still going when the signal arrives.
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli.ts"), "check", "--seed", "1", "--workers", "1", "--only", "stylized.proposition2.ratio,zhu2021.proposition1", "--runs", "100000", "--store", store, "--json", json], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let out = "";
    let sent = false;
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        // One Ctrl-C (a second one, after the handler is gone, kills at once, as a user would want).
        if (!sent && out.includes("stylized.proposition2.ratio: counterexample")) sent = child.kill("SIGINT");
      });
      child.on("exit", (c) => resolve(c));
    });
    expect(code).toBe(130);
    expect(out).toMatch(/interrupted: 1 of 2 claim\(s\) finished; not run: zhu2021.proposition1/);
    const rep = JSON.parse(readFileSync(json, "utf8")) as { interrupted: boolean; notRun: string[]; claims: { id: string; counterexample?: { file: string } }[] };
    expect(rep.interrupted).toBe(true);
    expect(rep.notRun).toEqual(["zhu2021.proposition1"]);
    expect(rep.claims.map((c) => c.id)).toEqual(["stylized.proposition2.ratio"]);
    expect(readdirSync(store).filter((f) => f.startsWith("stylized.proposition2.ratio-"))).toHaveLength(1);
  });
});
