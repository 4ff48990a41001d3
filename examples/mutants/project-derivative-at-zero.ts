/**
 * Mutant: stylized §3: f' evaluated at 0 (f'(v/ω_avg) replaced by f'(0), the largest slope).
 * A known survivor: the claims that read f' use it in upper bounds, which a larger slope only
 * loosens, so no claim of the battery can see this fault (it counts against the mutation score).
 */
import { derivativeAtZero } from "./faults/single-resource.js";

export const family = { ...derivativeAtZero, kind: "single-resource/project" };
export const description = "stylized §3: f' evaluated at 0 (f'(v/ω_avg) replaced by f'(0), the largest slope)";
export const kills: string[] = [];
