/**
 * `mechcheck hunt --module FILE [--claims GLOB]`: load a user's mechanism variant (a TS or JS module
 * exporting `family` or a default export `{ name, kind, build(model) }`) and run every claim whose
 * subject kind matches, with the variant as the subject. Counterexamples are reported (and saved
 * with the variant's name as subject) but never replace the catalogue's own files.
 */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { existsSync } from "node:fs";
import { allClaims, matchClaims } from "../claims/registry.js";
import { runClaim, type ClaimResult } from "../claims/run.js";
import { InputError } from "../exact/errors.js";
import { reportJson } from "../report/json.js";
import { detailLines, resultTable, summaryLine } from "../report/table.js";
import { writeOutput } from "./io.js";
import { parsePositiveInt, parseSeed, validateGlob } from "./options.js";

interface FamilyLike {
  name: string;
  kind: string;
  build: (model: unknown) => unknown;
}

function isFamily(x: unknown): x is FamilyLike {
  const o = x as Record<string, unknown> | null;
  return !!o && typeof o.name === "string" && typeof o.kind === "string" && typeof o.build === "function";
}

export async function loadFamily(file: string): Promise<FamilyLike> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError("--module", `${file} does not exist`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    throw new InputError("--module", `${file} does not load: ${(e as Error).message.split("\n")[0]}`);
  }
  const f = mod.family ?? mod.default;
  if (!isFamily(f)) throw new InputError("--module", `${file} must export \`family\` (or a default export) with a string name, a string kind and a build(model) function`);
  return f;
}

export async function runHunt(flags: { module: string; claims?: string; seed?: string; runs?: string; json?: string }): Promise<number> {
  const seed = parseSeed(flags.seed);
  const runs = parsePositiveInt(flags.runs, "--runs");
  const family = await loadFamily(flags.module);
  const pool = flags.claims === undefined ? allClaims() : matchClaims(validateGlob(flags.claims));
  const claims = pool.filter((c) => c.subjectKind === family.kind);
  if (claims.length === 0) {
    const kinds = [...new Set(allClaims().map((c) => c.subjectKind))].join(", ");
    throw new InputError("--module", `no claim applies to subjects of kind "${family.kind}" (kinds in the catalogue: ${kinds})`);
  }
  const toStdout = flags.json === "-";
  const log = (s: string) => (toStdout ? process.stderr : process.stdout).write(s + "\n");
  log(`mechcheck hunt: ${family.name} (${family.kind}) against ${claims.length} claim(s), seed ${seed}`);
  // The variant is held to the catalogue's expectations: the paper's conclusions must hold for it,
  // and a refuted conjecture (expect: counterexample) is expected to be refuted for it too.
  const results: ClaimResult[] = claims.map((c) => runClaim(c, { seed, subject: family, ...(runs !== undefined ? { runs } : {}) }));
  if (flags.json !== undefined) writeOutput(flags.json, reportJson({ seed: String(seed), claims: results }));
  if (!toStdout) {
    log(resultTable(results, process.stdout.isTTY === true));
    for (const l of detailLines(results)) log(l);
    log(summaryLine(results));
  }
  return results.every((r) => r.met) ? 0 : 1;
}
