/** Mutant: bgs2019: allocation (9) with ties to the lowest index, the repair (FA) needs, so the as-written counterexample must disappear. */
import { lowestIndexMainPhase } from "./faults/bgs2019.js";

export const family = lowestIndexMainPhase;
export const description = "bgs2019: allocation (9) with ties to the lowest index, the repair (FA) needs, so the as-written counterexample must disappear";
export const kills = ["bgs2019.allocation-feasible"];
