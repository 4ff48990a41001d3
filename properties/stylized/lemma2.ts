/**
 * stylized §2, Lemma 2: "If ωⁿ ∈ Ω*ⁿ then Rⁿ_t(d|t−1, ωⁿ) = 0." The proof rests on private values
 * and on the retraction of Ωⁿ onto Ω*ⁿ not depending on Ω⁻ⁿ: an agent whose whole path lies in Ω*ⁿ
 * cannot gain from any misreport ω̂ⁿ ∈ Ωⁿ that agrees with the truth through date t, whatever the
 * others report — inside Ω* or not. Checked on the Mechanism interface (so it applies to any
 * stylized mechanism M* ∘ [·] a user plugs in): the truth ωⁿ ∈ Ω*ⁿ, the others' reports anywhere in
 * Ω, a misreport agreeing with ωⁿ on its first k dates (k = 0..T − 1); the gain is decided from the
 * mechanism's own allocation and certified transfers (positive lower bound: violated; nonpositive
 * upper bound: holds; else inconclusive). Misreports are sampled: "holds" rests on search.
 */
import * as fc from "fast-check";
import type { Claim, Json } from "../../src/claims/types.js";
import { inconclusive, violated } from "../../src/claims/verdicts.js";
import { InputError, requireAgent } from "../../src/exact/errors.js";
import type { Q } from "../../src/exact/rational.js";
import { linkedVcgFamily, SINGLE_KIND, type SingleResourceFamily } from "../../src/mechanisms/single-resource/vcg.js";
import { dropSingleAgent, endowmentsArb, singleCaseArb, type SingleCase } from "../../src/search/single-resource.js";
import { contains } from "../../src/typespace/single-resource.js";
import { unilateralGain } from "../shared/gain.js";
import { decodeSingle, encodeSingle, reportRowAt } from "../shared/single-resource.js";

export interface Lemma2Case {
  /** model, Ω*, and the reports ω: the agent's row is its true path (in Ω*ⁿ), the others' rows are anywhere in Ω. */
  readonly c: SingleCase;
  readonly agent: number;
  readonly misreport: Q[];
  /** The misreport agrees with the truth on dates 1..agree. */
  readonly agree: number;
}

const show = (r: readonly Q[]) => r.map(String);

export const stylizedLemma2: Claim<Lemma2Case, SingleResourceFamily> = {
  id: "stylized.lemma2",
  paper: "stylized",
  section: "§2, Stylized Mechanisms, Lemma 2",
  statement: "If ωⁿ ∈ Ω*ⁿ then Rⁿ_t(d|t−1, ωⁿ) = 0: in M* ∘ [·], an agent whose path lies in Ω*ⁿ gains nothing from any misreport agreeing with the truth through date t, whatever the others report in Ω.",
  expect: "holds",
  note: "The others' reports range over all of Ω (outside Ω* too): that is where a retraction of Ωⁿ that depends on Ω⁻ⁿ, which the proof excludes, would show.",
  subjectKind: SINGLE_KIND,
  defaultSubject: linkedVcgFamily,
  runs: 150,
  arbitrary: () =>
    singleCaseArb({ maxN: 3, maxT: 3 }).chain((c) =>
      fc
        .record({
          agent: fc.nat({ max: c.model.N - 1 }),
          others: endowmentsArb(c.model.N, c.model.T),
          inside: fc.boolean(),
          raw: endowmentsArb(1, c.model.T),
          agree: fc.nat({ max: c.model.T - 1 }),
        })
        .map(({ agent, others, inside, raw, agree }) => {
          const truthRow = c.truth[agent]!;
          // Half the time the others report inside Ω* (their retracted rows), half the time anywhere.
          const reports = (inside ? c.truth : others).map((row, n) => (n === agent ? truthRow : row));
          return { c: { ...c, truth: reports }, agent, agree, misreport: raw[0]!.map((x, t) => (t < agree ? truthRow[t]! : x)) };
        }),
    ),
  encode: (d) => ({ ...(encodeSingle(d.c) as Record<string, Json>), agent: d.agent + 1, misreport: show(d.misreport), agree: d.agree }),
  decode(v) {
    const { agent, misreport, agree, ...rest } = (v ?? {}) as Record<string, unknown>;
    const c = decodeSingle(rest);
    const n = Number(agent) - 1;
    requireAgent(n, c.model.N, "instance.agent");
    const k = Number(agree);
    if (!Number.isInteger(k) || k < 0 || k >= c.model.T) throw new InputError("instance.agree", `must be an integer in 0..T − 1 = ${c.model.T - 1}`);
    const row = reportRowAt(misreport, c.model.T, "instance.misreport");
    if (row.some((x, t) => t < k && !x.eq(c.truth[n]![t]!))) throw new InputError("instance.misreport", `must agree with the truth on dates 1..${k}`);
    return { c, agent: n, misreport: row, agree: k };
  },
  size: (d) => ({ agents: d.c.model.N, dates: d.c.model.T }),
  reduce({ c, agent, misreport, agree }) {
    const out: Lemma2Case[] = [];
    for (let m = 0; m < c.model.N; m++) {
      const r = m === agent ? undefined : dropSingleAgent(c, m);
      if (r) out.push({ c: r, agent: m < agent ? agent - 1 : agent, misreport, agree });
    }
    return out;
  },
  check({ c, agent, misreport, agree }, family) {
    const own = c.truth[agent]!;
    if (!contains(c.omegaStar, own)) return { kind: "vacuous", hypothesis: "the agent's true path is not in Ω*ⁿ" };
    if (misreport.every((x, t) => x.eq(own[t]!))) return { kind: "holds", basis: "exact", how: "the misreport is the truth" };
    const mech = family.build({ model: c.model, omegaStar: c.omegaStar });
    const g = unilateralGain(mech, c.truth, agent, misreport);
    const othersInside = c.truth.every((row, m) => m === agent || contains(c.omegaStar, row));
    if (g.lo.sign() > 0) {
      return violated(
        `agent ${agent + 1}, whose path (${show(own).join(", ")}) is in Ω*ⁿ, gains at least ${g.lo} by reporting (${show(misreport).join(", ")}), agreeing on dates 1..${agree}, with the others ${othersInside ? "inside" : "outside"} Ω*`,
        { agent: agent + 1, truth: show(own), misreport: show(misreport), agree, othersInsideOmegaStar: othersInside, surplusGain: g.surplusGain.toString(), transferDifference: `[${g.transferDifference.lo}, ${g.transferDifference.hi}]` },
        { gain: g.lo.toString(), deviation: { agent: agent + 1, misreport: show(misreport) } },
      );
    }
    if (g.hi.sign() > 0) return inconclusive(`the certified gain interval [${g.lo}, ${g.hi}] contains 0`);
    return { kind: "holds", basis: "search", how: "one sampled misreport; gain bounded exactly" };
  },
};
