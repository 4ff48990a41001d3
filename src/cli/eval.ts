/**
 * `mechcheck eval --instance FILE`: the exact quantities of one instance.
 *  - zhu2021 knapsack point: the §3 knapsack at (q, μ) (default q = q̄, μ = μ⁰): v, α, the price set;
 *  - zhu2021 repeated model with reports: allocations, unlinked and linked VCG transfers, costs;
 *  - single-resource model (zhu2022 / stylized) with ω: allocations, Vⁿ, linked bounds, costs.
 * `--cheapness` adds, per agent, the linked VCG transfer beside the least ex-post IC transfer on
 * nested grids and the gap (src/cheapness/refinement.ts), and for zhu2021 the continuum competitor.
 */
import { InputError } from "../exact/errors.js";
import { readKnapsackPoint, type KnapsackPoint } from "../models/zhu2021/json.js";
import { readRepeated } from "../models/zhu2021/repeated-json.js";
import { evaluateRepeated } from "../mechanisms/zhu2021/evaluate.js";
import { smallnessReport } from "../models/zhu2021/smallness.js";
import { solveKnapsack } from "../models/zhu2021/knapsack.js";
import { priceSet } from "../models/zhu2021/prices.js";
import { readJsonFile, writeOutput } from "./io.js";
import { cheapnessJson, cheapnessLines, parseCheapnessFlags, type EvalFlags } from "./eval-cheapness.js";
import { evalRegret, hasTrees } from "./eval-regret.js";
import { evalSingle } from "./eval-single.js";
import { evalTrees, isTreesModel } from "./eval-trees.js";

const REPEATED_FIELDS = ["agents", "dates", "beta", "muLow", "muHigh", "reports", "allocation"] as const;

function zhu2021Point(raw: Record<string, unknown>): { point: KnapsackPoint; ignored: string[] } {
  const ignored = REPEATED_FIELDS.filter((k) => k in raw);
  const rest: Record<string, unknown> = { ...raw };
  for (const k of ignored) delete rest[k];
  if (!("q" in rest) && !("mu" in rest) && Array.isArray(rest.supply) && Array.isArray(rest.types)) {
    const R = typeof rest.resources === "number" ? rest.resources : 0;
    rest.q = rest.supply;
    rest.mu = (rest.types as unknown[]).map((_, i) => (i < R ? "inf" : "0"));
  }
  return { point: readKnapsackPoint(rest), ignored };
}

export function runEval(flags: EvalFlags): number {
  const cheap = parseCheapnessFlags(flags);
  const raw = readJsonFile(flags.instance, "--instance");
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new InputError("instance", "expected a JSON object with a \"model\" key");
  const model = (raw as Record<string, unknown>).model;
  if (model === "single-resource" && hasTrees(raw as Record<string, unknown>)) {
    if (cheap) throw new InputError("--cheapness", "needs the reports \"omega\", not process trees");
    return evalRegret(raw as Record<string, unknown>, flags);
  }
  if (model === "single-resource") return evalSingle(raw, flags, cheap);
  if (isTreesModel(raw as Record<string, unknown>)) {
    if (cheap) throw new InputError("--cheapness", "applies to models with a mechanism (zhu2021 repeated, single-resource)");
    return evalTrees(raw as Record<string, unknown>, flags);
  }
  if (model !== "zhu2021") {
    throw new InputError("instance.model", `"${String(model)}" is not evaluated by this version (supported: "zhu2021", "zhu2021-trees", "single-resource")`);
  }
  if ("agents" in (raw as Record<string, unknown>)) return evalRepeated(raw, flags, cheap);
  if (cheap) throw new InputError("--cheapness", "needs a model with agents (a zhu2021 repeated instance or a single-resource one)");
  const { point, ignored } = zhu2021Point(raw as Record<string, unknown>);
  const { econ, q, mu } = point;
  const sol = solveKnapsack(econ.theta, q, mu);
  const prices = priceSet(econ.theta, mu, sol.alpha);
  const partial = sol.alpha.flatMap((a, i) => (a.sign() > 0 && (mu[i] === null || a.lt(mu[i]!)) ? [i + 1] : []));
  const out = {
    model: "zhu2021",
    resources: econ.R,
    types: econ.I,
    conditions: "1 and 2 hold (exact)",
    q: q.map(String),
    mu: mu.map((m) => (m === null ? "inf" : String(m))),
    v: sol.value.toString(),
    alpha: sol.alpha.map(String),
    partiallyInvested: partial,
    price: {
      unique: prices.unique,
      ranges: prices.ranges?.map((g) => ({ min: g.min.toString(), max: g.max === null ? "inf" : g.max.toString() })) ?? null,
      vertices: prices.vertices?.map((v) => v.map(String)) ?? null,
    },
    ...(ignored.length > 0 ? { notEvaluated: ignored } : {}),
  };
  if (flags.json !== undefined) {
    writeOutput(flags.json, JSON.stringify(out, null, 2) + "\n");
    if (flags.json === "-") return 0;
  }
  const lines = [
    `zhu2021 economy: R = ${econ.R}, I = ${econ.I}; conditions 1 and 2 hold`,
    `q = (${out.q.join(", ")}),  μ = (${out.mu.join(", ")})`,
    `v(q, μ) = ${out.v}`,
    `α(q, μ) = (${out.alpha.join(", ")})   partially invested: {${partial.join(", ")}}`,
    prices.unique
      ? `price p(q, μ) = (${prices.ranges!.map((g) => g.min.toString()).join(", ")}) (unique)`
      : `price set p(q, μ): ${out.price.vertices ? out.price.vertices.map((v) => `(${v.join(", ")})`).join(", ") : "(too many vertices to list)"} (not unique)`,
  ];
  if (ignored.length > 0) lines.push(`not evaluated here: ${ignored.join(", ")} (the repeated model)`);
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}

