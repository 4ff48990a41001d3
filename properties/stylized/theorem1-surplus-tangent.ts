/**
 * stylized §3 "Efficiency", the second inequality of
 *   inf_{Ω**} S ≥ N²(ω_avg − y(N))·f(v/(ω_avg − y(N))) ≥ N²·v·f'(v/ω_avg).
 * With a = v/(ω_avg − y): (ω_avg − y)·f(a) = v·f(a)/a, and concavity gives f(a)/a ≥ f'(a), but
 * a > v/ω_avg so f'(a) ≤ f'(v/ω_avg): the two facts point in opposite directions and the step is
 * unjustified whenever y(N) > 0. It is a pure inequality in (f, v, ω_avg, y), checked exactly.
 * Found false (e.g. f(a) = a/(1 + a), v = 1, ω_avg = 4/3, y = 1: 1/4 < 16/49). Theorem 1 survives:
 * the step is only used in the limit y(N) → 0, where it holds strictly (f(a)/a > f'(a)); the
 * repair is to keep the first bound N²(ω_avg − y)f(v/(ω_avg − y)), whose limit is positive.
 */
import type { Claim } from "../../src/claims/types.js";
import { vacuous, violated } from "../../src/claims/verdicts.js";
import { Q } from "../../src/exact/rational.js";
import type { ProjectType } from "../../src/models/single-resource/project.js";
import { familyCaseArb, type FamilyCase } from "../../src/search/single-resource.js";
import { decodeFamily, encodeFamily } from "../shared/single-resource.js";

/** The subject is the project type's (f, f') pair: a wrong derivative is what a mutant plants. */
export interface ProjectSubject {
  readonly name: string;
  adapt(f: ProjectType): ProjectType;
}
export const IDENTITY_PROJECT: ProjectSubject = { name: "f as given", adapt: (f) => f };

export const stylizedTheorem1SurplusTangent: Claim<FamilyCase, ProjectSubject> = {
  id: "stylized.theorem1.step-surplus-tangent",
  paper: "stylized",
  section: "§3, Efficiency (proof of Theorem 1), second inequality",
  statement: "(ω_avg − y(N))·f(v/(ω_avg − y(N))) ≥ v·f'(v/ω_avg), i.e. N²(ω_avg − y)f(v/(ω_avg − y)) ≥ N²·v·f'(v/ω_avg).",
  expect: "counterexample",
  note: "False for fixed N when y(N) is large (f(a)/a ≥ f'(a) and f'(a) ≤ f'(v/ω_avg) point opposite ways); harmless in the limit y(N) → 0, so Theorem 1's proof is repairable by keeping the first bound.",
  subjectKind: "single-resource/project",
  defaultSubject: IDENTITY_PROJECT,
  runs: 300,
  arbitrary: () => familyCaseArb({ maxN: 2 }).map((c) => ({ ...c, omega: c.omega.map((r) => r.map(() => c.avg)) })),
  encode: encodeFamily,
  decode: decodeFamily,
  size: () => ({ dates: 0 }),
  check(c, subject) {
    const f = subject.adapt(c.f);
    const lo = c.avg.sub(c.y);
    if (!lo.gt(Q.ZERO)) return vacuous(`ω_avg − y(N) = ${lo} ≤ 0`);
    const left = lo.mul(f.f(c.q.div(lo)));
    const right = c.q.mul(f.df(c.q.div(c.avg)));
    if (left.lt(right)) {
      return violated(
        `(ω_avg − y)·f(v/(ω_avg − y)) = ${left} < v·f'(v/ω_avg) = ${right} (f = ${f.name}, v = ${c.q}, ω_avg = ${c.avg}, y = ${c.y})`,
        { f: f.name, v: c.q.toString(), avg: c.avg.toString(), y: c.y.toString(), left: left.toString(), right: right.toString() },
        { gain: right.sub(left).toString() },
      );
    }
    return { kind: "holds" };
  },
};

