/** Mutant: zhu2022/stylized: an allocation of half the supply (inefficient). */
import { halfSupply } from "./faults/single-resource.js";

export const family = halfSupply;
export const description = "zhu2022/stylized: an allocation of half the supply (inefficient)";
export const kills = ["zhu2022.lemma4", "stylized.theorem1.step-surplus-bounds", "zhu2022.linked-vcg.ex-post"];
