/**
 * bgs2019 §5, Proposition 5.1: the budget mechanism with cycles of length τ_β secures efficient
 * utility levels, lim_{β↑1} sup_{σᵢ} inf_{σ₋ᵢ} Vᵢ = u*ᵢ, iff lim τ_β = ∞ and lim β^{τ_β} = 1 (15).
 *
 * A limit statement; what is checked is its exact consequence at finite data, which can fail:
 *  (a) the "only if" half: no finite cycle length secures the efficient level, at β nor in the limit
 *      β ↑ 1 at fixed τ: S_i(β, τ) < u*ᵢ and S_i(1⁻, τ) < u*ᵢ for both agents (S_i(·, τ) is continuous
 *      in β, a finite game's value, and its limit is the undiscounted game's value, computed at β = 1);
 *  (b) the sandwich: what the approximately truthful strategy guarantees ≤ S_i ≤ i's best response to
 *      the "only if" competitor (highest types first);
 *  (c) the "if" half's inequality at finite data: the approximately truthful strategy guarantees at
 *      least the bound of truthfulLowerBound — it rests on the budgets forcing the opponent's reports
 *      to the type distribution, so a mechanism that does not enforce them fails it.
 * All numbers exact (src/equilibrium/bgs2019-budget.ts: backward induction, each stage an exact LP).
 */
import * as fc from "fast-check";
import type { Claim, Verdict } from "../../src/claims/types.js";
import { violated } from "../../src/claims/verdicts.js";
import { InputError } from "../../src/exact/errors.js";
import type { Json } from "../../src/exact/json.js";
import { Q } from "../../src/exact/rational.js";
import { approximatelyTruthful, bestResponseValue, descendingCompetitor, efficientUtility, guaranteedValue, securityValue, truthfulLowerBound, type Agent } from "../../src/equilibrium/bgs2019-budget.js";
import { BGS_BUDGET_KIND, budgetMechanism, budgetModel, type BudgetFamily, type BudgetModel } from "../../src/mechanisms/bgs2019/budget.js";
import type { ValueDist } from "../../src/models/bgs2019/distribution.js";
import { bgs2019ToJson, distToJson } from "../../src/models/bgs2019/json.js";
import { decodeWith, qs } from "./common.js";

export interface BudgetCase {
  readonly model: BudgetModel;
  /** β ∈ (0, 1); the limit β ↑ 1 is checked beside it. */
  readonly beta: Q;
}

const dist = (m: BudgetModel): ValueDist => ({ kind: "discrete", points: m.types });

export function encodeBudgetCase(c: BudgetCase): Json {
  const d = dist(c.model);
  return { ...(bgs2019ToJson({ values: [d, d], beta: c.beta, xi: null, F: null, u: null, tieBreak: "as-written", reports: null }) as Record<string, Json>), tau: c.model.tau };
}

/** A bgs2019 instance with two agents of one discrete distribution, `beta` and the cycle length `tau`. */
export function decodeBudgetCase(raw: unknown): BudgetCase {
  const { model, rest } = decodeWith(raw, ["tau"]);
  if (model.values.length !== 2) throw new InputError("instance.agents", `§5's budget mechanism is studied for two agents, got ${model.values.length}`);
  const [a, b] = model.values as [ValueDist, ValueDist];
  if (JSON.stringify(distToJson(a)) !== JSON.stringify(distToJson(b))) throw new InputError("instance.values", "both agents have the same type distribution (§5's symmetric setting)");
  if (a.kind !== "discrete") throw new InputError("instance.values", "§5's budget mechanism needs a finite set of types (a discrete distribution)");
  if (model.beta === null) throw new InputError("instance.beta", "this claim needs the discount factor β");
  if (typeof rest.tau !== "number") throw new InputError("instance.tau", "the cycle length τ (a positive integer) is required");
  return { model: budgetModel(a, rest.tau, "instance.tau"), beta: model.beta };
}

