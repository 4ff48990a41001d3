/**
 * The cheapest "VCG minus one constant per box" mechanism when Ω*ⁿ is a finite union of boxes
 * B_1 … B_K (single-resource model; others' reports ω⁻ⁿ fixed). It is what the limits of
 * zhu2022 Proposition 3 (Ω* smoothly path-connected) and stylized Proposition 3 (Ω* convex) are
 * probed with: on a disconnected Ω* the boxes can carry different constants, and then the mechanism
 * is strictly cheaper than the linked VCG, which subtracts the single constant min_{Ω*ⁿ} Vⁿ.
 *
 * Mechanism: W(y) = Vⁿ(ω⁻ⁿ, y) − m_c for y ∈ B_c. Write L(x, y) for the VCG loss of type x reporting
 * y, i.e. [g(x, x) + V(x)] − [g(x, y) + V(y)] ≥ 0 (efficiency of 𝐀). Then
 *  - IC inside a box is VCG's (the constant cancels);
 *  - type x ∈ B_a reporting y ∈ B_b gains −L(x, y) − m_b + m_a, so IC across boxes ⟺
 *        m_a ≤ m_b + inf{L(x, y) : x ∈ B_a, y ∈ B_b};
 *  - W ≥ 0 ⟺ m_c ≤ U_c := min_{B_c} Vⁿ = Vⁿ at B_c's upper corner (Vⁿ is nonincreasing in each own
 *    report: more for n is less for the others).
 * The infimum is exact: L separates by date (𝐀 and Sⁿ do), and each date's ℓ_t(x_t, y_t) has
 * increasing differences (gridOptimum's argument in single-resource.ts), so for x ≤ r < l ≤ y
 *     ℓ(x, y) ≥ ℓ(r, l)
 * (telescope U(x,y) − U(x,x) through l and r; each step is bounded by the same step for type l or r).
 * Per date the infimum is 0 if the two intervals meet, else ℓ_t at the facing endpoints: the
 * infimum is attained at one pair (x*, y*), which is returned as its witness. The greatest constants
 * m_a = min_b (U_b + dist(a, b)) (shortest paths over the losses, all ≥ 0) give the cheapest such
 * mechanism; they are re-verified against every constraint.
 */
import { InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { othersSurplus, dateTerms } from "../mechanisms/single-resource/date-terms.js";
import type { Box } from "../typespace/single-resource-shape.js";
import { allocationFor, efficient, valueInTransferUnits, type AgentSlice } from "./single-resource.js";

export interface CrossLoss {
  /** inf of L(x, y) over x ∈ B_a, y ∈ B_b, attained at (x, y). */
  readonly value: Q;
  readonly x: Q[];
  readonly y: Q[];
}

export interface BoxConstants {
  readonly boxes: readonly Box[];
  /** U_c = min over B_c of Vⁿ(ω⁻ⁿ, ·). */
  readonly upper: Q[];
  /** loss[a][b]: the exact infimum of the VCG loss from B_a to B_b, with its witness pair. */
  readonly loss: CrossLoss[][];
  /** The greatest feasible constants. */
  readonly m: Q[];
  /** The linked VCG's constant min_c U_c = min over Ω*ⁿ of Vⁿ. */
  readonly linkedMin: Q;
}

/** Vⁿ(ω⁻ⁿ, y): the unlinked VCG transfer as a function of the agent's own report. */
export function ownV(slice: AgentSlice, y: readonly Q[]): Q {
  return othersSurplus(dateTerms(slice.model, slice.profile, slice.agent), y);
}

/** L(x, y) = [g(x, x) + V(x)] − [g(x, y) + V(y)]. */
export function vcgLoss(slice: AgentSlice, x: readonly Q[], y: readonly Q[]): Q {
  const alloc = efficient(slice.model);
  const u = (r: readonly Q[]) => valueInTransferUnits(slice, allocationFor(slice, alloc, r), x).add(ownV(slice, r));
  return u(x).sub(u(y));
}

/** The facing-endpoint pair of B_a → B_b, date by date (a common point where the intervals meet). */
function facingPair(a: Box, b: Box): { x: Q[]; y: Q[] } {
  const x: Q[] = [], y: Q[] = [];
  a.lo.forEach((_, t) => {
    const la = a.lo[t]!, ha = a.hi[t]!, lb = b.lo[t]!, hb = b.hi[t]!;
    if (ha.lt(lb)) [x[t], y[t]] = [ha, lb];
    else if (hb.lt(la)) [x[t], y[t]] = [la, hb];
    else {
      const c = Q.max(la, lb); // in both intervals
      [x[t], y[t]] = [c, c];
    }
  });
  return { x, y };
}

export function boxConstants(slice: AgentSlice, boxes: readonly Box[]): BoxConstants {
  const K = boxes.length;
  const upper = boxes.map((b) => ownV(slice, b.hi));
  const loss = boxes.map((a, i) =>
    boxes.map((b, j) => {
      if (i === j) return { value: Q.ZERO, x: [...a.hi], y: [...a.hi] };
      const { x, y } = facingPair(a, b);
      return { value: vcgLoss(slice, x, y), x, y };
    }),
  );
  // Floyd–Warshall shortest paths over the (nonnegative) losses
  const dist = loss.map((row) => row.map((l) => l.value));
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < K; i++) {
      for (let j = 0; j < K; j++) {
        const via = dist[i]![k]!.add(dist[k]![j]!);
        if (via.lt(dist[i]![j]!)) dist[i]![j] = via;
      }
    }
  }
  const m = boxes.map((_, a) => upper.map((u, b) => u.add(dist[a]![b]!)).reduce((p, c) => Q.min(p, c)));
  const linkedMin = upper.reduce((p, c) => Q.min(p, c));
  const out = { boxes, upper, loss, m, linkedMin };
  const problems = verifyBoxConstants(out);
  if (problems.length > 0) throw new InternalError(`box constants failed verification: ${problems.join("; ")}`);
  return out;
}

