/**
 * The Markdown report of a run (`--md FILE`): the verdict table per paper, then each finding with
 * its exact summary and certificate, then how to reproduce the run. Deterministic for a seed apart
 * from the ms column.
 */
import type { ClaimResult } from "../claims/run.js";
import { groupByPaper, paperTitle } from "./papers.js";
import { summaryLine } from "./table.js";

/** A Markdown table cell: pipes escaped, newlines flattened. */
export function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

const VERDICT: Record<ClaimResult["status"], string> = {
  holds: "holds",
  counterexample: "**counterexample**",
  "fails-outside-hypotheses": "fails outside the hypotheses",
  inconclusive: "inconclusive",
  error: "**error**",
};

export function reportMarkdown(rep: { readonly seed: string; readonly claims: readonly ClaimResult[]; readonly command?: string }): string {
  const out = [`# mechcheck report`, ``, `Seed ${rep.seed}. ${summaryLine(rep.claims)}.`, ``];
  for (const [paper, rs] of groupByPaper(rep.claims)) {
    out.push(`## ${paperTitle(paper)}`, ``, `| claim | expect | verdict | as expected | cases | ms |`, `|---|---|---|---|--:|--:|`);
    for (const r of rs) {
      const verdict = VERDICT[r.status] + (r.cut ? " (cut by the time limit: not a pass)" : "");
      out.push(`| \`${r.id}\` | ${r.expect} | ${verdict} | ${r.met ? "yes" : "**no**"} | ${r.cases} | ${r.ms} |`);
    }
    out.push(``);
  }
  const findings = rep.claims.filter((r) => r.counterexample || (r.outside && r.status === "fails-outside-hypotheses") || r.error);
  if (findings.length > 0) {
    out.push(`## Findings`, ``);
    for (const r of findings) {
      if (r.counterexample) {
        const c = r.counterexample;
        out.push(`- \`${r.id}\`: ${mdCell(c.witness.summary)}${c.witness.gain ? ` (exact gain ${c.witness.gain})` : ""}.${c.file ? ` Certificate: \`${c.file}\` (\`mechcheck explain ${c.file}\`).` : ""}`);
      }
      if (r.outside && r.status === "fails-outside-hypotheses") {
        const o = r.outside;
        out.push(`- \`${r.id}\`, outside the hypotheses (${mdCell(o.hypothesis ?? "?")}): ${mdCell(o.witness.summary)}.${o.file ? ` Certificate: \`${o.file}\`.` : ""}`);
      }
      if (r.error) out.push(`- \`${r.id}\`: error: ${mdCell(r.error)}`);
    }
    out.push(``);
  }
  if (rep.command) out.push(`Reproduce with \`${rep.command}\`.`, ``);
  return out.join("\n");
}
