/** `mechcheck bench`: performance targets, each figure beside its baseline from the same run. */
import Table from "cli-table3";
import { benchKnapsack } from "../bench/knapsack.js";
import { parsePositiveInt, parseSeed } from "./options.js";
import { writeOutput } from "./io.js";

export function runBench(flags: { json?: string; instances?: string; seed?: string }): number {
  const count = parsePositiveInt(flags.instances, "--instances") ?? 1000;
  const seed = flags.seed === undefined ? 1 : parseSeed(flags.seed);
  const log = (s: string) => (flags.json === "-" ? process.stderr : process.stdout).write(s + "\n");
  log(`knapsack v(q, μ) (zhu2021 eq. 1): exact structured simplex vs javascript-lp-solver, ${count} instances per size, seed ${seed}`);
  const rows = [
    benchKnapsack(count, 12, 3, seed, { exactConditions: true, general: true }),
    benchKnapsack(count, 32, 6, seed + 1, { exactConditions: false, general: true }),
  ];
  const table = new Table({ style: { head: [], border: [] }, head: ["size", "exact µs (median)", "float µs (median)", "exact/float", "general exact LP µs", "pivots", "float wrong", "cond. 2 checked"] });
  for (const r of rows) {
    table.push([r.size, r.exactUs, r.floatUs, r.ratio, r.generalExactUs ?? "-", r.meanPivots, r.floatDisagreements, r.conditionsChecked ? "yes" : "no (C(I,R+1) too many)"]);
  }
  log(table.toString());
  log("target: exact/float ≤ 1 (the exact solve, including its duality certificate, no slower than the float solve)");
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify({ seed, knapsack: rows }, null, 2) + "\n");
  return 0;
}
