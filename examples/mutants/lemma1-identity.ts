/** Mutant: zhu2022 Lemma 1: the identity (does not land in Ω*). */
import { identityRetraction } from "./faults/single-resource.js";

export const family = { ...identityRetraction, kind: "single-resource/retraction" };
export const description = "zhu2022 Lemma 1: the identity (does not land in Ω*)";
export const kills = ["zhu2022.lemma1"];
