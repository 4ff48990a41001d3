/** Mutant: zhu2022/stylized: unlinked VCG without β^{t−T}. */
import { unlinkedWithoutDiscount } from "./faults/single-resource.js";

export const family = unlinkedWithoutDiscount;
export const description = "zhu2022/stylized: unlinked VCG without β^{t−T}";
export const kills = ["zhu2022.linked-vcg.ex-post", "stylized.linked-vcg.ex-post", "zhu2022.proposition2", "stylized.proposition2"];
