/**
 * solveLP against an independent path: vertex enumeration with linalg's `solve`. With every variable boxed,
 * a feasible LP has a vertex and an attained optimum at a vertex, so the two must agree exactly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q } from "../../src/exact/rational.js";
import { solveLP, type LinearProgram } from "../../src/lp/index.js";
import { boxedLp, bruteForce, describeLp } from "./helpers.js";

function agreesWithBruteForce(lp: LinearProgram): void {
  const reference = bruteForce(lp);
  const r = solveLP(lp);
  if (reference === undefined) {
    expect(r.status, describeLp(lp)).toBe("infeasible");
    return;
  }
  expect(r.status, describeLp(lp)).toBe("optimal");
  if (r.status === "optimal") expect(r.value.toString(), describeLp(lp)).toBe(reference.value.toString());
}

describe("solveLP vs vertex enumeration", () => {
  it("random boxed LPs, 2-3 variables, 1-3 rows", () => {
    fc.assert(fc.property(boxedLp({ nMin: 2, nMax: 3, mMin: 1, mMax: 3 }), agreesWithBruteForce), { seed: 42, numRuns: 1500 });
  });

  it("random boxed LPs with 4 variables and up to 4 rows", () => {
    fc.assert(fc.property(boxedLp({ nMin: 4, nMax: 4, mMin: 2, mMax: 4 }), agreesWithBruteForce), { seed: 42, numRuns: 200 });
  });

  it("highly degenerate LPs: every right-hand side 0 and every box [0, w] or [-w, 0]", () => {
    // Many rows tight at the origin at once is where cycling would show up.
    const degenerate = boxedLp({ nMin: 2, nMax: 4, mMin: 2, mMax: 4, coef: 3 }).map((lp) => ({
      ...lp,
      rows: lp.rows.map((r) => ({ ...r, b: Q.ZERO })),
      lower: lp.lower!.map((l, j) => (l!.sign() < 0 ? l!.sub(lp.upper![j]!).abs().neg() : Q.ZERO)),
      upper: lp.upper!.map((u, j) => (lp.lower![j]!.sign() < 0 ? Q.ZERO : u!.sub(lp.lower![j]!))),
    }));
    fc.assert(fc.property(degenerate, agreesWithBruteForce), { seed: 42, numRuns: 400 });
  });

  it("unbounded directions: dropping all upper bounds gives optimal or unbounded, never less than the boxed optimum", () => {
    fc.assert(
      fc.property(boxedLp({ nMin: 2, nMax: 3, mMin: 1, mMax: 3 }), (lp) => {
        const boxed = solveLP(lp);
        const open = solveLP({ ...lp, upper: lp.upper!.map(() => null) });
        if (boxed.status === "optimal" && open.status === "optimal") {
          // Relaxing constraints can only improve the optimum.
          const better = lp.sense === "max" ? open.value.ge(boxed.value) : open.value.le(boxed.value);
          expect(better, describeLp(lp)).toBe(true);
        }
        if (boxed.status === "optimal") expect(open.status).not.toBe("infeasible");
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
