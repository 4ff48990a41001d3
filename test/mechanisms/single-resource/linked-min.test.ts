/**
 * certifiedMin (src/mechanisms/single-resource/linked-min.ts) against references that do not share its
 * code: exact evaluation of Σ h_t on rational grids of feasible points and around the returned argmin,
 * closed forms derived by hand (monotonicity, symmetry + convexity), and a planted wrong lower bound
 * that the same harness must flag. Fixed fast-check seeds; no timing assertions.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/exact/errors.js";
import { Q, q } from "../../../src/exact/rational.js";
import { solveLP, type LpRow } from "../../../src/lp/index.js";
import { dateTerms, othersSurplus, type DateTerm } from "../../../src/mechanisms/single-resource/date-terms.js";
import { certifiedMin, type MinBounds } from "../../../src/mechanisms/single-resource/linked-min.js";
import { makeModel } from "../../../src/models/single-resource/model.js";
import { quadlin, saturating, saturating2, type ProjectType } from "../../../src/models/single-resource/project.js";
import { inPiece, pieces, type OmegaStar, type Piece } from "../../../src/typespace/single-resource.js";

// ───────────── instances ─────────────

/** Agent 0's date terms when the others report `others` (one row per other agent, T entries each). */
function termsFor(f: ProjectType, qbar: Q, beta: Q, others: readonly (readonly Q[])[]): DateTerm[] {
  const T = (others[0] as readonly Q[]).length;
  const model = makeModel({ N: others.length + 1, T, beta, qbar, f });
  const own = Array.from({ length: T }, () => Q.ZERO); // ignored by dateTerms
  return dateTerms(model, [own, ...others], 0);
}

const row = (a: readonly number[], op: LpRow["op"], b: Q): LpRow => ({ a: a.map((v) => q(v)), op, b });

// ───────────── the brute-force harness ─────────────

/**
 * The exact range of x_T given x_1..x_{T−1}: with the others fixed each row is a condition on x_T alone,
 * so the intersection over the rows (and x_T ≥ 0) is exactly the feasible set. null when empty.
 */
function lastRange(piece: Piece, prefix: readonly Q[]): [Q, Q | null] | null {
  const T = prefix.length + 1;
  let lo = Q.ZERO;
  let hi: Q | null = null;
  for (const r of piece.rows) {
    const rest = r.b.sub(prefix.reduce((s, v, t) => s.add((r.a[t] as Q).mul(v)), Q.ZERO));
    const c = r.a[T - 1] as Q;
    if (c.isZero()) {
      const ok = r.op === "<=" ? rest.sign() >= 0 : r.op === ">=" ? rest.sign() <= 0 : rest.isZero();
      if (!ok) return null;
      continue;
    }
    const v = rest.div(c);
    const op = c.sign() < 0 ? (r.op === "<=" ? ">=" : r.op === ">=" ? "<=" : "=") : r.op;
    if (op !== "<=") lo = Q.max(lo, v);
    if (op !== ">=") hi = hi === null ? v : Q.min(hi, v);
  }
  return hi !== null && lo.gt(hi) ? null : [lo, hi];
}

/**
 * Feasible points of the piece: a grid of step U/K on the first T − 1 coordinates, and for each prefix
 * the last coordinate on the same grid within its exact range plus both ends of the range (the far
 * end is where non-increasing terms want to be).
 */
function gridPoints(piece: Piece, T: number, U: Q, K: number): Q[][] {
  const steps = Array.from({ length: K + 1 }, (_, i) => U.mul(Q.of(i, K)));
  let prefixes: Q[][] = [[]];
  for (let t = 0; t < T - 1; t++) prefixes = prefixes.flatMap((p) => steps.map((v) => [...p, v]));
  const out: Q[][] = [];
  for (const p of prefixes) {
    const r = lastRange(piece, p);
    if (!r) continue;
    const [lo, hi] = r;
    const lasts = [lo, ...(hi ? [hi] : []), ...steps.filter((v) => v.ge(lo) && (hi === null || v.le(hi)))];
    for (const v of lasts) out.push([...p, v]);
  }
  return out.filter((x) => inPiece(piece, x));
}

/** Feasible points near x: ±eps along each axis and along every transfer e_s − e_t. */
function neighbours(piece: Piece, x: readonly Q[], eps: Q): Q[][] {
  const T = x.length;
  const dirs: Q[][] = [];
  for (let s = 0; s < T; s++) {
    for (let t = 0; t < T; t++) {
      const d = x.map(() => Q.ZERO);
      d[s] = eps;
      if (t !== s) d[t] = eps.neg();
      dirs.push(d, d.map((v) => v.neg()));
    }
  }
  return dirs.map((d) => x.map((v, t) => v.add(d[t] as Q))).filter((y) => inPiece(piece, y));
}

