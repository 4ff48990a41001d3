/**
 * zhu2022 §4.1.3, inequality (3) in the proof of Theorem 1: for ω ∈ Ω**(N) and ω̂ⁿ ∈ Ω*ⁿ(N), with
 * O_t = Σ_{m≠n} ω_t^m, by the concavity of f,
 *   Vⁿ(ω) − Vⁿ(ω⁻ⁿ, ω̂ⁿ) ≤ Σ_t f'(Nq/(ω̂_t + O_t))·O_t·(Nq/(ω_t + O_t) − Nq/(ω̂_t + O_t)),
 * and the equality that follows it. Exact on rationals; the subject is the project type (f, f').
 */
import * as fc from "fast-check";
import type { Claim, Json } from "../../src/claims/types.js";
import { vacuous, violated } from "../../src/claims/verdicts.js";
import { requireAgent } from "../../src/exact/errors.js";
import { Q, q, sum } from "../../src/exact/rational.js";
import { dateTerms, othersSurplus } from "../../src/mechanisms/single-resource/date-terms.js";
import { makeModel } from "../../src/models/single-resource/model.js";
import { dropFamilyIndex, endowmentsArb, familyCaseArb, type FamilyCase } from "../../src/search/single-resource.js";
import { retract } from "../../src/typespace/single-resource.js";
import { IDENTITY_PROJECT, type ProjectSubject } from "../stylized/theorem1-surplus-tangent.js";
import { decodeFamily, encodeFamily, familySize, outsideZhu2022DoubleStar, reportRowAt, zhu2022Star } from "../shared/single-resource.js";

export interface Step3Case {
  readonly c: FamilyCase;
  readonly agent: number;
  readonly misreport: Q[];
}

export const zhu2022Theorem1Step3: Claim<Step3Case, ProjectSubject> = {
  id: "zhu2022.theorem1.step-3",
  paper: "zhu2022",
  section: "§4.1.3, inequality (3) in the proof of Theorem 1",
  statement: "For ω ∈ Ω**(N), ω̂ⁿ ∈ Ω*ⁿ(N): Vⁿ(ω) − Vⁿ(ω⁻ⁿ, ω̂ⁿ) ≤ Σ_t f'(Nq/(ω̂_t + O_t))·O_t·(ω̂_t − ω_t)Nq/((ω_t + O_t)(ω̂_t + O_t)).",
  expect: "holds",
  subjectKind: "single-resource/project",
  defaultSubject: IDENTITY_PROJECT,
  runs: 200,
  arbitrary: () =>
    familyCaseArb({ maxN: 4 }).chain((c) =>
      fc.record({ agent: fc.nat({ max: c.N - 1 }), raw: endowmentsArb(1, c.N) }).map(({ agent, raw }) => ({ c, agent, misreport: retract(zhu2022Star(c), raw[0]!) })),
    ),
  encode: ({ c, agent, misreport }) => ({ ...(encodeFamily(c) as Record<string, Json>), agent: agent + 1, misreport: misreport.map(String) }),
  decode(v) {
    const { agent, misreport, ...rest } = (v ?? {}) as Record<string, unknown>;
    const c = decodeFamily(rest);
    const n = Number(agent) - 1;
    requireAgent(n, c.N, "instance.agent");
    return { c, agent: n, misreport: reportRowAt(misreport, c.N, "instance.misreport") };
  },
  size: ({ c }) => familySize(c),
  reduce: ({ c, agent, misreport }) =>
    Array.from({ length: c.N }, (_, k) => k)
      .filter((k) => k !== agent)
      .flatMap((k) => {
        const d = dropFamilyIndex(c, k);
        return d ? [{ c: d, agent: k < agent ? agent - 1 : agent, misreport: misreport.filter((_, t) => t !== k) }] : [];
      }),
  check({ c, agent, misreport }, subject) {
    const out = outsideZhu2022DoubleStar(c);
    if (out) return vacuous(out);
    const f = subject.adapt(c.f);
    const Nq = q(c.N).mul(c.q);
    const model = makeModel({ N: c.N, T: c.N, beta: Q.ONE, qbar: Nq, f });
    const terms = dateTerms(model, c.omega, agent);
    const left = othersSurplus(terms, c.omega[agent]!).sub(othersSurplus(terms, misreport));
    const right = sum(
      misreport.map((w, t) => {
        const O = sum(c.omega.filter((_, m) => m !== agent).map((r) => r[t]!));
        const own = c.omega[agent]![t]!;
        if (O.isZero()) return Q.ZERO;
        return f.df(Nq.div(w.add(O))).mul(O).mul(w.sub(own)).mul(Nq).div(own.add(O).mul(w.add(O)));
      }),
    );
    if (left.gt(right)) {
      return violated(
        `Vⁿ(ω) − Vⁿ(ω⁻ⁿ, ω̂ⁿ) = ${left} > the tangent bound ${right} (f = ${f.name})`,
        { agent: agent + 1, misreport: misreport.map(String), left: left.toString(), right: right.toString() },
        { gain: left.sub(right).toString() },
      );
    }
    return { kind: "holds" };
  },
};
