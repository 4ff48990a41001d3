/**
 * The static primitives of zhu2021 §2: R resources with stock q̄ > 0, and a finite set Θ of I
 * project types θ_i ∈ [0, ∞)^R − {0}, the first R of them "unit-like" (condition 1).
 */
import type { Q } from "../../exact/rational.js";

export interface Economy {
  /** R: number of resources. */
  readonly R: number;
  /** I: number of project types. */
  readonly I: number;
  /** θ_i, i = 1..I (0-based here), each of length R; θ_1..θ_R are the unit-like types. */
  readonly theta: readonly (readonly Q[])[];
  /** q̄: the principal's stock of each resource. */
  readonly supply: readonly Q[];
}

/** Index set of the unit-like types i ≤ R (0-based: i < R), held in infinite supply by μ⁰. */
export function isUnitType(econ: Pick<Economy, "R">, i: number): boolean {
  return i < econ.R;
}
