/**
 * The grid oracle on the single-resource model (zhu2022 §3.3–3.4, stylized §3): agent n's
 * pointwise-least ex-post IC transfers on a finite grid G ⊂ Ω*ⁿ of its own reports, the others'
 * reports ω⁻ⁿ held fixed.
 *
 * Agent n's utility is Sⁿ(A(ω̂), ωⁿ) + β^{T−1}Wⁿ(ω̂) (transfers are paid at date T), so in transfer
 * units the value of type x reporting y is g(x, y) = β^{1−T}Sⁿ(A(ω⁻ⁿ, y), x), and the oracle of
 * difference-constraints.ts applies with that g. Every efficient ex-post mechanism over Ω* restricts
 * to IC transfers on G, so the least solution is an exact lower bound on every competitor at G.
 */
import { InputError, InternalError, requireAgent } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { agentSurplus, betaPow, checkEndowments, efficientAllocation, withRow, type Endowments, type SingleResourceModel } from "../models/single-resource/model.js";
import { contains, describeOmegaStar, type OmegaStar } from "../typespace/single-resource.js";
import { linkedMinimum } from "../mechanisms/single-resource/vcg.js";
import { repeatGuard, segment } from "./audit.js";
import { leastSolution, leastSolution1D, type LeastSolution } from "./difference-constraints.js";

/** Agent `agent`'s decision problem against the fixed reports of the others in `profile`. */
export interface AgentSlice {
  readonly model: SingleResourceModel;
  readonly omegaStar: OmegaStar;
  /** A report profile; agent's own row is replaced by each grid point in turn. */
  readonly profile: Endowments;
  /** 0-based. */
  readonly agent: number;
}

/** The allocation under test: agent shares at date t (0-based) for a report profile. */
export type Allocate = (profile: Endowments, t: number) => readonly Q[];

export const efficient = (model: SingleResourceModel): Allocate => (profile, t) => efficientAllocation(model, profile, t);

/** Agent n's allocations, date by date, when it reports y against ω⁻ⁿ. */
export function allocationFor(slice: AgentSlice, allocate: Allocate, y: readonly Q[]): Q[] {
  const p = withRow(slice.profile, slice.agent, y);
  return Array.from({ length: slice.model.T }, (_, t) => allocate(p, t)[slice.agent] as Q);
}

/** g(x, y) = β^{1−T} Sⁿ(a, x) for the allocation a that report y receives. */
export function valueInTransferUnits(slice: AgentSlice, a: readonly Q[], x: readonly Q[]): Q {
  return betaPow(slice.model.beta, 1 - slice.model.T).mul(agentSurplus(slice.model, a, x));
}

const key = (x: readonly Q[]) => x.map(String).join(",");
const show = (x: readonly Q[]) => `(${x.map(String).join(", ")})`;

/** Rejects (InputError, nothing computed) an empty grid, malformed points, repeats and points outside Ω*ⁿ. */
export function checkGrid(slice: AgentSlice, grid: readonly (readonly Q[])[], field = "grid"): void {
  const { model } = slice;
  checkEndowments(model, slice.profile, "profile");
  requireAgent(slice.agent, model.N);
  if (grid.length === 0) throw new InputError(field, "must contain at least one report");
  const repeat = repeatGuard(field);
  grid.forEach((x, i) => {
    const at = `${field}[${i + 1}]`;
    if (x.length !== model.T) throw new InputError(at, `must have T = ${model.T} entries (got ${x.length})`);
    x.forEach((v, t) => {
      if (v.lt(Q.ZERO)) throw new InputError(`${at}[${t + 1}]`, `reports must be ≥ 0 (got ${v})`);
    });
    if (!contains(slice.omegaStar, x)) throw new InputError(at, `${show(x)} is outside Ω*ⁿ = ${describeOmegaStar(slice.omegaStar)}`);
    repeat(key(x), i, show(x));
  });
}

