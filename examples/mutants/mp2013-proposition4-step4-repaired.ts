/** Mutant: mp2013: Step 4 of Proposition 4's proof repaired, E‖Δρ‖ ≤ 3ν̂, so the refutation of the printed step must disappear. */
import { repairedShiftBound } from "./faults/mp2013.js";

export const family = repairedShiftBound;
export const description = "mp2013: Step 4 of Proposition 4's proof repaired, E‖Δρ‖ ≤ 3ν̂, so the refutation of the printed step must disappear";
export const kills = ["mp2013.proposition4-step4"];
