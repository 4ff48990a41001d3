/** `mechcheck check`: run the battery (or a slice of it) on worker threads and report. */
import { allClaims, matchClaims } from "../claims/registry.js";
import { saveResult } from "../store/record.js";
import type { ClaimResult } from "../claims/run.js";
import { InputError } from "../exact/errors.js";
import { detailLines, resultTable, summaryLine } from "../report/table.js";
import { parseWorkers, runBattery } from "./battery.js";
import { validateOutputs, writeReports, type OutputFlags } from "./outputs.js";
import { parsePositiveInt, parseSeed, parseShard, parseTimeLimit, validateGlob } from "./options.js";
import { chooseProgress } from "./progress.js";

export interface CheckFlags extends OutputFlags {
  only?: string;
  runs?: string;
  seed?: string;
  timeLimit?: string;
  shard?: string;
  workers?: string;
  save?: boolean;
  store?: string;
  /** Live progress bar when stderr is a terminal (commander sets true unless --no-progress). */
  progress?: boolean;
}

export function selectClaims(only: string | undefined, shard: { index: number; count: number } | undefined) {
  let claims = only === undefined ? allClaims() : matchClaims(validateGlob(only));
  if (only !== undefined && claims.length === 0) throw new InputError("--only", `no claim id matches "${only}" (see \`mechcheck list\`)`);
  if (shard) claims = claims.filter((_, i) => i % shard.count === shard.index - 1);
  return claims;
}

/** The command line that reproduces a run's report. */
export function reproduceCommand(seed: number, flags: Pick<CheckFlags, "only" | "runs" | "shard" | "timeLimit">): string {
  return `mechcheck check --seed ${seed}${flags.only ? ` --only '${flags.only}'` : ""}${flags.runs ? ` --runs ${flags.runs}` : ""}${flags.shard ? ` --shard ${flags.shard}` : ""}${flags.timeLimit ? ` --time-limit ${flags.timeLimit}` : ""}`;
}

/** Exit code 130 (the shell's code for Ctrl-C) when interrupted; else 0 iff every claim met its expectation. */
export async function runCheck(flags: CheckFlags, signal?: AbortSignal): Promise<number> {
  // Validate every flag before doing any work, so bad usage changes nothing.
  const seed = parseSeed(flags.seed);
  const runs = parsePositiveInt(flags.runs, "--runs");
  const timeLimitMs = parseTimeLimit(flags.timeLimit);
  const shard = parseShard(flags.shard);
  const workers = parseWorkers(flags.workers);
  validateOutputs(flags);
  const claims = selectClaims(flags.only, shard);
  const toStdout = flags.json === "-";
  const log = (s: string) => (toStdout ? process.stderr : process.stdout).write(s + "\n");
  log(`mechcheck check: ${claims.length} claim(s), seed ${seed}${runs ? `, ${runs} runs each` : ""}, ${Math.min(workers, claims.length)} worker(s)`);
  const store = flags.store ?? "counterexamples";
  const run = await runBattery(claims, {
    seed,
    workers,
    ...(runs !== undefined ? { runs } : {}),
    ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
    ...(signal ? { signal } : {}),
    progress: chooseProgress(flags.progress, toStdout, log),
    onResult: (claim, r) => (flags.save !== false && (r.counterexample || r.outside) ? saveResult(store, claim, r) : r),
  });
  const command = reproduceCommand(seed, flags);
  writeReports(flags, { seed: String(seed), claims: run.results, notRun: run.notRun, command });
  if (!toStdout) printSummary(log, run.results, process.stdout.isTTY === true);
  if (run.interrupted) {
    log(`interrupted: ${run.results.length} of ${claims.length} claim(s) finished; not run: ${run.notRun.join(", ") || "none"}`);
    return 130;
  }
  if (!toStdout) log(`reproduce with: ${command}`);
  return run.results.every((r) => r.met) ? 0 : 1;
}

export function printSummary(log: (s: string) => void, results: readonly ClaimResult[], color: boolean): void {
  log(resultTable(results, color));
  for (const l of detailLines(results)) log(l);
  log(summaryLine(results));
}
