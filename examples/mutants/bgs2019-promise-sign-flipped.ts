/** Mutant: bgs2019: the ex-post promise (11) adds the others' deviations instead of subtracting them. */
import { flippedSignMainPhase } from "./faults/bgs2019.js";

export const family = flippedSignMainPhase;
export const description = "bgs2019: the ex-post promise (11) adds the others' deviations instead of subtracting them";
export const kills = ["bgs2019.proposition6.2"];
