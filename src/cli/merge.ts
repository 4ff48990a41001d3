/**
 * `mechcheck merge FILE…`: join the JSON reports of shards (`check --shard I/K --json …`) into one
 * report, in catalogue order. The shards must share a seed and cover disjoint claims; the merged
 * report equals the unsharded run's (timings aside), because every claim's seed derives from the
 * run seed and its id alone.
 */
import type { ClaimResult } from "../claims/run.js";
import { InputError } from "../exact/errors.js";
import { fromClaimJson, reportSchema } from "../report/json.js";
import { printSummary } from "./check.js";
import { readJsonFile } from "./io.js";
import { validateOutputs, writeReports, type OutputFlags } from "./outputs.js";

export function mergeReports(inputs: readonly { readonly file: string; readonly data: unknown }[]): { seed: string; claims: ClaimResult[]; notRun: string[] } {
  if (inputs.length === 0) throw new InputError("FILES", "give at least one JSON report");
  let seed: string | undefined;
  const byId = new Map<string, { r: ClaimResult; file: string }>();
  const notRun: string[] = [];
  for (const { file, data } of inputs) {
    const parsed = reportSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(`${file}: ${issue.path.join(".") || "(root)"}`, `not a mechcheck check --json report: ${issue.message}`);
    }
    const rep = parsed.data;
    if (seed !== undefined && rep.seed !== seed) throw new InputError(`${file}: seed`, `is ${rep.seed}, but an earlier report has seed ${seed}: shards of one run share a seed`);
    seed = rep.seed;
    notRun.push(...(rep.notRun ?? []));
    for (const e of rep.claims) {
      const prev = byId.get(e.id);
      if (prev) throw new InputError(`${file}: claims`, `${e.id} is also in ${prev.file}: shards must not overlap`);
      byId.set(e.id, { r: fromClaimJson(e), file });
    }
  }
  const claims = [...byId.values()].map((x) => x.r).sort((a, b) => a.id.localeCompare(b.id));
  return { seed: seed!, claims, notRun: notRun.filter((id) => !byId.has(id)).sort() };
}

export function runMerge(files: readonly string[], flags: OutputFlags): number {
  validateOutputs(flags);
  const merged = mergeReports(files.map((file) => ({ file, data: readJsonFile(file, file) })));
  writeReports(flags, merged);
  if (flags.json !== "-") {
    const log = (s: string) => process.stdout.write(s + "\n");
    log(`mechcheck merge: ${files.length} report(s), seed ${merged.seed}`);
    printSummary(log, merged.claims, process.stdout.isTTY === true);
    if (merged.notRun.length > 0) log(`not run (interrupted shards): ${merged.notRun.join(", ")}`);
  }
  return merged.claims.every((r) => r.met) && merged.notRun.length === 0 ? 0 : 1;
}
