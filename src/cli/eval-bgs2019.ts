/** `mechcheck eval` on a bgs2019 instance: prints what src/equilibrium/bgs2019-evaluate.ts computes, as text and JSON. */
import { evaluateBgs2019, bgs2019EvalJson, type Bgs2019Eval, type Bracket, type Membership, type StateEval } from "../equilibrium/bgs2019-evaluate.js";
import { parseQ } from "../exact/rational.js";
import { readBgs2019 } from "../models/bgs2019/json.js";
import type { EvalFlags } from "./eval-cheapness.js";
import { writeOutput } from "./io.js";

const vec = (xs: readonly string[]): string => `(${xs.join(", ")})`;
const approx = (s: string): string => Number(parseQ(s).toNumber().toPrecision(6)).toString();
/** An exact value as is; certified bounds as [lo, hi] ≈ midpoint. */
const showBracket = (b: Bracket): string => (typeof b === "string" ? b : `∈ [${b.lo}, ${b.hi}] (≈ ${approx(b.hi)})`);
const showMember = (x: Membership, what: string): string => `I_𝒰(${what}) ${typeof x.I === "string" ? `= ${x.I}` : showBracket(x.I)}: ${x.member === "undecided" ? "undecided" : x.member ? "inside" : "outside"}`;

function stateLines(s: StateEval, F: string): string[] {
  const lines = [`state u = ${vec(s.u)}`, `  ${showMember(s.inU, "u")} (u ∈ 𝒰 iff ≤ 0)`];
  if (s.inFU) lines.push(`  ${showMember(s.inFU, "u/F")} (u ∈ F𝒰 iff ≤ 0, F = ${F})`);
  lines.push(`  region: ${s.region.kind} — ${s.region.why}`);
  const a = s.alphaStar;
  if (a === null) return lines;
  const box = a.boxLo.every((x, i) => x === a.boxHi[i]) ? "unique" : `maximizers in the box ${a.boxLo.map((x, i) => `[${x}, ${a.boxHi[i]}]`).join(" × ")}`;
  lines.push(`  α*(u/F) = ${vec(a.alpha)} (${a.exact ? "exact" : "a point of the certified enclosure"}; ${box})`);
  const g = s.gradient!, fp = s.frontierPoint!;
  const same = g.every((x, i) => x === fp[i]);
  lines.push(
    same
      ? `  ∇φ(α*) = ${vec(g)} on 𝒰's frontier; F·∇φ(α*) = ${vec(s.scaledFrontierPoint!)} on F𝒰's`
      : `  ∇φ(α*) = ${vec(g)} by Proposition 2.3's ≥-formula (ties count for every tied agent); 𝒰's frontier point with normal α* (ties to the lowest index) ${vec(fp)}, ×F: ${vec(s.scaledFrontierPoint!)}`,
  );
  const r = s.remark31!;
  const how = r.holds === "approximately" ? "≈ only, α being a point of the enclosure" : r.holds ? "holds" : "fails with the ≥-formula's ∇φ: φ is not differentiable at α* (ties of positive probability); another subgradient meets it";
  lines.push(`  μ (Remark 3.1) = −I_𝒰(u/F) ${typeof s.mu === "string" ? `= ${s.mu}` : showBracket(s.mu!)}; u/F = ∇φ(α*) − μe: ${how} (∇φ(α) − u/F = ${vec(r.differences)})`);
  if (s.planeOffset !== null) lines.push(`  Proposition 3.1's plane offset ((1−β)/β)·α*ᵀ(∇φ(α*) − u) = ${s.planeOffset}`);
  return lines;
}

function stageLines(st: NonNullable<Bgs2019Eval["stage"]>): string[] {
  if (st.kind === "none") return [`reports v = ${vec(st.reports)}: ${st.why}`];
  if (st.kind === "random allocation (Remark 2.1)")
    return [
      `reports v = ${vec(st.reports)} — boundary region, Remark 2.1's random allocation (whatever the reports):`,
      `  p = u/E[v] = ${vec(st.allocation)}, Σp = ${st.total} ${st.feasible ? "≤ 1: (FA) holds" : "> 1: (FA) FAILS (u ∉ L)"}; w = u = ${vec(st.promise)}`,
      ...(st.note ? [`  ${st.note}`] : []),
    ];
  const ties = st.severalWin ? ` — as written, (9) gives the good to every tied agent ${vec(st.winners.map(String))}: Σp̂ > 1` : st.winners.length > 1 ? ` (agents ${st.winners.join(", ")} tie; split by "${st.tieBreak}")` : "";
  const lines = [
    `reports v = ${vec(st.reports)} — central region, the main phase (9)–(11), ties "${st.tieBreak}":`,
    `  p̂(v) = ${vec(st.allocation)}${ties}`,
    `  P̂ᵢ(vᵢ) = ${vec(st.interimP)}`,
    `  Ŵᵢ(vᵢ) = ${vec(st.interimW)} (10);  E[Ŵᵢ] = ${vec(st.meanW)}`,
    st.promise ? `  ŵ(v) = ${vec(st.promise)} (11)` : `  ŵ(v) undefined: ${st.undefinedWhy}`,
  ];
  if (st.plane) {
    const off = st.plane.equal ? "" : " — off the plane: with ties of positive probability, E[vᵢP̂ᵢ] is not the ≥-formula's ∂φ/∂αᵢ (outside §2's density hypothesis)";
    lines.push(`  Proposition 3.1: α*ᵀ(u − ŵ(v)) = ${st.plane.lhs} ${st.plane.equal ? "=" : "≠"} ${st.plane.rhs} = ((1−β)/β)·α*ᵀ(∇φ(α*) − u)${off}`);
  }
  return lines;
}

export function evalBgs2019(raw: unknown, flags: EvalFlags): number {
  const out = evaluateBgs2019(readBgs2019(raw));
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify(bgs2019EvalJson(out), null, 2) + "\n");
  if (flags.json === "-") return 0;
  const fb = out.firstBest, th = out.thresholds;
  const lines = [`bgs2019 model: ${out.agents} agent(s)${out.beta !== null ? `, β = ${out.beta}` : ""}`];
  for (const a of out.values) lines.push(`agent ${a.agent}: ${a.kind === "discrete" ? `discrete, ${a.size} value(s)` : `piecewise-uniform density, ${a.size} piece(s)`}; E[v] = ${a.mean}, v̄ = ${a.top}`);
  lines.push(`first best: J^FB = E[maxᵢ vᵢ] = φ(1, …, 1) = ${fb.JFB}; u* = ${vec(fb.uStar)} (${fb.tieRule})`);
  if (fb.uStarAsWritten) lines.push(`  the paper's u*ᵢ = E[vᵢ1{vᵢ ≥ max_{j≠i} vⱼ}] counts a tie for every tied agent: ${vec(fb.uStarAsWritten)}`);
  lines.push(`thresholds: u̲ = ${th.uLow}, F = ${th.F} (${th.source}; m̲ = ${th.mLow}); F ≥ 1/2 (Proposition 4.1's hypothesis): ${th.FAtLeastHalf ? "yes" : "no"}`);
  if (out.state) lines.push(...stateLines(out.state, th.F));
  if (out.stage) lines.push(...stageLines(out.stage));
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}
