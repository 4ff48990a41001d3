/** Mutant: mp2013: the balanced scheme of §9.4 without its 1/n (βᵢ = Σⱼ v̂ⱼ − v̂ᵢ). */
import { balancedWithoutAverage } from "./faults/mp2013.js";

export const family = balancedWithoutAverage;
export const description = "mp2013: the balanced scheme of §9.4 without its 1/n (βᵢ = Σⱼ v̂ⱼ − v̂ᵢ)";
export const kills = ["mp2013.theorem5"];
