/** The reasonable-strategy bench runs end to end; exact and float agree (no timing asserted). */
import { describe, expect, it } from "vitest";

describe("benchReasonable", () => {
  it("exact and float agree to float precision on the release probability", async () => {
    const { benchReasonable } = await import("../../src/bench/probability.js");
    for (const r of benchReasonable(1, [2, 3])) {
      const [a, b] = r.released.split("/").map(Number);
      expect(Math.abs(a! / (b ?? 1) - r.releasedFloat)).toBeLessThan(1e-12);
      expect(r.leavesPerAgent).toBe(3 ** r.T);
    }
  });
});
