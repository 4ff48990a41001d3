/** Mutant: stylized §2: the retraction of an agent's report depends on the others' reports (halved when another agent reports outside Ω*), which the proof of Lemma 2 excludes. */
import { othersDependentRetraction } from "./faults/single-resource.js";

export const family = othersDependentRetraction;
export const description = "stylized §2: the retraction of an agent's report depends on the others' reports (halved when another agent reports outside Ω*), which the proof of Lemma 2 excludes";
export const kills = ["stylized.lemma2"];
