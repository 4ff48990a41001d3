/**
 * bench --mutants on a two-mutant zoo made for the test: a mutant the knapsack claims kill, and one
 * that is the reference solver under another name (nothing can kill it). The numbers come from the
 * run itself; the test checks their consistency, not their values.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { benchMutants, ZOO } from "../../src/cli/bench-mutants.js";
import { scratchDir } from "../cli/run-cli.js";

loadCatalogue();

it("kills a real mutant on every seed, lets the disguised reference survive, and scores 1/2", async () => {
  const dir = scratchDir("mechcheck-zoo-");
  mkdirSync(join(dir, "faults"));
  for (const f of ["knapsack-caps-at-one.ts"]) copyFileSync(join(ZOO, f), join(dir, f));
  // The copied mutant imports ./faults/…: point it at the real one.
  writeFileSync(join(dir, "faults", "zhu2021-knapsack.ts"), `export * from ${JSON.stringify(join(ZOO, "faults", "zhu2021-knapsack.ts"))};\n`);
  writeFileSync(
    join(dir, "reference-in-disguise.ts"),
    `import { solveKnapsack } from ${JSON.stringify(join(ZOO, "..", "..", "src", "models", "zhu2021", "knapsack.ts"))};
export const family = { name: "not-a-mutant", kind: "zhu2021/knapsack", solve: solveKnapsack };
export const kills: string[] = [];
`,
  );
  const r = await benchMutants(2, dir);
  expect(r.mutants).toBe(2);
  expect(r.killed).toBe(1);
  const caps = r.rows.find((x) => x.mutant === "knapsack-caps-at-one")!;
  expect(caps.killedSeeds).toBe(2);
  expect(caps.killers.length).toBeGreaterThan(0);
  expect(caps.msMax!).toBeGreaterThanOrEqual(caps.msMedian!);
  expect(caps.size).not.toBeNull();
  const ref = r.rows.find((x) => x.mutant === "reference-in-disguise")!;
  expect(ref).toMatchObject({ killedSeeds: 0, killers: [], msMedian: null, msMax: null });
  expect(Object.values(r.perClaim).reduce((a, b) => a + b, 0)).toBe(caps.killers.length);
});
