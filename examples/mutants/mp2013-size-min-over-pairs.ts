/** Mutant: mp2013: informational size with min over (tᵢ, tᵢ′) where Definition 3 takes the max. */
import { sizeMinOverPairs } from "./faults/mp2013.js";

export const family = sizeMinOverPairs;
export const description = "mp2013: informational size with min over (tᵢ, tᵢ′) where Definition 3 takes the max";
export const kills = ["mp2013.nei"];