/** Where `allocate` differs from the efficient allocation 𝐀 on the grid (the first place), if anywhere. */
export function inefficiency(slice: AgentSlice, allocate: Allocate, grid: readonly (readonly Q[])[]): { point: number; date: number; agent: number; got: Q | undefined; efficient: Q } | undefined {
  for (const [i, y] of grid.entries()) {
    const p = withRow(slice.profile, slice.agent, y);
    for (let t = 0; t < slice.model.T; t++) {
      const got = allocate(p, t), eff = efficientAllocation(slice.model, p, t);
      const m = eff.findIndex((e, j) => !(got[j] as Q | undefined)?.eq(e));
      if (m >= 0) return { point: i, date: t, agent: m, got: got[m], efficient: eff[m]! };
    }
  }
  return undefined;
}

/** InputError unless `allocate` is the efficient allocation 𝐀 at every grid report. */
export function checkEfficientOn(slice: AgentSlice, allocate: Allocate, grid: readonly (readonly Q[])[], field = "allocation"): void {
  const bad = inefficiency(slice, allocate, grid);
  if (bad) {
    throw new InputError(field, `is not efficient at grid report ${bad.point + 1} ${show(grid[bad.point]!)}, date ${bad.date + 1}: agent ${bad.agent + 1} gets ${bad.got ?? "nothing"}, 𝐀 gives ${bad.efficient} (the oracle bounds efficient mechanisms only)`);
  }
}

export interface GridOptimum {
  readonly grid: readonly (readonly Q[])[];
  /** Indices into `grid`. */
  readonly solution: LeastSolution;
  /** "path": T = 1, adjacent constraints only (single crossing, see below); "dense": every pair. */
  readonly method: "path" | "dense";
}

/**
 * The least nonnegative IC transfers of agent n on `grid` (checked first: see checkGrid and
 * checkEfficientOn). With T = 1 the efficient allocation gives g increasing differences, so only
 * adjacent grid points need constraints (leastSolution1D): a(y) = yq̄/(y + O) is nondecreasing and
 *     g(x, y') − g(x, y) = β^{1−T} ∫_{a(y)}^{a(y')} f'(a/x) da   (y ≤ y'),
 * with f' nonincreasing (f concave) and a/x decreasing in x, so the integrand, and the difference,
 * are nondecreasing in x; at x = 0 the integrand is its limit f'(∞). Tested against the dense system.
 */
export function gridOptimum(slice: AgentSlice, grid: readonly (readonly Q[])[], allocate: Allocate = efficient(slice.model)): GridOptimum {
  checkGrid(slice, grid);
  checkEfficientOn(slice, allocate, grid);
  const alloc = grid.map((y) => allocationFor(slice, allocate, y));
  const gain = (i: number, j: number) => valueInTransferUnits(slice, alloc[j]!, grid[i]!);
  if (slice.model.T > 1) return { grid, solution: leastSolution(grid.length, gain), method: "dense" };
  const order = grid.map((_, i) => i).sort((i, j) => (grid[i]![0] as Q).cmp(grid[j]![0] as Q));
  const sol = leastSolution1D(order.map((i) => grid[i]![0] as Q), (i, j) => gain(order[i]!, order[j]!), { singleCrossing: "assume" });
  if (sol.kind === "not-single-crossing") throw new InternalError("leastSolution1D checked single crossing although told to assume it");
  const back = (path: readonly number[]) => path.map((i) => order[i]!);
  if (sol.kind === "cycle") return { grid, solution: { ...sol, cycle: back(sol.cycle) }, method: "path" };
  const W = new Array<Q>(grid.length), pred = new Array<number>(grid.length);
  order.forEach((orig, i) => {
    W[orig] = sol.W[i]!;
    pred[orig] = sol.pred[i] === -1 ? -1 : order[sol.pred[i]!]!;
  });
  return { grid, solution: { ...sol, W, pred }, method: "path" };
}

// ---------------------------------------------------------------------------------------------
// Grids

