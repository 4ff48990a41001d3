/** The terminal table of a battery run: one row per claim. */
import Table from "cli-table3";
import pc from "picocolors";
import type { ClaimResult, Found, Status } from "../claims/run.js";

const STATUS_COLOR: Record<Status, (s: string) => string> = {
  holds: pc.green,
  counterexample: pc.red,
  "fails-outside-hypotheses": pc.yellow,
  inconclusive: pc.yellow,
  error: pc.magenta,
};

export function resultTable(results: readonly ClaimResult[], color = false): string {
  const table = new Table({
    head: ["claim", "expect", "status", "ok", "cases", "ms"],
    style: { head: color ? ["cyan"] : [], border: color ? ["grey"] : [] },
    colAligns: ["left", "left", "left", "center", "right", "right"],
  });
  for (const r of results) {
    const status = r.status + (r.cut ? " (cut)" : "");
    table.push([r.id, r.expect, color ? STATUS_COLOR[r.status](status) : status, r.met ? "yes" : "NO", String(r.cases), String(r.ms)]);
  }
  return table.toString();
}

export function summaryLine(results: readonly ClaimResult[]): string {
  const met = results.filter((r) => r.met).length;
  const cx = results.filter((r) => r.status === "counterexample").length;
  const total = results.reduce((s, r) => s + r.cases, 0);
  const cut = results.filter((r) => r.cut).length;
  return `${results.length} claims, ${met} as expected, ${results.length - met} not${cut ? ` (${cut} cut by the time limit before their budget: not a pass)` : ""}; ${cx} counterexample(s); ${total} cases`;
}

/** "agents 3 → 2, dates 3 → 1" across found → shrunk → simplified (a repeated size printed once). */
export function sizeStory(f: Pick<Found, "sizeFound" | "sizeBefore" | "size" | "shrinks" | "simplified">): string | undefined {
  if (!f.size) return undefined;
  const stages = [f.sizeFound, f.sizeBefore, f.size];
  const parts = Object.keys(f.size).map((k) => {
    const seq: number[] = [];
    for (const st of stages) {
      const v = st?.[k];
      if (v !== undefined && seq[seq.length - 1] !== v) seq.push(v);
    }
    return `${k} ${seq.join(" → ")}`;
  });
  return `${parts.join(", ")} (as found → after ${f.shrinks} shrink step(s) → after ${f.simplified ?? 0} simplification step(s))`;
}

export function detailLines(results: readonly ClaimResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (r.counterexample) {
      lines.push(`${r.id}: ${r.counterexample.witness.summary}${r.counterexample.witness.gain ? ` (gain ${r.counterexample.witness.gain})` : ""}`);
      const story = sizeStory(r.counterexample);
      if (story) lines.push(`  size: ${story}`);
      if (r.counterexample.file) lines.push(`  saved: ${r.counterexample.file}`);
    }
    if (r.outside && r.status === "fails-outside-hypotheses") {
      lines.push(`${r.id}: outside the hypotheses (${r.outside.hypothesis ?? "?"}): ${r.outside.witness.summary}`);
      const story = sizeStory(r.outside);
      if (story) lines.push(`  size: ${story}`);
      if (r.outside.file) lines.push(`  saved: ${r.outside.file}`);
    }
    if (r.error) lines.push(`${r.id}: error: ${r.error}`);
    if (r.counts.searchOnly > 0) lines.push(`${r.id}: ${r.counts.searchOnly} of ${r.counts.holds} "holds" rest on search only (sampled deviations, finite grids or a subject without an exhaustive oracle): evidence, not proofs`);
  }
  return lines;
}
