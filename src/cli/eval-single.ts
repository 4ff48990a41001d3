/**
 * `mechcheck eval` on a single-resource instance (zhu2022 / stylized, §2–3): per date the efficient
 * allocation 𝐀_t; Sⁿ, the surplus and its efficient value; the unlinked VCG Vⁿ and (when Ω* is not Ω)
 * the linked VCG's certified bounds; costs C = β^{T−1}ΣW; optionally the cheapness table.
 */
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { showInterval, type Interval } from "../mechanisms/types.js";
import { linkedTransferBounds, unlinkedTransfers } from "../mechanisms/single-resource/vcg.js";
import { agentSurplus, allocationMatrix, betaPow, efficientAllocation, efficientSurplus } from "../models/single-resource/model.js";
import { contains, describeOmegaStar } from "../typespace/single-resource.js";
import { readSingleInstance } from "../typespace/single-resource-json.js";
import { cheapnessJson, cheapnessLines, type CheapnessRequest, type EvalFlags } from "./eval-cheapness.js";
import { writeOutput } from "./io.js";


export function evalSingle(raw: unknown, flags: EvalFlags, cheap: CheapnessRequest | undefined): number {
  const inst = readSingleInstance(raw);
  const { model, omegaStar: set } = inst;
  if (!inst.omega) throw new InputError("instance.omega", "eval of a single-resource model needs the reports ω (N × T)");
  const w = inst.omega;
  const d = betaPow(model.beta, model.T - 1);
  const A = allocationMatrix(model, w);
  const S = w.map((row, n) => agentSurplus(model, A[n] as Q[], row));
  const V = unlinkedTransfers(model, w);
  const inside = w.every((row) => contains(set, row));
  // The linked VCG is evaluated at reports in Ω*; outside, it retracts them first (not shown here).
  const linked = set.kind !== "all" && inside ? linkedTransferBounds(model, set, w) : undefined;
  const cost = (xs: readonly Interval[]): Interval => ({ lo: d.mul(xs.reduce((s, x) => s.add(x.lo), Q.ZERO)), hi: d.mul(xs.reduce((s, x) => s.add(x.hi), Q.ZERO)) });
  const exact = V.map((v) => ({ lo: v, hi: v }));
  const cheapness = cheap ? cheapnessJson({ kind: "single", model, set, truth: w }, cheap) : undefined;
  const out = {
    model: "single-resource",
    agents: model.N,
    dates: model.T,
    beta: model.beta.toString(),
    qbar: model.qbar.toString(),
    f: model.f.name,
    omegaStar: describeOmegaStar(set),
    reportsInOmegaStar: inside,
    allocation: Array.from({ length: model.T }, (_, t) => efficientAllocation(model, w, t).map(String)),
    contributions: S.map(String),
    surplus: S.reduce((a, b) => a.add(b), Q.ZERO).toString(),
    efficientSurplus: efficientSurplus(model, w).toString(),
    unlinked: { transfers: V.map(String), cost: showInterval(cost(exact)) },
    ...(linked ? { linked: { transfers: linked.map(showInterval), cost: showInterval(cost(linked)) } } : {}),
    ...(cheapness ? { cheapness: cheapness.json } : {}),
  };
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify(out, null, 2) + "\n");
  if (flags.json !== "-") {
    const lines = [
      `single-resource model: N = ${model.N}, T = ${model.T}, β = ${model.beta}, q̄ = ${model.qbar}, f = ${model.f.name}; Ω* = ${out.omegaStar}; reports ${inside ? "in" : "NOT in"} Ω*`,
      ...out.allocation.map((a, t) => `date ${t + 1}: 𝐀 = (${a.join(", ")})`),
      `contributions Sⁿ = (${out.contributions.join(", ")}); surplus S = ${out.surplus} (efficient: ${out.efficientSurplus})`,
      `unlinked VCG: V = (${out.unlinked.transfers.join(", ")}), cost C = ${out.unlinked.cost}`,
      ...(out.linked ? [`linked VCG:   V* = (${out.linked.transfers.join(", ")}), cost C = ${out.linked.cost} (certified bounds where irrational)`] : []),
      ...(cheapness ? cheapnessLines(cheapness) : []),
    ];
    process.stdout.write(lines.join("\n") + "\n");
  }
  return 0;
}
