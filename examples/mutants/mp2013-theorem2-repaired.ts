/** Mutant: mp2013: Theorem 2's construction repaired (rewards ε/2, δ halved), so the refutation of the proof's construction must disappear. */
import { theorem2Repaired } from "./faults/mp2013.js";

export const family = theorem2Repaired;
export const description = "mp2013: Theorem 2's construction repaired (rewards ε/2, δ halved), so the refutation of the proof's construction must disappear";
export const kills = ["mp2013.theorem2"];
