/**
 * `mechcheck simulate bgs2019.theorem4.1 | bgs2019.proposition5.1`: the two-agent mechanism's welfare
 * against J^FB as β → 1 (src/simulate/bgs2019-theorem4.ts: exact F_β·J^FB beside seeded paths of the
 * mechanism itself), and §5's budget mechanism's security gap along three cycle-length rules
 * (src/equilibrium/bgs2019-budget-experiment.ts, exact). Table, `--json`, `--plot` (log–log).
 */
import Table from "cli-table3";
import { InputError } from "../exact/errors.js";
import { lnQ, slope } from "../exact/float-fit.js";
import type { Json } from "../exact/json.js";
import { parseQ, Q } from "../exact/rational.js";
import { budgetGapTable, PAPER_TYPES, TAU_RULES, type GapRow } from "../equilibrium/bgs2019-budget-experiment.js";
import { defaultXi } from "../mechanisms/bgs2019/region.js";
import { distToJson, readBgs2019, TIE_BREAKS, type TieBreak } from "../models/bgs2019/json.js";
import { chartSvg, type SeriesPoint } from "../report/plot.js";
import { checkTheorem41Options, theorem41Codec, theorem41Experiment, type Theorem41Options, type Theorem41Row } from "../simulate/bgs2019-theorem4.js";
import { parseWorkers } from "./battery.js";
import { readJsonFile, writeOutput } from "./io.js";
import { parsePositiveInt, parseSeed } from "./options.js";
import { checkPlotName, intList, rational, sig, writePlot, type SimulateFlags } from "./simulate-flags.js";
import { runTimed } from "./simulate-pool.js";

export const BGS2019_SIMULATIONS = ["bgs2019.theorem4.1", "bgs2019.proposition5.1"] as const;

/** Uniform values on [0, 1] for both agents: §2's hypotheses, J^FB = 2/3, u* = (1/3, 1/3). */
const DEFAULT_INSTANCE = { model: "bgs2019", agents: 2, values: [{ density: [{ from: "0", to: "1", p: "1" }] }, { density: [{ from: "0", to: "1", p: "1" }] }] };

const THEOREM41_FOREIGN = ["q", "f", "support", "stay", "kappa", "sigma", "d", "c", "k", "epsilon", "tau"] as const;
const PROPOSITION51_FOREIGN = [...THEOREM41_FOREIGN.filter((f) => f !== "tau"), "runs", "seed", "betas", "xi", "horizon", "instance"] as const;

function refuse(id: string, flags: SimulateFlags, foreign: readonly (keyof SimulateFlags)[]): void {
  for (const f of foreign) if (flags[f] !== undefined) throw new InputError(`--${f}`, f === "runs" || f === "seed" ? `${id} is exact and deterministic (no runs, no seed)` : `does not apply to ${id}`);
}

/** β = 1 − 2^{−k} for each k of --sizes, or the --betas list. */
function betaLadder(flags: SimulateFlags, defaultKs: string): Q[] {
  if (flags.betas !== undefined && flags.sizes !== undefined) throw new InputError("--betas", "give either --sizes (β = 1 − 2^−k) or --betas, not both");
  if (flags.betas !== undefined) return flags.betas.split(",").map((b) => rational(b.trim(), "--betas"));
  return intList(flags.sizes ?? defaultKs, "--sizes").map((k, i) => {
    if (k < 1 || k > 60) throw new InputError("--sizes", `entry ${i + 1} is ${k}; k in 1..60 (β = 1 − 2^−k)`);
    return Q.ONE.sub(Q.of(1, 2 ** k));
  });
}

