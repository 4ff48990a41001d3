/**
 * Stylized type spaces Ω*ⁿ ⊂ Ωⁿ = [0, ∞)^T for the single-resource model (zhu2022 §4.1.1, stylized
 * §3 "Constructing the Linked VCG Mechanisms"), as finite unions of polytopes so that membership,
 * the Lemma 1 retraction and the linked VCG minimum are all exact:
 * - `window`      zhu2022 Theorem 1: |Σ_{s≠t} ω_s/(T − 1) − ω_avg| ≤ x for every t (T = N there),
 * - `box-average` stylized Theorem 1: ω_t ≤ ω_max for every t and |Σ_t ω_t/T − ω_avg| ≤ x,
 * - `polytope`    user-given rows a·ω (op) b,
 * - `union`       a union of the above (e.g. disjoint boxes), to probe non-convex/disconnected Ω*,
 * - `all`         Ω itself (unlinked VCG = linked VCG over Ω).
 * Every piece implicitly has ω ≥ 0.
 */
import { InputError } from "../exact/errors.js";
import { Q, sum } from "../exact/rational.js";
import { isFeasible } from "../lp/index.js";
import type { LpRow } from "../lp/index.js";

export type OmegaStar =
  | { readonly kind: "all" }
  | { readonly kind: "window"; readonly avg: Q; readonly x: Q }
  | { readonly kind: "box-average"; readonly max: Q; readonly avg: Q; readonly x: Q }
  | { readonly kind: "polytope"; readonly rows: readonly LpRow[] }
  | { readonly kind: "box"; readonly lo: readonly Q[]; readonly hi: readonly Q[] }
  | { readonly kind: "union"; readonly parts: readonly OmegaStar[] };

/** A convex piece: rows over T variables, with ω ≥ 0 implicit. */
export interface Piece {
  readonly rows: readonly LpRow[];
}

function unit(T: number, t: number, c: Q): Q[] {
  return Array.from({ length: T }, (_, s) => (s === t ? c : Q.ZERO));
}

/** Checks the parameters (exit 2 on nonsense) for a given T. */
export function checkOmegaStar(set: OmegaStar, T: number, field = "omegaStar"): void {
  switch (set.kind) {
    case "all":
      return;
    case "window":
      if (T < 2) throw new InputError(`${field}.kind`, "the window set needs T ≥ 2 (it averages over the other T − 1 dates)");
      if (set.x.lt(Q.ZERO)) throw new InputError(`${field}.x`, `x(N) must be ≥ 0 (got ${set.x})`);
      if (!set.avg.gt(Q.ZERO)) throw new InputError(`${field}.avg`, `ω_avg must be > 0 (got ${set.avg})`);
      return;
    case "box-average":
      if (set.x.lt(Q.ZERO)) throw new InputError(`${field}.x`, `x(N) must be ≥ 0 (got ${set.x})`);
      if (!set.avg.gt(Q.ZERO)) throw new InputError(`${field}.avg`, `ω_avg must be > 0 (got ${set.avg})`);
      if (!set.max.gt(set.avg)) throw new InputError(`${field}.max`, `ω_max must exceed ω_avg (stylized Assumption 1; got ${set.max} ≤ ${set.avg})`);
      return;
    case "polytope":
      set.rows.forEach((r, i) => {
        if (r.a.length !== T) throw new InputError(`${field}.rows[${i + 1}]`, `must have T = ${T} coefficients (got ${r.a.length})`);
      });
      return;
    case "box":
      if (set.lo.length !== T || set.hi.length !== T) throw new InputError(`${field}`, `box bounds must have T = ${T} entries`);
      set.lo.forEach((l, t) => {
        if (l.lt(Q.ZERO)) throw new InputError(`${field}.lo[${t + 1}]`, `must be ≥ 0 (got ${l})`);
        if (l.gt(set.hi[t] as Q)) throw new InputError(`${field}.hi[${t + 1}]`, `must be ≥ lo (got ${set.hi[t]} < ${l})`);
      });
      return;
    case "union":
      if (set.parts.length === 0) throw new InputError(`${field}.parts`, "a union needs at least one part");
      set.parts.forEach((p, i) => checkOmegaStar(p, T, `${field}.parts[${i + 1}]`));
      return;
  }
}

/** Sets are immutable; their rows (O(T²) rationals for the window) are built once per T. */
const piecesCache = new WeakMap<OmegaStar, Map<number, readonly Piece[]>>();

/** The convex pieces of Ω*ⁿ as LP rows over (ω_1, …, ω_T). */
export function pieces(set: OmegaStar, T: number): readonly Piece[] {
  let byT = piecesCache.get(set);
  if (!byT) piecesCache.set(set, (byT = new Map()));
  let ps = byT.get(T);
  if (!ps) byT.set(T, (ps = buildPieces(set, T)));
  return ps;
}

