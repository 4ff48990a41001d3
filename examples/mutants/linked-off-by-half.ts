/** Mutant: zhu2021 §4: the linked transfer off by a constant (lWⁿ − 1/2). */
import { linkedMinusHalf } from "./faults/zhu2021-mechanisms.js";

export const family = linkedMinusHalf;
export const description = "zhu2021 §4: the linked transfer off by a constant (lWⁿ − 1/2)";
export const kills = ["zhu2021.theorem1.cheapness.groves", "zhu2021.lemma6.equality", "zhu2021.geometric"];
