import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { checkCertificate, isFeasible, solveLP, type LinearProgram, type LpResult } from "../../src/lp/index.js";
import { bounds, bruteForce, isFeasiblePoint, qs, row, strs } from "./helpers.js";
import { dantzigSimplex } from "./textbook-simplex.js";

function optimal(r: LpResult): Extract<LpResult, { status: "optimal" }> {
  if (r.status !== "optimal") throw new Error(`expected optimal, got ${r.status}`);
  return r;
}

describe("solveLP on hand-written LPs", () => {
  it("max 3x+2y, x+y<=4, x+3y<=6, 0<=x<=3 has optimum 11 at (3,1)", () => {
    // By hand: vertices (0,0)=0, (3,0)=9, (3,1)=11, (0,2)=4; x+y=4 and x+3y=6 meet at (3,1) too.
    const lp: LinearProgram = { sense: "max", c: qs([3, 2]), rows: [row([1, 1], "<=", 4), row([1, 3], "<=", 6)], upper: bounds([3, null]) };
    const r = optimal(solveLP(lp));
    expect(r.value.toString()).toBe("11");
    expect(strs(r.x)).toEqual(["3", "1"]);
    expect(r.y.length).toBe(2);
    expect(r.basis.length).toBe(2);
  });

  it("min 2x+3y, x+y>=4, x-y<=2, x,y>=0 has optimum 9 at (3,1)", () => {
    // By hand: the region's vertices are (3,1) (x+y=4, x-y=2) with value 9 and (0,4) with value 12.
    const lp: LinearProgram = { sense: "min", c: qs([2, 3]), rows: [row([1, 1], ">=", 4), row([1, -1], "<=", 2)] };
    const r = optimal(solveLP(lp));
    expect(r.value.toString()).toBe("9");
    expect(strs(r.x)).toEqual(["3", "1"]);
    // Min sign convention: y <= 0 on "<=" rows, y >= 0 on ">=" rows.
    expect(r.y[0]!.sign()).toBeGreaterThanOrEqual(0);
    expect(r.y[1]!.sign()).toBeLessThanOrEqual(0);
  });

  it("fractional optimum: max x+y, 2x+y<=4, x+2y<=4 gives 8/3 at (4/3,4/3)", () => {
    // By hand: the two rows meet at x = y = 4/3; the axis vertices (2,0) and (0,2) give 2.
    const r = optimal(solveLP({ sense: "max", c: qs([1, 1]), rows: [row([2, 1], "<=", 4), row([1, 2], "<=", 4)] }));
    expect(r.value.toString()).toBe("8/3");
    expect(strs(r.x)).toEqual(["4/3", "4/3"]);
    expect(strs(r.y)).toEqual(["1/3", "1/3"]);
  });

  it("free variables with an equality row, max and min", () => {
    // By hand: x = y + 1 turns the objective x+y into 2y+1 and x+3y<=9 into y<=2: max 5 at (3,2).
    const lower = bounds([null, null]);
    const maxLp: LinearProgram = { sense: "max", c: qs([1, 1]), rows: [row([1, -1], "=", 1), row([1, 3], "<=", 9)], lower };
    const r1 = optimal(solveLP(maxLp));
    expect([r1.value.toString(), ...strs(r1.x)]).toEqual(["5", "3", "2"]);
    // By hand: with x+3y>=-7 instead, y>=-2 and the minimum of 2y+1 is -3 at (-1,-2).
    const minLp: LinearProgram = { sense: "min", c: qs([1, 1]), rows: [row([1, -1], "=", 1), row([1, 3], ">=", -7)], lower };
    const r2 = optimal(solveLP(minLp));
    expect([r2.value.toString(), ...strs(r2.x)]).toEqual(["-3", "-1", "-2"]);
  });

  it("a free variable that ends nonbasic at 0, and an upper-bound-only variable", () => {
    // By hand: z is free with zero cost and appears nowhere, so it stays at 0; y <= 3 has no lower bound.
    // max x - 2y with x in [-1,2], x + y >= 1: y = 1 - x makes the objective 3x - 2, best at x = 2: value 4, y = -1.
    const lp: LinearProgram = { sense: "max", c: qs([1, -2, 0]), rows: [row([1, 1, 0], ">=", 1)], lower: bounds([-1, null, null]), upper: bounds([2, 3, null]) };
    const r = optimal(solveLP(lp));
    expect([r.value.toString(), ...strs(r.x)]).toEqual(["4", "2", "-1", "0"]);
  });

  it("a system of equalities with a redundant (repeated) row still gets a full basis", () => {
    // By hand: x+y=3 and x-y=1 give (2,1); the third row is the first one again.
    const lp: LinearProgram = { sense: "min", c: qs([1, 1]), rows: [row([1, 1], "=", 3), row([1, -1], "=", 1), row([1, 1], "=", 3)] };
    const r = optimal(solveLP(lp));
    expect([r.value.toString(), ...strs(r.x)]).toEqual(["3", "2", "1"]);
    expect(r.basis.length).toBe(3);
  });

  it("degenerate vertex where three constraints are tight", () => {
    // By hand: at (1,1) the rows x<=1, y<=1 and x+y<=2 are all tight; max x+y = 2 there.
    const lp: LinearProgram = { sense: "max", c: qs([1, 1]), rows: [row([1, 0], "<=", 1), row([0, 1], "<=", 1), row([1, 1], "<=", 2)] };
    expect(optimal(solveLP(lp)).value.toString()).toBe("2");
  });

  it("bounds alone, no rows; and no variables at all", () => {
    const r = optimal(solveLP({ sense: "max", c: qs([1, -1]), rows: [], lower: bounds([0, -3]), upper: bounds([5, 7]) }));
    expect([r.value.toString(), ...strs(r.x)]).toEqual(["8", "5", "-3"]);
    expect(optimal(solveLP({ sense: "min", c: [], rows: [row([], "<=", 0)] })).value.toString()).toBe("0");
    expect(solveLP({ sense: "min", c: [], rows: [row([], ">=", 1)] }).status).toBe("infeasible");
  });

  it("large and fractional data stays exact", () => {
    // By hand: max x s.t. x/10^12 <= 3/7: x = 3·10^12/7.
    const r = optimal(solveLP({ sense: "max", c: qs([1]), rows: [{ a: [Q.of(1, 10 ** 12)], op: "<=", b: q(3, 7) }] }));
    expect(r.value.toString()).toBe("3000000000000/7");
  });
});

