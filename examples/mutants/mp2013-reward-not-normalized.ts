/** Mutant: mp2013: §7's reward P(t₋ᵢ|tᵢ) without the 2-norm normalization, under which some lies earn more reward than truth. */
import { linearRule } from "./faults/mp2013.js";

export const family = linearRule;
export const description = "mp2013: §7's reward P(t₋ᵢ|tᵢ) without the 2-norm normalization, under which some lies earn more reward than truth";
export const kills = ["mp2013.theorem2i"];
