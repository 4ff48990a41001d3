/** Mutant: mp2013: GVCG whose transfer drops the others' values (only the pivot term). */
import { pivotOnly } from "./faults/mp2013.js";

export const family = pivotOnly;
export const description = "mp2013: GVCG whose transfer drops the others' values (only the pivot term)";
export const kills = ["mp2013.lemmaA", "mp2013.proposition1"];
