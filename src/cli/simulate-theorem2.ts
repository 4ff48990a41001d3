/**
 * `mechcheck simulate zhu2021.theorem2`: the k-model sequence of src/simulate/theorem2.ts as a table,
 * `--json` and `--plot`. Exact columns are marked as such; cost/surplus is a Monte Carlo mean over
 * runs (each run exact) with a 95% confidence interval.
 */
import Table from "cli-table3";
import type { Json } from "../exact/json.js";
import { Q } from "../exact/rational.js";
import { chartSvg } from "../report/plot.js";
import { assumption1, theorem2Codec, theorem2Experiment, type Theorem2Row } from "../simulate/theorem2.js";
import { kModelToJson } from "../simulate/theorem2-input.js";
import { parseWorkers } from "./battery.js";
import { writeOutput } from "./io.js";
import { theorem2Options } from "./simulate-experiments.js";
import { checkPlotName, dec, writePlot, type SimulateFlags } from "./simulate-flags.js";
import { runTimed } from "./simulate-pool.js";

const ID = "zhu2021.theorem2";
const D_RULE = "d_k = least multiple of w̄/1000 with 4k·f(i(d)T[k]) ≤ a²·k^{−σ}, a = ε/(k·v̄[k]); c[k] = rational ≥ (a − √(a² − 4k f))/2 with c(a − c) ≥ k f̄";

export async function runTheorem2(flags: SimulateFlags, project?: string): Promise<number> {
  const o = theorem2Options(flags);
  const workers = parseWorkers(flags.workers);
  checkPlotName(flags.plot);
  const a1 = assumption1(o);
  const toStdout = flags.json === "-";
  const say = (s: string) => {
    if (!toStdout) process.stdout.write(s);
  };
  const theta = o.econ.theta.map((t) => `(${t.join(", ")})`).join(", ");
  say(`${ID}: Θ = {${theta}}, q̄[k] = k·(${o.econ.supply.join(", ")}), β = 1, T[k] = ⌈k^${o.kappa}⌉, ε = ${o.epsilon}, ${o.d !== undefined ? `d fixed at ${o.d}` : `σ = ${o.sigma}`}${o.c !== undefined ? `, conjecture fixed at c = ${o.c}` : ""}\n`);
  say(`  endowments i.i.d. across agents and dates, mean π = (${a1.pi.join(", ")}); Assumption 1 by Hoeffding: f = F = 2·${a1.randomTypes}·e^{−z}, i = I = 2d²/w̄², w̄ = ${a1.wbar}; price at the mean (${a1.price.join(", ")}); v̄[k] = k·${a1.v1}\n`);
  say(`  ${o.runs} runs per k, seed ${o.seed}\n`);
  const onSize = (r: Theorem2Row) => {
    if (!toStdout && process.stdout.isTTY) process.stdout.write(`  k = ${r.k}: ${r.ms} ms\n`);
  };
  const done = await runTimed(theorem2Experiment(o), theorem2Codec, { id: ID, flags, ...(project !== undefined ? { project } : {}) }, workers, onSize);
  if (done === null) return 130;
  const { rows, wallMs } = done;
  const json: Json = {
    experiment: ID,
    parameters: {
      instance: kModelToJson(o) as Json,
      kappa: o.kappa.toString(),
      epsilon: o.epsilon.toString(),
      ...(o.d !== undefined ? { d: o.d.toString() } : { sigma: o.sigma }),
      ...(o.c !== undefined ? { c: o.c.toString() } : {}),
      runs: o.runs,
      seed: o.seed,
      assumption1: { pi: a1.pi.map(String), wbar: a1.wbar.toString(), randomTypes: a1.randomTypes, f: `2·${a1.randomTypes}·e^{−z}`, i: "2d²/w̄²", priceAtMean: a1.price.map(String), vbar1: a1.v1.toString() },
      rule: o.d !== undefined ? "d fixed by --d; c[k] as in the proof for that d (1 when 4k f > a²)" : D_RULE,
    },
    sizes: rows.map((r) => ({
      k: r.k,
      T: r.T,
      d: r.d.toString(),
      c: r.c.toString(),
      cFormula: r.cPaper,
      believable: r.believable,
      othersReleased: r.othersReleased.toNumber(),
      pBound: r.pBound.toString(),
      pAllTruthful: r.pAll.toNumber(),
      runs: r.runs,
      truthfulRuns: r.truthfulRuns,
      crossAverageRuns: r.crossAverageRuns,
      propertyI: r.fracI,
      propertiesIandII: r.fracII,
      priceNotUnique: r.premise,
      lemma6Mismatches: r.lemma6Mismatch,
      efficiencyOnTruthfulRuns: r.efficiency === null ? null : r.efficiency.toString(),
      costSurplus: r.costSurplus === null ? null : { exactOverRuns: r.costSurplus.toString(), float: r.costSurplus.toNumber(), ci95: r.ci },
      worstCaseCostSurplus: r.worstCase === null ? null : r.worstCase.toNumber(),
      unlinkedCostSurplus: r.unlinkedCostSurplus === null ? null : r.unlinkedCostSurplus.toString(),
      ms: r.ms,
    })),
    workers,
    wallMs,
  };
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify(json, null, 2) + "\n");
  say(table(rows) + "\n");
  const checked = rows.reduce((s, r) => s + Math.round(r.fracII * r.truthfulRuns * r.k), 0), bad = rows.reduce((s, r) => s + r.lemma6Mismatch, 0);
  say(`exact: T, d, c, believable (1 − P_b^{k−1} ≤ c), P(all truthful) = P_b^k. Monte Carlo over runs: truthful runs, efficiency on them (exact ratio of sums), Properties I/II, C/S (each run's C and S exact; 95% CI by the delta method).\n`);
  say(`worst C/S: [P_all·Ĉ + (1 − P_all)·k·T·v̄[k]] / (P_all·Ŝ), the proof's bound for released agents. Lemma 6's formula vs the exact lWⁿ: ${checked} agents with I and II, ${bad} mismatches.\n`);
  say(`${wallMs} ms on ${workers} worker${workers === 1 ? "" : "s"} (the ms column is each k's compute time summed over its runs)\n`);
  if (flags.plot !== undefined) {
    const svg = await chartSvg({ title: `${ID}: linked VCG along the k-sequence`, xTitle: "k (agents)", yTitle: "probability / fraction / ratio", points: plotPoints(rows, a1.wbar) });
    writePlot(flags.plot, svg);
    say(`plot written to ${flags.plot}\n`);
  }
  return 0;
}

