/** Mutant: mp2013: Lemma B's tail bound repaired for the 1-norm (δ² over 2|A|²), so the refutation of the printed bound must disappear. */
import { repairedTailBound } from "./faults/mp2013.js";

export const family = repairedTailBound;
export const description = "mp2013: Lemma B's tail bound repaired for the 1-norm (δ² over 2|A|²), so the refutation of the printed bound must disappear";
export const kills = ["mp2013.lemmaB"];
