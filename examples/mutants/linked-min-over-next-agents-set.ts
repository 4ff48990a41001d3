/** Mutant: zhu2021 §4: the linked minimum over the next agent's type space instead of the agent's own. */
import { minOverNextAgentsSet } from "./faults/zhu2021-mechanisms.js";

export const family = minOverNextAgentsSet;
export const description = "zhu2021 §4: the linked minimum over the next agent's type space instead of the agent's own";
export const kills = ["zhu2021.theorem1.ex-post", "zhu2021.theorem1.cheapness.groves"];
