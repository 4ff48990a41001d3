/** `mechcheck check`: run the battery (or a slice of it) and report. */
import { allClaims, matchClaims } from "../claims/registry.js";
import { saveResult } from "../store/record.js";
import { runClaim, type ClaimResult } from "../claims/run.js";
import { InputError } from "../exact/errors.js";
import { reportJson } from "../report/json.js";
import { detailLines, resultTable, summaryLine } from "../report/table.js";
import { writeOutput } from "./io.js";
import { parsePositiveInt, parseSeed, parseShard, parseTimeLimit, validateGlob } from "./options.js";

export interface CheckFlags {
  only?: string;
  runs?: string;
  seed?: string;
  timeLimit?: string;
  json?: string;
  shard?: string;
  save?: boolean;
  store?: string;
}

export function selectClaims(only: string | undefined, shard: { index: number; count: number } | undefined) {
  let claims = only === undefined ? allClaims() : matchClaims(validateGlob(only));
  if (only !== undefined && claims.length === 0) throw new InputError("--only", `no claim id matches "${only}" (see \`mechcheck list\`)`);
  if (shard) claims = claims.filter((_, i) => i % shard.count === shard.index - 1);
  return claims;
}

export function runCheck(flags: CheckFlags): number {
  // Validate every flag before doing any work, so bad usage changes nothing.
  const seed = parseSeed(flags.seed);
  const runs = parsePositiveInt(flags.runs, "--runs");
  const timeLimitMs = parseTimeLimit(flags.timeLimit);
  const shard = parseShard(flags.shard);
  const claims = selectClaims(flags.only, shard);
  const toStdout = flags.json === "-";
  const log = (s: string) => (toStdout ? process.stderr : process.stdout).write(s + "\n");
  log(`mechcheck check: ${claims.length} claim(s), seed ${seed}${runs ? `, ${runs} runs each` : ""}`);
  const results: ClaimResult[] = [];
  for (const claim of claims) {
    let r = runClaim(claim, { seed, ...(runs !== undefined ? { runs } : {}), ...(timeLimitMs !== undefined ? { timeLimitMs } : {}) });
    if (flags.save !== false && (r.counterexample || r.outside)) r = saveResult(flags.store ?? "counterexamples", claim, r);
    results.push(r);
    if (!toStdout && !process.stdout.isTTY) log(`  ${r.id}: ${r.status} (${r.cases} cases, ${r.ms} ms)`);
  }
  if (flags.json !== undefined) writeOutput(flags.json, reportJson({ seed: String(seed), claims: results }));
  if (!toStdout) {
    log(resultTable(results, process.stdout.isTTY === true));
    for (const l of detailLines(results)) log(l);
    log(summaryLine(results));
    log(`reproduce with: mechcheck check --seed ${seed}${flags.only ? ` --only '${flags.only}'` : ""}${runs ? ` --runs ${runs}` : ""}`);
  }
  return results.every((r) => r.met) ? 0 : 1;
}
