/**
 * `mechcheck hunt --module FILE [--claims GLOB]`: load a user's mechanism variant (a TS or JS module
 * exporting `family` or a default export `{ name, kind, build(model) }`) and run every claim whose
 * subject kind matches, with the variant as the subject, on worker threads (each loads the module).
 * Counterexamples are saved under `--store` (default counterexamples/hunt, apart from the
 * catalogue's own files) with the variant's name and module, so `mechcheck replay` re-verifies them.
 */
import { relative, resolve } from "node:path";
import { allClaims, matchClaims } from "../claims/registry.js";
import { InputError } from "../exact/errors.js";
import { saveResult } from "../store/record.js";
import { missingMembers } from "../claims/subject.js";
import { parseWorkers, runBattery } from "./battery.js";
import { printSummary } from "./check.js";
import { loadFamily } from "../mechanisms/plugin.js";
import { validateOutputs, writeReports, type OutputFlags } from "./outputs.js";
import { parsePositiveInt, parseSeed, validateGlob } from "./options.js";
import { chooseProgress } from "./progress.js";

export interface HuntFlags extends OutputFlags {
  module: string;
  claims?: string;
  seed?: string;
  runs?: string;
  workers?: string;
  save?: boolean;
  store?: string;
  progress?: boolean;
}

export const HUNT_STORE = "counterexamples/hunt";

export async function runHunt(flags: HuntFlags): Promise<number> {
  const seed = parseSeed(flags.seed);
  const runs = parsePositiveInt(flags.runs, "--runs");
  const workers = parseWorkers(flags.workers);
  validateOutputs(flags);
  const pool = flags.claims === undefined ? allClaims() : matchClaims(validateGlob(flags.claims));
  if (flags.claims !== undefined && pool.length === 0) throw new InputError("--claims", `no claim id matches "${flags.claims}" (see \`mechcheck list\`)`);
  const family = await loadFamily(flags.module);
  const claims = pool.filter((c) => c.subjectKind === family.kind);
  if (claims.length === 0) {
    const kinds = [...new Set(allClaims().map((c) => c.subjectKind))].join(", ");
    throw new InputError("--module", `no claim applies to subjects of kind "${family.kind}" (kinds in the catalogue: ${kinds})`);
  }
  const missing = missingMembers(family, claims[0]!.defaultSubject);
  if (missing) throw new InputError("--module", `${flags.module}: the ${family.kind} subject ${family.name} ${missing}`);
  const toStdout = flags.json === "-";
  const log = (s: string) => (toStdout ? process.stderr : process.stdout).write(s + "\n");
  log(`mechcheck hunt: ${family.name} (${family.kind}) against ${claims.length} claim(s), seed ${seed}`);
  const subject = { name: family.name, module: relative(process.cwd(), resolve(flags.module)) };
  const store = flags.store ?? HUNT_STORE;
  // The variant is held to the catalogue's expectations: the paper's conclusions must hold for it,
  // and a refuted conjecture (expect: counterexample) is expected to be refuted for it too.
  const run = await runBattery(claims, {
    seed,
    workers,
    module: resolve(flags.module),
    ...(runs !== undefined ? { runs } : {}),
    progress: chooseProgress(flags.progress, toStdout, log),
    onResult: (claim, r) => (flags.save !== false && (r.counterexample || r.outside) ? saveResult(store, claim, r, subject) : r),
  });
  const command = `mechcheck hunt --module ${flags.module} --seed ${seed}${flags.claims ? ` --claims '${flags.claims}'` : ""}${runs ? ` --runs ${runs}` : ""}`;
  writeReports(flags, { seed: String(seed), claims: run.results, notRun: run.notRun, command });
  if (!toStdout) printSummary(log, run.results, process.stdout.isTTY === true);
  if (run.interrupted) return 130;
  return run.results.every((r) => r.met) ? 0 : 1;
}
