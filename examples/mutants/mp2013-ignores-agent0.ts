/** Mutant: mp2013: GVCG transfers around an outcome blind to agent 0's payoff (not outcome efficient). */
import { ignoresAgent0 } from "./faults/mp2013.js";

export const family = ignoresAgent0;
export const description = "mp2013: GVCG transfers around an outcome blind to agent 0's payoff (not outcome efficient)";
export const kills = ["mp2013.lemmaA", "mp2013.proposition1", "mp2013.proposition2"];
