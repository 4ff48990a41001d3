/**
 * bench --mutants on a three-mutant zoo made for the test: a mutant the knapsack claims kill, one
 * that is the reference solver under another name (nothing can kill it), and a repair (Lemma B's
 * mended tail bound, killed by a search that finds no counterexample). The numbers come from the
 * run itself; the test checks their consistency, not their values.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { benchMutants, ZOO } from "../../src/cli/bench-mutants.js";
import { scratchDir } from "../cli/run-cli.js";

loadCatalogue();

it("kills a real mutant on every seed, kills the repair without a counterexample, lets the disguised reference survive: 2/3", async () => {
  const dir = scratchDir("mechcheck-zoo-");
  mkdirSync(join(dir, "faults"));
  for (const f of ["knapsack-caps-at-one.ts", "mp2013-lemmaB-repaired.ts"]) copyFileSync(join(ZOO, f), join(dir, f));
  // The copied mutants import ./faults/…: point them at the real ones.
  for (const f of ["zhu2021-knapsack.ts", "mp2013.ts"]) writeFileSync(join(dir, "faults", f), `export * from ${JSON.stringify(join(ZOO, "faults", f))};\n`);
  writeFileSync(
    join(dir, "reference-in-disguise.ts"),
    `import { solveKnapsack } from ${JSON.stringify(join(ZOO, "..", "..", "src", "models", "zhu2021", "knapsack.ts"))};
export const family = { name: "not-a-mutant", kind: "zhu2021/knapsack", solve: solveKnapsack };
export const kills: string[] = [];
`,
  );
  const r = await benchMutants(2, dir);
  expect(r.mutants).toBe(3);
  expect(r.killed).toBe(2);
  const caps = r.rows.find((x) => x.mutant === "knapsack-caps-at-one")!;
  expect(caps.killedSeeds).toBe(2);
  expect(caps.killers.length).toBeGreaterThan(0);
  expect(caps.msMax!).toBeGreaterThanOrEqual(caps.msMedian!);
  expect(caps.size).not.toBeNull();
  expect(caps.repair).toBe(false);
  const repair = r.rows.find((x) => x.mutant === "mp2013-lemmaB-repaired")!;
  expect(repair).toMatchObject({ killedSeeds: 2, killers: ["mp2013.lemmaB"], repair: true, size: null });
  const ref = r.rows.find((x) => x.mutant === "reference-in-disguise")!;
  expect(ref).toMatchObject({ killedSeeds: 0, killers: [], msMedian: null, msMax: null, repair: false });
  expect(Object.values(r.perClaim).reduce((a, b) => a + b, 0)).toBe(caps.killers.length + repair.killers.length);
});
