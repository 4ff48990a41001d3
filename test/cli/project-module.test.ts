/**
 * `--project FILE`: a user's own family of project types f, registered for eval, verify and simulate.
 * The example family f(a) = k(1 − b³/(b + a)³) is checked against a hand computation; broken modules
 * are rejected with exit 2 before anything runs.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, scratchDir } from "./run-cli.js";

const tmp = scratchDir("mechcheck-project-");
const module = join(ROOT, "examples", "projects", "saturating3.ts");
const instance = join(tmp, "s3.json");
writeFileSync(
  instance,
  JSON.stringify({ model: "single-resource", agents: 2, dates: 1, beta: "1", qbar: "2", f: { family: "saturating3", k: "1", b: "1" }, omegaStar: { kind: "all" }, omega: [["1"], ["1"]] }),
);

describe("--project", () => {
  it("lets an instance name the user's family; eval computes with it exactly", () => {
    const r = cli("eval", "--instance", instance, "--project", module, "--json", "-");
    expect(r.code).toBe(0);
    // By hand: 𝐀 = (1, 1); each agent's contribution is ω·f(a/ω) = f(1) = 1 − 1/8 = 7/8, so S = 7/4.
    expect(r.out).toContain('"7/4"');
  });
  it("without the module the family is unknown (exit 2, the field and the way out named)", () => {
    const r = cli("eval", "--instance", instance);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/instance\.f\.family: unknown family "saturating3" .*--project FILE/);
  });
  it("works in simulate's --f", () => {
    const r = cli("simulate", "zhu2022.theorem1", "--sizes", "2,3", "--runs", "2", "--project", module, "--f", '{"family":"saturating3","k":"1","b":"1"}', "--json", "-");
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out) as { parameters: { f: string }; sizes: unknown[] };
    expect(rep.parameters.f).toBe("saturating3(k=1,b=1)");
    expect(rep.sizes).toHaveLength(2);
  });
  it.each([
    ["a convex f", `export const project = { family: "bad", params: ["k"], example: { k: "1" }, build: () => ({ name: "bad", family: "bad", params: {}, f: (a) => a.mul(a), df: (a) => a.add(a), d2f: () => a2(), slopeAtInfinity: null, strictlyConcave: true, convexUpTo: null, fF: (a) => a * a, dfF: (a) => 2 * a }) };\nfunction a2() { throw new Error("unused"); }\n`, /--project: .*its example f fails the papers' hypotheses/],
    ["no build", `export const project = { family: "x", params: [], example: {} };\n`, /--project: .* must export `project`/],
    ["a built-in name", `export const project = { family: "saturating", params: [], example: {}, build: () => null };\n`, /--project: "saturating" is a built-in family/],
  ])("rejects a module with %s (exit 2, one line)", (_, text, msg) => {
    const f = join(tmp, `m-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(f, text);
    const r = cli("eval", "--instance", instance, "--project", f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});
