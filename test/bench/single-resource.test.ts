/** The V* bench's plumbing (no timing asserted): it certifies, and its float baseline agrees in value. */
import { describe, expect, it } from "vitest";
import { benchVStar } from "../../src/bench/single-resource.js";

describe("benchVStar", () => {
  it("certifies every instance at a small size and the float water-filling agrees to float precision", () => {
    const rows = benchVStar(2, 7, 8);
    for (const r of rows) {
      expect(r.certified).toBe(r.instances);
      expect(r.maxRelativeGap).toBeLessThanOrEqual(1e-12);
    }
    expect(rows[0]!.floatMaxRelativeError!).toBeLessThan(1e-9);
  });
});

describe("benchSimulation", () => {
  it("runs end to end: ordered certified bounds, the float midpoint inside them, one whole draw at N = 256", async () => {
    const { benchSimulation } = await import("../../src/bench/single-resource.js");
    const b = benchSimulation("stylized", [2, 4], 2, 1);
    expect(b.rows.map((r) => r.N)).toEqual([2, 4]);
    for (const r of b.rows) {
      expect(r.costSurplusLo).toBeLessThanOrEqual(r.costSurplusHi);
      expect(r.costSurplusFloat).toBeGreaterThanOrEqual(r.costSurplusLo * (1 - 1e-12));
      expect(r.costSurplusFloat).toBeLessThanOrEqual(r.costSurplusHi * (1 + 1e-12));
    }
    expect(b.runMs256).toBeGreaterThan(0);
    expect(b.oneCore256x20Sec).toBeGreaterThan(0);
  });
});

describe("benchFullSimulation (bench --simulation)", () => {
  it("times the simulation on worker threads and reports the same rows as the in-thread experiment", async () => {
    const { benchFullSimulation } = await import("../../src/cli/bench-simulation.js");
    const { simulateTheorem1 } = await import("../../src/simulate/theorem1.js");
    const { simulateOptions } = await import("../../src/cli/simulate.js");
    const b = await benchFullSimulation("zhu2022", 2, 3, "2,3", 3);
    expect(b.perSizeMs.map((r) => r.N)).toEqual([2, 3]);
    expect(b.wallMs).toBeGreaterThan(0);
    expect(b.computeMs).toBe(b.perSizeMs.reduce((s, r) => s + r.ms, 0));
    // the independent path: the same experiment on this thread
    const here = simulateTheorem1(simulateOptions("zhu2022.theorem1", { sizes: "2,3", runs: "3", seed: "3" }));
    const last = here[here.length - 1]!;
    expect(b.costSurplus.lo).toBe(last.costSurplus.lo.toNumber());
    expect(b.costSurplus.hi).toBe(last.costSurplus.hi.toNumber());
  });
});
