/** `mechcheck list`: the catalogue. */
import { allClaims } from "../claims/registry.js";

export function runList(flags: { json?: boolean }): number {
  const claims = allClaims();
  if (flags.json) {
    const out = claims.map((c) => ({ id: c.id, paper: c.paper, section: c.section, statement: c.statement, expect: c.expect, subject: c.subjectKind, runs: c.runs, ...(c.note ? { note: c.note } : {}) }));
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  for (const c of claims) {
    process.stdout.write(`${c.id}  [${c.expect}]  ${c.section}\n    ${c.statement}\n`);
    if (c.note) process.stdout.write(`    note: ${c.note}\n`);
  }
  return 0;
}
