/** `mechcheck eval` on an mp2013 instance: prints what src/equilibrium/mp2013-evaluate.ts computes, as text and JSON. */
import type { Json } from "../exact/json.js";
import { evaluateMp2013 } from "../equilibrium/mp2013-evaluate.js";
import { readMp2013 } from "../models/mp2013/json.js";
import type { EvalFlags } from "./eval-cheapness.js";
import { writeOutput } from "./io.js";

type O = Record<string, Json>;
const approx = (g: Json): string => {
  const o = g as O;
  return String(o.exact).includes("√") ? `${o.exact}  (≈ ${o.approx})` : String(o.exact);
};

export function evalMp2013(raw: unknown, flags: EvalFlags): number {
  const m = readMp2013(raw);
  const out = evaluateMp2013(m);
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify(out, null, 2) + "\n");
  if (flags.json === "-") return 0;
  const lines: string[] = [`mp2013 model: ${out.agents} agent(s), types ${(out.types as string[][]).map((t) => `{${t.join(", ")}}`).join(" × ")}, states {${(out.states as string[]).join(", ")}}, outcomes {${(out.outcomes as string[]).join(", ")}}; M = ${out.M}, c₀ = ${out.c0}; T* = ${out.support}`];
  const nei = out.nonexclusiveInformation;
  lines.push(nei === true ? "nonexclusive information: yes (every νᵢ = 0)" : `nonexclusive information: no — agent ${(nei as O).agent} moves P_Θ between ${((nei as O).between as string[]).join(" and ")}`);
  for (const a of out.informational as O[]) {
    const nu = a.nu as O, sg = a.sigma as O, lam = a.Lambda as O | null;
    lines.push(`agent ${a.agent}: ν = ${nu.value} (type ${nu.trueType} announcing ${nu.announced}; event ${(nu.event as string[]).join(" ") || "∅"}, probability ${nu.eventProbability}), σ = ${sg.value}, Λ = ${lam ? `${approx(lam)} (types ${(lam.pair as string[]).join(", ")})` : "— (one type)"}`);
  }
  const gv = out.gvcg as O;
  lines.push("GVCG (q efficient, ties to the first outcome):");
  for (const p of gv.profiles as O[]) lines.push(`  ${p.profile}  P = ${p.probability}  ${p.transfers ? `q = ${p.outcome}, α = (${(p.transfers as string[]).join(", ")})` : p.note}`);
  const gainLines = (title: string, gs: O[]) => {
    lines.push(title);
    for (const g of gs) {
      const ep = g.exPost as O | null, it = g.interim as O | null;
      lines.push(`  agent ${g.agent}: ${ep ? `ex post ${approx(ep.gain)} (at ${ep.at}, announcing ${ep.announced})` : "no lie"}; ${it ? `interim ${approx(it.gain)} (type ${it.trueType} announcing ${it.announced})` : ""}`);
    }
  };
  gainLines("largest misreport gains (GVCG):", gv.largestGains as O[]);
  const ls = out.leastRewardScale as O;
  const scaleLine = (title: string, x: Json) => {
    if (typeof x === "string") return lines.push(`  ${title}: — (${x})`);
    const o = x as O;
    if (!o.exists) return lines.push(`  ${title}: none works (blocked by ${(o.blockedBy as O[]).map((l) => `agent ${l.agent} ${l.trueType}→${l.announced}`).join(", ")})`);
    const least = o.least === "0" ? "0 (no lie gains without rewards)" : `≈ ${(o.least as O).approx} ∈ [${(o.least as O).lo}, ${(o.least as O).hi}] (set by agent ${(o.setBy as O).agent} ${(o.setBy as O).trueType}→${(o.setBy as O).announced})`;
    return lines.push(`  ${title}: least κ ${least}${o.ceiling ? `, at most ≈ ${(o.ceiling as O).approx}` : ""}`);
  };
  lines.push(`least reward scale κ, ${ls.rewards}:`);
  scaleLine("augmented GVCG interim IC (Theorem 2(i))", ls.augmentedGvcg!);
  scaleLine("two-stage game ICPBE (Proposition 3)", ls.twoStage!);
  if (out.augmented) {
    const au = out.augmented as O;
    gainLines(`largest misreport gains (augmented, ε = ${au.epsilon}, ${au.rewards}):`, au.largestGains as O[]);
    const w = au.weaklyEpsExPostIC;
    lines.push(w === true ? "  weakly ε-ex post IC: yes" : `  weakly ε-ex post IC: NO — agent ${(w as O).agent} of type ${(w as O).trueType} gains more than ε announcing ${(w as O).announced} with probability ${(w as O).probability} > ε`);
  }
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}