function buildPieces(set: OmegaStar, T: number): Piece[] {
  switch (set.kind) {
    case "all":
      return [{ rows: [] }];
    case "window": {
      // |Σ_{s≠t} ω_s − (T−1)ω_avg| ≤ (T−1)x, one pair of rows per date t
      const rows: LpRow[] = [];
      const k = T - 1;
      for (let t = 0; t < T; t++) {
        const a = Array.from({ length: T }, (_, s) => (s === t ? Q.ZERO : Q.ONE));
        rows.push({ a, op: "<=", b: set.avg.add(set.x).mul(Q.of(k)) });
        rows.push({ a, op: ">=", b: set.avg.sub(set.x).mul(Q.of(k)) });
      }
      return [{ rows }];
    }
    case "box-average": {
      const ones = Array.from({ length: T }, () => Q.ONE);
      const rows: LpRow[] = [
        { a: ones, op: "<=", b: set.avg.add(set.x).mul(Q.of(T)) },
        { a: ones, op: ">=", b: set.avg.sub(set.x).mul(Q.of(T)) },
      ];
      for (let t = 0; t < T; t++) rows.push({ a: unit(T, t, Q.ONE), op: "<=", b: set.max });
      return [{ rows }];
    }
    case "polytope":
      return [{ rows: set.rows }];
    case "box": {
      const rows: LpRow[] = [];
      for (let t = 0; t < T; t++) {
        rows.push({ a: unit(T, t, Q.ONE), op: ">=", b: set.lo[t] as Q });
        rows.push({ a: unit(T, t, Q.ONE), op: "<=", b: set.hi[t] as Q });
      }
      return [{ rows }];
    }
    case "union":
      return set.parts.flatMap((p) => pieces(p, T));
  }
}

function satisfies(row: LpRow, x: readonly Q[]): boolean {
  const lhs = sum(row.a.flatMap((c, t) => (c.isZero() ? [] : [c.mul(x[t] as Q)])));
  return row.op === "<=" ? lhs.le(row.b) : row.op === ">=" ? lhs.ge(row.b) : lhs.eq(row.b);
}

export function inPiece(piece: Piece, x: readonly Q[]): boolean {
  return x.every((v) => v.ge(Q.ZERO)) && piece.rows.every((r) => satisfies(r, x));
}

/** ωⁿ ∈ Ω*ⁿ, exactly. */
export function contains(set: OmegaStar, x: readonly Q[]): boolean {
  if (!x.every((v) => v.sign() >= 0)) return false;
  switch (set.kind) {
    case "all":
      return true;
    case "window": {
      // Σ_{s≠t} ω_s = S − ω_t: every row holds iff the extreme dates do — O(T), where the rows are O(T²)
      if (x.length < 2) return pieces(set, x.length).some((p) => inPiece(p, x));
      const k = Q.of(x.length - 1), S = sum([...x]);
      const lo = S.sub(x.reduce((m, v) => Q.max(m, v))), hi = S.sub(x.reduce((m, v) => Q.min(m, v)));
      return lo.ge(set.avg.sub(set.x).mul(k)) && hi.le(set.avg.add(set.x).mul(k));
    }
    case "box-average": {
      const T = Q.of(x.length), S = sum([...x]);
      return x.every((v) => v.le(set.max)) && S.le(set.avg.add(set.x).mul(T)) && S.ge(set.avg.sub(set.x).mul(T));
    }
    case "box":
      return x.every((v, t) => v.ge(set.lo[t] as Q) && v.le(set.hi[t] as Q));
    case "union":
      return set.parts.some((p) => contains(p, x));
    case "polytope":
      return pieces(set, x.length).some((p) => inPiece(p, x));
  }
}

/** A member of the piece agreeing with `prefix` on the first dates, or null (exact LP). */
export function completion(piece: Piece, T: number, prefix: readonly Q[]): Q[] | null {
  const lower = Array.from({ length: T }, (_, t) => (t < prefix.length ? (prefix[t] as Q) : Q.ZERO));
  const upper = Array.from({ length: T }, (_, t) => (t < prefix.length ? (prefix[t] as Q) : null));
  const r = isFeasible({ rows: piece.rows, lower, upper });
  return r.feasible ? r.x : null;
}

/**
 * The retraction of Lemma 1 (zhu2022 appendix, stylized §2): t(ω) is the first date whose prefix
 * has no extension in Ω*; [ω] is a member selected from the prefix ω|_{t(ω)−1} alone (the first
 * piece, in order, with a completion; its LP vertex), so [·] is adapted and the identity on Ω*.
 */
export function retract(set: OmegaStar, x: readonly Q[]): Q[] {
  const T = x.length;
  if (contains(set, x)) return [...x];
  const ps = pieces(set, T);
  let last: Q[] | null = null; // a completion of the longest extendable prefix
  for (let t = 0; t <= T; t++) {
    const prefix = x.slice(0, t);
    let found: Q[] | null = null;
    for (const p of ps) {
      found = completion(p, T, prefix);
      if (found) break;
    }
    if (!found) break;
    last = found;
  }
  if (!last) throw new InputError("omegaStar", "Ω*ⁿ is empty: no report satisfies its constraints");
  return last;
}

export function describeOmegaStar(set: OmegaStar): string {
  switch (set.kind) {
    case "all":
      return "Ω (no restriction)";
    case "window":
      return `window(avg=${set.avg}, x=${set.x})`;
    case "box-average":
      return `box-average(max=${set.max}, avg=${set.avg}, x=${set.x})`;
    case "polytope":
      return `polytope(${set.rows.length} rows)`;
    case "box":
      return `box([${set.lo.join(", ")}], [${set.hi.join(", ")}])`;
    case "union":
      return `union(${set.parts.map(describeOmegaStar).join(" ∪ ")})`;
  }
}
