/**
 * The CI gate on the mutant zoo (examples/mutants/): every mutant is loaded through the same path as
 * `mechcheck hunt --module`, each claim it declares must kill it from a fixed seed (miss its catalogue
 * expectation; a counterexample must replay from its encoded instance), every claim of the catalogue
 * must be killed by some mutant (a property no mutant can fail is a defect; the only exemptions are
 * listed, with the reason, in examples/mutants/baseline.json), and the mutation score may not fall
 * below the recorded baseline.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { allClaims, getClaim } from "../../src/claims/registry.js";
import { runClaim } from "../../src/claims/run.js";
import { loadPlugin, type Plugin } from "../../src/mechanisms/plugin.js";

loadCatalogue();
const DIR = join(import.meta.dirname, "..", "..", "examples", "mutants");
const SEED = 42;
const files = readdirSync(DIR).filter((f) => f.endsWith(".ts")).sort();
const baseline = JSON.parse(readFileSync(join(DIR, "baseline.json"), "utf8")) as { killed: number; mutants: number; exempt: Record<string, string> };
const plugins = new Map<string, Plugin>();
const kills = new Map<string, string[]>(); // claim id → mutants verified to kill it

async function plugin(file: string): Promise<Plugin> {
  if (!plugins.has(file)) plugins.set(file, await loadPlugin(join(DIR, file)));
  return plugins.get(file)!;
}

describe("the mutant zoo", () => {
  it("has at least 25 mutants across the papers' subjects", async () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    const kinds = new Set<string>();
    for (const f of files) kinds.add((await plugin(f)).subject.kind);
    expect(kinds.size).toBeGreaterThanOrEqual(8);
  });

  describe.each(files)("%s", (file) => {
    it("declares claims of its own subject kind, and each one kills it", async () => {
      const p = await plugin(file);
      for (const id of p.kills ?? []) {
        const claim = getClaim(id);
        expect(claim, `unknown claim ${id}`).toBeDefined();
        expect(claim!.subjectKind).toBe(p.subject.kind);
        const r = runClaim(claim!, { seed: SEED, subject: p.subject });
        expect(r.error).toBeUndefined();
        expect(r.met, `${id} did not kill ${file} (status ${r.status})`).toBe(false);
        if (r.status === "counterexample") {
          const again = claim!.check(claim!.decode(JSON.parse(JSON.stringify(r.counterexample!.instance))), p.subject);
          expect(again.kind).toBe("violated");
        }
        kills.set(id, [...(kills.get(id) ?? []), file]);
      }
    });
  });

  it("kills every claim of the catalogue with some mutant, apart from the listed exemptions", () => {
    const uncovered = allClaims().map((c) => c.id).filter((id) => !kills.has(id) && !(id in baseline.exempt));
    expect(uncovered).toEqual([]);
    for (const id of Object.keys(baseline.exempt)) expect(getClaim(id), `exemption for unknown claim ${id}`).toBeDefined();
  });

  it("keeps the mutation score at or above the recorded baseline", async () => {
    let killed = 0;
    for (const f of files) if ((await plugin(f)).kills?.some((id) => kills.get(id)?.includes(f))) killed++;
    // killed / files ≥ baseline.killed / baseline.mutants, compared without floats.
    expect(killed * baseline.mutants).toBeGreaterThanOrEqual(baseline.killed * files.length);
  });
});
