/**
 * Adapter to javascript-lp-solver, a floating-point simplex. FLOAT ORACLE ONLY: used to cross-check and
 * benchmark the exact solver, never to decide a verdict (it rounds values to 1e-8 and treats tableau
 * entries below 1e-8 as zero, see test/lp/float-oracle.test.ts).
 */
import lpSolverModule from "javascript-lp-solver";
import type { Model } from "javascript-lp-solver";
import type { LinearProgram, FloatLpResult } from "./types.js";

type SolveFn = (model: Model) => unknown;

/**
 * The package ships CommonJS-style typings next to an ES module, so what a default import holds depends
 * on the loader (the solver itself under ESM, a namespace with `.default` under CJS interop). Narrow once.
 */
function findSolve(mod: unknown): SolveFn {
  for (const candidate of [mod, (mod as { default?: unknown } | null)?.default]) {
    if (typeof candidate === "object" && candidate !== null && typeof (candidate as { Solve?: unknown }).Solve === "function") {
      const owner = candidate as { Solve: (model: Model) => unknown };
      return (model) => owner.Solve(model);
    }
  }
  throw new TypeError("javascript-lp-solver: no Solve function found on the module");
}

const solve: SolveFn = findSolve(lpSolverModule);

const OBJECTIVE = "objective";

type Coefficients = Record<string, number>;
type Bound = { max: number } | { min: number } | { equal: number };

export function floatSolve(lp: LinearProgram): FloatLpResult {
  const n = lp.c.length;
  const names = Array.from({ length: n }, (_, j) => `x${j}`);
  const variables: Record<string, Coefficients> = {};
  const constraints: Record<string, Bound> = {};
  const unrestricted: Record<string, 1> = {};
  for (let j = 0; j < n; j++) variables[names[j] as string] = { [OBJECTIVE]: lp.c[j]!.toNumber() };
  lp.rows.forEach((row, i) => {
    const name = `r${i}`;
    const b = row.b.toNumber();
    constraints[name] = row.op === "<=" ? { max: b } : row.op === ">=" ? { min: b } : { equal: b };
    for (let j = 0; j < n; j++) {
      const a = row.a[j]!;
      if (!a.isZero()) (variables[names[j] as string] as Coefficients)[name] = a.toNumber();
    }
  });
  for (let j = 0; j < n; j++) {
    const name = names[j] as string;
    const coeffs = variables[name] as Coefficients;
    // The library's variables are nonnegative unless unrestricted; a lower bound of exactly 0 needs no row.
    const l = lp.lower === undefined ? undefined : lp.lower[j];
    if (l !== undefined && (l === null || !l.isZero())) {
      unrestricted[name] = 1;
      if (l !== null) {
        constraints[`lo${j}`] = { min: l.toNumber() };
        coeffs[`lo${j}`] = 1;
      }
    }
    const u = lp.upper?.[j];
    if (u != null) {
      constraints[`up${j}`] = { max: u.toNumber() };
      coeffs[`up${j}`] = 1;
    }
  }
  const model: Model = { optimize: OBJECTIVE, opType: lp.sense, constraints, variables, unrestricted };
  return readResult(solve(model), names, lp.sense);
}

function readResult(raw: unknown, names: readonly string[], sense: "max" | "min"): FloatLpResult {
  if (typeof raw !== "object" || raw === null) throw new TypeError("javascript-lp-solver returned no result object");
  const r = raw as Record<string, unknown>;
  const x = names.map((name) => (typeof r[name] === "number" ? (r[name] as number) : 0));
  if (r.feasible !== true) return { status: "infeasible", value: Number.NaN, x };
  if (r.bounded === false) return { status: "unbounded", value: sense === "max" ? Infinity : -Infinity, x };
  return { status: "optimal", value: typeof r.result === "number" ? r.result : Number.NaN, x };
}
