/** Mutant: bgs2019: §7's active block run without the factor s(u) (the inactive agents' share forgotten). */
import { unsharedNAgent } from "./faults/bgs2019.js";

export const family = unsharedNAgent;
export const description = "bgs2019: §7's active block run without the factor s(u) (the inactive agents' share forgotten)";
export const kills = ["bgs2019.proposition7.1"];
