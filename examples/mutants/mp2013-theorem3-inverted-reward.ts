/** Mutant: mp2013: Theorem 3's neighbour reward inverted, (ε/r)·(1 − Q(β|s)/‖Q(·|s)‖₂): bounded like the paper's, but it rewards lies. */
import { invertedNeighbourReward } from "./faults/mp2013.js";

export const family = invertedNeighbourReward;
export const description = "mp2013: Theorem 3's neighbour reward inverted, (ε/r)·(1 − Q(β|s)/‖Q(·|s)‖₂): bounded like the paper's, but it rewards lies";
export const kills = ["mp2013.theorem3"];
