/** Mutant: zhu2021 §3: a greedy knapsack in index order instead of the LP optimum (an inefficient allocation). */
import { greedyByIndex } from "./faults/zhu2021-knapsack.js";

export const family = { ...greedyByIndex, kind: "zhu2021/knapsack" };
export const description = "zhu2021 §3: a greedy knapsack in index order instead of the LP optimum (an inefficient allocation)";
export const kills = ["zhu2021.lemma1", "zhu2021.lemma2", "zhu2021.lemma3", "zhu2021.lemma4.envelope"];
