/**
 * Shape of Ω*ⁿ, for the hypotheses of Proposition 3: "smoothly path-connected" (zhu2022 §3.4) and
 * "convex" (stylized §3). Ω*ⁿ is a finite union of convex polytope pieces, so both are decidable
 * exactly in the cases that matter here.
 */
import { Q } from "../exact/rational.js";
import { isFeasible } from "../lp/index.js";
import { contains, pieces, type OmegaStar } from "./single-resource.js";

/**
 * Connected ⟺ the graph "pieces meet" is connected (each piece is convex, so path-connected;
 * meeting is an exact LP feasibility test on both pieces' rows). A connected finite union of convex
 * polytopes is smoothly path-connected: a piecewise-linear path through common points can be rounded
 * off inside the pieces.
 */
export function isConnected(set: OmegaStar, T: number): boolean {
  const ps = pieces(set, T).filter((p) => isFeasible({ rows: p.rows, lower: zeros(T), upper: nulls(T) }).feasible);
  if (ps.length <= 1) return true;
  const meets = (i: number, j: number) => isFeasible({ rows: [...ps[i]!.rows, ...ps[j]!.rows], lower: zeros(T), upper: nulls(T) }).feasible;
  const reached = new Set([0]);
  const stack = [0];
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let j = 0; j < ps.length; j++) {
      if (!reached.has(j) && meets(i, j)) {
        reached.add(j);
        stack.push(j);
      }
    }
  }
  return reached.size === ps.length;
}

/**
 * Convex when decided: true for a single piece, and for a union of boxes exactly (it is convex iff
 * it fills its bounding box, checked on one point of every cell of the arrangement of the boxes'
 * coordinates). Undefined for other unions, which this version does not decide.
 */
export function isConvex(set: OmegaStar, T: number): boolean | undefined {
  if (set.kind !== "union") return true;
  const boxes = boxesOf(set);
  if (!boxes) return pieces(set, T).length === 1 ? true : undefined;
  const cellReps = Array.from({ length: T }, (_, t) => {
    const lo = boxes.map((b) => b.lo[t]!).reduce((a, b) => Q.min(a, b));
    const hi = boxes.map((b) => b.hi[t]!).reduce((a, b) => Q.max(a, b));
    const cuts = [...new Map(boxes.flatMap((b) => [b.lo[t]!, b.hi[t]!]).filter((c) => c.ge(lo) && c.le(hi)).map((c) => [c.toString(), c])).values()].sort((a, b) => a.cmp(b));
    return cuts.flatMap((c, i) => (i + 1 < cuts.length ? [c, c.add(cuts[i + 1]!).div(Q.of(2))] : [c]));
  });
  let points: Q[][] = [[]];
  for (const reps of cellReps) points = points.flatMap((p) => reps.map((r) => [...p, r]));
  return points.every((p) => contains(set, p));
}

export interface Box {
  readonly lo: readonly Q[];
  readonly hi: readonly Q[];
}

/** The boxes of Ω*ⁿ when it is a box or a (nested) union of boxes; undefined otherwise. */
export function boxesOf(set: OmegaStar): Box[] | undefined {
  if (set.kind === "box") return [{ lo: set.lo, hi: set.hi }];
  if (set.kind !== "union") return undefined;
  const parts = set.parts.map(boxesOf);
  return parts.every((p) => p !== undefined) ? parts.flat() : undefined;
}

const zeros = (T: number) => Array.from({ length: T }, () => Q.ZERO);
const nulls = (T: number) => Array.from({ length: T }, () => null);