/** Independent re-check of the constants: feasibility (m_c ≤ U_c, m_a ≤ m_b + loss) and every loss ≥ 0. */
export function verifyBoxConstants(c: Pick<BoxConstants, "upper" | "loss" | "m">): string[] {
  const problems: string[] = [];
  c.m.forEach((ma, a) => {
    if (ma.gt(c.upper[a]!)) problems.push(`m_${a + 1} = ${ma} > U_${a + 1} = ${c.upper[a]}`);
    c.m.forEach((mb, b) => {
      const l = c.loss[a]![b]!.value;
      if (l.sign() < 0) problems.push(`loss ${a + 1} → ${b + 1} is negative (${l})`);
      if (ma.gt(mb.add(l))) problems.push(`m_${a + 1} = ${ma} > m_${b + 1} + L = ${mb.add(l)}`);
    });
  });
  return problems;
}

/** Indices of the boxes containing y. */
export function boxesContaining(boxes: readonly Box[], y: readonly Q[]): number[] {
  return boxes.flatMap((b, c) => (y.every((v, t) => v.ge(b.lo[t]!) && v.le(b.hi[t]!)) ? [c] : []));
}

/** W(y) = Vⁿ(y) − m_c for the (any) box containing y; boxes that meet carry equal constants. */
export function boxTransfer(slice: AgentSlice, c: BoxConstants, y: readonly Q[]): Q {
  const [first] = boxesContaining(c.boxes, y);
  if (first === undefined) throw new InternalError(`report (${y.join(", ")}) lies in no box`);
  return ownV(slice, y).sub(c.m[first]!);
}

/**
 * The deviation search behind the proof: IC and W ≥ 0 checked exactly at every pair of `points`
 * (e.g. all box corners and a lattice). Returns the violations found (none when the argument above
 * is right).
 */
export function searchBoxDeviations(slice: AgentSlice, c: BoxConstants, points: readonly (readonly Q[])[]): string[] {
  const problems: string[] = [];
  const alloc = efficient(slice.model);
  const a = points.map((y) => allocationFor(slice, alloc, y));
  const w = points.map((y) => boxTransfer(slice, c, y));
  points.forEach((x, i) => {
    if (w[i]!.sign() < 0) problems.push(`W(${x.join(", ")}) = ${w[i]} < 0`);
    const truthful = valueInTransferUnits(slice, a[i]!, x).add(w[i]!);
    points.forEach((y, j) => {
      const lie = valueInTransferUnits(slice, a[j]!, x).add(w[j]!);
      if (lie.gt(truthful) && problems.length < 20) problems.push(`type (${x.join(", ")}) gains ${lie.sub(truthful)} by reporting (${y.join(", ")})`);
    });
  });
  return problems;
}

/** Every corner of every box (2^T per box), without repeats. */
export function boxCorners(boxes: readonly Box[]): Q[][] {
  const out = new Map<string, Q[]>();
  for (const b of boxes) {
    let pts: Q[][] = [[]];
    b.lo.forEach((lo, t) => {
      pts = pts.flatMap((p) => (lo.eq(b.hi[t]!) ? [[...p, lo]] : [[...p, lo], [...p, b.hi[t]!]]));
    });
    for (const p of pts) out.set(p.join(","), p);
  }
  return [...out.values()];
}
