/** Mutant: mp2013: the stage-2 VCG at a posted belief without the others' values (pivot only). */
import { postedPivotOnly } from "./faults/mp2013.js";

export const family = postedPivotOnly;
export const description = "mp2013: the stage-2 VCG at a posted belief without the others' values (pivot only)";
export const kills = ["mp2013.lemmaC"];
