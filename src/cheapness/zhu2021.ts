/**
 * The grid oracle on zhu2021's repeated model (§2, §4): agent n's least ex-post IC transfers on a
 * finite grid of report rows μ̂ⁿ (T × I) inside Ωⁿ(T, μ_, μ̄), the others' reports μ^{−n} fixed, for
 * an allocation equal to uA (ordA or p-ordA) there — the competitors of Theorem 1's cheapness.
 *
 * Uⁿ = Sⁿ + β^{T−1}Wⁿ with Sⁿ = Σ_t β^{t−1} v(Aⁿ_t, μⁿ_t) at the TRUE endowments, so in transfer units
 * g(x, y) = β^{1−T} Σ_t β^{t−1} v(Aⁿ_t(μ^{−n}, y), x_t).
 */
import { InputError, requireAgent } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { allocateDate, type DateAllocation, type Order } from "../mechanisms/zhu2021/allocation.js";
import { agentValue } from "../models/zhu2021/payoffs.js";
import { column, inTypeSpaceRow, withRow, type Profile, type RepeatedModel } from "../models/zhu2021/repeated.js";
import { repeatGuard } from "./audit.js";
import { leastSolution, type LeastSolution } from "./difference-constraints.js";

export interface RepeatedSlice {
  readonly model: RepeatedModel;
  readonly profile: Profile;
  /** 0-based. */
  readonly agent: number;
}

export type Row = readonly (readonly Q[])[];
export type RepeatedAllocate = (profile: Profile, t: number) => DateAllocation;

const show = (r: Row) => `[${r.map((c) => `(${c.map(String).join(", ")})`).join(", ")}]`;

/** Rejects an empty grid, malformed rows, repeats, and rows outside Ωⁿ(T, μ_, μ̄). */
export function checkRepeatedGrid(slice: RepeatedSlice, grid: readonly Row[], field = "grid"): void {
  const { model, agent } = slice;
  requireAgent(agent, model.N);
  if (grid.length === 0) throw new InputError(field, "must contain at least one report row");
  const repeat = repeatGuard(field);
  grid.forEach((row, g) => {
    const at = `${field}[${g + 1}]`;
    if (row.length !== model.T) throw new InputError(at, `must have T = ${model.T} dates (got ${row.length})`);
    row.forEach((col, t) => {
      if (col.length !== model.econ.I) throw new InputError(`${at}[${t + 1}]`, `must have I = ${model.econ.I} entries (got ${col.length})`);
      col.forEach((v, i) => {
        if (v.sign() < 0) throw new InputError(`${at}[${t + 1}][${i + 1}]`, `reports must be ≥ 0 (got ${v})`);
      });
    });
    if (!inTypeSpaceRow(model, agent, row)) throw new InputError(at, `${show(row)} is outside Ωⁿ(T, μ_, μ̄) of agent ${agent + 1}`);
    repeat(show(row), g);
  });
}

export type GridBundles =
  /** bundles[g][t]: agent n's bundle Aⁿ_t when it reports grid row g. */
  | { readonly kind: "uA"; readonly bundles: readonly (readonly (readonly Q[])[])[] }
  /** The first place where `allocate` gives agent n a bundle other than uA's. */
  | { readonly kind: "differs"; readonly point: number; readonly date: number; readonly got: readonly Q[]; readonly expected: readonly Q[] };

/** Agent n's bundles on the grid under `allocate`, checked against uA (ordA or p-ordA) as they are computed. */
export function gridBundles(slice: RepeatedSlice, allocate: RepeatedAllocate, order: Order, grid: readonly Row[]): GridBundles {
  const bundles: (readonly Q[])[][] = [];
  for (const [g, row] of grid.entries()) {
    const p = withRow(slice.profile, slice.agent, row);
    const mine: (readonly Q[])[] = [];
    for (let t = 0; t < slice.model.T; t++) {
      const got = allocate(p, t).bundles[slice.agent]!, expected = allocateDate(slice.model.econ, column(p, t), order).bundles[slice.agent]!;
      if (got.some((a, r) => !a.eq(expected[r]!))) return { kind: "differs", point: g, date: t, got, expected };
      mine.push(got);
    }
    bundles.push(mine);
  }
  return { kind: "uA", bundles };
}

/** g(x, y) for the bundles y's report receives and the true row x. */
export function repeatedValue(model: RepeatedModel, bundles: readonly (readonly Q[])[], x: Row): Q {
  let s = Q.ZERO;
  for (let t = 0; t < model.T; t++) s = s.add(model.beta.pow(t).mul(agentValue(model.econ, bundles[t]!, x[t]!)));
  return s.div(model.beta.pow(model.T - 1));
}

/** The least nonnegative IC transfers on a checked grid (see repeatedGridOptimum) whose bundles are known. */
export function repeatedLeastTransfers(model: RepeatedModel, grid: readonly Row[], bundles: readonly (readonly (readonly Q[])[])[]): LeastSolution {
  return leastSolution(grid.length, (i, j) => repeatedValue(model, bundles[j]!, grid[i]!));
}

/** The least nonnegative IC transfers on the grid (dense: reports are T·I-dimensional); bad input is an InputError. */
export function repeatedGridOptimum(slice: RepeatedSlice, grid: readonly Row[], allocate: RepeatedAllocate, order: Order): LeastSolution {
  checkRepeatedGrid(slice, grid);
  const b = gridBundles(slice, allocate, order, grid);
  if (b.kind === "differs") {
    throw new InputError("allocation", `differs from uA (${order}) at grid row ${b.point + 1}, date ${b.date + 1}: agent ${slice.agent + 1} gets (${b.got.map(String).join(", ")}), uA gives (${b.expected.map(String).join(", ")}) (Theorem 1 compares mechanisms with A = uA)`);
  }
  return repeatedLeastTransfers(slice.model, grid, b.bundles);
}

/** Flattening rows to vectors and back (segments and lattices act on vectors). */
export const flat = (r: Row): Q[] => r.flatMap((c) => [...c]);
export const unflat = (v: readonly Q[], T: number, I: number): Q[][] => Array.from({ length: T }, (_, t) => v.slice(t * I, (t + 1) * I));
