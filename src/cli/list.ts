/** `mechcheck list`: the catalogue (plain, --json, or --md: the verdict table per paper). */
import { readFileSync } from "node:fs";
import { allClaims } from "../claims/registry.js";
import { InputError } from "../exact/errors.js";
import { catalogueMarkdown, CATALOGUE_END, CATALOGUE_START, replaceCatalogue } from "../report/catalogue.js";
import { writeOutput } from "./io.js";

export function runList(flags: { json?: boolean; md?: boolean; into?: string }): number {
  const claims = allClaims();
  if (flags.into !== undefined && !flags.md) throw new InputError("--into", "goes with --md");
  if (flags.md) {
    const table = catalogueMarkdown(claims);
    if (flags.into === undefined) {
      process.stdout.write(table);
      return 0;
    }
    let doc: string;
    try {
      doc = readFileSync(flags.into, "utf8");
    } catch (e) {
      throw new InputError("--into", `cannot read ${flags.into}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const next = replaceCatalogue(doc, table);
    if (next === undefined) throw new InputError("--into", `${flags.into} has no "${CATALOGUE_START}" … "${CATALOGUE_END}" section`);
    if (next !== doc) writeOutput(flags.into, next);
    process.stdout.write(`${next === doc ? "unchanged" : "updated"}: ${flags.into}\n`);
    return 0;
  }
  if (flags.json) {
    const out = claims.map((c) => ({ id: c.id, paper: c.paper, section: c.section, statement: c.statement, expect: c.expect, ...(c.expectOutside ? { expectOutside: true } : {}), subject: c.subjectKind, runs: c.runs, ...(c.note ? { note: c.note } : {}) }));
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  for (const c of claims) {
    process.stdout.write(`${c.id}  [${c.expect}]  ${c.section}\n    ${c.statement}\n`);
    if (c.note) process.stdout.write(`    note: ${c.note}\n`);
  }
  return 0;
}
