/**
 * `mechcheck eval --instance FILE`: the exact quantities of one instance.
 *  - zhu2021 knapsack point: the §3 knapsack at (q, μ) (default q = q̄, μ = μ⁰): v, α, the price set;
 *  - zhu2021 repeated model with reports: allocations, unlinked and linked VCG transfers, costs;
 *  - single-resource model (zhu2022 / stylized) with ω: allocations, Vⁿ, linked bounds, costs;
 *  - mp2013 (src/cli/eval-mp2013.ts) and bgs2019 (src/cli/eval-bgs2019.ts).
 * `--cheapness` adds, per agent, the linked VCG transfer beside the least ex-post IC transfer on
 * nested grids and the gap (src/cheapness/refinement.ts), and for zhu2021 the continuum competitor.
 */
import { InputError } from "../exact/errors.js";
import type { Q } from "../exact/rational.js";
import { readKnapsackPoint, type KnapsackPoint } from "../models/zhu2021/json.js";
import { readRepeated } from "../models/zhu2021/repeated-json.js";
import { evaluateRepeated } from "../mechanisms/zhu2021/evaluate.js";
import { datePrice, propertyII, smallnessReport } from "../models/zhu2021/smallness.js";
import { geometricTransfer } from "../mechanisms/zhu2021/small-surplus.js";
import { geometrySvg, type GeometryPicture } from "../report/geometry-plot.js";
import { svgToPng } from "../report/plot.js";
import type { Profile, RepeatedModel } from "../models/zhu2021/repeated.js";
import { writeFileSync } from "node:fs";
import { solveKnapsack } from "../models/zhu2021/knapsack.js";
import { priceSet } from "../models/zhu2021/prices.js";
import { readJsonFile, writeOutput } from "./io.js";
import { cheapnessJson, cheapnessLines, parseCheapnessFlags, type EvalFlags } from "./eval-cheapness.js";
import { evalRegret, hasTrees } from "./eval-regret.js";
import { evalSingle } from "./eval-single.js";
import { evalTrees, isTreesModel } from "./eval-trees.js";
import { evalMp2013 } from "./eval-mp2013.js";
import { evalBgs2019 } from "./eval-bgs2019.js";

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

