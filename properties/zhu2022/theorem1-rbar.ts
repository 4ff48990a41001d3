/**
 * zhu2022 §4.1.1, first line of the proof of Theorem 1: "given N and any direct mechanism of the
 * N-model, we can set R̄(N) := N²q f'(0) ∨ ε" — an upper bound of the regret Rⁿ_t (§2.4) that
 * Lemma 2 and Proposition 1 then use. Checked on the mechanism the proof builds: the linked VCG over
 * the Theorem 1 window composed with the Lemma 1 retraction, in the family T = N, q̄ = Nq, β = 1, on
 * generated process trees. The regret is certified exactly (src/equilibrium/regret.ts) at every
 * date-1 node (Rⁿ_t at a later node is a maximum over a subset of the same continuations and
 * misreports, so these nodes carry the maximum), refined only until the comparison with R̄ is decided.
 *
 * DIRECTION. The engine's true types range over the trees' supports, so its R is ≤ the paper's
 * (which maximizes over all of Ω): a certified R > R̄ refutes the bound; "holds" is evidence only.
 * The subject is the bound's formula: the paper's, or a planted misstatement (examples/mutants).
 */
import * as fc from "fast-check";
import type { Claim, Json } from "../../src/claims/types.js";
import { inconclusive, violated } from "../../src/claims/verdicts.js";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { regretAt, regretContext } from "../../src/equilibrium/regret.js";
import { makeModel } from "../../src/models/single-resource/model.js";
import type { ProjectType } from "../../src/models/single-resource/project.js";
import { treeFromJson, treeToJson } from "../../src/probability/json.js";
import { leaves, type ProcessTree } from "../../src/probability/tree.js";
import { posRational } from "../../src/search/numbers.js";
import { treeArb } from "../../src/search/probability.js";
import { projectArb } from "../../src/search/single-resource.js";
import { projectFromJson, projectToJson } from "../../src/typespace/single-resource-json.js";
import { rationalField } from "../shared/single-resource.js";

/** The regret bound as a formula of the N-model: R̄(N, q, f'(0), ε). */
export interface RegretBoundStatement {
  readonly name: string;
  rbar(N: number, q: Q, fp0: Q, eps: Q): Q;
}
export const PAPER_RBAR: RegretBoundStatement = { name: "zhu2022 §4.1.1: R̄(N) = N²q f'(0) ∨ ε", rbar: (N, qq, fp0, eps) => Q.max(q(N * N).mul(qq).mul(fp0), eps) };
export const RBAR_KIND = "zhu2022/regret-bound";

export interface RbarCase {
  readonly q: Q;
  readonly f: ProjectType;
  readonly eps: Q;
  /** The window of Ω*ⁿ(N): |Σ_{s≠t} ω_s/(N − 1) − ω_avg| ≤ x. */
  readonly avg: Q;
  readonly x: Q;
  /** One tree per agent, T = N each. */
  readonly trees: readonly ProcessTree[];
}

const value = posRational(6, 2);
const caseArb: fc.Arbitrary<RbarCase> = fc.integer({ min: 2, max: 3 }).chain((N) =>
  fc.record({
    q: posRational(3, 2),
    f: projectArb(),
    eps: fc.integer({ min: 1, max: 20 }).map((k) => q(1, k)),
    avg: posRational(4, 2),
    x: fc.integer({ min: 0, max: 8 }).map((k) => q(k, 8)),
    trees: fc.array(treeArb({ minT: N, maxT: N, maxBranch: N === 2 ? 3 : 2, value }), { minLength: N, maxLength: N }),
  }),
);

