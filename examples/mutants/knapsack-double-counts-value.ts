/** Mutant: zhu2021 §3: v(q, μ) counts the unit-like projects' payoff twice. */
import { doubleCountsValue } from "./faults/zhu2021-knapsack.js";

export const family = { ...doubleCountsValue, kind: "zhu2021/knapsack" };
export const description = "zhu2021 §3: v(q, μ) counts the unit-like projects' payoff twice";
export const kills = ["zhu2021.lemma3", "zhu2021.lemma4.envelope"];
