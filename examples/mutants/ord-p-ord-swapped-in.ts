/** Mutant: zhu2021 §4: p-ordA used where ordA is meant. */
import { pOrdSwappedIn } from "./faults/zhu2021-mechanisms.js";

export const family = pOrdSwappedIn;
export const description = "zhu2021 §4: p-ordA used where ordA is meant";
export const kills = ["zhu2021.ord-allocation"];
