/** Mutant: bgs2019: the boundary region's random allocation divides every uᵢ by the smallest mean m̲. */
import { smallestMeanRandomAllocation } from "./faults/bgs2019.js";

export const family = smallestMeanRandomAllocation;
export const description = "bgs2019: the boundary region's random allocation divides every uᵢ by the smallest mean m̲";
export const kills = ["bgs2019.boundary-fa"];
