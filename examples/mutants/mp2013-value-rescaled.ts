/** Mutant: mp2013: Lemma 1's optimal value F_S evaluated at p/max p (a wrong normalization of the belief). */
import { valueRescaled } from "./faults/mp2013.js";

export const family = valueRescaled;
export const description = "mp2013: Lemma 1's optimal value F_S evaluated at p/max p (a wrong normalization of the belief)";
export const kills = ["mp2013.lemma1"];
