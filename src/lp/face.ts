/** Extreme values of one coordinate over the set of optimal solutions of an LP. */
import { InputError, InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { solveLP } from "./simplex.js";
import type { LinearProgram } from "./types.js";

/**
 * Solves `lp`, then optimizes x_j over {feasible x : c·x = optimum}. The optimal face is described by one
 * extra equality row rather than by reduced costs, so the second solve is an ordinary, certified LP.
 * Throws InputError when `lp` has no optimum or when x_j is unbounded on the optimal face.
 */
export function optimizeOverOptimalFace(lp: LinearProgram, j: number, sense: "max" | "min"): { value: Q; x: Q[] } {
  const n = lp.c.length;
  if (!Number.isInteger(j) || j < 0 || j >= n) throw new InputError("j", `expected a variable index in 0..${n - 1}, got ${j}`);
  const first = solveLP(lp);
  if (first.status !== "optimal") throw new InputError("lp", `has no optimal face: the LP is ${first.status}`);
  const unit = Array.from({ length: n }, (_, k) => (k === j ? Q.ONE : Q.ZERO));
  const onFace: LinearProgram = {
    sense,
    c: unit,
    rows: [...lp.rows, { a: lp.c, op: "=", b: first.value }],
    ...(lp.lower === undefined ? {} : { lower: lp.lower }),
    ...(lp.upper === undefined ? {} : { upper: lp.upper }),
  };
  const second = solveLP(onFace);
  if (second.status === "unbounded") throw new InputError("lp", `x[${j}] is unbounded ${sense === "max" ? "above" : "below"} on the optimal face`);
  if (second.status === "infeasible") throw new InternalError(`optimal face of the LP is empty although x = ${first.x.join(", ")} lies on it`);
  return { value: second.value, x: second.x };
}