interface Bounds {
  lo: Q;
  hi: Q;
  argmin: Q[] | null;
  piece: number;
  status: MinBounds["status"];
}

/**
 * The soundness checks, as a list of violations (empty = sound): argmin feasible with value hi; lo ≤ hi;
 * lo ≤ Σh at every probe point (each is feasible, so its value is ≥ the true minimum ≥ a valid lo);
 * certified ⇒ hi − lo ≤ tol·max(1, |hi|) and hi ≤ (best probe) + that (hi − tol ≤ lo ≤ min ≤ probe).
 */
function violations(terms: readonly DateTerm[], ps: readonly Piece[], b: Bounds, probes: readonly Q[][], tol: Q): string[] {
  const out: string[] = [];
  const slack = tol.mul(Q.max(Q.ONE, b.hi.abs()));
  const x = b.argmin;
  if (x === null || !inPiece(ps[b.piece] as Piece, x)) out.push("argmin missing or infeasible");
  else if (!othersSurplus(terms, x).eq(b.hi)) out.push("hi is not Σh(argmin)");
  if (b.lo.gt(b.hi)) out.push(`lo ${b.lo} > hi ${b.hi}`);
  let best: Q | null = null;
  for (const p of probes) {
    if (!ps.some((pc) => inPiece(pc, p))) continue;
    const v = othersSurplus(terms, p);
    if (best === null || v.lt(best)) best = v;
    if (v.lt(b.lo)) out.push(`lo ${b.lo.toNumber()} exceeds the value ${v.toNumber()} at feasible [${p.map((c) => c.toNumber()).join(", ")}]`);
  }
  if (b.status === "certified") {
    if (b.hi.sub(b.lo).gt(slack)) out.push("certified with a gap above tol");
    if (best !== null && b.hi.gt(best.add(slack))) out.push(`certified hi ${b.hi.toNumber()} above a feasible value ${best.toNumber()}`);
  }
  return out.slice(0, 5);
}

/** Runs certifiedMin and the harness on the grid plus the argmin's neighbourhood. */
function checkAgainstGrid(terms: readonly DateTerm[], set: OmegaStar, U: Q, K: number, opts: { tol: Q; maxRounds?: number }): MinBounds {
  const T = terms.length;
  const ps = pieces(set, T);
  const res = certifiedMin(terms, ps, opts);
  const probes = ps.flatMap((p) => gridPoints(p, T, U, K));
  const x = res.argmin as Q[];
  for (const eps of [Q.of(1, 1000), Q.of(1, 1_000_000)]) probes.push(...neighbours(ps[res.piece] as Piece, x, eps));
  expect(violations(terms, ps, res, probes, opts.tol)).toEqual([]);
  return res;
}

const TOL = Q.of(1, 1_000_000_000_000);

// ───────────── closed forms ─────────────

