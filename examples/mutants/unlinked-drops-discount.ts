/** Mutant: zhu2021 §4: unlinked VCG with the β^{t−T} discount dropped. */
import { dropsBetaFactor } from "./faults/zhu2021-mechanisms.js";

export const family = dropsBetaFactor;
export const description = "zhu2021 §4: unlinked VCG with the β^{t−T} discount dropped";
export const kills = ["zhu2021.proposition1"];
