/**
 * Generated report grids for the zhu2021 grid oracle (zhu2021.ts), all inside Ωⁿ(T, μ_, μ̄):
 *  - `latticeRows`: every date's coordinates on d + 1 equally spaced values in [0, T·μ̄ⁿ_i], kept
 *    where the row is in Ωⁿ (nested for d = 1, 2, 4, …);
 *  - `boundaryRows`: points straddling the cell boundaries of ordA (the hyperplanes where the
 *    knapsack basis or agent n's share regime changes — where values kink and planted bugs hide):
 *    the truth's date-t report projected onto each boundary hyperplane of date t, then moved ±ε
 *    along its normal, other dates kept; and the truth moved ±ε along each free coordinate (the
 *    agent's own value kinks on the diagonal: in his true endowment at his report).
 * Random rows come from the search layer (fast-check), not from here.
 */
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { cellsOf } from "../equilibrium/zhu2021-best-response-cells.js";
import type { Order } from "../mechanisms/zhu2021/allocation.js";
import { dateSetup, enumerateRegions } from "../mechanisms/zhu2021/linked-min-cells.js";
import { newLpStats } from "../mechanisms/zhu2021/linked-min-lp.js";
import { inTypeSpaceRow, type Profile, type RepeatedModel } from "../models/zhu2021/repeated.js";
import type { Row } from "./zhu2021.js";

const key = (r: Row) => r.map((c) => c.join(",")).join(";");

/** The rows without repeats, first occurrence kept. */
export function dedupe(rows: readonly Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = key(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The lattice of Ωⁿ with `divisions` steps per coordinate; refuses more than `maxPoints` candidates. */
export function latticeRows(model: RepeatedModel, agent: number, divisions: number, maxPoints = 20000): Row[] {
  if (!Number.isInteger(divisions) || divisions < 1 || divisions > 64) throw new InputError("divisions", "must be an integer in 1..64");
  const { T, econ } = model;
  const TQ = Q.of(T);
  // a coordinate with μ̄ = 0 has the single value 0
  const values = model.muHigh[agent]!.map((h) => (h.isZero() ? [Q.ZERO] : Array.from({ length: divisions + 1 }, (_, k) => h.mul(TQ).mul(Q.of(k, divisions)))));
  const perDate = values.reduce((n, v) => n * v.length, 1);
  if (perDate ** T > maxPoints) throw new InputError("divisions", `the lattice of Ωⁿ would have ${perDate}^${T} candidate rows (more than ${maxPoints})`);
  let dates: Q[][] = [[]];
  for (let i = 0; i < econ.I; i++) dates = dates.flatMap((p) => values[i]!.map((v) => [...p, v]));
  let rows: Q[][][] = [[]];
  for (let t = 0; t < T; t++) rows = rows.flatMap((r) => dates.map((d) => [...r, d]));
  return rows.filter((r) => inTypeSpaceRow(model, agent, r));
}

/**
 * Rows straddling ordA's cell boundaries near the truth row `profile[agent]` (see the header), the
 * truth row first. Only rows in Ωⁿ (and ≥ 0) are kept.
 */
export function boundaryRows(model: RepeatedModel, order: Order, profile: Profile, agent: number, eps: Q): Row[] {
  if (eps.sign() <= 0) throw new InputError("eps", "must be > 0");
  const { T, econ } = model;
  const TQ = Q.of(T);
  const upper = model.muHigh[agent]!.map((h) => h.mul(TQ));
  const truth = profile[agent]!;
  const out: Row[] = [truth.map((c) => c.slice())];
  // T = 1: a coordinate with μ_ = μ̄ is fixed; any T: μ̄ = 0 fixes it at 0.
  const free = upper.map((u, i) => u.sign() > 0 && (T > 1 || !model.muLow[agent]![i]!.eq(model.muHigh[agent]![i]!)));
  const stats = { candidates: 0, lp: newLpStats() };
  for (let t = 0; t < T; t++) {
    const setup = dateSetup(model, order, profile, agent, t);
    const cells = cellsOf(econ.I, enumerateRegions(model, order, setup, agent, upper, stats));
    const x = truth[t]!;
    // The agent's own value v(Aⁿ(z), x) kinks at x = z: straddle the truth itself too.
    for (let i = 0; i < econ.I; i++) {
      if (!free[i]) continue;
      for (const side of [eps.neg(), eps]) {
        const y = x.map((v, k) => (k === i ? v.add(side) : v));
        const row = truth.map((c, s) => (s === t ? y : c.slice()));
        if (y[i]!.sign() >= 0 && inTypeSpaceRow(model, agent, row)) out.push(row);
      }
    }
    for (const cell of cells) {
      for (const h of cell.rows) {
        // Move only coordinates Ωⁿ lets move (a fixed one would leave the type space at once).
        const a = h.a.map((v, i) => (free[i] ? v : Q.ZERO));
        const norm2 = a.reduce((s, v) => s.add(v.mul(v)), Q.ZERO);
        if (norm2.isZero()) continue;
        const ax = h.a.reduce((s, v, i) => s.add(v.mul(x[i]!)), Q.ZERO);
        const step = h.b.sub(ax).div(norm2); // x + step·a lies on h.a·x = b (a agrees with h.a where it moves)
        for (const side of [eps.neg(), eps]) {
          const y = x.map((v, i) => v.add(a[i]!.mul(step.add(side))));
          if (y.some((v) => v.sign() < 0)) continue;
          const row = truth.map((c, s) => (s === t ? y : c.slice()));
          if (inTypeSpaceRow(model, agent, row)) out.push(row);
        }
      }
    }
  }
  return dedupe(out);
}
