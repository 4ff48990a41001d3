/** Mutant: zhu2022/stylized Lemma 1: outside Ω* the retraction jumps to one fixed member (not adapted). */
import { jumpsToFixedMember } from "./faults/single-resource.js";

export const family = { ...jumpsToFixedMember, kind: "single-resource/retraction" };
export const description = "zhu2022/stylized Lemma 1: outside Ω* the retraction jumps to one fixed member (not adapted)";
export const kills = ["zhu2022.lemma1", "stylized.lemma1"];
