/** Mutant: bgs2019: Remark 2.1's allocation uᵢ/((1 − β)E[vᵢ]), lifetime and per-period utility confused. */
import { lifetimeRandomAllocation } from "./faults/bgs2019.js";

export const family = lifetimeRandomAllocation;
export const description = "bgs2019: Remark 2.1's allocation uᵢ/((1 − β)E[vᵢ]), lifetime and per-period utility confused";
export const kills = ["bgs2019.remark2.1"];
