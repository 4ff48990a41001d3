/**
 * Planted bugs: every corruption of a correct answer must make checkCertificate throw InternalError.
 * The checker is what stands between a solver bug and a wrong verdict, so it is tested on its own.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InternalError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { checkCertificate, solveLP, type LinearProgram, type LpResult } from "../../src/lp/index.js";
import { boxedLp, bounds, bruteForce, isFeasiblePoint, qs, row } from "./helpers.js";

type Optimal = Extract<LpResult, { status: "optimal" }>;

// max 3x+2y s.t. x+y<=4, x+3y<=6, 0<=x<=3: optimum 11 at (3,1) (by hand, see simplex.test.ts).
const LP: LinearProgram = { sense: "max", c: qs([3, 2]), rows: [row([1, 1], "<=", 4), row([1, 3], "<=", 6)], upper: bounds([3, null]) };

function solvedOptimal(lp: LinearProgram): Optimal {
  const r = solveLP(lp);
  if (r.status !== "optimal") throw new Error(`expected optimal, got ${r.status}`);
  return r;
}

function rejects(lp: LinearProgram, r: LpResult): void {
  expect(() => checkCertificate(lp, r)).toThrow(InternalError);
}

const bump = (v: readonly Q[], j: number, delta: Q): Q[] => v.map((x, k) => (k === j ? x.add(delta) : x));

describe("checkCertificate accepts the solver's own answers", () => {
  it("optimal, infeasible and unbounded", () => {
    expect(() => checkCertificate(LP, solveLP(LP))).not.toThrow();
    const inf: LinearProgram = { sense: "max", c: qs([1]), rows: [row([1], ">=", 2)], upper: bounds([1]) };
    expect(() => checkCertificate(inf, solveLP(inf))).not.toThrow();
    const unb: LinearProgram = { sense: "max", c: qs([1]), rows: [] };
    expect(() => checkCertificate(unb, solveLP(unb))).not.toThrow();
  });
});

describe("planted bugs in optimal certificates", () => {
  const good = solvedOptimal(LP);

  it("perturbed x (value left alone, or value updated to match)", () => {
    rejects(LP, { ...good, x: bump(good.x, 1, q(-1, 7)) });
    const x = bump(good.x, 1, q(-1, 7));
    rejects(LP, { ...good, x, value: x[0]!.mul(q(3)).add(x[1]!.mul(q(2))) });
    rejects(LP, { ...good, x: bump(good.x, 0, q(1)) }); // leaves the box
  });

  it("perturbed y (d left alone, or d recomputed as c - Aᵀy)", () => {
    rejects(LP, { ...good, y: bump(good.y, 0, q(1, 3)) });
    const y = bump(good.y, 0, q(1, 3));
    const d = LP.c.map((cj, j) => cj.sub(LP.rows.reduce((s, r, i) => s.add(y[i]!.mul(r.a[j]!)), Q.ZERO)));
    rejects(LP, { ...good, y, d });
    rejects(LP, { ...good, y: good.y.map((v) => v.neg()) });
  });

  it("a wrong value, a wrong reduced cost, a wrong basis", () => {
    rejects(LP, { ...good, value: good.value.add(Q.ONE) });
    rejects(LP, { ...good, d: bump(good.d, 1, q(1)) });
    rejects(LP, { ...good, basis: [good.basis[0]!, good.basis[0]!] });
    rejects(LP, { ...good, basis: [0, 99] });
    rejects(LP, { ...good, basis: [good.basis[0]!] });
  });

  it("claims optimality for a suboptimal vertex", () => {
    // (0,2) is a feasible vertex (x=0 bound, x+3y=6 tight) with value 4 < 11.
    const x = qs([0, 2]);
    expect(isFeasiblePoint(LP, x)).toBe(true);
    rejects(LP, { ...good, x, value: q(4) });
    rejects(LP, { ...good, x, value: q(4), basis: [1, 2] });
    // Same vertex with the duals that vertex would produce: y = (0, 2/3) leaves d = (7/3, 0), but
    // d_0 > 0 needs x_0 at its upper bound 3, and x_0 = 0: dual infeasible.
    rejects(LP, { status: "optimal", x, value: q(4), y: qs([0, "2/3"]), d: qs(["7/3", 0]), basis: [1, 2] });
  });

  it("right numbers, wrong sense: the max certificate does not prove a min optimum", () => {
    rejects({ ...LP, sense: "min" }, good);
  });

  it("random perturbation of one coordinate of x or y is always caught", () => {
    fc.assert(
      fc.property(
        boxedLp({ nMin: 2, nMax: 4, mMin: 1, mMax: 3 }),
        fc.nat(),
        fc.integer({ min: -5, max: 5 }).filter((k) => k !== 0),
        fc.boolean(),
        (lp, at, k, onX) => {
          // A zero row lets y_i move freely without breaking anything: that would be no bug.
          if (lp.rows.some((r) => r.a.every((a) => a.isZero()))) return;
          const r = solveLP(lp);
          if (r.status !== "optimal") return;
          const delta = Q.of(k, 3);
          const bad = onX ? { ...r, x: bump(r.x, at % r.x.length, delta) } : { ...r, y: bump(r.y, at % r.y.length, delta) };
          rejects(lp, bad);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe("planted bugs in infeasibility certificates", () => {
  // x+y<=1 and x+y>=3, x,y>=0: Farkas y = (1,-1) gives 0·x... (yᵀA = 0) against yᵀb = 1 - 3 = -2 < 0.
  const inf: LinearProgram = { sense: "max", c: qs([1, 1]), rows: [row([1, 1], "<=", 1), row([1, 1], ">=", 3)] };

  it("the solver's Farkas vector checks, and corrupted ones do not", () => {
    const r = solveLP(inf);
    if (r.status !== "infeasible") throw new Error(r.status);
    rejects(inf, { status: "infeasible", farkas: qs([0, 0]) });
    rejects(inf, { status: "infeasible", farkas: r.farkas.map((v) => v.neg()) }); // wrong signs
    rejects(inf, { status: "infeasible", farkas: qs([1, 0]) }); // x+y<=1 alone is satisfiable
    rejects(inf, { status: "infeasible", farkas: qs([1, -2]) }); // -x-y <= -5 has no box minimum (x unbounded above)
    rejects(inf, { status: "infeasible", farkas: qs([1]) }); // wrong length
  });

  it("a Farkas vector that would need a finite bound that is missing", () => {
    // x - y <= -1 with x >= 0, y free: y = 1 works; y·A = (1,-1) has no minimum over the box.
    const lp: LinearProgram = { sense: "max", c: qs([0, 0]), rows: [row([1, -1], "<=", -1)], lower: bounds([0, null]) };
    expect(solveLP(lp).status).toBe("optimal");
    rejects(lp, { status: "infeasible", farkas: qs([1]) });
  });

  it("claiming infeasibility for any feasible random LP always fails, whatever the multipliers", () => {
    fc.assert(
      fc.property(boxedLp({ nMin: 2, nMax: 3, mMin: 1, mMax: 3 }), fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 3, maxLength: 3 }), (lp, ys) => {
        if (bruteForce(lp) === undefined) return;
        rejects(lp, { status: "infeasible", farkas: lp.rows.map((_, i) => Q.of(ys[i]!)) });
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});

describe("planted bugs in unboundedness certificates", () => {
  const unb: LinearProgram = { sense: "max", c: qs([1, 1]), rows: [row([1, -1], "<=", 1)] };

  it("wrong rays and infeasible starting points are rejected", () => {
    const r = solveLP(unb);
    if (r.status !== "unbounded") throw new Error(r.status);
    rejects(unb, { ...r, ray: qs([0, 0]) }); // no improvement
    rejects(unb, { ...r, ray: r.ray.map((v) => v.neg()) }); // leaves the x,y >= 0 box or worsens
    rejects(unb, { ...r, ray: qs([1, 0]) }); // leaves the row x - y <= 1
    rejects(unb, { ...r, ray: qs([0, -1]) }); // y is bounded below
    rejects(unb, { ...r, x: qs([5, 0]) }); // x - y = 5 > 1
    rejects({ ...unb, sense: "min" }, r); // a max ray does not improve a min
  });

  it("claims of unboundedness on a boxed LP are always rejected", () => {
    fc.assert(
      fc.property(boxedLp({ nMin: 2, nMax: 3, mMin: 1, mMax: 2 }), fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 3, maxLength: 3 }), (lp, rs) => {
        const found = bruteForce(lp);
        if (found === undefined) return;
        rejects(lp, { status: "unbounded", x: found.x, ray: lp.c.map((_, j) => Q.of(rs[j]!)) });
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("soundness of the optimality check on random candidate certificates", () => {
  it("whatever feasible vertex and duals are offered, acceptance implies the true optimum", () => {
    fc.assert(
      fc.property(boxedLp({ nMin: 2, nMax: 2, mMin: 1, mMax: 2 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 2 }), (lp, ys) => {
        const best = bruteForce(lp);
        if (best === undefined) return;
        const truth = solvedOptimal(lp);
        const y = lp.rows.map((_, i) => Q.of(ys[i]!));
        const d = lp.c.map((cj, j) => cj.sub(lp.rows.reduce((s, r, i) => s.add(y[i]!.mul(r.a[j]!)), Q.ZERO)));
        const value = lp.c.reduce((s, cj, j) => s.add(cj.mul(best.x[j]!)), Q.ZERO);
        const candidate: LpResult = { status: "optimal", x: best.x, value, y, d, basis: truth.basis };
        let accepted = true;
        try {
          checkCertificate(lp, candidate);
        } catch (e) {
          if (!(e instanceof InternalError)) throw e;
          accepted = false;
        }
        if (accepted) expect(value.eq(truth.value)).toBe(true);
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});
