/**
 * A readable Markdown account of one stored counterexample: the claim and what the paper says, the
 * instance in plain words, the deviation, the exact numbers that break the claim, and how to re-check
 * it. Written to be pasted into a message to the paper's author.
 */
import { sizeStory } from "./table.js";
import type { AnyClaim, Json } from "../claims/types.js";
import type { CounterexampleFile } from "../store/schema.js";

function show(v: Json | unknown): string {
  if (typeof v === "string") return v;
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return `(${v.join(", ")})`;
  return "`" + JSON.stringify(v) + "`";
}

function instanceLines(inst: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const known: Record<string, string> = {
    model: "model", resources: "resources R", types: "project types θ_i", supply: "supply q̄", agents: "agents N", dates: "dates T",
    beta: "discount β", muLow: "lower bounds μ_ⁿ", muHigh: "upper bounds μ̄ⁿ", reports: "true endowments μ (agent × date × type)",
    q: "resources q", mu: "endowment μ", allocation: "allocation rule",
  };
  // The single-resource files (zhu2022 / stylized) reuse some keys with their own meaning.
  const single: Record<string, string> = {
    N: "agents N (= dates T)", q: "per-agent supply q (q̄ = Nq)", f: "project type f", avg: "ω_avg", max: "ω_max", x: "x(N)", y: "y(N)",
    omega: "endowments ω (agent × date)", qbar: "supply q̄", omegaStar: "Ω*", agent: "agent n", misreport: "misreport ω̂ⁿ",
  };
  const isSingle = inst.model === "single-resource" || ("omega" in inst && "avg" in inst);
  for (const [k, v] of Object.entries(inst)) lines.push(`- ${(isSingle ? single[k] : undefined) ?? known[k] ?? k}: ${show(v)}`);
  return lines;
}

export function explainMarkdown(file: string, cx: CounterexampleFile, claim: AnyClaim | undefined): string {
  const out: string[] = [];
  out.push(`# ${cx.claim}: ${cx.kind === "violated" ? "counterexample" : "fails outside the hypotheses"}`);
  out.push("");
  if (claim) {
    out.push(`**Paper:** ${claim.paper}, ${claim.section}.`);
    out.push("");
    out.push(`**Statement:** ${claim.statement}`);
    out.push("");
  }
  const meaning =
    cx.expect === "counterexample"
      ? " (a known-false or refuted statement)"
      : cx.kind === "outside"
        ? " under its hypotheses — this instance lies outside them, so it shows a hypothesis is needed, not that the statement is false"
        : " — this counterexample contradicts the expectation";
  out.push(`**Expected verdict in the catalogue:** \`${cx.expect}\`${meaning}.`);
  out.push("");
  out.push(`**What breaks:** ${cx.witness.summary}${cx.witness.gain ? ` — by exactly **${cx.witness.gain}**` : ""}.`);
  out.push("");
  if (cx.hypothesis) out.push(`**Hypothesis not met:** ${cx.hypothesis}\n`);
  out.push(`**Why (catalogue note):** ${cx.note}`);
  out.push("");
  out.push("## The instance");
  out.push("");
  out.push(...instanceLines(cx.instance as Record<string, unknown>));
  out.push("");
  if (cx.deviation !== undefined) {
    out.push("## The deviation");
    out.push("");
    out.push(...(typeof cx.deviation === "object" && cx.deviation !== null && !Array.isArray(cx.deviation) ? Object.entries(cx.deviation).map(([k, v]) => `- ${k}: ${show(v)}`) : [`- ${show(cx.deviation)}`]));
    out.push("");
  }
  out.push("## The exact numbers");
  out.push("");
  out.push("| quantity | value |");
  out.push("|---|---|");
  for (const [k, v] of Object.entries(cx.witness.quantities)) out.push(`| ${k} | ${show(v).replace(/\|/g, "\\|")} |`);
  out.push("");
  out.push("## Provenance and re-checking");
  out.push("");
  out.push(`- found against \`${cx.subject}\` with seed ${cx.found.seed} after ${cx.found.runs} case(s), ${cx.found.shrinks} shrink step(s), mechcheck ${cx.found.version}`);
  const story = sizeStory({ size: cx.size, sizeBefore: cx.sizeShrunk, sizeFound: cx.sizeFound, shrinks: cx.found.shrinks, simplified: cx.found.simplified });
  if (story) out.push(`- size: ${story}`);
  out.push(`- re-verify exactly from this file: \`npx mechcheck replay ${file}\``);
  out.push("");
  return out.join("\n");
}
