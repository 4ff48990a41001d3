/**
 * Planted bugs in bgs2019's operator B_β (eq. (3)), each a one-line slip in its LP: (IC) left out,
 * (IC) comparing the truth's utility with the misreport's utility at the misreport's own value (a
 * transcription slip: v′P(v′) for vP(v′)), and (FA) relaxed to Σᵢpᵢ(v) ≤ 2.
 */
import { Q } from "../../../src/exact/rational.js";
import { operatorFrom, type BBetaOperator } from "../../../src/equilibrium/bgs2019-b-beta.js";
import { stageLp, type StageLp } from "../../../src/equilibrium/bgs2019-b-beta-lp.js";

const mapRows = (S: StageLp, f: (row: StageLp["rows"][number], k: number) => StageLp["rows"][number] | null): StageLp => {
  const kept = S.rows.map((r, k) => ({ r: f(r, k), l: S.labels[k]! })).filter((x) => x.r !== null);
  return { ...S, rows: kept.map((x) => x.r!), labels: kept.map((x) => x.l) };
};

/** No (IC) rows: B_β without incentive constraints (the perfect-information stage problem). */
export const noIcOperator: BBetaOperator = operatorFrom("bgs2019/B_β without (IC)", (m, A) => {
  const S = stageLp(m, A);
  return mapRows(S, (r, k) => (S.labels[k]!.kind === "IC" ? null : r));
});

/** (IC) as (1 − β)vP(v) + βW(v) ≥ (1 − β)v′P(v′) + βW(v′): the deviation valued at the report. */
export const icAtReportOperator: BBetaOperator = operatorFrom("bgs2019/B_β with (IC) valued at the report", (m, A) => {
  const S = stageLp(m, A);
  const P = S.profiles;
  return mapRows(S, (r, k) => {
    const l = S.labels[k]!;
    if (l.kind !== "IC") return r;
    const a = [...r.a];
    const vt = P.supports[l.agent]![l.truth]!, vs = P.supports[l.agent]![l.report]!;
    P.index.forEach((idx, q) => {
      if (idx[l.agent] !== l.report) return;
      const others = P.prob[q]!.div(P.probs[l.agent]![l.report]!);
      const j = S.pCol(q, l.agent);
      a[j] = a[j]!.add(others.mul(Q.ONE.sub(S.beta)).mul(vt.sub(vs))); // −c·vt becomes −c·vs
    });
    return { ...r, a };
  });
});

/** (FA) as Σᵢpᵢ(v) ≤ 2. */
export const faTwoOperator: BBetaOperator = operatorFrom("bgs2019/B_β with Σp ≤ 2", (m, A) => {
  const S = stageLp(m, A);
  return mapRows(S, (r, k) => (S.labels[k]!.kind === "FA" ? { ...r, b: Q.of(2) } : r));
});