describe("closed-form references (derived by hand, independent of the implementation)", () => {
  const f = saturating(q(1), q(1));

  it("T = 1 with a sum cap: the minimum is h at the cap (h is non-increasing), exactly", () => {
    // Ω* = {x ≥ 0 : x ≤ 5/2}; h non-increasing ⇒ min = h(5/2), a rational.
    const terms = termsFor(f, q(3), q(1), [[q(2)]]);
    const res = certifiedMin(terms, pieces({ kind: "polytope", rows: [row([1], "<=", q(5, 2))] }, 1));
    const ref = (terms[0] as DateTerm).value(q(5, 2));
    expect(res.lo.eq(ref) && res.hi.eq(ref)).toBe(true);
    expect(res.status).toBe("certified");
  });

  it("a box below the cap: the box top is optimal (monotone), exactly", () => {
    // box-average with max·T ≤ T(avg + x): every x_t ≤ max and the cap cannot bind ⇒ x = max·1.
    const terms = termsFor(f, q(3), q(9, 10), [[q(1), q(2), q(1, 2)]]);
    const res = certifiedMin(terms, pieces({ kind: "box-average", max: q(3, 2), avg: q(1), x: q(3, 4) }, 3));
    const ref = othersSurplus(terms, [q(3, 2), q(3, 2), q(3, 2)]);
    expect(res.lo.eq(ref) && res.hi.eq(ref)).toBe(true);
    expect(res.method).toBe("monotone corner");
  });

  // Identical terms (β = 1, the others hold the same amount every date) and a permutation-symmetric
  // convex piece: for feasible x its average over permutations x̄ = (S/T)·1 is feasible (convexity and
  // symmetry) and Σ h(x_t) ≥ T·h(S/T) (Jensen), and S/T is largest at the cap, so by monotonicity
  // min = T·h(s*) with s* the largest feasible equal share: min(max, avg + x) for box-average, and
  // avg + x for the window (its rows read (T−1)(avg − x) ≤ (T−1)s ≤ (T−1)(avg + x) on x = s·1).
  const identical = (T: number) => termsFor(f, q(3), q(1), [Array.from({ length: T }, () => q(3, 2))]);
  for (const T of [2, 3, 5, 64]) {
    it(`identical terms, box-average (T = ${T}): T·h(avg + x) at the equal split`, () => {
      const terms = identical(T);
      const res = certifiedMin(terms, pieces({ kind: "box-average", max: q(4), avg: q(1), x: q(1, 3) }, T), { tol: TOL });
      const ref = (terms[0] as DateTerm).value(q(4, 3)).mul(Q.of(T));
      expect(res.lo.le(ref) && ref.le(res.hi)).toBe(true);
      expect(res.status).toBe("certified");
      expect(res.method).toBe("box+sum Lagrangian");
    });
  }
  for (const T of [3, 8, 64]) {
    it(`identical terms, window (T = ${T}): T·h(avg + x) at the equal split`, () => {
      const terms = identical(T);
      const res = certifiedMin(terms, pieces({ kind: "window", avg: q(1), x: q(1, 4) }, T), { tol: TOL });
      const ref = (terms[0] as DateTerm).value(q(5, 4)).mul(Q.of(T));
      expect(res.lo.le(ref) && ref.le(res.hi)).toBe(true);
      expect(res.status).toBe("certified");
    });
  }
});

// ───────────── brute force ─────────────

