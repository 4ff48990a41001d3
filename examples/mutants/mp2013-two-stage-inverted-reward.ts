/** Mutant: mp2013: §7.3's two-stage game paying 1 − P/‖P‖₂ in stage 1: bounded like the paper's reward, but it pays for lies. */
import { twoStageInvertedReward } from "./faults/mp2013.js";

export const family = twoStageInvertedReward;
export const description = "mp2013: §7.3's two-stage game paying 1 − P/‖P‖₂ in stage 1: bounded like the paper's reward, but it pays for lies";
export const kills = ["mp2013.proposition4"];
