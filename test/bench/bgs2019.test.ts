/** The bgs2019 α* benchmark computes what it reports (timings are not asserted). */
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { benchAlphaStar, benchStates, floatAlphaStar } from "../../src/bench/bgs2019.js";
import { inCentralRegion } from "../../src/mechanisms/bgs2019/region.js";
import type { ValueDist } from "../../src/models/bgs2019/distribution.js";

describe("bgs2019 α* benchmark", () => {
  it("states: four agents, five pieces or points each, certified inside the central region", () => {
    for (const kind of ["density", "discrete"] as const) {
      const states = benchStates(1, kind, 3);
      expect(states).toHaveLength(3);
      for (const m of states) {
        expect(m.values.map((d) => (d.kind === "discrete" ? d.points.length : d.pieces.length))).toEqual([5, 5, 5, 5]);
        expect(m.values.every((d) => d.kind === kind)).toBe(true);
        expect(inCentralRegion(m).inside).toBe(true);
      }
    }
  });

  it("the float baseline finds α* = (1/2, 1/2) for two uniform [0, 1] agents at u = (1/4, 1/4) (symmetry)", () => {
    const U: ValueDist = { kind: "density", pieces: [{ from: q(0), to: q(1), p: q(1) }] };
    floatAlphaStar([U, U], [0.25, 0.25]).forEach((x) => expect(Math.abs(x - 0.5)).toBeLessThan(1e-3));
  });

  it("rows: every float answer inside the certified box, on both kinds of values", () => {
    const rows = benchAlphaStar(2, 3);
    expect(rows.map((r) => [r.values, r.agents, r.size, r.states, r.inBox, r.agree])).toEqual([
      ["density", 4, 5, 3, 3, true],
      ["discrete", 4, 5, 3, 3, true],
    ]);
    rows.forEach((r) => expect(r.certifiedMsMedian).toBeGreaterThan(0));
  });
});
