/**
 * `mechcheck simulate ID`: the asymptotic experiments. zhu2022.theorem1 and stylized.theorem1 run
 * src/simulate/theorem1.ts; the table, `--json` and `--plot FILE.svg|.png` show truth-telling,
 * efficiency and cost/surplus (certified bounds) against N.
 */
import Table from "cli-table3";
import { writeFileSync } from "node:fs";
import { InputError } from "../exact/errors.js";
import type { Json } from "../exact/json.js";
import { parseQ, Q, type Q as QType } from "../exact/rational.js";
import { saturating } from "../models/single-resource/project.js";
import { chartSvg, svgToPng, type SeriesPoint } from "../report/plot.js";
import { checkTheorem1Options, simulateTheorem1, type SizeResult, type Theorem1Options, type Theorem1Paper } from "../simulate/theorem1.js";
import { parseWorkers } from "./battery.js";
import { simulateOnWorkers } from "./simulate-pool.js";
import { projectFromJson } from "../typespace/single-resource-json.js";
import { writeOutput } from "./io.js";
import { parsePositiveInt, parseSeed } from "./options.js";

export const SIMULATIONS = ["zhu2022.theorem1", "stylized.theorem1"] as const;

export interface SimulateFlags {
  readonly sizes?: string;
  readonly runs?: string;
  readonly seed?: string;
  readonly q?: string;
  readonly f?: string;
  readonly support?: string;
  readonly stay?: string;
  readonly epsilon?: string;
  readonly plot?: string;
  readonly json?: string;
  readonly workers?: string;
}

function rational(s: string, flag: string): QType {
  try {
    return parseQ(s);
  } catch (e) {
    throw new InputError(flag, (e as Error).message);
  }
}

function intList(s: string, flag: string): number[] {
  return s.split(",").map((v, k) => {
    if (!/^\d+$/.test(v.trim())) throw new InputError(flag, `entry ${k + 1} ("${v}") must be a positive integer`);
    return Number(v.trim());
  });
}

const dec = (x: QType, digits = 6) => x.toNumber().toPrecision(digits);

/** The experiment's options from the command line (a --project module must be registered first). */
export function simulateOptions(id: string, flags: SimulateFlags): Theorem1Options {
  if (!(SIMULATIONS as readonly string[]).includes(id)) throw new InputError("ID", `unknown experiment "${id}" (known: ${SIMULATIONS.join(", ")})`);
  const paper = id.split(".")[0] as Theorem1Paper;
  let f = saturating(Q.ONE, Q.ONE);
  if (flags.f !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(flags.f);
    } catch {
      throw new InputError("--f", `expected JSON such as '{"family":"saturating","k":"1","b":"1"}'`);
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new InputError("--f", "expected a JSON object");
    f = projectFromJson(raw as Record<string, unknown>, "--f");
  }
  const opts: Theorem1Options = {
    paper,
    sizes: intList(flags.sizes ?? "2,4,8,16,32", "--sizes"),
    runs: parsePositiveInt(flags.runs, "--runs") ?? 20,
    seed: parseSeed(flags.seed ?? "1"),
    q: rational(flags.q ?? "1", "--q"),
    f,
    support: (flags.support ?? "1/2,3/2").split(",").map((s) => rational(s.trim(), "--support")),
    stay: rational(flags.stay ?? "0", "--stay"),
    epsilon: rational(flags.epsilon ?? "1/100", "--epsilon"),
    tol: Q.of(1, 1_000_000_000),
  };
  checkTheorem1Options(opts);
  return opts;
}

export async function runSimulate(id: string, flags: SimulateFlags, project?: string): Promise<number> {
  const opts = simulateOptions(id, flags);
  const workers = parseWorkers(flags.workers);
  const f = opts.f;
  if (flags.plot !== undefined && !/\.(svg|png)$/i.test(flags.plot)) throw new InputError("--plot", `the file must end in .svg or .png (got "${flags.plot}")`);
  const toStdout = flags.json === "-";
  if (!toStdout) process.stdout.write(`${id}: q̄ = N·${opts.q}, T = N, β = 1, f = ${f.name}, endowments ${opts.stay.isZero() ? "i.i.d." : `sticky (stay ${opts.stay})`} uniform on {${opts.support.join(", ")}}, ε = ${opts.epsilon}, ${opts.runs} runs per N, seed ${opts.seed}\n`);
  const onSize = (r: SizeResult) => {
    if (!toStdout && process.stdout.isTTY) process.stdout.write(`  N = ${r.N}: ${r.ms} ms\n`);
  };
  const t0 = performance.now();
  const run = workers === 1 ? { rows: simulateTheorem1(opts, onSize), interrupted: false } : await simulateOnWorkers(opts, { id, flags, ...(project !== undefined ? { project } : {}) }, workers, onSize);
  if (run.interrupted) {
    process.stderr.write("simulate: interrupted; nothing written\n");
    return 130;
  }
  const rows = run.rows;
  const wallMs = Math.round(performance.now() - t0);
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
    writeFileSync(flags.plot, /\.png$/i.test(flags.plot) ? svgToPng(svg) : svg);
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
