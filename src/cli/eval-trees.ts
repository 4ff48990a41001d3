/**
 * `mechcheck eval` on process trees (zhu2021 §5): { "model": "zhu2021-trees", "trees": [...],
 * "muLow", "muHigh", "beta", "epsilon", "vbar", "z" } — the fields of zhu2021.proposition2's
 * instances. Prints, per agent, every realization with its probability, the exact conditional
 * probabilities P(μⁿ ∉ Ωⁿ | μⁿ|_s) date by date and the date at which condition (2) releases a
 * reasonable strategy from the truth; then P̂(Ω(T, μ_, μ̄)), δ(z), c(z) and P̂(some agent released).
 */
import Table from "cli-table3";
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { backward } from "../probability/tree.js";
import { cOf, deltaOf, proposition2 } from "../../properties/zhu2021/proposition2.js";
import { boundMass, insideOf, insideProbability, releases } from "../../properties/shared/trees.js";
import { writeOutput } from "./io.js";

export function evalTrees(raw: Record<string, unknown>, flags: { json?: string }): number {
  const { model: _model, ...rest } = raw;
  const c = proposition2.decode(rest);
  const N = c.trees.length, T = c.trees[0]!.T;
  const delta = deltaOf(c, T, N), cz = cOf(c, T);
  const holds = (s: number, p: Q) => p.add(cz).mul(c.beta.pow(1 - s)).mul(Q.of(T)).mul(c.vbar).lt(c.epsilon);
  const rel = releases(c, backward, holds);
  const agents = c.trees.map((_, n) => ({ pIn: insideProbability(c, n), leaves: rel[n]! }));
  const pIn = agents.reduce((p, a) => p.mul(a.pIn), Q.ONE);
  const pBound = agents.reduce((p, a) => p.mul(boundMass(a.leaves)), Q.ONE);
  const out = {
    model: "zhu2021-trees",
    agents: N,
    dates: T,
    omega: pIn.toString(),
    delta: delta.toString(),
    c: cz.toString(),
    hypothesis: pIn.ge(Q.ONE.sub(delta)),
    released: Q.ONE.sub(pBound).toString(),
    perAgent: agents.map((a, n) => ({
      agent: n + 1,
      inOmega: a.pIn.toString(),
      paths: a.leaves.map((l) => ({ path: l.path.map(String), prob: l.prob.toString(), inOmega: insideOf(c, n)(l.path), outsideGiven: l.outside.map(String), release: l.release })),
    })),
  };
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify(out, null, 2) + "\n");
  if (flags.json === "-") return 0;
  const lines: string[] = [`zhu2021 §5 on process trees: N = ${N}, T = ${T}, β = ${c.beta}, ε = ${c.epsilon}, v̄ = ${c.vbar}, z = ${c.z}`];
  out.perAgent.forEach((a, n) => {
    lines.push(`agent ${a.agent}: Ωⁿ = [${c.low[n]}, ${c.high[n]}] (T-date average), Pⁿ(Ωⁿ) = ${a.inOmega}`);
    const t = new Table({ head: ["path μⁿ", "prob", "in Ωⁿ", ...Array.from({ length: T }, (_, s) => `P(∉Ωⁿ | μⁿ|${s + 1})`), "released at"], style: { head: [], border: [] } });
    for (const p of a.paths) t.push([p.path.join(" → "), p.prob, p.inOmega ? "yes" : "no", ...p.outsideGiven, p.release === null ? "never (truthful)" : `date ${p.release}`]);
    lines.push(t.toString());
  });
  lines.push(`P̂(Ω(T, μ_, μ̄)) = ${out.omega}; δ(z) = ${out.delta}: hypothesis ${out.hypothesis ? "holds" : "fails"}; c(z) = ${out.c}`);
  lines.push(`P̂(some agent released from the truth) = ${out.released} ${Q.ONE.sub(pBound).le(cz) ? "≤" : ">"} c(z)`);
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}

export function isTreesModel(raw: Record<string, unknown>): boolean {
  if (raw.model !== "zhu2021-trees") return false;
  if (!Array.isArray(raw.trees)) throw new InputError("instance.trees", "expected one process tree per agent");
  return true;
}