export async function runEval(flags: EvalFlags): Promise<number> {
  if (flags.plot !== undefined && !/\.(svg|png)$/i.test(flags.plot)) throw new InputError("--plot", `the file must end in .svg or .png (got "${flags.plot}")`);
  const cheap = parseCheapnessFlags(flags);
  const raw = readJsonFile(flags.instance, "--instance");
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new InputError("instance", "expected a JSON object with a \"model\" key");
  const model = (raw as Record<string, unknown>).model;
  if (model === "single-resource" && hasTrees(raw as Record<string, unknown>)) {
    if (cheap) throw new InputError("--cheapness", "needs the reports \"omega\", not process trees");
    return evalRegret(raw as Record<string, unknown>, flags);
  }
  if (model === "mp2013") {
    if (cheap) throw new InputError("--cheapness", "applies to models with a mechanism (zhu2021 repeated, single-resource)");
    if (flags.plot !== undefined) throw new InputError("--plot", "draws §6.2's picture for a zhu2021 repeated instance with R = 2");
    return evalMp2013(raw, flags);
  }
  if (model === "bgs2019") {
    if (cheap) throw new InputError("--cheapness", "applies to models with money transfers (zhu2021 repeated, single-resource); bgs2019 has none");
    if (flags.plot !== undefined) throw new InputError("--plot", "draws §6.2's picture for a zhu2021 repeated instance with R = 2");
    return evalBgs2019(raw, flags);
  }
  if (flags.plot !== undefined && model !== "zhu2021") throw new InputError("--plot", "draws §6.2's picture for a zhu2021 repeated instance with R = 2");
  if (model === "single-resource") return evalSingle(raw, flags, cheap);
  if (isTreesModel(raw as Record<string, unknown>)) {
    if (cheap) throw new InputError("--cheapness", "applies to models with a mechanism (zhu2021 repeated, single-resource)");
    return evalTrees(raw as Record<string, unknown>, flags);
  }
  if (model !== "zhu2021") {
    throw new InputError("instance.model", `"${String(model)}" is not evaluated by this version (supported: "zhu2021", "zhu2021-trees", "single-resource", "mp2013", "bgs2019")`);
  }
  if ("agents" in (raw as Record<string, unknown>)) return evalRepeated(raw, flags, cheap);
  if (flags.plot !== undefined) throw new InputError("--plot", "draws §6.2's picture for a zhu2021 repeated instance (with agents, dates and reports) and R = 2");
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

async function evalRepeated(raw: unknown, flags: { json?: string; plot?: string; agent?: string }, cheap: ReturnType<typeof parseCheapnessFlags>): Promise<number> {
  const rest: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const ignored = CLAIM_FIELDS.filter((k) => k in rest);
  for (const k of ignored) delete rest[k];
  const inst = readRepeated(rest);
  if (!inst.reports) throw new InputError("instance.reports", "eval of a repeated model needs the reports (N × T × I)");
  if (flags.plot !== undefined && inst.model.econ.R !== 2) throw new InputError("--plot", `§6.2's picture is drawn for R = 2 resources (this instance has R = ${inst.model.econ.R})`);
  if (flags.plot !== undefined && flags.agent !== undefined && !(Number.isInteger(Number(flags.agent)) && Number(flags.agent) >= 1 && Number(flags.agent) <= inst.model.N)) throw new InputError("--agent", `expected an agent number 1..${inst.model.N}`);
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
  if (flags.plot !== undefined) {
    const file = flags.plot;
    const picture = geometryPicture(inst.model, inst.reports, smallness, flags.agent);
    const svg = await geometrySvg(picture);
    writeFileSync(file, /\.png$/i.test(file) ? svgToPng(svg) : svg);
    if (flags.json !== "-") process.stdout.write(`§6.2's picture (${picture.title}) written to ${file}\n`);
  }
  return 0;
}

/** §6.2's picture for one agent: the chosen one, else the first with Properties I and II, else the price lines alone. */
function geometryPicture(model: RepeatedModel, mu: Profile, smallness: ReturnType<typeof smallnessReport> | null, agentFlag: string | undefined): GeometryPicture {
  const { econ } = model;
  const pick = agentFlag !== undefined ? Number(agentFlag) : (smallness?.find((a) => a.propertyII === "holds")?.agent ?? null);
  const two = pick === null ? null : propertyII(model, mu, pick - 1);
  const prices = Array.from({ length: model.T }, (_, t) => datePrice(econ, mu.map((row) => row[t] as readonly Q[])).price);
  // step 3 of the algorithm: with β < 1 the lines are β^{t−1}-scaled
  const lines = prices.flatMap((p, t) => (p === null ? [] : [{ p: [p[0]!.mul(model.beta.pow(t)).toNumber(), p[1]!.mul(model.beta.pow(t)).toNumber()] as [number, number], name: `H_${t + 1}` }]));
  const tau = two !== null && two.kind === "holds" ? geometricTransfer(model, mu, pick! - 1, two.prices).tau : null;
  const types = econ.theta.map((th, i) => ({
    x: th[0]!.toNumber(),
    y: th[1]!.toNumber(),
    label: `θ_${i + 1}`,
    tau: tau === null ? "τ not defined" : tau[i]!.length === model.T ? "every date" : tau[i]!.length === 1 ? `τ = ${tau[i]![0]}` : `τ = {${tau[i]!.join(", ")}}`,
  }));
  const who = pick === null ? "no agent has Properties I and II" : tau === null ? `agent ${pick} lacks Property I or II` : `agent ${pick}`;
  return { title: `zhu2021 §6.2: Θ, the price lines and τ (${who})`, types, lines };
}
