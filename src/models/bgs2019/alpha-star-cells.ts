/**
 * The exact set of maximizers of (6) for discrete values, from a dual certificate. With cuts u′ₖ ∈ 𝒰
 * and weights y ≥ 0, Σy = 1, such that z = u − Σ yₖu′ₖ has max z = I_𝒰(u), every maximizer x has
 *   I = xᵀu − φ(x) ≤ Σ yₖ xᵀ(u − u′ₖ) = xᵀz ≤ I,
 * so equality holds throughout: x is supported on J = {j : zⱼ = I} and φ(x) = xᵀu′ₖ whenever yₖ > 0,
 * i.e. the allocation behind u′ₖ (the first agent with the largest pₖᵢvᵢ wins, pₖ the cut's point)
 * is optimal at x for every profile. Conversely every such x attains I. Those are ratio constraints
 * xᵢvᵢ ≤ x_w v_w, and the box of {x ∈ Δ : xᵢ ≤ c·x_w, x_Z = 0} follows from their closure under
 * chaining (shortest paths with products): the extreme ratios are attained simultaneously.
 */
import { Q } from "../../exact/rational.js";
import type { ValueDist } from "./distribution.js";

/** C[i][w] = c: xᵢ ≤ c·x_w is implied (null: no constraint); 0 forces xᵢ = 0. */
type Ratios = (Q | null)[][];

const tighten = (C: Ratios, i: number, w: number, c: Q) => {
  const old = C[i]![w];
  if (old === null || old === undefined || c.lt(old)) C[i]![w] = c;
};

/** The constraints saying that at x the winner at p (lowest index among the largest pᵢvᵢ) still has the largest xᵢvᵢ. */
export function winnerRatios(ds: readonly ValueDist[], p: readonly Q[], C: Ratios): void {
  const n = ds.length;
  const vals = ds.map((d) => (d.kind === "discrete" ? d.points.map((x) => x.v) : []));
  const bids = vals.map((vs, j) => vs.map((v) => p[j]!.mul(v)));
  const beats = (w: number, a: number, j: number, b: number) => {
    const c = bids[w]![a]!.cmp(bids[j]![b]!);
    return c > 0 || (c === 0 && w < j);
  };
  for (let w = 0; w < n; w++)
    vals[w]!.forEach((vw, a) => {
      // The others can lose at once only if each loses at its smallest value.
      const others = (i: number) => vals.every((_, j) => j === w || j === i || beats(w, a, j, 0));
      for (let i = 0; i < n; i++) {
        if (i === w || !others(i)) continue;
        vals[i]!.forEach((vi, b) => {
          if (vi.sign() > 0 && beats(w, a, i, b)) tighten(C, i, w, vw.div(vi));
        });
      }
    });
}

/**
 * The coordinate box of {x ∈ Δ : x_Z = 0, xᵢ ≤ C[i][w]·x_w}. Assumes the set is nonempty (it holds
 * a certified maximizer).
 */
export function ratioBox(C: Ratios, zero: readonly boolean[]): { lo: Q[]; hi: Q[] } {
  const n = zero.length;
  const Z = [...zero];
  let D: Ratios = [];
  for (let changed = true; changed; ) {
    changed = false;
    // A bound by 0, or by a coordinate forced to 0, forces 0.
    for (let i = 0; i < n; i++)
      for (let w = 0; w < n; w++) {
        const c = C[i]![w];
        if (!Z[i] && c !== null && c !== undefined && (c.isZero() || Z[w])) [Z[i], changed] = [true, true];
      }
    D = C.map((row, i) => row.map((c, w) => (Z[i] || Z[w] ? null : i === w ? Q.ONE : (c ?? null))));
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++)
        for (let w = 0; w < n; w++) {
          const a = D[i]![k], b = D[k]![w];
          if (a !== null && a !== undefined && b !== null && b !== undefined) tighten(D, i, w, a.mul(b));
        }
    // A cycle of ratios below 1 forces its coordinates to 0.
    for (let i = 0; i < n; i++) if (!Z[i] && D[i]![i]!.lt(Q.ONE)) [Z[i], changed] = [true, true];
  }
  const lo: Q[] = [], hi: Q[] = [];
  for (let i = 0; i < n; i++) {
    if (Z[i]) {
      lo.push(Q.ZERO);
      hi.push(Q.ZERO);
      continue;
    }
    // Largest xᵢ: every other coordinate at its least ratio to xᵢ; smallest: at its largest.
    let down = Q.ZERO, up = Q.ZERO, unbounded = false;
    for (let j = 0; j < n; j++) {
      if (Z[j]) continue;
      const a = D[i]![j], b = D[j]![i];
      if (a !== null && a !== undefined) down = down.add(a.inv());
      if (b === null || b === undefined) unbounded = true;
      else up = up.add(b);
    }
    hi.push(down.inv());
    lo.push(unbounded ? Q.ZERO : up.inv());
  }
  return { lo, hi };
}

/** The exact box of the maximizers from cut points with positive weight and the support J. */
export function maximizerBox(ds: readonly ValueDist[], points: readonly (readonly Q[])[], inJ: readonly boolean[]): { lo: Q[]; hi: Q[] } {
  const n = ds.length;
  const C: Ratios = Array.from({ length: n }, () => new Array<Q | null>(n).fill(null));
  for (const p of points) winnerRatios(ds, p, C);
  return ratioBox(C, inJ.map((b) => !b));
}
