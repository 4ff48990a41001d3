/**
 * Linear programs over exact rationals and the certificates that come back with every answer.
 *
 * Column numbering used by `basis` (and by the solver internally), for n variables and m rows:
 *   0 .. n-1       structural variables x_j
 *   n .. n+m-1     the slack s_i of row i, defined by a_i·x + s_i = b_i, so that
 *                    "<=" rows have s_i >= 0, ">=" rows have s_i <= 0, "=" rows have s_i = 0.
 * Phase-1 artificial columns never appear in a returned basis: they are pivoted out before phase 2.
 */
import type { Q } from "../exact/rational.js";

export type RowOp = "<=" | ">=" | "=";

/** One constraint a·x (op) b; `a` is dense, of length n. */
export interface LpRow {
  a: readonly Q[];
  op: RowOp;
  b: Q;
}

export interface LinearProgram {
  sense: "max" | "min";
  /** Objective coefficients, length n. */
  c: readonly Q[];
  rows: readonly LpRow[];
  /** Per-variable lower bound; defaults to 0 for every variable; null means -infinity. */
  lower?: readonly (Q | null)[];
  /** Per-variable upper bound; defaults to null (+infinity) for every variable. */
  upper?: readonly (Q | null)[];
}

/**
 * Optimal: x is a basic optimal solution, value = c·x.
 *   y has one multiplier per row, d = c - Aᵀy are the reduced costs of the structural variables.
 *   Sign convention (max): y_i >= 0 on "<=" rows, y_i <= 0 on ">=" rows, free on "=" rows; d_j > 0 only
 *   where x_j sits at a finite upper bound, d_j < 0 only at a finite lower bound. For min every sign flips.
 *   basis lists the basic columns (numbering above) in increasing order; it has one entry per row.
 * Infeasible: farkas has one multiplier per row, y_i >= 0 on "<=" rows, y_i <= 0 on ">=" rows, so that every
 *   feasible x would satisfy (yᵀA)·x <= yᵀb, while the minimum of (yᵀA)·x over the bound box exceeds yᵀb.
 *   When the box itself is empty (some lower > upper) farkas is all zeros.
 * Unbounded: x is feasible and x + t·ray stays feasible for every t >= 0 while c·ray improves the objective.
 */
export type LpResult =
  | { status: "optimal"; x: Q[]; value: Q; y: Q[]; d: Q[]; basis: number[] }
  | { status: "infeasible"; farkas: Q[] }
  | { status: "unbounded"; x: Q[]; ray: Q[] };

/** The constraint part of an LP, for pure feasibility questions. */
export type LpConstraints = Omit<LinearProgram, "c" | "sense">;

export type FeasibilityResult = { feasible: true; x: Q[] } | { feasible: false; farkas: Q[] };

/** What the float oracle reports; never used for a verdict. */
export interface FloatLpResult {
  status: "optimal" | "infeasible" | "unbounded";
  /** The objective; NaN when infeasible, ±Infinity (in the improving direction) when unbounded. */
  value: number;
  x: number[];
}