/** A repeated-model instance: allocations, transfers (unlinked and linked), costs, payoffs. */
/** Fields a claim adds to a repeated instance (counterexample files, examples): not part of the model. */
const CLAIM_FIELDS = ["agent", "other", "competitor", "grid", "misreport", "others"] as const;

function evalRepeated(raw: unknown, flags: { json?: string }, cheap: ReturnType<typeof parseCheapnessFlags>): number {
  const rest: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const ignored = CLAIM_FIELDS.filter((k) => k in rest);
  for (const k of ignored) delete rest[k];
  const inst = readRepeated(rest);
  if (!inst.reports) throw new InputError("instance.reports", "eval of a repeated model needs the reports (N × T × I)");
  const base = evaluateRepeated(inst.model, inst.reports, inst.allocation);
  const cheapness = cheap ? cheapnessJson({ kind: "zhu2021", model: inst.model, order: inst.allocation, truth: inst.reports }, cheap) : undefined;
  // zhu2021 §6.1: is each agent "small" at these reports? (defined for reports in Ω(T, μ_, μ̄))
  const smallness = base.reportsInTypeSpace ? smallnessReport(inst.model, inst.reports) : null;
  const out = { ...base, ...(smallness ? { smallness } : {}), ...(cheapness ? { cheapness: cheapness.json } : {}), ...(ignored.length > 0 ? { notEvaluated: ignored } : {}) };
  const text = JSON.stringify(out, null, 2) + "\n";
  if (flags.json !== undefined) writeOutput(flags.json, text);
  if (flags.json !== "-") {
    const lines = [
      `zhu2021 repeated model: N = ${out.agents}, T = ${out.dates}, allocation ${out.allocation}A; reports ${out.reportsInTypeSpace ? "in" : "NOT in (retracted for the linked mechanism)"} Ω(T, μ_, μ̄)`,
      ...out.perDate.map((d) => `date ${d.date}: α = (${d.alpha.join(", ")}); agents' values ${d.values.agents.join(", ")}; principal ${d.values.principal}`),
      `surplus S = ${out.surplus} (efficient: ${out.efficientSurplus})`,
      `unlinked VCG: W = (${out.unlinked.transfers.join(", ")}), cost C = ${out.unlinked.cost}`,
      `linked VCG:   W = (${out.linked.transfers.join(", ")}), cost C = ${out.linked.cost}`,
      ...(smallness ? smallness.map((a) => `agent ${a.agent} (§6.1): Property I ${a.propertyI}; Property II ${a.propertyII}${a.detail ? ` — ${a.detail}` : ""}`) : []),
      ...(cheapness ? cheapnessLines(cheapness) : []),
      ...(ignored.length > 0 ? [`not evaluated here (claim fields): ${ignored.join(", ")}`] : []),
    ];
    process.stdout.write(lines.join("\n") + "\n");
  }
  return 0;
}
