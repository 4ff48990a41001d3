/** Mutant: bgs2019: the budget mechanism (§5) gives ties to agent 0 instead of splitting them, so agent 0 secures more than u*. */
import { tiesToFirstBudget } from "./faults/bgs2019-budget.js";

export const family = tiesToFirstBudget;
export const description = "bgs2019: the budget mechanism (§5) gives ties to agent 0 instead of splitting them, so agent 0 secures more than u*";
export const kills = ["bgs2019.proposition5.1"];
