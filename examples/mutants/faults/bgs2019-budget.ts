/**
 * Planted bugs for bgs2019's budget mechanism (§5): ties given to agent 0 instead of split, budgets
 * not enforced (every type allowed τ times a cycle), and one spare report of every type.
 */
import { Q } from "../../../src/exact/rational.js";
import { BGS_BUDGET_KIND, budgetMechanism, paperBudgets, type BudgetFamily } from "../../../src/mechanisms/bgs2019/budget.js";

/** The good to the higher report, a tie to agent 0 (the lowest index) instead of a fair coin. */
export const tiesToFirstBudget: BudgetFamily = {
  name: "bgs2019/budget mechanism, ties to agent 0",
  kind: BGS_BUDGET_KIND,
  build(m) {
    const ref = budgetMechanism.build(m);
    return { ...ref, name: this.name, allocate: ([a, b]) => (a! >= b! ? [Q.ONE, Q.ZERO] : [Q.ZERO, Q.ONE]) };
  },
};

/** No budget binds: every type may be reported τ times in a cycle. */
export const unenforcedBudget: BudgetFamily = {
  name: "bgs2019/budget mechanism, budgets not enforced",
  kind: BGS_BUDGET_KIND,
  build(m) {
    return { ...budgetMechanism.build(m), name: this.name, budgets: m.types.map(() => m.tau) };
  },
};

/** τ·P(θ) + 1 reports of each type: an off-by-one that leaves every agent a spare report of every type. */
export const spareReportBudget: BudgetFamily = {
  name: "bgs2019/budget mechanism, τ·P(θ) + 1 reports per type",
  kind: BGS_BUDGET_KIND,
  build(m) {
    return { ...budgetMechanism.build(m), name: this.name, budgets: paperBudgets(m).map((n) => n + 1) };
  },
};
