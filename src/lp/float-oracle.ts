/**
 * Adapter to javascript-lp-solver, a floating-point simplex. FLOAT ORACLE ONLY: used to cross-check and
 * benchmark the exact solver, never to decide a verdict (it rounds values to 1e-8 and treats tableau
 * entries below 1e-8 as zero, its presolve can misreport the objective, and its phase 1 can loop forever;
 * see test/lp/float-oracle.test.ts). The model is built in one pass over the data; rows are sparse (zero
 * coefficients are left out), upper bounds become one-term rows, presolve is switched off.
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

/**
 * How x_j is written over the library's variables, which are all >= 0 here:
 *   shift    x_j = l_j + v           (finite lower bound; v <= u_j - l_j becomes a constraint)
 *   reflect  x_j = u_j - v           (no lower bound, finite upper bound)
 *   split    x_j = v - w             (free; w is named x{j}neg)
 * The library's own `unrestricted` flag is avoided on purpose: in 1.0.3 it returns 0 for
 * min x, -2 <= x <= 0, and loops forever for min x, -2 <= x <= 1e-9 (see test/lp/float-oracle.test.ts).
 */
interface Encoding {
  kind: "shift" | "reflect" | "split";
  offset: number;
  /** u_j - l_j for a shifted variable with a finite upper bound. */
  width: number | null;
}

function encode(l: number | null, u: number | null): Encoding {
  if (l !== null) return { kind: "shift", offset: l, width: u === null ? null : u - l };
  if (u !== null) return { kind: "reflect", offset: u, width: null };
  return { kind: "split", offset: 0, width: null };
}

/**
 * Solves with javascript-lp-solver. Beware: the call is synchronous and 1.0.3's phase 1 can cycle forever
 * on some feasible LPs (test/lp/float-oracle.test.ts keeps one); run it in a worker to bound its time.
 */
export function floatSolve(lp: LinearProgram): FloatLpResult {
  const built = buildFloatModel(lp);
  return built.read(solve(built.model));
}

/** The library's JSON model for `lp`, and how to read the library's answer back in terms of x. */
export interface FloatModel {
  model: Model;
  read(raw: unknown): FloatLpResult;
}

export function buildFloatModel(lp: LinearProgram): FloatModel {
  const n = lp.c.length;
  const names = Array.from({ length: n }, (_, j) => `x${j}`);
  const enc = Array.from({ length: n }, (_, j) => {
    const l = lp.lower === undefined ? 0 : (lp.lower[j]?.toNumber() ?? null);
    return encode(l, lp.upper?.[j]?.toNumber() ?? null);
  });
  const variables: Record<string, Coefficients> = {};
  const constraints: Record<string, Bound> = {};
  let constant = 0;
  for (let j = 0; j < n; j++) {
    const cj = lp.c[j]!.toNumber();
    const e = enc[j] as Encoding;
    constant += cj * e.offset;
    const sign = e.kind === "reflect" ? -1 : 1;
    variables[names[j] as string] = { [OBJECTIVE]: sign * cj };
    if (e.kind === "split") variables[`${names[j]}neg`] = { [OBJECTIVE]: -cj };
  }
  lp.rows.forEach((row, i) => {
    const name = `r${i}`;
    let b = row.b.toNumber();
    for (let j = 0; j < n; j++) {
      const a = row.a[j]!;
      if (a.isZero()) continue;
      const aj = a.toNumber();
      const e = enc[j] as Encoding;
      b -= aj * e.offset;
      (variables[names[j] as string] as Coefficients)[name] = e.kind === "reflect" ? -aj : aj;
      if (e.kind === "split") (variables[`${names[j]}neg`] as Coefficients)[name] = -aj;
    }
    constraints[name] = row.op === "<=" ? { max: b } : row.op === ">=" ? { min: b } : { equal: b };
  });
  enc.forEach((e, j) => {
    if (e.width === null) return;
    constraints[`up${j}`] = { max: e.width };
    (variables[names[j] as string] as Coefficients)[`up${j}`] = 1;
  });
  // Presolve is off: in 1.0.3 it drops the objective contribution of variables that an equality row
  // fixes (min -x, -x = -2, 0 <= x <= 2 reports x = 2 but value 0).
  const model: Model = { optimize: OBJECTIVE, opType: lp.sense, constraints, variables, options: { presolve: false } };
  return { model, read: (raw) => readResult(raw, names, enc, constant, lp.sense) };
}

function readResult(raw: unknown, names: readonly string[], enc: readonly Encoding[], constant: number, sense: "max" | "min"): FloatLpResult {
  if (typeof raw !== "object" || raw === null) throw new TypeError("javascript-lp-solver returned no result object");
  const r = raw as Record<string, unknown>;
  const num = (key: string): number => (typeof r[key] === "number" ? (r[key] as number) : 0);
  const x = names.map((name, j) => {
    const e = enc[j] as Encoding;
    if (e.kind === "shift") return e.offset + num(name);
    if (e.kind === "reflect") return e.offset - num(name);
    return num(name) - num(`${name}neg`);
  });
  if (r.feasible !== true) return { status: "infeasible", value: Number.NaN, x };
  if (r.bounded === false) return { status: "unbounded", value: sense === "max" ? Infinity : -Infinity, x };
  return { status: "optimal", value: (typeof r.result === "number" ? r.result : Number.NaN) + constant, x };
}