export const zhu2022Theorem1Rbar: Claim<RbarCase, RegretBoundStatement> = {
  id: "zhu2022.theorem1.step-rbar",
  paper: "zhu2022",
  section: "§4.1.1, proof of Theorem 1: the regret bound R̄(N) = N²q f'(0) ∨ ε",
  statement: "In the N-model (T = N, q̄ = Nq, β = 1), the regret of the linked VCG over Ω*(N) composed with the Lemma 1 retraction satisfies Rⁿ_t(ωⁿ|_t) ≤ R̄(N) = N²q f'(0) ∨ ε for every agent, date and history.",
  expect: "holds",
  note: "A misreport can gain at most the whole surplus at stake from date t on, Σ_s q̄ f'(0) ≤ N·Nq f'(0) at β = 1; the engine's regret maximizes over the trees' supports (≤ the paper's R), so a pass is evidence, a failure a certificate.",
  subjectKind: RBAR_KIND,
  defaultSubject: PAPER_RBAR,
  runs: 40,
  arbitrary: () => caseArb,
  encode: (c) => ({ q: c.q.toString(), f: projectToJson(c.f), eps: c.eps.toString(), avg: c.avg.toString(), x: c.x.toString(), trees: c.trees.map(treeToJson) }) as Json,
  decode(v) {
    if (typeof v !== "object" || v === null) throw new InputError("instance", "expected a JSON object");
    const o = v as Record<string, unknown>;
    if (!Array.isArray(o.trees) || o.trees.length < 2) throw new InputError("instance.trees", "expected one process tree per agent (at least 2)");
    const trees = o.trees.map((t, n) => treeFromJson(t, `instance.trees[${n}]`));
    trees.forEach((t, n) => {
      if (t.T !== trees.length) throw new InputError(`instance.trees[${n}]`, `T = N = ${trees.length} dates are required (the Theorem 1 family), got ${t.T}`);
    });
    if (typeof o.f !== "object" || o.f === null) throw new InputError("instance.f", "expected a project family object");
    return { q: rationalField(o, "q", true), f: projectFromJson(o.f as Record<string, unknown>, "instance.f"), eps: rationalField(o, "eps", true), avg: rationalField(o, "avg", true), x: rationalField(o, "x"), trees };
  },
  size: (c) => ({ agents: c.trees.length, dates: c.trees.length, leaves: c.trees.reduce((s, t) => s + leaves(t).length, 0) }),
  check(c, statement) {
    const N = c.trees.length;
    const model = makeModel({ N, T: N, beta: Q.ONE, qbar: q(N).mul(c.q), f: c.f });
    const problem = { model, omegaStar: { kind: "window" as const, avg: c.avg, x: c.x }, trees: c.trees };
    const rbar = statement.rbar(N, c.q, c.f.df(Q.ZERO), c.eps);
    let open: string | null = null;
    for (let n = 0; n < N; n++) {
      const ctx = regretContext(problem, n);
      const firsts = [...new Map(ctx.leaves.map((l) => [l.path[0]!.toString(), [l.path[0]!]])).values()];
      for (const prefix of firsts) {
        const r = regretAt(ctx, prefix, { enough: (lo, hi) => hi.le(rbar) || lo.gt(rbar) });
        if (r.lo.gt(rbar) && r.witness) {
          const w = r.witness;
          return violated(
            `agent ${n + 1}, date 1, history (${prefix.join(", ")}): the regret is ≥ ${r.lo} (≈ ${r.lo.toNumber().toPrecision(6)}) > R̄ = ${rbar} (${statement.name}); true type (${w.continuation.join(", ")}), others (${w.others.map((o) => `(${o.join(", ")})`).join(", ")}), misreport (${w.misreport.join(", ")})`,
            { agent: n + 1, history: prefix.map(String), rbar: rbar.toString(), regretAtLeast: r.lo.toString(), continuation: w.continuation.map(String), others: w.others.map((o) => o.map(String)), misreport: w.misreport.map(String) },
            { gain: r.lo.sub(rbar).toString(), deviation: w.misreport.map(String) },
          );
        }
        if (r.hi.gt(rbar)) open ??= `agent ${n + 1}, history (${prefix.join(", ")}): regret ∈ [${r.lo.toNumber().toPrecision(6)}, ${r.hi.toNumber().toPrecision(6)}] not decided against R̄ = ${rbar}`;
      }
    }
    return open === null ? { kind: "holds" } : inconclusive(open);
  },
};