/** A bounding box of Ω*ⁿ (each coordinate's range), `cap` standing in for ∞ where Ω*ⁿ is unbounded. */
export function boundingBox(set: OmegaStar, T: number, cap: Q): { lo: Q[]; hi: Q[] } {
  const fill = (v: Q) => Array.from({ length: T }, () => v);
  switch (set.kind) {
    case "all":
    case "polytope":
      return { lo: fill(Q.ZERO), hi: fill(cap) };
    case "window":
      // each ω_s sits in some Σ_{s≠t} ω_s ≤ (T − 1)(avg + x), all terms ≥ 0
      return { lo: fill(Q.ZERO), hi: fill(set.avg.add(set.x).mul(Q.of(T - 1))) };
    case "box-average":
      return { lo: fill(Q.ZERO), hi: fill(Q.min(set.max, set.avg.add(set.x).mul(Q.of(T)))) };
    case "box":
      return { lo: [...set.lo], hi: [...set.hi] };
    case "union": {
      const boxes = set.parts.map((p) => boundingBox(p, T, cap));
      return {
        lo: fill(Q.ZERO).map((_, t) => boxes.map((b) => b.lo[t]!).reduce((a, b) => Q.min(a, b))),
        hi: fill(Q.ZERO).map((_, t) => boxes.map((b) => b.hi[t]!).reduce((a, b) => Q.max(a, b))),
      };
    }
  }
}

/**
 * The regular lattice with `divisions` steps per date over the box, kept where it lies in Ω*ⁿ, plus
 * `extra` points of Ω*ⁿ (e.g. the truth), without repeats. Lattices with divisions 1, 2, 4, … are nested.
 */
export function latticeGrid(set: OmegaStar, box: { lo: readonly Q[]; hi: readonly Q[] }, divisions: number, extra: readonly (readonly Q[])[] = []): Q[][] {
  if (!Number.isInteger(divisions) || divisions < 1) throw new InputError("divisions", `must be an integer ≥ 1 (got ${divisions})`);
  const T = box.lo.length;
  const axis = (t: number) => {
    const lo = box.lo[t]!, step = box.hi[t]!.sub(lo).div(Q.of(divisions));
    return step.isZero() ? [lo] : Array.from({ length: divisions + 1 }, (_, i) => lo.add(step.mul(Q.of(i))));
  };
  let points: Q[][] = [[]];
  for (let t = 0; t < T; t++) points = points.flatMap((p) => axis(t).map((v) => [...p, v]));
  const out: Q[][] = [];
  const seen = new Set<string>();
  for (const p of [...extra.map((x) => [...x]), ...points]) {
    const k = key(p);
    if (seen.has(k) || !contains(set, p)) continue;
    seen.add(k);
    out.push(p);
  }
  return out;
}

/**
 * The grid: Ω*ⁿ's bounding-box lattice (unbounded sides capped at 2·max report + 1) with `divisions`
 * steps per date, plus the segment from the linked minimum's argmin to ωⁿ in as many steps (kept
 * where it lies in Ω*ⁿ). Along that segment the least IC transfers at ωⁿ approach Vⁿ(ωⁿ) − Vⁿ(argmin)
 * as the steps shrink, so on a convex Ω* the gap to the linked VCG closes under refinement.
 */
export function cheapnessGrid(model: SingleResourceModel, set: OmegaStar, truth: Endowments, n: number, divisions: number): Q[][] {
  const T = model.T;
  const cap = truth.flat().reduce((a, b) => Q.max(a, b), Q.ZERO).mul(Q.of(2)).add(Q.ONE);
  // over Ω the infimum is approached at ∞: no segment, the lattice up to the cap stands in
  const argmin = set.kind === "all" ? null : linkedMinimum(model, set, truth, n).argmin;
  const path = argmin ? segment(argmin, truth[n]!, divisions) : [];
  return latticeGrid(set, boundingBox(set, T, cap), divisions, [truth[n]!, ...path]);
}

