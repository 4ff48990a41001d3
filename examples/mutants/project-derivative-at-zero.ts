/** Mutant: zhu2022 §4.1.3: f' evaluated at 0 (the largest slope) in place of f' at the allocation. */
import { derivativeAtZero } from "./faults/single-resource.js";

export const family = { ...derivativeAtZero, kind: "single-resource/project" };
export const description = "zhu2022 §4.1.3: f' evaluated at 0 (the largest slope) in place of f' at the allocation";
export const kills = ["zhu2022.theorem1.step-3"];
