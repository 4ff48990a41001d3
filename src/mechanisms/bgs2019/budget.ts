/**
 * bgs2019 §5: the budget-based mechanism extended from Jackson and Sonnenschein (2007). Time is cut
 * into cycles of τ periods; within a cycle each of the two agents may report type θₖ at most τ·P(θₖ)
 * times (the budget: the expected number of times θₖ occurs in τ periods), and each period the good
 * goes to the higher report, ties broken uniformly at random. Budgets reset every cycle.
 *
 * Since the budgets sum to τ, "at most" forces "exactly": every report sequence of a cycle has the
 * type distribution as its empirical distribution — the property the "if" half of Proposition 5.1
 * rests on. A variant (a planted bug, a user's idea) changes the budgets or the allocation.
 */
import { InputError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import type { ValueDist } from "../../models/bgs2019/distribution.js";
import type { MechanismFamily } from "../types.js";

export const BGS_BUDGET_KIND = "bgs2019/budget-mechanism";

/** A type θₖ with its probability P(θₖ) > 0. */
export interface BudgetType {
  readonly v: Q;
  readonly p: Q;
}

/** Two agents with one common finite type distribution (ascending, distinct values), cycles of τ periods. */
export interface BudgetModel {
  readonly types: readonly BudgetType[];
  readonly tau: number;
}

export interface BudgetMechanism {
  readonly name: string;
  readonly kind: string;
  readonly model: BudgetModel;
  /** Per cycle, how many times an agent may report each type (an index into `model.types`). */
  readonly budgets: readonly number[];
  /** Each agent's probability of the good at period t of the cycle (0-based) when agent a reports type index reports[a]. */
  allocate(reports: readonly number[], t: number): readonly Q[];
}

export type BudgetFamily = MechanismFamily<BudgetModel, BudgetMechanism>;

/**
 * The model of a discrete distribution and a cycle length: τ a positive integer with τ·P(θₖ) an
 * integer for every type (the budgets must be whole numbers of reports).
 */
export function budgetModel(d: ValueDist, tau: number, field = "tau"): BudgetModel {
  if (d.kind !== "discrete") throw new InputError("values", "the budget mechanism of §5 needs a finite set of types (a discrete distribution)");
  if (!Number.isSafeInteger(tau) || tau < 1) throw new InputError(field, `the cycle length τ is a positive integer, got ${tau}`);
  const bad = d.points.find((x) => !x.p.mul(Q.of(tau)).isInteger());
  if (bad) throw new InputError(field, `τ·P(θ) must be an integer for every type (the budget of θ), but τ·P(${bad.v}) = ${bad.p.mul(Q.of(tau))}`);
  return { types: d.points.map((x) => ({ v: x.v, p: x.p })), tau };
}

/** §5: the budget of θₖ is τ·P(θₖ), the expected number of times θₖ is realised in a cycle. */
export function paperBudgets(m: BudgetModel): number[] {
  return m.types.map((x) => Number(x.p.mul(Q.of(m.tau)).num));
}

/** The good to the higher report, ties broken uniformly at random (§5, after JS07). */
export function higherReportWins(reports: readonly number[]): Q[] {
  const [a, b] = reports as [number, number];
  return a > b ? [Q.ONE, Q.ZERO] : a < b ? [Q.ZERO, Q.ONE] : [Q.HALF, Q.HALF];
}

export const budgetMechanism: BudgetFamily = {
  name: "bgs2019/budget mechanism (JS07, §5)",
  kind: BGS_BUDGET_KIND,
  build(m) {
    return { name: this.name, kind: BGS_BUDGET_KIND, model: m, budgets: paperBudgets(m), allocate: higherReportWins };
  },
};
