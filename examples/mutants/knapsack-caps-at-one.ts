/** Mutant: zhu2021 §3: the knapsack funds at most one unit of each project type. */
import { capsAtOne } from "./faults/zhu2021-knapsack.js";

export const family = { ...capsAtOne, kind: "zhu2021/knapsack" };
export const description = "zhu2021 §3: the knapsack funds at most one unit of each project type";
export const kills = ["zhu2021.lemma1", "zhu2021.corollary1", "zhu2021.lemma2"];
