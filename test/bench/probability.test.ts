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

describe("benchRegret", () => {
  it("runs end to end at T = 2: the event's interval is ordered, and most node regrets are certified", async () => {
    const { benchRegret } = await import("../../src/bench/regret.js");
    const [r] = benchRegret(1, [2]);
    const q = (s: string) => { const [a, b] = s.split("/").map(Number); return a! / (b ?? 1); };
    expect(r!.leavesPerAgent).toBe(9);
    expect(r!.nodes).toBe(3 * (3 + 9));
    expect(q(r!.someoneLiesLo!)).toBeLessThanOrEqual(q(r!.someoneLiesHi!));
    expect(r!.certified!).toBeGreaterThan(r!.nodes! / 2);
    // the float twin lands inside the exact interval here (every comparison is decided at T = 2)
    expect(r!.someoneLiesFloat!).toBeGreaterThanOrEqual(q(r!.someoneLiesLo!) - 1e-12);
    expect(r!.someoneLiesFloat!).toBeLessThanOrEqual(q(r!.someoneLiesHi!) + 1e-12);
    expect(r!.floatMs!).toBeGreaterThan(0);
  });
  it("reports T = 6 at N = 3 as beyond the engine's limit instead of running it", async () => {
    const { benchRegret } = await import("../../src/bench/regret.js");
    const [r] = benchRegret(1, [6]);
    expect(r).toMatchObject({ T: 6, leavesPerAgent: 729, eventMs: null, floatMs: null });
    expect(r!.skipped).toMatch(/531441 type combinations/);
  });
  it("leaves the every-node regret out above treeUpTo, keeping the event", async () => {
    const { benchRegret } = await import("../../src/bench/regret.js");
    const [r] = benchRegret(1, [2], 3, 1);
    expect(r).toMatchObject({ T: 2, regretMs: null, nodes: null, certified: null });
    expect(r!.eventMs).toBeGreaterThan(0);
  });
});
