/** Mutant: zhu2021 §4: the pivot term taken over the other agents only, leaving out the principal. */
import { excludesPrincipal } from "./faults/zhu2021-mechanisms.js";

export const family = excludesPrincipal;
export const description = "zhu2021 §4: the pivot term taken over the other agents only, leaving out the principal";
export const kills = ["zhu2021.proposition1"];
