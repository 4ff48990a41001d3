/**
 * mechcheck used from another project: a scratch project whose node_modules/mechcheck links to this
 * repository imports the package by name in plain Node (no tsx on its command line, no build step).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT, scratchDir } from "../cli/run-cli.js";

it("imports mechcheck by name from another project and runs a claim", () => {
  const dir = scratchDir("mechcheck-consumer-");
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "mechcheck"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", type: "module", private: true }));
  writeFileSync(
    join(dir, "check.js"),
    `import { checkClaim, claims, exact } from "mechcheck";
const r = checkClaim("zhu2021.retraction", { seed: 2, runs: 4 });
console.log(JSON.stringify({ n: claims.all().length, status: r.status, cases: r.cases, third: exact.q(1, 3).add(exact.q(1, 6)).toString() }));
`,
  );
  const r = spawnSync(process.execPath, ["check.js"], { cwd: dir, encoding: "utf8" });
  expect(r.stderr).toBe("");
  const out = JSON.parse(r.stdout) as { n: number; status: string; cases: number; third: string };
  expect(out).toMatchObject({ status: "holds", cases: 4, third: "1/2" });
  expect(out.n).toBeGreaterThan(30);
});
