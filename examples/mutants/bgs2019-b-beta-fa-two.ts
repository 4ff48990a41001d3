/** Mutant: bgs2019: B_β's (FA) relaxed to Σᵢpᵢ(v) ≤ 2. */
import { faTwoOperator } from "./faults/bgs2019-b-beta.js";

export const family = faTwoOperator;
export const description = "bgs2019: B_β's (FA) relaxed to Σᵢpᵢ(v) ≤ 2";
export const kills = ["bgs2019.sandwich-upper"];