export function theorem41Options(flags: SimulateFlags): Theorem41Options {
  refuse("bgs2019.theorem4.1", flags, THEOREM41_FOREIGN);
  const raw = flags.instance !== undefined ? readJsonFile(flags.instance, "--instance") : DEFAULT_INSTANCE;
  const m = readBgs2019(raw, "instance");
  for (const f of ["beta", "u", "reports", "F"] as const) {
    if (m[f] !== null) throw new InputError(`instance.${f}`, f === "beta" ? "the experiment sets β itself (--sizes or --betas)" : f === "F" ? "F_β follows from ξ by (13) at each β; give ξ (in the instance or --xi)" : "the paths start at F_β·u* and draw the values themselves");
  }
  const tieRaw = typeof raw === "object" && raw !== null && "tieBreak" in raw;
  const tieBreak: TieBreak = tieRaw ? m.tieBreak : "lowest-index";
  if (!(TIE_BREAKS as readonly string[]).includes(tieBreak)) throw new InputError("instance.tieBreak", `one of ${TIE_BREAKS.join(", ")}`);
  const o: Theorem41Options = {
    values: m.values,
    betas: betaLadder(flags, "4,5,6,7,8,9,10"),
    xi: flags.xi !== undefined ? rational(flags.xi, "--xi") : (m.xi ?? defaultXi(m)),
    tieBreak,
    runs: parsePositiveInt(flags.runs, "--runs") ?? 12,
    horizon: parsePositiveInt(flags.horizon, "--horizon") ?? 32,
    seed: parseSeed(flags.seed ?? "1"),
  };
  checkTheorem41Options(o);
  return o;
}


export async function runTheorem41(flags: SimulateFlags): Promise<number> {
  const id = "bgs2019.theorem4.1";
  const o = theorem41Options(flags);
  const workers = parseWorkers(flags.workers);
  checkPlotName(flags.plot);
  const toStdout = flags.json === "-";
  const say = (s: string) => {
    if (!toStdout) process.stdout.write(s);
  };
  const kinds = [...new Set(o.values.map((d) => (d.kind === "density" ? "piecewise-uniform densities" : "discrete values (outside §2)")))].join(" and ");
  say(`${id}: two agents, ${kinds}; ξ = ${o.xi}, F_β = 1 − ξ(1 − β)/m̲ (13); ties ${o.tieBreak}; ${o.runs} paths of ${o.horizon} periods per β from F_β·u*, seed ${o.seed}\n`);
  const done = await runTimed(theorem41Experiment(o), theorem41Codec, { id, flags }, workers, (r) => {
    if (!toStdout && process.stdout.isTTY) process.stdout.write(`  β = ${r.beta}: ${r.ms} ms\n`);
  });
  if (done === null) return 130;
  const { rows, wallMs } = done;
  const rates = theorem41Rates(rows);
  const json: Json = {
    experiment: id,
    parameters: { values: o.values.map(distToJson), xi: o.xi.toString(), tieBreak: o.tieBreak, runs: o.runs, horizon: o.horizon, seed: o.seed },
    betas: rows as unknown as Json,
    rates,
    workers,
    wallMs,
  };
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify(json, null, 2) + "\n");
  say(theorem41Table(rows) + "\n");
  say(`J^FB = ${rows[0]?.JFB ?? "—"}; exact: 1 − F_β = (J^FB − J_β)/J^FB, J_β = F_β·J^FB; paths: welfare = played periods + β^T·Σu_T (unbiased for J_β by promise keeping), 95% intervals; "stops": paths that reached a state outside F_β𝒰 (Proposition 4.1 failing), "cert.": share of central periods with α*(u/F) certified exactly.\n`);
  say(`measured rate, slope of ln(gap) against ln(1 − β): exact ${sig(rates.exact, 3)} (Theorem 4.1: 1); paths ${sig(rates.measured, 3)}; allocative loss of the played periods ${sig(rates.allocative, 3)}\n`);
  const stops = rows.filter((r) => r.firstStop !== null);
  for (const r of stops) say(`β = ${r.beta}: ${r.stopped}/${r.runs} paths stopped; first at period ${r.firstStop!.t}, u = (${r.firstStop!.u.map((x) => sig(parseQ(x).toNumber(), 6)).join(", ")}): ${r.firstStop!.why}\n`);
  say(`${wallMs} ms on ${workers} worker${workers === 1 ? "" : "s"}\n`);
  if (flags.plot !== undefined) {
    const svg = await chartSvg({ title: `${id}: welfare gap as β → 1`, xTitle: "1 − β", yTitle: "relative welfare gap (log scale)", points: theorem41Points(rows), yScale: "log" });
    writePlot(flags.plot, svg);
    say(`plot written to ${flags.plot}\n`);
  }
  return 0;
}

