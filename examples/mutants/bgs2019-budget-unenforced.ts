/** Mutant: bgs2019: the budget mechanism (§5) without budgets (every type τ times a cycle), so the opponent may report the top type always. */
import { unenforcedBudget } from "./faults/bgs2019-budget.js";

export const family = unenforcedBudget;
export const description = "bgs2019: the budget mechanism (§5) without budgets (every type τ times a cycle), so the opponent may report the top type always";
export const kills = ["bgs2019.proposition5.1"];
