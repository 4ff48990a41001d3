/** Mutant: stylized Lemma 1: clips each date to ω_max and ignores the average constraint. */
import { clipsDates } from "./faults/single-resource.js";

export const family = { ...clipsDates, kind: "single-resource/retraction" };
export const description = "stylized Lemma 1: clips each date to ω_max and ignores the average constraint";
export const kills = ["stylized.lemma1"];
