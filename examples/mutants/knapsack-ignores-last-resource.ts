/** Mutant: zhu2021 §3: the knapsack (1) reads only the first R − 1 resources (one resource ignored). */
import { ignoresLastResource } from "./faults/zhu2021-knapsack.js";

export const family = { ...ignoresLastResource, kind: "zhu2021/knapsack" };
export const description = "zhu2021 §3: the knapsack (1) reads only the first R − 1 resources (one resource ignored)";
export const kills = ["zhu2021.lemma1"];