describe("convex terms against an exact grid", () => {
  const f = saturating(q(1), q(1));
  const others = [
    [q(1), q(2), q(1, 2)],
    [q(1, 2), q(1), q(3)],
  ];
  const terms3 = termsFor(f, q(3), q(9, 10), others);

  it("box+sum with a binding cap (water-filling), T = 3", () => {
    const res = checkAgainstGrid(terms3, { kind: "box-average", max: q(3), avg: q(1), x: q(1, 2) }, q(3), 12, { tol: TOL });
    expect(res.method).toBe("box+sum Lagrangian");
    expect(res.status).toBe("certified");
  });

  it("the window piece, T = 3 (sum-structured rows)", () => {
    const res = checkAgainstGrid(terms3, { kind: "window", avg: q(1), x: q(1, 3) }, q(4), 12, { tol: TOL });
    expect(res.method).toBe("sum-structured Lagrangian (LP multipliers)");
    expect(res.status).toBe("certified");
  });

  it("a general polytope, T = 3 (tangent cuts)", () => {
    const rows = [row([1, 2, 3], "<=", q(6)), row([2, 1, 1], "<=", q(5)), row([1, -1, 0], "<=", q(1))];
    const res = checkAgainstGrid(terms3, { kind: "polytope", rows }, q(6), 12, { tol: TOL });
    expect(res.method).toBe("tangent cuts");
    expect(res.status).toBe("certified");
  });

  it("a union with an empty piece: min over the nonempty ones", () => {
    const set: OmegaStar = {
      kind: "union",
      parts: [
        { kind: "window", avg: q(1), x: q(1, 3) },
        { kind: "polytope", rows: [row([1, 0, 0], ">=", q(5)), row([1, 0, 0], "<=", q(4))] },
        { kind: "box-average", max: q(2), avg: q(3, 2), x: q(1, 4) },
      ],
    };
    const res = checkAgainstGrid(terms3, set, q(4), 10, { tol: TOL });
    expect(res.status).toBe("certified");
    expect(res.piece).not.toBe(1);
  });

  it("an unbounded piece (Ω itself): lo from h ≥ 0, hi by walking out", () => {
    const res = checkAgainstGrid(terms3, { kind: "all" }, q(8), 6, { tol: Q.of(1, 1000) });
    expect(res.lo.isZero()).toBe(true);
    expect(res.status).toBe("certified");
  });

  it("the window piece, T = 8, against LP vertices, their mixtures and the argmin's neighbourhood", () => {
    const T = 8;
    const terms = termsFor(f, q(3), q(9, 10), [Array.from({ length: T }, (_, t) => Q.of(1 + (t % 3), 1 + (t % 2)))]);
    const ps = pieces({ kind: "window", avg: q(1), x: q(1, 4) }, T);
    const piece = ps[0] as Piece;
    const res = certifiedMin(terms, ps, { tol: TOL });
    const vertices = Array.from({ length: 12 }, (_, k) => {
      const c = Array.from({ length: T }, (_, t) => Q.of(((k + 1) * (t + 3) * 7919) % 23, 1 + k));
      const r = solveLP({ sense: "max", c, rows: piece.rows });
      if (r.status !== "optimal") throw new Error("window LP not optimal");
      return r.x;
    });
    const mixes = vertices.slice(1).map((v, k) => v.map((c, t) => c.add((vertices[k] as Q[])[t] as Q).div(q(2))));
    const x = res.argmin as Q[];
    const probes = [...vertices, ...mixes, ...neighbours(piece, x, Q.of(1, 1000)), ...neighbours(piece, x, Q.of(1, 1_000_000))];
    expect(probes.length).toBeGreaterThan(40);
    expect(violations(terms, ps, res, probes, TOL)).toEqual([]);
    expect(res.status).toBe("certified");
  });

  it("random small instances (fixed seed)", () => {
    const positive = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })).map(([n, d]) => Q.of(n, d));
    const share = fc.oneof({ weight: 4, arbitrary: positive }, { weight: 1, arbitrary: fc.constant(Q.ZERO) });
    const instance = fc.integer({ min: 1, max: 3 }).chain((T) =>
      fc.record({
        T: fc.constant(T),
        family: fc.constantFrom("saturating", "saturating2"),
        qbar: positive,
        beta: fc.constantFrom(q(1), q(9, 10)),
        others: fc.array(fc.array(share, { minLength: T, maxLength: T }), { minLength: 1, maxLength: 2 }),
        kind: fc.constantFrom("box-average", "window", "polytope", "box"),
        avg: positive,
        width: fc.integer({ min: 0, max: 3 }).map((n) => Q.of(n, 4)),
        coeffs: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: T, maxLength: T }),
      }),
    );
    fc.assert(
      fc.property(instance, (c) => {
        const f = c.family === "saturating" ? saturating(q(1), q(1)) : saturating2(q(1), q(1));
        const terms = termsFor(f, c.qbar, c.beta, c.others);
        const top = c.avg.add(c.width).mul(q(2));
        const set: OmegaStar =
          c.kind === "window" && c.T >= 2
            ? { kind: "window", avg: c.avg, x: c.width }
            : c.kind === "polytope"
              ? { kind: "polytope", rows: [{ a: c.coeffs.map((v) => q(v + 1)), op: "<=", b: top }, { a: c.coeffs.map((v) => q(v)), op: "<=", b: c.avg }] }
              : c.kind === "box"
                ? { kind: "box", lo: c.coeffs.map((v) => Q.of(v, 4)), hi: c.coeffs.map((v) => Q.of(v, 4).add(c.avg)) }
                : { kind: "box-average", max: top, avg: c.avg, x: c.width };
        const convex = terms.every((h) => h.convex);
        const opts = convex ? { tol: Q.of(1, 1_000_000_000) } : { tol: Q.of(1, 100), maxRounds: 400 };
        const U = top.mul(Q.of(c.T)).add(c.avg);
        const res = checkAgainstGrid(terms, set, U, c.T === 3 ? 8 : 16, opts);
        if (convex) expect(res.status).toBe("certified");
      }),
      { seed: 20221, numRuns: 40 },
    );
  });
});

