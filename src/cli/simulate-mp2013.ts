/**
 * `mechcheck simulate mp2013.lemmaB | mp2013.theorem3`: the replica sequence of one base file as r
 * grows (src/simulate/mp2013-replica.ts) as a table, `--json` and `--plot` (log y: ν^{P^r} falls
 * exponentially). Exact and deterministic, so there is one run per r and no seed.
 */
import Table from "cli-table3";
import { InputError } from "../exact/errors.js";
import type { Json } from "../exact/json.js";
import { parseQ, Q } from "../exact/rational.js";
import { readReplicaBase, replicaToJson } from "../models/mp2013/replica-json.js";
import { DEFAULT_REPLICA } from "../models/mp2013/replica-default.js";
import { chartSvg, type SeriesPoint } from "../report/plot.js";
import { replicaCodec, replicaExperiment, type ReplicaOptions, type ReplicaRow } from "../simulate/mp2013-replica.js";
import { parseWorkers } from "./battery.js";
import { readJsonFile, writeOutput } from "./io.js";
import { checkPlotName, intList, rational, sig, writePlot, type SimulateFlags } from "./simulate-flags.js";
import { runTimed } from "./simulate-pool.js";

export const REPLICA_SIMULATIONS = ["mp2013.lemmaB", "mp2013.theorem3"] as const;

const FOREIGN = ["runs", "seed", "q", "f", "support", "stay", "kappa", "sigma", "d", "c", "betas", "xi", "horizon", "tau"] as const;
/** Largest r per signal count (count vectors of the r − 1 others stay in the tens of thousands). */
const CAP: Readonly<Record<number, number>> = { 2: 2000, 3: 200, 4: 60 };

export function replicaOptions(id: string, flags: SimulateFlags): ReplicaOptions {
  for (const f of FOREIGN) if (flags[f] !== undefined) throw new InputError(`--${f}`, f === "runs" || f === "seed" ? `${id} is exact and deterministic (one run per r, no seed)` : `does not apply to ${id}`);
  const base = flags.instance !== undefined ? readReplicaBase(readJsonFile(flags.instance, "--instance"), "instance") : readReplicaBase(DEFAULT_REPLICA, "default instance");
  const theorem3 = id === "mp2013.theorem3";
  const sizes = intList(flags.sizes ?? (theorem3 ? "2,4,8,16,32,64,128,160,200" : "1,2,4,8,16,32,64,128,256"), "--sizes");
  const cap = CAP[base.signals.length];
  sizes.forEach((r, k) => {
    if (r < (theorem3 ? 2 : 1)) throw new InputError("--sizes", `entry ${k + 1} is ${r}; r ≥ ${theorem3 ? 2 : 1} (Theorem 3's neighbour reward needs two agents)`);
    if (cap === undefined || r > cap) throw new InputError("--sizes", `entry ${k + 1} is ${r}; with |A| = ${base.signals.length} signals exact work is capped at r ≤ ${cap ?? "— (|A| ≤ 4)"}`);
  });
  const k = flags.k === undefined ? 2 : Number(flags.k);
  if (!/^\d+$/.test(flags.k ?? "2") || k > 20) throw new InputError("--k", `the power k in r^k·ν is an integer in 0..20 (got "${flags.k}")`);
  const epsilon = flags.epsilon !== undefined ? rational(flags.epsilon, "--epsilon") : base.epsilon ?? Q.of(1, 10);
  if (epsilon.sign() <= 0) throw new InputError("--epsilon", `ε must be positive, got ${epsilon}`);
  return { base, sizes, k, theorem3, epsilon };
}

