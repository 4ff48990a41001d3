/** Mutant: zhu2022/stylized: unlinked VCG plus a constant 1 (overpays). */
import { unlinkedPlusOne } from "./faults/single-resource.js";

export const family = unlinkedPlusOne;
export const description = "zhu2022/stylized: unlinked VCG plus a constant 1 (overpays)";
export const kills = ["zhu2022.proposition2", "stylized.proposition2"];
