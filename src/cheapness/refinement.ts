/**
 * Grid refinement, exactly: for one agent at a truthful profile, the linked VCG transfer beside the
 * least ex-post IC transfer at the truth on nested grids (a lower bound on every efficient ex-post
 * competitor there), and the gap between them, for a list of grid sizes. If the linked VCG is the
 * cheapest, the gap closes as the grid refines; where it stays open, a cheaper mechanism may exist —
 * for zhu2021 the continuum competitor λ*·lWⁿ (zhu2021-continuum.ts) then settles it.
 *
 * Nested grids: zhu2021 uses the segment from the linked minimizer μ̂* to μⁿ in d steps; the
 * single-resource model uses Ω*ⁿ's bounding-box lattice with d steps per date plus that segment.
 * With d = 1, 2, 4, 8 each grid contains the previous one, so the least transfers can only rise.
 */
import { InputError, InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import type { Interval } from "../mechanisms/types.js";
import { linkedTransferBounds, unlinkedTransfers } from "../mechanisms/single-resource/vcg.js";
import { linkedMinimum } from "../mechanisms/zhu2021/linked-min.js";
import { linkedVcg } from "../mechanisms/zhu2021/linked.js";
import { allocateDate } from "../mechanisms/zhu2021/allocation.js";
import type { Endowments, SingleResourceModel } from "../models/single-resource/model.js";
import { column } from "../models/zhu2021/repeated.js";
import type { OmegaStar } from "../typespace/single-resource.js";
import { segment } from "./audit.js";
import { cheapnessGrid, gridOptimum } from "./single-resource.js";
import { cheapestScale, type ContinuumSlice, type GainPoint } from "./zhu2021-continuum.js";
import { flat, repeatedGridOptimum, unflat, type Row } from "./zhu2021.js";

export interface RefinementRow {
  readonly divisions: number;
  readonly points: number;
  /** The least ex-post IC transfer at the truth on the grid. */
  readonly least: Q;
  /** Mechanism's transfer − least (certified bounds when the transfer is). */
  readonly gap: Interval;
}

export interface Refinement {
  readonly agent: number;
  readonly linked: Interval;
  readonly rows: readonly RefinementRow[];
}

export type Zhu2021Continuum =
  | { readonly kind: "found"; readonly lambda: Q; readonly competitor: Q; readonly gap: Q; readonly tight?: GainPoint; readonly lps: number }
  | { readonly kind: "linked-not-ic"; readonly point: GainPoint }
  | { readonly kind: "inconclusive"; readonly reason: string };

export function checkDivisions(list: readonly number[], field = "divisions"): void {
  if (list.length === 0) throw new InputError(field, "needs at least one grid size");
  list.forEach((d, k) => {
    if (!Number.isInteger(d) || d < 1 || d > 64) throw new InputError(field, `entry ${k + 1} must be an integer in 1..64 (got ${d})`);
  });
}

const exact = (x: Q): Interval => ({ lo: x, hi: x });

/** zhu2021: the segment μ̂* → μⁿ in d steps, for each d; then the continuum competitor. */
export function zhu2021Refinement(slice: ContinuumSlice, divisions: readonly number[]): Refinement & { readonly continuum: Zhu2021Continuum } {
  checkDivisions(divisions);
  const { model, order, profile, agent } = slice;
  const { T, econ } = model;
  const lw = linkedVcg(model, order).transfer(profile)[agent]!;
  const start = flat(linkedMinimum(model, order, profile, agent).minimizer);
  const own = flat(profile[agent]!);
  const allocate = (p: Parameters<typeof column>[0], t: number) => allocateDate(econ, column(p, t), order);
  const rows = divisions.map((d): RefinementRow => {
    const pts = segment(start, own, d);
    const grid: Row[] = pts.filter((v, k) => k === 0 || v.some((x, j) => !x.eq(pts[k - 1]![j]!))).map((v) => unflat(v, T, econ.I));
    const sol = repeatedGridOptimum({ model, profile, agent }, grid, allocate, order);
    if (sol.kind !== "solved") throw new InternalError("uA has a positive IC cycle on a segment, but the linked VCG implements it");
    const least = sol.W[grid.length - 1]!;
    return { divisions: d, points: grid.length, least, gap: exact(lw.sub(least)) };
  });
  const r = cheapestScale(slice);
  const continuum: Zhu2021Continuum =
    r.kind === "found"
      ? { kind: "found", lambda: r.lambda, competitor: r.lambda.mul(lw), gap: lw.sub(r.lambda.mul(lw)), ...(r.tight ? { tight: r.tight } : {}), lps: r.lps }
      : r.kind === "linked-not-ic"
        ? { kind: "linked-not-ic", point: r.point }
        : { kind: "inconclusive", reason: r.reason };
  return { agent, linked: exact(lw), rows, continuum };
}

/**
 * Single-resource: Ω*ⁿ's lattice (plus the segment argmin → ωⁿ) with d steps per date, for each d.
 * Over Ω (Ω* = "all") the mechanism is the unlinked VCG (Proposition 2: inf of Vⁿ over own reports is 0).
 */
export function singleRefinement(model: SingleResourceModel, set: OmegaStar, truth: Endowments, agent: number, divisions: readonly number[]): Refinement {
  checkDivisions(divisions);
  const linked = set.kind === "all" ? exact(unlinkedTransfers(model, truth)[agent]!) : linkedTransferBounds(model, set, truth)[agent]!;
  const own = truth[agent]!;
  const rows = divisions.map((d): RefinementRow => {
    const grid = cheapnessGrid(model, set, truth, agent, d);
    const opt = gridOptimum({ model, omegaStar: set, profile: truth, agent }, grid);
    if (opt.solution.kind !== "solved") throw new InternalError("the efficient allocation has a positive IC cycle on the grid, but VCG implements it");
    const i = grid.findIndex((y) => y.every((v, t) => v.eq(own[t]!)));
    const least = opt.solution.W[i]!;
    return { divisions: d, points: grid.length, least, gap: { lo: linked.lo.sub(least), hi: linked.hi.sub(least) } };
  });
  return { agent, linked, rows };
}
