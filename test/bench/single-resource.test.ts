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
  it("runs end to end: ordered certified bounds, the float midpoint inside them, a projection to N = 256", async () => {
    const { benchSimulation } = await import("../../src/bench/single-resource.js");
    const b = benchSimulation("stylized", [2, 4], 2, 1);
    expect(b.rows.map((r) => r.N)).toEqual([2, 4]);
    for (const r of b.rows) {
      expect(r.costSurplusLo).toBeLessThanOrEqual(r.costSurplusHi);
      expect(r.costSurplusFloat).toBeGreaterThanOrEqual(r.costSurplusLo * (1 - 1e-12));
      expect(r.costSurplusFloat).toBeLessThanOrEqual(r.costSurplusHi * (1 + 1e-12));
    }
    expect(b.projected256x20Sec).toBeGreaterThan(0);
  });
});
