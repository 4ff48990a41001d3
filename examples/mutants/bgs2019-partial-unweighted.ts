/** Mutant: bgs2019: ∂φ/∂αᵢ = E[vᵢ1{αᵢvᵢ ≥ max_{j≠i} vⱼ}], the others' weights forgotten. */
import { unweightedSupport } from "./faults/bgs2019.js";

export const family = unweightedSupport;
export const description = "bgs2019: ∂φ/∂αᵢ = E[vᵢ1{αᵢvᵢ ≥ max_{j≠i} vⱼ}], the others' weights forgotten";
export const kills = ["bgs2019.proposition2.3"];
