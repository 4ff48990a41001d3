/**
 * zhu2022 §3.4 / stylized §3: the linked VCG mechanism (𝐀|Ω*, V*) "is obviously an efficient
 * ex-post direct mechanism over Ω*". Checked at a truthful ω ∈ Ω* against a misreport ω̂ⁿ ∈ Ω*ⁿ:
 * the allocation at ω is 𝐀(ω); V*ⁿ(ω) ≥ 0 (limited liability); and the utility gain
 *   Sⁿ(𝐀(ω̂ⁿ, ω⁻ⁿ), ωⁿ) − Sⁿ(𝐀(ω), ωⁿ) + β^{T−1}(V*ⁿ(ω̂ⁿ, ω⁻ⁿ) − V*ⁿ(ω))
 * is ≤ 0, decided from certified transfer intervals (positive lower bound: a certified violation;
 * nonpositive upper bound: holds; otherwise inconclusive). Misreports are sampled, so "holds" rests
 * on search (basis "search").
 */
import * as fc from "fast-check";
import type { Claim, Json, PaperKey } from "../../src/claims/types.js";
import { inconclusive, violated } from "../../src/claims/verdicts.js";
import { requireAgent } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { efficientAllocation } from "../../src/models/single-resource/model.js";
import { linkedVcgFamily, SINGLE_KIND, type SingleResourceFamily } from "../../src/mechanisms/single-resource/vcg.js";
import { dropSingleAgent, dropSingleDate, endowmentsArb, singleCaseArb, type SingleCase } from "../../src/search/single-resource.js";
import { retract } from "../../src/typespace/single-resource.js";
import { decodeSingle, encodeSingle, reportRowAt } from "./single-resource.js";
import { unilateralGain } from "./gain.js";

export interface DeviationCase {
  readonly c: SingleCase;
  readonly agent: number;
  readonly misreport: Q[];
}

const show = (r: readonly Q[]) => r.map(String);

export function linkedExPostClaim(paper: Extract<PaperKey, "zhu2022" | "stylized">, section: string): Claim<DeviationCase, SingleResourceFamily> {
  return {
    id: `${paper}.linked-vcg.ex-post`,
    paper,
    section,
    statement: "The linked VCG mechanism (𝐀|Ω*, V*) is an efficient ex-post direct mechanism over Ω* (nonnegative transfers, truth-telling optimal against any ω̂ⁿ ∈ Ω*ⁿ).",
    expect: "holds",
    subjectKind: SINGLE_KIND,
    defaultSubject: linkedVcgFamily,
    runs: 120,
    arbitrary: () =>
      singleCaseArb({ maxN: 3, maxT: 3 }).chain((c) =>
        fc.record({ agent: fc.nat({ max: c.model.N - 1 }), raw: endowmentsArb(1, c.model.T) }).map(({ agent, raw }) => ({ c, agent, misreport: retract(c.omegaStar, raw[0]!) })),
      ),
    encode: (d) => ({ ...(encodeSingle(d.c) as Record<string, Json>), agent: d.agent + 1, misreport: show(d.misreport) }),
    decode(v) {
      const o = (v ?? {}) as Record<string, unknown>;
      const { agent, misreport, ...rest } = o;
      const c = decodeSingle(rest);
      const n = Number(agent) - 1;
      requireAgent(n, c.model.N, "instance.agent");
      return { c, agent: n, misreport: reportRowAt(misreport, c.model.T, "instance.misreport") };
    },
    size: (d) => ({ agents: d.c.model.N, dates: d.c.model.T }),
    reduce({ c, agent, misreport }) {
      const out: DeviationCase[] = [];
      for (let m = 0; m < c.model.N; m++) {
        const r = m === agent ? undefined : dropSingleAgent(c, m);
        if (r) out.push({ c: r, agent: m < agent ? agent - 1 : agent, misreport });
      }
      for (let t = c.model.T - 1; t >= 0; t--) {
        const r = dropSingleDate(c, t);
        if (r) out.push({ c: r, agent, misreport: misreport.filter((_, s) => s !== t) });
      }
      return out;
    },
    check({ c, agent, misreport }, family) {
      const { model, truth } = c;
      const mech = family.build({ model, omegaStar: c.omegaStar });
      for (let t = 0; t < model.T; t++) {
        const got = mech.allocate(truth, t), eff = efficientAllocation(model, truth, t);
        const n = got.findIndex((a, m) => !a.eq(eff[m]!));
        if (n >= 0) return violated(`inefficient: agent ${n + 1} gets ${got[n]} at date ${t + 1}, 𝐀 gives ${eff[n]}`, { date: t + 1, allocation: show(got), efficient: show(eff) });
      }
      const w = mech.transferBounds(truth);
      const neg = w.findIndex((b) => b.hi.lt(Q.ZERO));
      if (neg >= 0) return violated(`limited liability fails: V*^${neg + 1}(ω) ≤ ${w[neg]!.hi} < 0`, { agent: neg + 1, transferUpper: w[neg]!.hi.toString() });
      const own = truth[agent]!;
      if (misreport.every((x, t) => x.eq(own[t]!))) return { kind: "holds", basis: "exact", how: "the misreport is the truth" };
      const wt = w[agent]!;
      const g = unilateralGain(mech, truth, agent, misreport, wt);
      const diff = g.transferDifference;
      const gainLo = g.lo, gainHi = g.hi;
      const dS = g.surplusGain;
      if (gainLo.gt(Q.ZERO)) {
        return violated(
          `agent ${agent + 1} gains at least ${gainLo} by reporting (${show(misreport).join(", ")}) instead of (${show(own).join(", ")})`,
          { agent: agent + 1, truth: show(own), misreport: show(misreport), surplusGain: dS.toString(), transferTruth: `[${wt.lo}, ${wt.hi}]`, transferDifference: `[${diff.lo}, ${diff.hi}]` },
          { gain: gainLo.toString(), deviation: { agent: agent + 1, misreport: show(misreport) } },
        );
      }
      if (gainHi.gt(Q.ZERO)) return inconclusive(`the certified gain interval [${gainLo}, ${gainHi}] contains 0`);
      return { kind: "holds", basis: "search", how: "one sampled misreport in Ω*ⁿ; gain bounded exactly" };
    },
  };
}
