/**
 * `mechcheck eval` on a single-resource model with process trees (zhu2022 §2.4): the instance of
 * `eval` for single-resource models with "trees" (one per agent, T = dates) and "epsilon" in place of
 * the reports "omega". Prints, per agent and node, Pⁿ(ωⁿ ∉ Ω*ⁿ | ωⁿ|_s), the certified regret Rⁿ_s
 * (its maximizing continuation, others' types and misreport) and condition (1)'s verdict; per path,
 * the date a reasonable strategy is released from the truth; then the exact probabilities.
 */
import Table from "cli-table3";
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { showInterval, shortInterval } from "../mechanisms/types.js";
import { regretContext, regretKey, regretMax, regretTree } from "../equilibrium/regret.js";
import { regretBinding, truthfulMass } from "../equilibrium/regret-binding.js";
import { treeFromJson } from "../probability/json.js";
import { leaves } from "../probability/tree.js";
import { contains, describeOmegaStar } from "../typespace/single-resource.js";
import { readSingleInstance } from "../typespace/single-resource-json.js";
import { positiveAt } from "../../properties/shared/trees.js";
import { writeOutput } from "./io.js";

export function hasTrees(raw: Record<string, unknown>): boolean {
  return raw.model === "single-resource" && "trees" in raw;
}

export function evalRegret(raw: Record<string, unknown>, flags: { json?: string }): number {
  const { trees: rawTrees, epsilon: rawEps, ...rest } = raw;
  if ("omega" in rest) throw new InputError("instance.omega", "give either the reports \"omega\" or the process \"trees\", not both");
  const { model, omegaStar } = readSingleInstance(rest);
  if (!Array.isArray(rawTrees) || rawTrees.length !== model.N) throw new InputError("instance.trees", `expected one process tree per agent (N = ${model.N})`);
  const trees = rawTrees.map((t, n) => treeFromJson(t, `instance.trees[${n}]`));
  trees.forEach((t, n) => {
    if (t.T !== model.T) throw new InputError(`instance.trees[${n}].T`, `must equal dates = ${model.T} (got ${t.T})`);
  });
  const epsilon = positiveAt(rawEps, "instance.epsilon");
  const problem = { model, omegaStar, trees };
  const agents = trees.map((tree, n) => {
    const ctx = regretContext(problem, n);
    const nodes = regretTree(ctx);
    // condition (1) reads the regrets just computed (each node is solved once)
    const binding = regretBinding(ctx, epsilon, new Map(nodes.map((nd) => [regretKey(nd.prefix), nd.regret])));
    const inside = leaves(tree).reduce((s, l) => (contains(omegaStar, l.path) ? s.add(l.prob) : s), Q.ZERO);
    return { n, nodes, binding, inside, rbar: regretMax(nodes), truthful: truthfulMass(binding) };
  });
  // P(every agent truthful) ∈ [Π lo, Π hi] (independent agents)
  const allLo = agents.reduce((p, a) => p.mul(a.truthful.lo), Q.ONE), allHi = agents.reduce((p, a) => p.mul(a.truthful.hi), Q.ONE);
  const out = {
    model: "single-resource-trees",
    agents: model.N,
    dates: model.T,
    omegaStar: describeOmegaStar(omegaStar),
    epsilon: epsilon.toString(),
    someoneLies: { lo: Q.ONE.sub(allHi).toString(), hi: Q.ONE.sub(allLo).toString() },
    perAgent: agents.map((a) => ({
      agent: a.n + 1,
      inOmegaStar: a.inside.toString(),
      rbar: { lo: a.rbar.lo.toString(), hi: a.rbar.hi.toString(), at: a.rbar.at?.prefix.map(String) ?? null },
      truthful: { lo: a.truthful.lo.toString(), hi: a.truthful.hi.toString() },
      nodes: a.nodes.map((nd) => ({
        history: nd.prefix.map(String),
        regret: { lo: nd.regret.lo.toString(), hi: nd.regret.hi.toString(), status: nd.regret.status },
        witness: nd.regret.witness && { continuation: nd.regret.witness.continuation.map(String), others: nd.regret.witness.others.map((o) => o.map(String)), misreport: nd.regret.witness.misreport.map(String), gain: nd.regret.witness.gain.toString() },
      })),
      paths: a.binding.map((l) => ({ path: l.path.map(String), prob: l.prob.toString(), release: l.release, undecided: l.undecided, checks: l.checks.map((c) => ({ date: c.date, outside: c.outside.toString(), verdict: c.verdict, regret: c.regret && showInterval(c.regret) })) })),
    })),
  };
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify(out, null, 2) + "\n");
  if (flags.json === "-") return 0;
  const lines = [`zhu2022 §2.4 on process trees: N = ${model.N}, T = ${model.T}, β = ${model.beta}, q̄ = ${model.qbar}, f = ${model.f.name}, Ω*ⁿ = ${describeOmegaStar(omegaStar)}, ε = ${epsilon}`];
  for (const a of agents) {
    lines.push(`agent ${a.n + 1}: Pⁿ(Ω*ⁿ) = ${a.inside}; R̄ⁿ = max regret ∈ ${shortInterval(a.rbar)}${a.rbar.at ? ` at history (${a.rbar.at.prefix.join(", ")})` : ""}`);
    const t = new Table({ head: ["path ωⁿ", "prob", ...Array.from({ length: model.T }, (_, s) => `date ${s + 1}: P(∉Ω*)·R vs ε`), "released at"], style: { head: [], border: [] } });
    for (const l of a.binding) {
      const cells = Array.from({ length: model.T }, (_, s) => {
        const c = l.checks[s];
        if (!c) return "—";
        return c.regret === null ? `${c.outside}·R: truthful` : `${c.outside}·${shortInterval(c.regret)}: ${c.verdict}`;
      });
      t.push([l.path.join(" → "), l.prob.toString(), ...cells, l.release !== null ? `date ${l.release}` : l.undecided !== null ? `undecided at ${l.undecided}` : "never (truthful)"]);
    }
    lines.push(t.toString());
    lines.push(`  Pⁿ(bound to the truth at every date) ∈ ${shortInterval(a.truthful)}`);
  }
  lines.push(`P(some agent released from the truth) ∈ ${shortInterval({ lo: Q.ONE.sub(allHi), hi: Q.ONE.sub(allLo) })}`);
  lines.push("(exact values, witnesses and every node's regret: --json)");
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}
