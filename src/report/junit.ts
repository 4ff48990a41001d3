/**
 * JUnit XML for CI systems (GitHub Actions, GitLab, Jenkins read it): one <testsuite> per paper,
 * one <testcase> per claim. A claim that did not meet its expectation is a <failure>; a claim whose
 * run threw is an <error>. A known-false claim whose counterexample was found again is a pass (it met
 * its expectation); its certificate is named in <system-out>. No timestamps, so the same seed gives
 * the same file apart from the time attributes.
 */
import type { ClaimResult } from "../claims/run.js";
import { groupByPaper } from "./papers.js";

/** XML 1.0 text and attribute escaping; characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function outcome(r: ClaimResult): string {
  const parts = [`status ${r.status}${r.cut ? " (cut by the time limit)" : ""}, expected ${r.expect}; ${r.cases} cases; hypotheses ${r.hypotheses}`];
  if (r.counterexample) parts.push(`counterexample: ${r.counterexample.witness.summary}${r.counterexample.witness.gain ? ` (gain ${r.counterexample.witness.gain})` : ""}${r.counterexample.file ? `; saved ${r.counterexample.file}` : ""}`);
  if (r.outside) parts.push(`outside the hypotheses (${r.outside.hypothesis ?? "?"}): ${r.outside.witness.summary}${r.outside.file ? `; saved ${r.outside.file}` : ""}`);
  if (r.error) parts.push(`error: ${r.error}`);
  return parts.join("\n");
}

function testcase(r: ClaimResult): string {
  const open = `    <testcase classname="${xmlEscape(r.paper)}" name="${xmlEscape(r.id)}" time="${seconds(r.ms)}">`;
  const body = xmlEscape(outcome(r));
  const lines = [open];
  if (r.status === "error") lines.push(`      <error message="${xmlEscape(r.error ?? "error")}">${body}</error>`);
  else if (!r.met) {
    const why = r.cut ? `cut by the time limit after ${r.cases} cases (not a pass)` : `expected ${r.expect}, got ${r.status}`;
    lines.push(`      <failure message="${xmlEscape(why)}" type="${xmlEscape(r.status)}">${body}</failure>`);
  }
  lines.push(`      <system-out>${body}</system-out>`, "    </testcase>");
  return lines.join("\n");
}

export function reportJunit(rep: { readonly seed: string; readonly claims: readonly ClaimResult[] }): string {
  const count = (rs: readonly ClaimResult[]) => ({
    tests: rs.length,
    failures: rs.filter((r) => !r.met && r.status !== "error").length,
    errors: rs.filter((r) => r.status === "error").length,
    time: seconds(rs.reduce((s, r) => s + r.ms, 0)),
  });
  const all = count(rep.claims);
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="mechcheck" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}" time="${all.time}">`,
  ];
  for (const [paper, rs] of groupByPaper(rep.claims)) {
    const c = count(rs);
    out.push(`  <testsuite name="${xmlEscape(paper)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="0" time="${c.time}">`);
    out.push(`    <properties><property name="seed" value="${xmlEscape(rep.seed)}"/></properties>`);
    for (const r of rs) out.push(testcase(r));
    out.push(`  </testsuite>`);
  }
  out.push(`</testsuites>`, "");
  return out.join("\n");
}