describe("infeasible LPs", () => {
  it("x+y<=1 and x+y>=3", () => {
    const lp: LinearProgram = { sense: "max", c: qs([1, 1]), rows: [row([1, 1], "<=", 1), row([1, 1], ">=", 3)] };
    const r = solveLP(lp);
    expect(r.status).toBe("infeasible");
  });

  it("a row against the bounds: x in [0,1] with x >= 2 (free y elsewhere)", () => {
    const lp: LinearProgram = { sense: "min", c: qs([1, 0]), rows: [row([1, 0], ">=", 2), row([0, 1], "<=", 5)], lower: bounds([0, null]), upper: bounds([1, null]) };
    const r = solveLP(lp);
    if (r.status !== "infeasible") throw new Error(r.status);
    expect(r.farkas[0]!.sign()).toBeLessThan(0);
  });

  it("infeasible equalities: x+y=1, x+y=2 with free variables", () => {
    const lp: LinearProgram = { sense: "max", c: qs([0, 0]), rows: [row([1, 1], "=", 1), row([1, 1], "=", 2)], lower: bounds([null, null]) };
    expect(solveLP(lp).status).toBe("infeasible");
  });

  it("an empty box (lower > upper) is infeasible with an all-zero Farkas vector", () => {
    const r = solveLP({ sense: "max", c: qs([1]), rows: [row([1], "<=", 5)], lower: bounds([2]), upper: bounds([1]) });
    expect(r).toEqual({ status: "infeasible", farkas: [Q.ZERO] });
  });
});

describe("unbounded LPs", () => {
  it("max x+y with x-y<=1 goes to infinity along a certified ray", () => {
    const lp: LinearProgram = { sense: "max", c: qs([1, 1]), rows: [row([1, -1], "<=", 1)] };
    const r = solveLP(lp);
    if (r.status !== "unbounded") throw new Error(r.status);
    expect(isFeasiblePoint(lp, r.x)).toBe(true);
    // Following the ray for a long way stays feasible and improves the objective.
    const far = r.x.map((v, j) => v.add(r.ray[j]!.mul(q(1000))));
    expect(isFeasiblePoint(lp, far)).toBe(true);
  });

  it("min x with x free below and x+y<=3", () => {
    const lp: LinearProgram = { sense: "min", c: qs([1, 0]), rows: [row([1, 1], "<=", 3)], lower: bounds([null, 0]) };
    const r = solveLP(lp);
    if (r.status !== "unbounded") throw new Error(r.status);
    expect(r.ray[0]!.sign()).toBeLessThan(0);
  });

  it("unbounded through an upper-bounded-only variable (x <= 4, no lower bound), minimized", () => {
    expect(solveLP({ sense: "min", c: qs([1]), rows: [], lower: bounds([null]), upper: bounds([4]) }).status).toBe("unbounded");
  });
});

