/** Mutant: zhu2021 §4: the linked minimum over the whole message space instead of Ω(T, μ_, μ̄). */
import { minOverWholeSpace } from "./faults/zhu2021-mechanisms.js";

export const family = minOverWholeSpace;
export const description = "zhu2021 §4: the linked minimum over the whole message space instead of Ω(T, μ_, μ̄)";
export const kills = ["zhu2021.theorem1.cheapness.groves", "zhu2021.transfer-bound", "zhu2021.corollary2"];
