/** Mutant: zhu2022/stylized: no transfers at all (cheap, not IC; and the cost bounds hold trivially). */
import { zeroTransfers } from "./faults/single-resource.js";

export const family = zeroTransfers;
export const description = "zhu2022/stylized: no transfers at all (cheap, not IC; and the cost bounds hold trivially)";
export const kills = ["zhu2022.proposition2", "stylized.proposition2", "zhu2022.proposition3", "stylized.proposition3", "stylized.lemma3"];
