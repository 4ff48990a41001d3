/** Mutant: zhu2022 §4.1.3: f' evaluated at 2a instead of a. */
import { derivativeAtTwice } from "./faults/single-resource.js";

export const family = { ...derivativeAtTwice, kind: "single-resource/project" };
export const description = "zhu2022 §4.1.3: f' evaluated at 2a instead of a";
export const kills = ["zhu2022.theorem1.step-3"];
