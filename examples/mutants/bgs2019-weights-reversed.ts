/** Mutant: bgs2019: α*(u/F) read in reverse agent order, so raising uᵢ can take the good from agent i. */
import { reversedWeightsMainPhase } from "./faults/bgs2019.js";

export const family = reversedWeightsMainPhase;
export const description = "bgs2019: α*(u/F) read in reverse agent order, so raising uᵢ can take the good from agent i";
export const kills = ["bgs2019.proposition6.1"];
