/** Mutant: zhu2021 §4: a retraction that clips every date at μ_ (not the identity on the type space). */
import { namedSubject } from "../../src/mechanisms/plugin.js";
import { clipsAtLowerBound } from "./faults/zhu2021-mechanisms.js";

export const family = namedSubject("mutant/retraction-clips-at-lower-bound", "zhu2021/retraction", clipsAtLowerBound.bind(undefined));
export const description = "zhu2021 §4: a retraction that clips every date at μ_ (not the identity on the type space)";
export const kills = ["zhu2021.retraction"];
