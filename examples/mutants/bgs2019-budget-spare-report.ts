/** Mutant: bgs2019: the budget mechanism (§5) with τ·P(θ) + 1 reports of each type, an off-by-one in the budgets. */
import { spareReportBudget } from "./faults/bgs2019-budget.js";

export const family = spareReportBudget;
export const description = "bgs2019: the budget mechanism (§5) with τ·P(θ) + 1 reports of each type, an off-by-one in the budgets";
export const kills = ["bgs2019.proposition5.1"];