function table(rows: readonly Theorem2Row[]): string {
  const t = new Table({
    head: ["k", "T", "d_k", "c[k]", "believable", "P(all truthful)", "truthful runs", "efficiency", "I", "I & II", "C/S (95% CI)", "worst C/S", "unlinked C/S", "ms"],
    style: { head: [], border: [] },
    colAligns: ["right", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
  });
  for (const r of rows) {
    const cs = r.costSurplus === null ? "—" : `${dec(r.costSurplus, 4)}${r.ci ? ` [${r.ci[0].toPrecision(3)}, ${r.ci[1].toPrecision(3)}]` : ""}`;
    t.push([
      String(r.k),
      String(r.T),
      dec(r.d, 4),
      dec(r.c, 3),
      r.believable ? "yes" : "NO",
      dec(r.pAll, 4),
      `${r.truthfulRuns}/${r.runs}`,
      r.efficiency === null ? "—" : r.efficiency.eq(Q.ONE) ? "1" : dec(r.efficiency, 6),
      r.truthfulRuns > 0 ? r.fracI.toFixed(3) : "—",
      r.truthfulRuns > 0 ? r.fracII.toFixed(3) : "—",
      cs,
      r.worstCase === null ? "—" : dec(r.worstCase, 4),
      r.unlinkedCostSurplus === null ? "—" : dec(r.unlinkedCostSurplus, 4),
      String(r.ms),
    ]);
  }
  return t.toString();
}

function plotPoints(rows: readonly Theorem2Row[], wbar: Q) {
  return rows.flatMap((r) => [
    { x: r.k, y: r.pAll.toNumber(), series: "P(all truthful), exact" },
    ...(r.truthfulRuns > 0
      ? [
          { x: r.k, y: r.fracI, series: "fraction with Property I" },
          { x: r.k, y: r.fracII, series: "fraction with Properties I and II" },
        ]
      : []),
    ...(r.costSurplus !== null ? [{ x: r.k, y: r.costSurplus.toNumber(), ...(r.ci ? { lo: r.ci[0], hi: r.ci[1] } : {}), series: "cost / surplus (linked VCG), 95% CI" }] : []),
    { x: r.k, y: r.d.div(wbar).toNumber(), series: "d_k / w̄ (box half-width over the support range)" },
  ]);
}
