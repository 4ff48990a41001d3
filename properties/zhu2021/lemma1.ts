/**
 * zhu2021 Lemma 1 (§3): given q and μ ≥ μ⁰, there is a unique investment α(q, μ) that is both
 * exhaustive and linear, and it is the unique efficient investment.
 * Checked three independent ways: the subject's α against (i) the definitions (investment,
 * exhaustive, linear with an exact strictly positive price), (ii) a general exact LP for v and the
 * optimal face (min and max of every α_i over it must coincide: uniqueness), and (iii) for I ≤ 7,
 * brute-force enumeration of every exhaustive and linear investment (exactly one must exist).
 */
import type { Claim } from "../../src/claims/types.js";
import { Q, sum } from "../../src/exact/rational.js";
import { solveLP, type LpRow } from "../../src/lp/index.js";
import type { KnapsackPoint } from "../../src/models/zhu2021/json.js";
import type { KnapsackSolver } from "../../src/models/zhu2021/knapsack.js";
import { allExhaustiveLinear, isExhaustive, isInvestment, knapsackByLP, linearPrice, resourceUse } from "../../src/models/zhu2021/investment.js";
import { KNAPSACK_SUBJECT, decodePoint, defaultSolver, encodePoint, pointArb, pointSize, qs, violated } from "./knapsack-common.js";

const BRUTE_FORCE_MAX_I = 7;

export const lemma1: Claim<KnapsackPoint, KnapsackSolver> = {
  id: "zhu2021.lemma1",
  paper: "zhu2021",
  section: "§3, Lemma 1 (proof in §7)",
  statement:
    "Given q and μ ≥ μ⁰, there exists a unique investment α(q, μ) that is both exhaustive and linear. α(q, μ) is the unique efficient investment.",
  expect: "holds",
  subjectKind: KNAPSACK_SUBJECT,
  defaultSubject: defaultSolver,
  runs: 400,
  arbitrary: () => pointArb(),
  encode: encodePoint,
  decode: decodePoint,
  size: pointSize,
  check({ econ, q, mu }, solver) {
    const th = econ.theta;
    const sol = solver.solve(th, q, mu);
    const base = { q: qs(q), mu: qs(mu), alpha: qs(sol.alpha) };
    if (!isInvestment(th, q, mu, sol.alpha)) {
      return violated("α(q, μ) is not an investment (outside [0, μ] or over the resource stock)", { ...base, used: qs(resourceUse(th, sol.alpha)) });
    }
    if (!isExhaustive(th, q, sol.alpha)) {
      return violated("α(q, μ) is not exhaustive: Σ α_i θ_i ≠ q", { ...base, used: qs(resourceUse(th, sol.alpha)) });
    }
    if (!linearPrice(th, mu, sol.alpha)) {
      return violated("α(q, μ) is not linear: no p > 0 separates invested from uninvested types", base);
    }
    const lp = knapsackByLP(th, q, mu);
    const v = sum(sol.alpha);
    if (!v.eq(lp.value)) {
      return violated("α(q, μ) is not efficient: a general exact LP finds a larger payoff", { ...base, payoff: v.toString(), optimum: lp.value.toString(), better: qs(lp.alpha) }, { gain: lp.value.sub(v).toString() });
    }
    // Uniqueness of the efficient investment: every α_i is pinned on the optimal face.
    const rows: LpRow[] = [
      ...Array.from({ length: econ.R }, (_, r) => ({ a: th.map((t) => t[r] as Q), op: "<=" as const, b: q[r] as Q })),
      { a: th.map(() => Q.ONE), op: "=" as const, b: lp.value },
    ];
    for (let i = 0; i < econ.I; i++) {
      const c = th.map((_, j) => (j === i ? Q.ONE : Q.ZERO));
      const hi = solveLP({ sense: "max", c, rows, upper: mu.slice() });
      const lo = solveLP({ sense: "min", c, rows, upper: mu.slice() });
      if (hi.status !== "optimal" || lo.status !== "optimal") throw new Error("optimal face LP not optimal");
      if (!hi.value.eq(lo.value)) {
        return violated(`two efficient investments differ in α_${i + 1}`, { ...base, first: qs(lo.x), second: qs(hi.x), optimum: lp.value.toString() });
      }
    }
    if (econ.I <= BRUTE_FORCE_MAX_I) {
      const all = allExhaustiveLinear(th, q, mu);
      if (all.length !== 1) {
        return violated(`${all.length} exhaustive and linear investments exist (brute-force enumeration)`, { ...base, found: all.map(qs) });
      }
      if (!all[0]!.every((a, i) => a.eq(sol.alpha[i] as Q))) {
        return violated("the exhaustive and linear investment differs from α(q, μ)", { ...base, enumerated: qs(all[0]!) });
      }
    }
    return { kind: "holds" };
  },
};