const PROBS: Readonly<Record<number, readonly (readonly [number, number])[][]>> = {
  2: [[[1, 2], [1, 2]], [[3, 4], [1, 4]], [[1, 4], [3, 4]], [[2, 3], [1, 3]], [[1, 3], [2, 3]]],
  3: [[[1, 3], [1, 3], [1, 3]], [[1, 2], [1, 4], [1, 4]], [[1, 4], [1, 2], [1, 4]], [[1, 4], [1, 4], [1, 2]]],
};
/** Largest τ per number of types: the exact LPs stay fast (three types at τ = 9 take a minute at β = 1). */
const MAX_TAU: Readonly<Record<number, number>> = { 2: 12, 3: 6 };

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export function budgetCaseArb(): fc.Arbitrary<BudgetCase> {
  return fc.constantFrom(2, 2, 2, 3).chain((n) =>
    fc
      .record({
        values: fc.uniqueArray(fc.nat({ max: 4 }), { minLength: n, maxLength: n }),
        probs: fc.constantFrom(...PROBS[n]!),
        m: fc.nat({ max: 5 }),
        beta: fc.constantFrom(Q.of(1, 2), Q.of(2, 3), Q.of(3, 4), Q.of(9, 10)),
      })
      .map(({ values, probs, m, beta }) => {
        const lcm = probs.reduce((a, [, d]) => (a * d) / gcd(a, d), 1);
        const tau = lcm * (1 + (m % Math.floor(MAX_TAU[n]! / lcm)));
        const points = [...values].sort((x, y) => x - y).map((v, k) => ({ v: Q.of(v, 4), p: Q.of(probs[k]![0], probs[k]![1]) }));
        return { model: { types: points, tau }, beta };
      }),
  );
}

function checkBudgets(fam: BudgetFamily, c: BudgetCase): Verdict | null {
  const b = fam.build(c.model).budgets;
  if (b.length === c.model.types.length && b.every((x) => Number.isSafeInteger(x) && x >= 0) && b.reduce((a, x) => a + x, 0) >= c.model.tau) return null;
  return violated(`the budgets (${b.join(", ")}) leave an agent without a report within a cycle of τ = ${c.model.tau} periods`, { budgets: b.map(String), tau: c.model.tau });
}

export const proposition51: Claim<BudgetCase, BudgetFamily> = {
  id: "bgs2019.proposition5.1",
  paper: "bgs2019",
  section: "§5, Proposition 5.1 and (15)",
  statement:
    "The budget-based mechanism with cycles of length τ_β secures efficient utility levels (lim_{β↑1} sup_{σᵢ} inf_{σ₋ᵢ} Vᵢ = u*ᵢ) if and only if lim_{β↑1} τ_β = ∞ and lim_{β↑1} β^{τ_β} = 1. Checked at finite data: S_i(β, τ) < u*ᵢ and S_i(1⁻, τ) < u*ᵢ (no finite τ secures u*); approximately truthful guarantee ≤ S_i ≤ best response to the highest-types-first competitor; the approximately truthful guarantee ≥ the 'if' half's bound.",
  expect: "holds",
  note: "A limit statement: each case checks exact finite consequences with S_i computed by backward induction over the cycle's states, each stage an exact matrix-game LP. The limits themselves are measured by budgetGapTable (src/equilibrium/bgs2019-budget-experiment.ts).",
  subjectKind: BGS_BUDGET_KIND,
  defaultSubject: budgetMechanism,
  runs: 50,
  arbitrary: budgetCaseArb,
  encode: encodeBudgetCase,
  decode: decodeBudgetCase,
  size: (c) => ({ types: c.model.types.length, tau: c.model.tau }),
  check(c, fam): Verdict {
    const bad = checkBudgets(fam, c);
    if (bad) return bad;
    const mech = fam.build(c.model);
    const uStar = efficientUtility(c.model.types);
    for (const beta of [c.beta, Q.ONE]) {
      const at = beta.eq(Q.ONE) ? "in the limit β ↑ 1" : `at β = ${beta}`;
      const bound = truthfulLowerBound(c.model, beta);
      for (const agent of [0, 1] as Agent[]) {
        const S = securityValue(mech, beta, agent);
        const B = bestResponseValue(mech, beta, descendingCompetitor, agent);
        const G = guaranteedValue(mech, beta, approximatelyTruthful, agent);
        const quantities = { agent, beta: qs(beta), tau: c.model.tau, security: qs(S), efficient: qs(uStar), bestResponseToDescending: qs(B), approximatelyTruthful: qs(G), ifBound: qs(bound) };
        if (!S.lt(uStar)) return violated(`agent ${agent} secures S = ${S} ≥ u* = ${uStar} ${at} with a finite cycle τ = ${c.model.tau}: the "only if" half of Proposition 5.1 fails`, quantities, { gain: qs(S.sub(uStar)) });
        if (G.gt(S) || S.gt(B)) return violated(`the sandwich fails for agent ${agent} ${at}: approximately truthful ${G}, security ${S}, best response to the descending competitor ${B}`, quantities);
        if (G.lt(bound)) return violated(`agent ${agent}'s approximately truthful strategy guarantees ${G} < ${bound} ${at}, the "if" half's bound (the budgets should fix the opponent's report distribution)`, quantities, { gain: qs(bound.sub(G)) });
      }
    }
    return { kind: "holds", how: "S, best response and guarantee by exact backward induction over the cycle's states" };
  },
};