export async function runReplica(id: string, flags: SimulateFlags): Promise<number> {
  const o = replicaOptions(id, flags);
  const workers = parseWorkers(flags.workers);
  checkPlotName(flags.plot);
  const toStdout = flags.json === "-";
  const say = (s: string) => {
    if (!toStdout) process.stdout.write(s);
  };
  const b = o.base;
  say(`${id}: replicas of Θ = {${b.states.join(", ")}}, A = {${b.signals.join(", ")}}, ${b.outcomes.length} outcomes${o.theorem3 ? `, ε = ${o.epsilon}` : `, k = ${o.k}`} (exact, one run per r)\n`);
  const done = await runTimed(replicaExperiment(o), replicaCodec, { id, flags }, workers, (r) => {
    if (!toStdout && process.stdout.isTTY) process.stdout.write(`  r = ${r.r}: ${r.ms} ms\n`);
  });
  if (done === null) return 130;
  const { rows, wallMs } = done;
  const json: Json = { experiment: id, parameters: { instance: replicaToJson(b), k: o.k, epsilon: o.epsilon.toString() }, sizes: rows as unknown as Json, workers, wallMs };
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify(json, null, 2) + "\n");
  say((o.theorem3 ? theorem3Table(rows) : lemmaBTable(rows, o.k)) + "\n");
  say(rateLine(rows));
  if (o.theorem3) say(`Λ* = ${rows[0]?.theorem3?.lambdaStar ?? "—"}; "printed": εΛ*/(2√|A|) ≥ 2M·r(r−1)·ν, the proof's closing line; "Claim 2": the same with r + 1, what Claim 2 gives.\n`);
  say(`${wallMs} ms on ${workers} worker${workers === 1 ? "" : "s"}\n`);
  if (flags.plot !== undefined) {
    const svg = await chartSvg({ title: `${id}: replicas as r grows`, xTitle: "r (agents)", yTitle: o.theorem3 ? "value (log scale)" : "ν (log scale)", points: o.theorem3 ? theorem3Points(rows) : lemmaBPoints(rows, o.k), xScale: "linear", yScale: "log" });
    writePlot(flags.plot, svg);
    say(`plot written to ${flags.plot}\n`);
  }
  return 0;
}


function lemmaBTable(rows: readonly ReplicaRow[], k: number): string {
  const t = new Table({ head: ["r", "count vectors", "ν^{P^r}", "≈", "pair (tᵢ → tᵢ′)", `r^${k}·ν`, "ms"], style: { head: [], border: [] }, colAligns: ["right", "right", "right", "right", "left", "right", "right"] });
  for (const r of rows) t.push([String(r.r), String(r.counts), r.nu.length > 24 ? "(exact in --json)" : r.nu, sig(r.nuFloat), `${r.pair[0]} → ${r.pair[1]}`, sig(r.rkNu), String(r.ms)]);
  return t.toString();
}

function theorem3Table(rows: readonly ReplicaRow[]): string {
  const t = new Table({ head: ["r", "ν^{P^r}", "printed", "Claim 2", "interim gain", "interim IC", "P(gain > ε)", "weak ε", "min payoff", "max Σz", "ms"], style: { head: [], border: [] }, colAligns: ["right", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"] });
  for (const r of rows) {
    const x = r.theorem3!;
    t.push([String(r.r), sig(r.nuFloat), x.printed ? "holds" : "no", x.claim2 ? "holds" : "no", sig(x.interimGainFloat), x.interimIC ? "yes" : "NO", sig(parseQ(x.weakProb).toNumber()), x.weakIC ? "yes" : "NO", sig(x.irMin), sig(x.zSumMax), String(r.ms)]);
  }
  return t.toString();
}

/** The measured decay: −ln(ν_r)/r between the last two sizes with ν > 0 (floats, for reading only). */
function rateLine(rows: readonly ReplicaRow[]): string {
  const pos = rows.filter((r) => r.nuFloat > 0);
  if (pos.length < 2) return "";
  const [a, b] = [pos[pos.length - 2]!, pos[pos.length - 1]!];
  const rate = (Math.log(a.nuFloat) - Math.log(b.nuFloat)) / (b.r - a.r);
  return `measured decay between r = ${a.r} and r = ${b.r}: ν ≈ C·e^{−${rate.toPrecision(3)}·r} (floats from exact values; Lemma B: faster than every power of r)\n`;
}

function lemmaBPoints(rows: readonly ReplicaRow[], k: number): SeriesPoint[] {
  return rows.flatMap((r) => [...(r.nuFloat > 0 ? [{ x: r.r, y: r.nuFloat, series: "ν^{P^r} (exact)" }] : []), ...(r.rkNu > 0 ? [{ x: r.r, y: r.rkNu, series: `r^${k}·ν^{P^r}` }] : [])]);
}

function theorem3Points(rows: readonly ReplicaRow[]): SeriesPoint[] {
  return rows.flatMap((r) => {
    const x = r.theorem3!;
    const rhs = parseQ(x.rhsPrinted).toNumber();
    return [
      { x: r.r, y: x.lhs, series: "εΛ*/(2√|A|)" },
      ...(rhs > 0 ? [{ x: r.r, y: rhs, series: "2M·r(r−1)·ν^{P^r} (the proof's closing line)" }] : []),
      ...(x.interimGainFloat < 0 ? [{ x: r.r, y: -x.interimGainFloat, series: "interim IC margin (−largest interim gain)" }] : []),
    ];
  });
}
