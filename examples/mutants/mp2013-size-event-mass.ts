/** Mutant: mp2013: informational size as the probability that the posterior moves at all. */
import { sizeEventMass } from "./faults/mp2013.js";

export const family = sizeEventMass;
export const description = "mp2013: informational size as the probability that the posterior moves at all";
export const kills = ["mp2013.size-order"];
