/**
 * The float oracle (javascript-lp-solver 1.0.3) against the exact solver: they must agree whenever the
 * float solver claims an optimum, and the documented cases below show why its answer never decides a verdict.
 * The library runs in a worker thread because some of its calls never return.
 */
import fc from "fast-check";
import type { Model } from "javascript-lp-solver";
import { afterAll, describe, expect, it } from "vitest";
import { Q, q } from "../../src/exact/rational.js";
import { buildFloatModel } from "../../src/lp/float-oracle.js";
import { checkCertificate, floatSolve, solveLP, type FloatLpResult, type LinearProgram } from "../../src/lp/index.js";
import { boxedLp, bounds, describeLp, qs, row } from "./helpers.js";
import { FloatWorker } from "./float-worker.js";

const worker = new FloatWorker();
afterAll(() => worker.close());

/** A normal solve takes milliseconds; a call still running after this long is in an endless loop. */
const HANG_MS = 3000;

async function floatInWorker(lp: LinearProgram): Promise<FloatLpResult | "timeout"> {
  const built = buildFloatModel(lp);
  const answer = await worker.solve(built.model, HANG_MS);
  return answer === "timeout" ? answer : built.read(answer.raw);
}

async function rawInWorker(model: Model): Promise<Record<string, unknown> | "timeout"> {
  const answer = await worker.solve(model, HANG_MS);
  return answer === "timeout" ? answer : (answer.raw as Record<string, unknown>);
}

function expectAgreement(lp: LinearProgram, float: FloatLpResult): void {
  const exact = solveLP(lp);
  expect(exact.status, describeLp(lp)).toBe("optimal");
  if (exact.status !== "optimal") return;
  const v = exact.value.toNumber();
  expect(Math.abs(v - float.value) / Math.max(1, Math.abs(v)), describeLp(lp)).toBeLessThanOrEqual(1e-6);
}

describe("floatSolve adapter", () => {
  it("reads optimal, infeasible and unbounded answers, with general bounds", () => {
    // Same LPs as simplex.test.ts: optimum 11 at (3,1); x in [0,1] with x >= 2; x - y <= 1 unbounded.
    const opt = floatSolve({ sense: "max", c: qs([3, 2]), rows: [row([1, 1], "<=", 4), row([1, 3], "<=", 6)], upper: bounds([3, null]) });
    expect(opt.status).toBe("optimal");
    expect(opt.value).toBeCloseTo(11, 9);
    expect(opt.x[0]).toBeCloseTo(3, 9);
    expect(opt.x[1]).toBeCloseTo(1, 9);
    expect(floatSolve({ sense: "min", c: qs([1]), rows: [row([1], ">=", 2)], upper: bounds([1]) }).status).toBe("infeasible");
    expect(floatSolve({ sense: "max", c: qs([1, 1]), rows: [row([1, -1], "<=", 1)] }).status).toBe("unbounded");
  });

  it("encodes free, negative-lower and upper-only variables without the library's `unrestricted` flag", () => {
    // By hand: min x+y, x - y = 1, x + 3y >= -7 with x free, y >= -5: y = -2, x = -1, value -3.
    const free = floatSolve({ sense: "min", c: qs([1, 1]), rows: [row([1, -1], "=", 1), row([1, 3], ">=", -7)], lower: bounds([null, -5]) });
    expect(free.status).toBe("optimal");
    expect(free.value).toBeCloseTo(-3, 9);
    expect(free.x[0]).toBeCloseTo(-1, 9);
    // By hand: min x over -2 <= x <= 0 is -2; max x - 2y, x in [-1,2], y <= 3 (no lower), x + y >= 1 is 4 at (2,-1).
    expect(floatSolve({ sense: "min", c: qs([1]), rows: [], lower: bounds([-2]), upper: bounds([0]) }).value).toBeCloseTo(-2, 9);
    const upperOnly = floatSolve({ sense: "max", c: qs([1, -2]), rows: [row([1, 1], ">=", 1)], lower: bounds([-1, null]), upper: bounds([2, 3]) });
    expect(upperOnly.value).toBeCloseTo(4, 9);
    expect(upperOnly.x[1]).toBeCloseTo(-1, 9);
  });
});

describe("differential: exact simplex vs javascript-lp-solver", () => {
  it("small random boxed LPs agree whenever the float solver claims an optimum", () => {
    fc.assert(
      fc.property(boxedLp({ nMin: 1, nMax: 6, mMin: 1, mMax: 4 }), (lp) => {
        const float = floatSolve(lp);
        if (float.status === "optimal") expectAgreement(lp, float);
      }),
      { seed: 42, numRuns: 600 },
    );
  });

  it("random boxed LPs of the size we use (20-60 variables, 5-10 rows) agree; calls that never return are skipped", async () => {
    let hung = 0;
    await fc.assert(
      fc.asyncProperty(boxedLp({ nMin: 20, nMax: 60, mMin: 5, mMax: 10, coef: 9 }), async (lp) => {
        const float = await floatInWorker(lp);
        if (float === "timeout") hung++;
        else if (float.status === "optimal") expectAgreement(lp, float);
      }),
      { seed: 42, numRuns: 25 },
    );
    // At this seed exactly one of the 25 LPs (#21) sends the library into an endless phase-1 loop; a
    // timeout can only add skips on an overloaded machine, never a failure, so only an upper bound is asserted.
    expect(hung).toBeLessThanOrEqual(3);
  });
});

