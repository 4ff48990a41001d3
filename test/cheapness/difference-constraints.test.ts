/**
 * The grid oracle against references that share none of its code: a naive fixed-point iteration
 * for the least IC transfers, exact recomputation of cycle certificates from the gains, the full
 * solver as the reference for the 1-D fast path, and hand-derived discrete Myerson transfers.
 * Fixed seeds throughout; no timing assertions.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import {
  checkSingleCrossing,
  leastSolution,
  leastSolution1D,
  verifyLeastSolution,
  witnessPath,
  type Gain,
  type LeastSolution,
} from "../../src/cheapness/index.js";
import { positiveCycleByWalks } from "../../src/cheapness/difference-constraints.js";

const SEED = 424242;
const strs = (xs: readonly Q[]) => xs.map((x) => x.toString());

const smallQ = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 4 })).map(([n, d]) => Q.of(n, d));
const posQ = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 })).map(([n, d]) => Q.of(n, d));
const nonnegQ = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 4 })).map(([n, d]) => Q.of(n, d));

/** Strictly (or weakly, with nonnegative steps) increasing sequence from a start and steps. */
const cumulative = (start: Q, steps: readonly Q[]) => {
  const out = [start];
  for (const s of steps) out.push(out[out.length - 1].add(s));
  return out;
};

/** A k×k matrix of arbitrary small rationals. */
const matrixArb = (maxK: number) =>
  fc.integer({ min: 0, max: maxK }).chain((k) => fc.array(fc.array(smallQ, { minLength: k, maxLength: k }), { minLength: k, maxLength: k }));

interface Instance1D {
  points: Q[];
  gain: Gain;
}

/**
 * g(i, j) = x_i·a_j − α·a_j² + h_j + f_i with x strictly and a weakly increasing and α ≥ 0: quasi-linear
 * utility with a convex cost of the allocation, a report-only term and a type-only term. Increasing
 * differences holds since the cross term is x_i·a_j.
 */
const singleCrossingArb = (maxK: number): fc.Arbitrary<Instance1D> =>
  fc.integer({ min: 1, max: maxK }).chain((k) =>
    fc
      .record({
        x0: smallQ,
        xs: fc.array(posQ, { minLength: k - 1, maxLength: k - 1 }),
        a0: smallQ,
        as: fc.array(nonnegQ, { minLength: k - 1, maxLength: k - 1 }),
        alpha: nonnegQ,
        h: fc.array(smallQ, { minLength: k, maxLength: k }),
        f: fc.array(smallQ, { minLength: k, maxLength: k }),
      })
      .map(({ x0, xs, a0, as, alpha, h, f }) => {
        const x = cumulative(x0, xs);
        const a = cumulative(a0, as);
        const gain: Gain = (i, j) => x[i].mul(a[j]).sub(alpha.mul(a[j]).mul(a[j])).add(h[j]).add(f[i]);
        return { points: x, gain };
      }),
  );

/**
 * The reference: W ← max(0, max_j W(j) + g(i, j) − g(i, i)) from W = 0, k·k + 1 rounds. Without a
 * positive cycle this converges within k rounds; with one it never settles, so a change in the last
 * round means "no IC transfer".
 */
function bruteForce(k: number, gain: Gain): Q[] | "cycle" {
  let W = new Array<Q>(k).fill(Q.ZERO);
  let changed = false;
  for (let r = 0; r < k * k + 1; r++) {
    const next = W.map((_, i) => {
      let best = Q.ZERO;
      for (let j = 0; j < k; j++) best = Q.max(best, W[j].add(gain(i, j)).sub(gain(i, i)));
      return best;
    });
    changed = next.some((v, i) => !v.eq(W[i]));
    W = next;
  }
  return changed ? "cycle" : W;
}

/** Cycle weight straight from the gains: Σ_t g(i_{t+1}, i_t) − g(i_{t+1}, i_{t+1}). */
function cycleWeightFromGains(cycle: readonly number[], gain: Gain): Q {
  let w = Q.ZERO;
  for (let t = 0; t + 1 < cycle.length; t++) {
    const to = cycle[t + 1];
    w = w.add(gain(to, cycle[t])).sub(gain(to, to));
  }
  return w;
}

function expectCycleCertificate(sol: LeastSolution, gain: Gain): void {
  expect(sol.kind).toBe("cycle");
  if (sol.kind !== "cycle") return;
  expect(sol.cycle.length).toBeGreaterThanOrEqual(3);
  expect(sol.cycle[0]).toBe(sol.cycle[sol.cycle.length - 1]);
  const w = cycleWeightFromGains(sol.cycle, gain);
  expect(w.toString()).toBe(sol.weight.toString());
  expect(w.sign()).toBe(1);
}