describe("Beale's cycling example", () => {
  // Beale (1955), in the form of Chvátal, "Linear Programming" (1983), ch. 3:
  //   max 3/4 x1 - 20 x2 + 1/2 x3 - 6 x4
  //   s.t. 1/4 x1 - 8 x2 - x3 + 9 x4 <= 0,  1/2 x1 - 12 x2 - 1/2 x3 + 3 x4 <= 0,  x3 <= 1,  x >= 0.
  // Optimum 5/4 at x = (1, 0, 1, 0); the test re-derives it with the brute-force vertex enumerator on the
  // LP boxed by x <= 10 (the optimal vertex lies inside that box, so the box cannot change the optimum).
  const c = qs(["3/4", -20, "1/2", -6]);
  const rows = [row(["1/4", -8, -1, 9], "<=", 0), row(["1/2", -12, "-1/2", 3], "<=", 0), row([0, 0, 1, 0], "<=", 1)];

  it("Dantzig's largest-coefficient rule cycles on it (textbook simplex, for contrast)", () => {
    const run = dantzigSimplex(c, rows.map((r) => r.a), rows.map((r) => r.b), 100);
    expect(run.status).toBe("cycled");
    // Six degenerate pivots lead back to the starting slack basis {4,5,6}.
    expect(run.bases.length).toBe(7);
    expect(run.bases[6]).toEqual(run.bases[0]);
  });

  it("Bland's rule terminates at the optimum 5/4", () => {
    const r = optimal(solveLP({ sense: "max", c, rows }));
    const boxed = bruteForce({ sense: "max", c, rows, upper: bounds([10, 10, 10, 10]) });
    expect(boxed?.value.toString()).toBe("5/4");
    expect(r.value.toString()).toBe("5/4");
    expect(strs(r.x)).toEqual(["1", "0", "1", "0"]);
  });

  it("also terminates when the same example is stated as a min with >= rows", () => {
    const r = optimal(solveLP({ sense: "min", c: c.map((v) => v.neg()), rows: rows.map((x) => ({ a: x.a.map((v) => v.neg()), op: ">=" as const, b: x.b.neg() })) }));
    expect(r.value.toString()).toBe("-5/4");
  });
});

describe("isFeasible", () => {
  it("returns a point that satisfies every row and bound", () => {
    const lp = { rows: [row([1, 1], ">=", 2), row([1, -1], "=", "1/2")], upper: bounds([3, 3]) };
    const r = isFeasible(lp);
    if (!r.feasible) throw new Error("expected feasible");
    expect(isFeasiblePoint({ ...lp, sense: "max", c: qs([0, 0]) }, r.x)).toBe(true);
  });

  it("returns a Farkas vector that checks as an infeasibility certificate", () => {
    const lp = { rows: [row([1, 2], "<=", 2), row([1, 0], ">=", 3)] };
    const r = isFeasible(lp);
    if (r.feasible) throw new Error("expected infeasible");
    expect(() => checkCertificate({ ...lp, sense: "min", c: qs([0, 0]) }, { status: "infeasible", farkas: r.farkas })).not.toThrow();
  });
});

describe("input validation", () => {
  it("rejects rows, bounds and operators of the wrong shape with InputError", () => {
    expect(() => solveLP({ sense: "max", c: qs([1, 1]), rows: [row([1], "<=", 1)] })).toThrow(InputError);
    expect(() => solveLP({ sense: "max", c: qs([1]), rows: [], lower: bounds([0, 0]) })).toThrow(InputError);
    expect(() => solveLP({ sense: "max", c: qs([1]), rows: [], upper: [] })).toThrow(InputError);
    const badOp = { a: qs([1]), op: "<" as unknown as "<=", b: q(1) };
    expect(() => solveLP({ sense: "max", c: qs([1]), rows: [badOp] })).toThrow(InputError);
  });
});
