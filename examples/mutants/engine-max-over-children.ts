/** Mutant: zhu2021 §5 / zhu2022 §2: the best child instead of the conditional mean (looks ahead). */
import { maxOverChildren } from "./faults/probability.js";

export const family = { ...maxOverChildren, kind: "probability/expectation-engine" };
export const description = "zhu2021 §5 / zhu2022 §2: the best child instead of the conditional mean (looks ahead)";
export const kills = ["zhu2021.lemma5", "zhu2021.proposition2", "zhu2022.proposition1", "zhu2022.corollary1", "stylized.proposition1"];
