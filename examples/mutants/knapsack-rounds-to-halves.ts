/** Mutant: zhu2021 §3: the investment rounded down to halves (float-style rounding in an exact model). */
import { roundsToHalves } from "./faults/zhu2021-knapsack.js";

export const family = { ...roundsToHalves, kind: "zhu2021/knapsack" };
export const description = "zhu2021 §3: the investment rounded down to halves (float-style rounding in an exact model)";
export const kills = ["zhu2021.lemma1", "zhu2021.corollary1", "zhu2021.lemma2", "zhu2021.lemma3"];
