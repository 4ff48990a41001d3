/** Mutant: zhu2022/stylized: the linked minimum over Ω instead of Ω* (pays the full Vⁿ). */
import { minOverWholeSpace } from "./faults/single-resource.js";

export const family = minOverWholeSpace;
export const description = "zhu2022/stylized: the linked minimum over Ω instead of Ω* (pays the full Vⁿ)";
export const kills = ["zhu2022.lemma6", "zhu2022.proposition3", "stylized.proposition3"];
