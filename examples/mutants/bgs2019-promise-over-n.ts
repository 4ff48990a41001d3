/** Mutant: bgs2019: the ex-post promise (11) averages the others' deviations over n agents instead of n − 1. */
import { overNMainPhase } from "./faults/bgs2019.js";

export const family = overNMainPhase;
export const description = "bgs2019: the ex-post promise (11) averages the others' deviations over n agents instead of n − 1";
export const kills = ["bgs2019.proposition3.1"];
