/**
 * `mechcheck simulate ID`: the asymptotic experiments. zhu2022.theorem1 and stylized.theorem1 run
 * src/simulate/theorem1.ts; the table, `--json` and `--plot FILE.svg|.png` show truth-telling,
 * efficiency and cost/surplus (certified bounds) against N. zhu2021.theorem2 (src/simulate/theorem2.ts)
 * is rendered by simulate-theorem2.ts.
 */
import Table from "cli-table3";
import type { Json } from "../exact/json.js";
import { chartSvg, type SeriesPoint } from "../report/plot.js";
import { theorem1Codec, theorem1Experiment, type SizeResult } from "../simulate/theorem1.js";
import { parseWorkers } from "./battery.js";
import { writeOutput } from "./io.js";
import { simulateOptions } from "./simulate-experiments.js";
import { checkPlotName, dec, writePlot, type SimulateFlags } from "./simulate-flags.js";
import { runTimed } from "./simulate-pool.js";
import { runTheorem2 } from "./simulate-theorem2.js";
import { REPLICA_SIMULATIONS, runReplica } from "./simulate-mp2013.js";
import { runProposition51, runTheorem41 } from "./simulate-bgs2019.js";

export { SIMULATIONS, simulateOptions } from "./simulate-experiments.js";
export type { SimulateFlags } from "./simulate-flags.js";

export async function runSimulate(id: string, flags: SimulateFlags, project?: string): Promise<number> {
  if (id === "zhu2021.theorem2") return runTheorem2(flags, project);
  if ((REPLICA_SIMULATIONS as readonly string[]).includes(id)) return runReplica(id, flags);
  if (id === "bgs2019.theorem4.1") return runTheorem41(flags);
  if (id === "bgs2019.proposition5.1") return runProposition51(flags);
  const opts = simulateOptions(id, flags);
  const workers = parseWorkers(flags.workers);
  const f = opts.f;
  checkPlotName(flags.plot);
  const toStdout = flags.json === "-";
  if (!toStdout) process.stdout.write(`${id}: q̄ = N·${opts.q}, T = N, β = 1, f = ${f.name}, endowments ${opts.stay.isZero() ? "i.i.d." : `sticky (stay ${opts.stay})`} uniform on {${opts.support.join(", ")}}, ε = ${opts.epsilon}, ${opts.runs} runs per N, seed ${opts.seed}\n`);
  const onSize = (r: SizeResult) => {
    if (!toStdout && process.stdout.isTTY) process.stdout.write(`  N = ${r.N}: ${r.ms} ms\n`);
  };
  const done = await runTimed(theorem1Experiment(opts), theorem1Codec, { id, flags, ...(project !== undefined ? { project } : {}) }, workers, onSize);
  if (done === null) return 130;
  const { rows, wallMs } = done;
  const json: Json = {
    experiment: id,
    parameters: { q: opts.q.toString(), f: f.name, support: opts.support.map(String), stay: opts.stay.toString(), epsilon: opts.epsilon.toString(), runs: opts.runs, seed: opts.seed, xRule: "x(N) = ⌈1000·r·√(ln(2N²(N−1)R̄/ε²)/(2N))⌉/1000, R̄ = N²q f'(0) ∨ ε, r = support range" },
    sizes: rows.map((r) => ({
      N: r.N,
      x: r.x.toString(),
      runs: r.runs,
      inOmegaStar: r.inStar,
      efficiency: r.efficiency.toString(),
      costSurplus: { lo: r.costSurplus.lo.toString(), hi: r.costSurplus.hi.toString(), float: r.costSurplusFloat },
      unlinkedCostSurplus: r.unlinkedCostSurplus.toString(),
      uncertifiedMinima: r.uncertified,
      ms: r.ms,
    })),
    workers,
    wallMs,
  };
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify(json, null, 2) + "\n");
  if (!toStdout) process.stdout.write(table(rows) + `\n${wallMs} ms on ${workers} worker${workers === 1 ? "" : "s"} (the ms column is each size's compute time summed over its runs)\n`);
  if (flags.plot !== undefined) {
    const svg = await chartSvg({ title: `${id}: linked VCG as N grows`, xTitle: "N (agents = dates)", yTitle: "ratio", points: plotPoints(rows) });
    writePlot(flags.plot, svg);
    if (!toStdout) process.stdout.write(`plot written to ${flags.plot}\n`);
  }
  return 0;
}

function table(rows: readonly SizeResult[]): string {
  const t = new Table({ head: ["N", "x(N)", "in Ω*", "efficiency", "cost/surplus (certified)", "unlinked C/S", "ms"], style: { head: [], border: [] }, colAligns: ["right", "right", "right", "right", "right", "right", "right"] });
  for (const r of rows) {
    const cs = r.costSurplus.lo.eq(r.costSurplus.hi) ? dec(r.costSurplus.lo) : `[${dec(r.costSurplus.lo, 8)}, ${dec(r.costSurplus.hi, 8)}]`;
    t.push([String(r.N), r.x.toString(), `${r.inStar}/${r.runs}`, dec(r.efficiency), cs, r.unlinkedCostSurplus.toString(), String(r.ms)]);
  }
  return t.toString();
}

function plotPoints(rows: readonly SizeResult[]): SeriesPoint[] {
  return rows.flatMap((r) => [
    { x: r.N, y: r.inStar / r.runs, series: "fraction of runs in Ω*(N)" },
    { x: r.N, y: r.efficiency.toNumber(), series: "efficiency" },
    { x: r.N, y: r.costSurplusFloat, lo: r.costSurplus.lo.toNumber(), hi: r.costSurplus.hi.toNumber(), series: "cost / surplus (linked VCG)" },
  ]);
}
