/** Mutant: mp2013: §7.3's two-stage game whose stage 2 drops the others' values (a pure pivot), so truth is not a best stage-2 reply. */
import { twoStagePivotOnly } from "./faults/mp2013.js";

export const family = twoStagePivotOnly;
export const description = "mp2013: §7.3's two-stage game whose stage 2 drops the others' values (a pure pivot), so truth is not a best stage-2 reply";
export const kills = ["mp2013.proposition3"];
