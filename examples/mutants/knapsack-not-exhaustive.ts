/** Mutant: zhu2021 §3: an investment that leaves resources unused although a project could use them. */
import { notExhaustive } from "./faults/zhu2021-knapsack.js";

export const family = { ...notExhaustive, kind: "zhu2021/knapsack" };
export const description = "zhu2021 §3: an investment that leaves resources unused although a project could use them";
export const kills = ["zhu2021.lemma1"];
