/** Mutant: bgs2019: the interim promise (10) without its −P̂ᵢ(y)·y term, so winning is not charged and overreporting pays. */
import { noPointTermMainPhase } from "./faults/bgs2019.js";

export const family = noPointTermMainPhase;
export const description = "bgs2019: the interim promise (10) without its −P̂ᵢ(y)·y term, so winning is not charged and overreporting pays";
export const kills = ["bgs2019.stage-ic"];
