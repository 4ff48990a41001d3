/** Mutant: bgs2019: the operator B_β without (IC), so every set that perfect information sustains is self-generating. */
import { noIcOperator } from "./faults/bgs2019-b-beta.js";

export const family = noIcOperator;
export const description = "bgs2019: the operator B_β without (IC), so every set that perfect information sustains is self-generating";
export const kills = ["bgs2019.self-generation"];