describe("documented failures of the float solver (the reason verdicts are exact)", () => {
  // javascript-lp-solver 1.0.3 treats every tableau entry with |a| < 1e-8 as zero in its ratio test and
  // rounds reported values to multiples of 1e-8. Data at the 1e-9 scale is therefore silently dropped.
  const G = 10 ** 9;

  it("a 1e-9 row coefficient is ignored: wrong optimum, at an infeasible point", () => {
    // max x s.t. x/10^9 <= 1, 0 <= x <= 10^10. By hand: the row says x <= 10^9, tighter than the bound,
    // so the optimum is exactly 10^9. The float solver skips the row in its ratio test and answers 10^10,
    // where the row reads 10 <= 1.
    const lp: LinearProgram = { sense: "max", c: qs([1]), rows: [{ a: [Q.of(1, G)], op: "<=", b: q(1) }], upper: [Q.of(10 ** 10)] };
    const exact = solveLP(lp);
    expect(exact.status === "optimal" && exact.value.toString()).toBe("1000000000");
    const float = floatSolve(lp);
    expect(float.status).toBe("optimal");
    expect(float.value).toBe(1e10);
  });

  it("the same row without the bound: the float solver calls a bounded LP unbounded", () => {
    // By hand as above: the optimum is 10^9.
    const lp: LinearProgram = { sense: "max", c: qs([1]), rows: [{ a: [Q.of(1, G)], op: "<=", b: q(1) }] };
    const exact = solveLP(lp);
    expect(exact.status === "optimal" && exact.value.toString()).toBe("1000000000");
    expect(floatSolve(lp).status).toBe("unbounded");
  });

  it("an infeasibility of size 1e-9 is missed: the float solver reports an optimum", () => {
    // By hand: x + y <= 1 and x + y >= 1 + 10^-9 contradict each other (subtract: 0 >= 10^-9); the exact
    // solver returns a Farkas certificate. The float solver returns x = (1, 0) with value 1.
    const lp: LinearProgram = { sense: "max", c: qs([1, 1]), rows: [row([1, 1], "<=", 1), { a: qs([1, 1]), op: ">=", b: Q.of(G + 1, G) }] };
    expect(solveLP(lp).status).toBe("infeasible");
    const float = floatSolve(lp);
    expect(float.status).toBe("optimal");
    expect(float.value).toBe(1);
  });

  it("on a small feasible LP its phase 1 loops forever (found by the differential test, then shrunk)", async () => {
    // 14 variables, 9 rows, integer-ish data. The exact optimum 1327/26 comes with a dual certificate that
    // checkCertificate verifies (weak duality), which is the independent proof here.
    const lp: LinearProgram = {
      sense: "max",
      c: qs([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 6, 0]),
      rows: [
        row([0, -8, 3, 0, 2, -9, -4, 8, 0, 0, 6, -2, 9, 0], "<=", 0),
        row([0, 0, 2, 0, 7, 5, 0, 0, 0, 0, -5, 0, 0, 0], ">=", 0),
        row([-8, -3, "-7/2", 0, -1, 0, 1, 0, -7, 6, 0, 0, "-4/3", 0], "<=", 0),
        row([0, 6, 0, -5, 0, -5, 0, 0, 0, 0, 0, 0, -2, 0], ">=", 0),
        row([0, 8, 0, 0, 2, 0, 0, 0, 0, 0, 0, 2, 0, 0], ">=", 0),
        row([0, 3, 7, 0, -8, 5, -1, 0, 0, 0, -9, 9, -2, 0], "<=", 12),
        row([0, 0, 7, 0, 2, 0, 0, -3, 6, 0, 0, 3, 0, 0], "<=", 0),
        row([-3, 0, 0, 0, 1, 1, 0, -2, 0, "1/3", 5, 0, "3/2", "8/3"], "<=", 0),
        row([0, -8, -9, 0, 0, 4, -8, 0, 0, 8, 0, 3, 0, 0], "<=", 0),
      ],
      lower: bounds([-2, 1, -4, -3, 2, 0, 0, 1, -4, -4, -1, 1, 1, -3]),
      upper: bounds([-2, 5, 2, 1, 2, 1, 0, 5, 0, 0, 0, 3, 6, 1]),
    };
    const exact = solveLP(lp);
    expect(exact.status === "optimal" && exact.value.toString()).toBe("1327/26");
    expect(() => checkCertificate(lp, exact)).not.toThrow();
    expect(await floatInWorker(lp)).toBe("timeout");
  });

  it("raw library bugs the adapter steers around: `unrestricted` variables and presolve", async () => {
    // By hand: min x over -2 <= x <= 0 is -2. With the library's own `unrestricted` flag it answers 0,
    // and with the upper bound 1e-9 instead of 0 it never returns.
    const free = (hi: number): Model => ({ optimize: "obj", opType: "min", constraints: { lo: { min: -2 }, hi: { max: hi } }, variables: { x: { obj: 1, lo: 1, hi: 1 } }, unrestricted: { x: 1 } });
    const zero = await rawInWorker(free(0));
    expect(zero !== "timeout" && zero.result).toBe(0);
    expect(await rawInWorker(free(1e-9))).toBe("timeout");
    // By hand: min -x, -x = -2, 0 <= x <= 2 forces x = 2, value -2. Presolve (on by default) reports x = 2
    // but value 0; with presolve off the value is right.
    const fixed = (presolve: boolean): Model => ({ optimize: "obj", opType: "min", constraints: { r: { equal: -2 }, u: { max: 2 } }, variables: { x: { obj: -1, r: -1, u: 1 } }, options: { presolve } });
    const on = await rawInWorker(fixed(true));
    const off = await rawInWorker(fixed(false));
    expect(on !== "timeout" && [on.x, on.result]).toEqual([2, 0]);
    expect(off !== "timeout" && off.result).toBe(-2);
  });
});
