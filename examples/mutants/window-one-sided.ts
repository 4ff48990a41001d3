/** Mutant: zhu2022 Theorem 1: the leave-one-out window with only its upper side. */
import { oneSidedWindow } from "./faults/single-resource.js";

export const family = { ...oneSidedWindow, kind: "single-resource/membership" };
export const description = "zhu2022 Theorem 1: the leave-one-out window with only its upper side";
export const kills = ["zhu2022.lemma5"];
