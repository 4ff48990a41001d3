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
