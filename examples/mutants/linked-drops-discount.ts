/** Mutant: zhu2021 §4: the linked VCG built on a uWⁿ without β^{t−T}. */
import { linkedDropsBeta } from "./faults/zhu2021-mechanisms.js";

export const family = linkedDropsBeta;
export const description = "zhu2021 §4: the linked VCG built on a uWⁿ without β^{t−T}";
export const kills = ["zhu2021.theorem1.ex-post", "zhu2021.theorem1.cheapness.groves"];