/** Log–log slopes against 1 − β (floats from exact values, for reading only). */
export function theorem41Rates(rows: readonly Theorem41Row[]): { exact: number; measured: number; allocative: number } {
  const x = rows.map((r) => lnQ(Q.ONE.sub(parseQ(r.beta))));
  const fit = (ys: readonly number[]) => {
    const ok = ys.map((y, i) => [x[i]!, y] as const).filter(([, y]) => y > 0 && Number.isFinite(y));
    return ok.length < 2 ? Number.NaN : slope(ok.map(([a]) => a), ok.map(([, y]) => Math.log(y)));
  };
  return { exact: fit(rows.map((r) => parseQ(r.gap).toNumber())), measured: fit(rows.map((r) => r.measuredGap)), allocative: fit(rows.map((r) => 1 - r.efficiency)) };
}

function theorem41Table(rows: readonly Theorem41Row[]): string {
  const t = new Table({ head: ["β", "F_β", "1 − F_β", "/(1 − β)", "J_β (exact)", "mean welfare [95%]", "J_β in", "efficiency", "cert.", "boundary", "stops", "ms"], style: { head: [], border: [] }, colAligns: ["right", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"] });
  for (const r of rows)
    t.push([
      r.beta,
      r.F + (r.inHypothesis ? "" : " (< 1/2)"),
      sig(parseQ(r.gap).toNumber()),
      r.gapRate,
      sig(parseQ(r.Jbeta).toNumber(), 6),
      `${sig(r.welfareMean, 6)} [${sig(r.welfareCi[0], 5)}, ${sig(r.welfareCi[1], 5)}]`,
      r.covers ? "yes" : "no",
      sig(r.efficiency, 5),
      sig(r.certifiedShare / Math.max(r.centralShare, 1e-300), 3),
      sig(r.boundaryShare, 3),
      `${r.stopped}/${r.runs}`,
      String(r.ms),
    ]);
  return t.toString();
}

function theorem41Points(rows: readonly Theorem41Row[]): SeriesPoint[] {
  return rows.flatMap((r) => {
    const x = Q.ONE.sub(parseQ(r.beta)).toNumber();
    const [lo, hi] = r.measuredGapCi;
    return [
      { x, y: parseQ(r.gap).toNumber(), series: "1 − F_β = (J^FB − J_β)/J^FB (exact)" },
      ...(r.measuredGap > 0 ? [{ x, y: r.measuredGap, lo: Math.max(lo, r.measuredGap / 100), hi, series: "(J^FB − mean path welfare)/J^FB, 95%" }] : []),
      ...(r.efficiency < 1 ? [{ x, y: 1 - r.efficiency, series: "allocative loss of the played periods" }] : []),
      { x, y: x, series: "1 − β" },
    ];
  });
}

// ---- bgs2019.proposition5.1: the security gap of §5's budget mechanism

export interface Proposition51Options {
  readonly ks: readonly number[];
  readonly fixedTau: number;
}

export function proposition51Options(flags: SimulateFlags): Proposition51Options {
  refuse("bgs2019.proposition5.1", flags, PROPOSITION51_FOREIGN);
  const ks = intList(flags.sizes ?? "1,2,3,4,5,6", "--sizes");
  ks.forEach((k, i) => {
    // Each exact stage LP grows with τ, and the linear rule's τ is 2^k.
    if (k < 1 || k > 7) throw new InputError("--sizes", `entry ${i + 1} is ${k}; k in 1..7 (β = 1 − 2^−k; the linear rule's τ = 2^k, and τ = 256 takes about 25 minutes exactly)`);
  });
  const fixedTau = parsePositiveInt(flags.tau, "--tau") ?? 4;
  if (fixedTau % 2 !== 0 || fixedTau > 64) throw new InputError("--tau", `the fixed cycle length is even (τ·P(θ) whole, P = 1/2) and at most 64 (got ${fixedTau})`);
  return { ks, fixedTau };
}

export async function runProposition51(flags: SimulateFlags): Promise<number> {
  const id = "bgs2019.proposition5.1";
  const o = proposition51Options(flags);
  checkPlotName(flags.plot);
  if (flags.workers !== undefined) parseWorkers(flags.workers);
  const toStdout = flags.json === "-";
  const say = (s: string) => {
    if (!toStdout) process.stdout.write(s);
  };
  say(`${id}: §5's budget mechanism, values 0 and 1 with probability 1/2 each, β = 1 − 2^−k; security value S(β, τ) exact (backward induction, each state an exact matrix-game LP)\n`);
  const t0 = performance.now();
  const table = budgetGapTable({
    ks: o.ks,
    fixedTau: o.fixedTau,
    onRow: (r) => {
      if (!toStdout && process.stdout.isTTY) process.stdout.write(`  ${r.rule} k = ${r.k} (τ = ${r.tau}): ${r.ms} ms\n`);
    },
  });
  const wallMs = Math.round(performance.now() - t0);
  const json: Json = {
    experiment: id,
    parameters: { types: PAPER_TYPES.map((x) => ({ v: x.v.toString(), p: x.p.toString() })), fixedTau: o.fixedTau, ks: [...o.ks] },
    uStar: table.uStar.toString(),
    rows: table.rows.map((r) => ({ rule: r.rule, k: r.k, beta: r.beta.toString(), tau: r.tau, security: r.security.toString(), gap: r.gap.toString(), gapFloat: r.gap.toNumber(), betaPowTau: r.betaPowTau, ms: r.ms })),
    slopes: table.slopes,
    tailSlopes: table.tailSlopes,
    fixedLimit: table.limits.fixed.toString(),
    wallMs,
  };
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify(json, null, 2) + "\n");
  const t = new Table({ head: ["rule", "k", "β", "τ", "β^τ", "S(β, τ)", "u* − S", "≈", "ms"], style: { head: [], border: [] }, colAligns: ["left", "right", "right", "right", "right", "right", "right", "right", "right"] });
  const exact = (x: Q): string => (x.toString().length > 24 ? "(exact in --json)" : x.toString());
  for (const r of table.rows) t.push([r.rule, String(r.k), r.beta.toString(), String(r.tau), sig(r.betaPowTau), exact(r.security), exact(r.gap), sig(r.gap.toNumber()), String(r.ms)]);
  say(t.toString() + "\n");
  say(`u* = ${table.uStar}; the fixed rule's limit u* − S(1⁻, τ = ${o.fixedTau}) = ${table.limits.fixed} (exact): no finite τ secures u*.\n`);
  say(`slope of ln(u* − S) against ln(1 − β), all k / last 3: ${TAU_RULES.map((r) => `${r} ${sig(table.slopes[r], 3)} / ${sig(table.tailSlopes[r], 3)}`).join("; ")}\n`);
  say(`Proposition 5.1: the gap vanishes iff τ_β → ∞ and β^{τ_β} → 1 — the sqrt rule (τ ≈ (1 − β)^−½) meets (15), fixed and linear (β^τ → e^−1) do not.\n`);
  say(`${wallMs} ms\n`);
  if (flags.plot !== undefined) {
    const svg = await chartSvg({ title: `${id}: security gap u* − S(β, τ_β)`, xTitle: "1 − β", yTitle: "u* − S (log scale)", points: gapPoints(table.rows), yScale: "log" });
    writePlot(flags.plot, svg);
    say(`plot written to ${flags.plot}\n`);
  }
  return 0;
}

function gapPoints(rows: readonly GapRow[]): SeriesPoint[] {
  const label = { fixed: "τ fixed", sqrt: "τ ≈ (1 − β)^−½ (meets (15))", linear: "τ ≈ 1/(1 − β)" } as const;
  return rows.filter((r) => r.gap.sign() > 0).map((r) => ({ x: 2 ** -r.k, y: Math.exp(lnQ(r.gap)), series: label[r.rule] }));
}
