/** Mutant: zhu2022/stylized: VCG paid in date-1 money (β^{T−1}Vⁿ): repairs the C/S ratio, so the refutation of Proposition 2's ratio must disappear. */
import { presentValueTransfers } from "./faults/single-resource.js";

export const family = presentValueTransfers;
export const description = "zhu2022/stylized: VCG paid in date-1 money (β^{T−1}Vⁿ): repairs the C/S ratio, so the refutation of Proposition 2's ratio must disappear";
export const kills = ["zhu2022.proposition2.ratio", "stylized.proposition2.ratio"];