describe("non-convex terms (branch and bound)", () => {
  // quadlin(c = 1, s = 0): h_t is certified convex only when q̄/O_t ≤ 2/3 (project.ts); with q̄ = 1 and
  // O_t = 1 it is not (concave stretch for x ∈ (0, 1/2)), with O_t = 3/2 it is; q̄ = 4 makes all non-convex.
  const f = quadlin(q(1), q(0));

  it("T = 2: valid bounds against the grid, certified at a loose tolerance", () => {
    const terms = termsFor(f, q(1), q(1), [[q(1), q(3, 2)]]);
    expect(terms.some((h) => !h.convex)).toBe(true);
    const res = checkAgainstGrid(terms, { kind: "box-average", max: q(8), avg: q(2), x: q(0) }, q(4), 40, { tol: Q.of(1, 1000), maxRounds: 3000 });
    expect(res.method).toBe("branch-and-bound (non-convex)");
    expect(res.status).toBe("certified");
  });

  it("T = 3 with a small budget: inconclusive, but the bounds still hold", () => {
    const terms = termsFor(f, q(1), q(1), [[q(1), q(3, 2), q(2)]]);
    const res = checkAgainstGrid(terms, { kind: "box-average", max: q(8), avg: q(2), x: q(0) }, q(6), 12, { tol: Q.of(1, 1_000_000), maxRounds: 200 });
    expect(res.status).toBe("inconclusive");
    expect(res.rounds).toBe(200);
  });

  it("a flat-then-decreasing term (q̄/O large): the optimum sits at a vertex, found exactly", () => {
    const terms = termsFor(f, q(4), q(1), [[q(1), q(3, 2)]]);
    expect(terms.every((h) => !h.convex)).toBe(true);
    const res = checkAgainstGrid(terms, { kind: "box-average", max: q(8), avg: q(3), x: q(1) }, q(8), 32, { tol: TOL });
    expect(res.status).toBe("certified");
  });
});

// ───────────── the harness catches a wrong lower bound ─────────────

describe("planted bug: a secant 'lower bound' is flagged by the harness", () => {
  // T = 2, box+sum with a binding cap: the minimum lies on x_1 + x_2 = S, where F(s) = h_1(s) + h_2(S − s)
  // is convex in s. Between nodes p < p' the tangents at p and p' bound F below (valid); the secant's
  // minimum min(F(p), F(p')) lies ABOVE F in between (the bug).
  const f = saturating(q(1), q(1));
  const terms = termsFor(f, q(3), q(1), [[q(1), q(3)]]);
  const [h1, h2] = terms as [DateTerm, DateTerm];
  const S = q(3);
  const set: OmegaStar = { kind: "box-average", max: q(3), avg: q(3, 2), x: q(0) };
  const F = (s: Q) => h1.value(s).add(h2.value(S.sub(s)));
  const dF = (s: Q) => h1.slope(s).sub(h2.slope(S.sub(s)));
  const nodes = [0, 1, 2, 3].map((v) => q(v));

  function coarseBounds(useTangents: boolean): Bounds {
    let lo: Q | null = null;
    for (let i = 0; i + 1 < nodes.length; i++) {
      const p = nodes[i] as Q, r = nodes[i + 1] as Q;
      let b: Q;
      if (!useTangents) b = Q.min(F(p), F(r));
      else if (dF(p).sign() >= 0) b = F(p);
      else if (dF(r).sign() <= 0) b = F(r);
      else {
        const xi = F(r).sub(F(p)).add(dF(p).mul(p)).sub(dF(r).mul(r)).div(dF(p).sub(dF(r)));
        b = F(p).add(dF(p).mul(xi.sub(p)));
      }
      lo = lo === null || b.lt(lo) ? b : lo;
    }
    const best = nodes.reduce((m, s) => (F(s).lt(F(m)) ? s : m));
    return { lo: lo as Q, hi: F(best), argmin: [best, S.sub(best)], piece: 0, status: "inconclusive" };
  }

  const ps = pieces(set, 2);
  const probes = gridPoints(ps[0] as Piece, 2, q(3), 64);

  it("the tangent version passes", () => {
    expect(violations(terms, ps, coarseBounds(true), probes, TOL)).toEqual([]);
  });

  it("the secant version is flagged", () => {
    expect(violations(terms, ps, coarseBounds(false), probes, TOL).length).toBeGreaterThan(0);
  });

  it("and certifiedMin passes the same harness on the same instance", () => {
    const res = certifiedMin(terms, ps, { tol: TOL });
    expect(violations(terms, ps, res, probes, TOL)).toEqual([]);
    expect(res.status).toBe("certified");
  });
});

describe("input handling", () => {
  const terms = termsFor(saturating(q(1), q(1)), q(3), q(1), [[q(1), q(2)]]);

  it("all pieces empty: InputError", () => {
    const empty = pieces({ kind: "polytope", rows: [row([1, 1], ">=", q(5)), row([1, 1], "<=", q(4))] }, 2);
    expect(() => certifiedMin(terms, empty)).toThrow(InputError);
    expect(() => certifiedMin(terms, [])).toThrow(InputError);
  });

  it("rows of the wrong length: InputError", () => {
    expect(() => certifiedMin(terms, [{ rows: [row([1], "<=", q(1))] }])).toThrow(InputError);
  });
});
