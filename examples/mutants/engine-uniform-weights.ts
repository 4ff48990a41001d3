/** Mutant: zhu2021 §5 / zhu2022 §2: conditional expectations under the wrong measure (children weighted equally). */
import { uniformWeights } from "./faults/probability.js";

export const family = { ...uniformWeights, kind: "probability/expectation-engine" };
export const description = "zhu2021 §5 / zhu2022 §2: conditional expectations under the wrong measure (children weighted equally)";
export const kills = ["zhu2021.lemma5", "zhu2021.proposition2", "zhu2022.proposition1", "zhu2022.corollary1", "stylized.proposition1"];