describe("leastSolution", () => {
  it("matches the naive fixed-point iteration on tiny grids with arbitrary rational gains", () => {
    let solved = 0;
    let cycles = 0;
    fc.assert(
      fc.property(fc.oneof(matrixArb(5), singleCrossingArb(5).map(({ gain, points }) => points.map((_, i) => points.map((__, j) => gain(i, j))))), (M) => {
        const k = M.length;
        const gain: Gain = (i, j) => M[i][j];
        const sol = leastSolution(k, gain);
        const ref = bruteForce(k, gain);
        expect(sol.pairsConsidered).toBe(k * k);
        if (ref === "cycle") {
          cycles++;
          expectCycleCertificate(sol, gain);
        } else {
          solved++;
          expect(sol.kind).toBe("solved");
          if (sol.kind !== "solved") return;
          expect(strs(sol.W)).toEqual(strs(ref));
          sol.W.forEach((_w, i) => {
            const path = witnessPath(sol, i);
            expect(path[path.length - 1]).toBe(i);
            if (sol.W[i].isZero()) expect(path).toEqual([i]);
          });
        }
        expect(verifyLeastSolution(k, gain, sol)).toEqual([]);
      }),
      { seed: SEED, numRuns: 400 },
    );
    // Both outcomes must actually be exercised.
    expect(solved).toBeGreaterThan(50);
    expect(cycles).toBeGreaterThan(50);
  });

  it("returns an exact positive cycle planted in an implementable instance", () => {
    const arb = singleCrossingArb(7)
      .filter(({ points }) => points.length >= 2)
      .chain((inst) =>
        fc.record({
          inst: fc.constant(inst),
          cyc: fc.shuffledSubarray(
            inst.points.map((_, i) => i),
            { minLength: 2 },
          ),
          extra: posQ,
        }),
      );
    fc.assert(
      fc.property(arb, ({ inst, cyc, extra }) => {
        const k = inst.points.length;
        const closed = [...cyc, cyc[0]];
        // The base instance has no positive cycle; one bump on a cycle edge makes this one positive.
        const base = cycleWeightFromGains(closed, inst.gain);
        expect(base.sign()).toBeLessThanOrEqual(0);
        const [from, to] = [cyc[0], cyc[1]];
        const bump = base.neg().add(extra);
        const gain: Gain = (i, j) => (i === to && j === from ? inst.gain(i, j).add(bump) : inst.gain(i, j));
        expect(cycleWeightFromGains(closed, gain).toString()).toBe(extra.toString());
        const sol = leastSolution(k, gain);
        expectCycleCertificate(sol, gain);
        expect(bruteForce(k, gain)).toBe("cycle");
        // The O(k³) fallback extractor, run directly on the same instance.
        const d = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (__, j) => gain(i, j).sub(gain(i, i))));
        const viaWalks = positiveCycleByWalks(k, d);
        expectCycleCertificate({ kind: "cycle", cycle: viaWalks, weight: cycleWeightFromGains(viaWalks, gain), pairsConsidered: 0 }, gain);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("handles the trivial grids and rejects a bad k", () => {
    expect(leastSolution(0, () => Q.ZERO)).toEqual({ kind: "solved", W: [], pred: [], pairsConsidered: 0 });
    const one = leastSolution(1, () => q(5));
    expect(one.kind === "solved" && strs(one.W)).toEqual(["0"]);
    expect(() => leastSolution(-1, () => Q.ZERO)).toThrow(InputError);
    expect(() => leastSolution(1.5, () => Q.ZERO)).toThrow(InputError);
  });

  it("verifyLeastSolution rejects tampered answers", () => {
    // x = [1, 2, 3], p = [0, 1/2, 1]: least W = [3/2, 1, 0] (formula below); then perturbed.
    const x = [q(1), q(2), q(3)];
    const p = [q(0), q(1, 2), q(1)];
    const gain: Gain = (i, j) => x[i].mul(p[j]);
    const sol = leastSolution(3, gain);
    if (sol.kind !== "solved") throw new Error("expected solved");
    expect(strs(sol.W)).toEqual(["3/2", "1", "0"]);
    expect(verifyLeastSolution(3, gain, sol)).toEqual([]);
    const higher = { ...sol, W: sol.W.map((w, i) => (i === 0 ? w.add(Q.ONE) : w)) };
    expect(verifyLeastSolution(3, gain, higher).length).toBeGreaterThan(0);
    const lower = { ...sol, W: sol.W.map((w) => w.sub(Q.HALF)) };
    expect(verifyLeastSolution(3, gain, lower).length).toBeGreaterThan(0);
    const badCycle: LeastSolution = { kind: "cycle", cycle: [0, 1, 0], weight: Q.ONE, pairsConsidered: 0 };
    expect(verifyLeastSolution(3, gain, badCycle).length).toBeGreaterThan(0);
  });
});

describe("leastSolution1D", () => {
  it("equals the full solver on single-crossing instances with O(k) gain evaluations", () => {
    fc.assert(
      fc.property(singleCrossingArb(30), ({ points, gain }) => {
        const k = points.length;
        expect(checkSingleCrossing(points, gain).ok).toBe(true);
        const full = leastSolution(k, gain);
        const checked = leastSolution1D(points, gain);
        const fast = leastSolution1D(points, gain, { singleCrossing: "assume" });
        expect(full.kind).toBe("solved");
        for (const s of [checked, fast]) {
          expect(s.kind).toBe("solved");
          if (s.kind !== "solved" || full.kind !== "solved") return;
          expect(strs(s.W)).toEqual(strs(full.W));
          // The fast path's witnesses use adjacent steps only and must also certify the full system.
          expect(verifyLeastSolution(k, gain, s, "adjacent")).toEqual([]);
          expect(verifyLeastSolution(k, gain, s, "all")).toEqual([]);
          s.W.forEach((_w, i) => {
            const path = witnessPath(s, i);
            if (s.W[i].isZero()) expect(path).toEqual([i]);
          });
        }
        expect(fast.pairsConsidered).toBeLessThanOrEqual(4 * k);
        expect(full.pairsConsidered).toBeGreaterThanOrEqual(k * (k - 1));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("refuses a grid without increasing differences", () => {
    // g(i, j) = −x_i·a_j with x and a increasing: decreasing differences.
    const x = [q(1), q(2), q(3), q(5)];
    const a = [q(0), q(1, 3), q(1), q(2)];
    const gain: Gain = (i, j) => x[i].mul(a[j]).neg();
    const check = checkSingleCrossing(x, gain);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const { i, j, lowerDiff, upperDiff } = check.violation;
    expect(lowerDiff.toString()).toBe(gain(i, j + 1).sub(gain(i, j)).toString());
    expect(upperDiff.toString()).toBe(gain(i + 1, j + 1).sub(gain(i + 1, j)).toString());
    expect(upperDiff.lt(lowerDiff)).toBe(true);
    expect(leastSolution1D(x, gain).kind).toBe("not-single-crossing");
    // Trusting the wrong assumption still yields a sound certificate: an adjacent positive 2-cycle.
    const trusted = leastSolution1D(x, gain, { singleCrossing: "assume" });
    if (trusted.kind === "not-single-crossing") throw new Error("assume mode never refuses");
    expectCycleCertificate(trusted, gain);
    expect(leastSolution(4, gain).kind).toBe("cycle");
  });

  it("rejects points that are not strictly increasing", () => {
    expect(() => leastSolution1D([q(1), q(1)], () => Q.ZERO)).toThrow(InputError);
    expect(() => checkSingleCrossing([q(2), q(1)], () => Q.ZERO)).toThrow(InputError);
  });
});

describe("single object: least IC transfers are the discrete Myerson transfers", () => {
  // Value x_i, win probability p_j for report j, transfer W paid TO the agent, W ≥ 0.
  // Derivation by hand (not via the code under test): transfers fall with the type, so the floor
  // binds at the top type, W(k−1) = 0, and each type is held indifferent to mimicking the next
  // higher type: W(i) = W(i+1) + x_i·(p_{i+1} − p_i), i.e. W(i) = Σ_{m ≥ i} x_m·(p_{m+1} − p_m),
  // the discrete envelope (Myerson) formula anchored at the top.
  it("x = [1, 2, 3, 4], p = [0, 1/4, 1/2, 1] gives W = [9/4, 2, 3/2, 0]", () => {
    const x = [q(1), q(2), q(3), q(4)];
    const p = [q(0), q(1, 4), q(1, 2), q(1)];
    const gain: Gain = (i, j) => x[i].mul(p[j]);
    // By hand: W3 = 0; W2 = 3·(1/2) = 3/2; W1 = 3/2 + 2·(1/4) = 2; W0 = 2 + 1·(1/4) = 9/4.
    const expected = ["9/4", "2", "3/2", "0"];
    const full = leastSolution(4, gain);
    const fast = leastSolution1D(x, gain);
    expect(full.kind === "solved" && strs(full.W)).toEqual(expected);
    expect(fast.kind === "solved" && strs(fast.W)).toEqual(expected);
  });

  it("matches the formula on random monotone allocations", () => {
    const arb = fc.integer({ min: 1, max: 12 }).chain((k) =>
      fc.record({
        x0: nonnegQ,
        xs: fc.array(posQ, { minLength: k - 1, maxLength: k - 1 }),
        ps: fc.array(nonnegQ, { minLength: k - 1, maxLength: k - 1 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ x0, xs, ps }) => {
        const x = cumulative(x0, xs);
        const p = cumulative(Q.ZERO, ps);
        const k = x.length;
        const gain: Gain = (i, j) => x[i].mul(p[j]);
        const expected = new Array<Q>(k).fill(Q.ZERO);
        for (let i = k - 2; i >= 0; i--) expected[i] = expected[i + 1].add(x[i].mul(p[i + 1].sub(p[i])));
        for (const s of [leastSolution(k, gain), leastSolution1D(x, gain), leastSolution1D(x, gain, { singleCrossing: "assume" })]) {
          expect(s.kind === "solved" && strs(s.W)).toEqual(strs(expected));
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("a decreasing allocation has a positive 2-cycle", () => {
    const x = [q(1), q(2)];
    const p = [q(1), q(0)];
    const gain: Gain = (i, j) => x[i].mul(p[j]);
    const sol = leastSolution(2, gain);
    expectCycleCertificate(sol, gain);
    // (x_1 − x_0)(p_0 − p_1) = 1.
    expect(sol.kind === "cycle" && sol.weight.toString()).toBe("1");
  });
});
