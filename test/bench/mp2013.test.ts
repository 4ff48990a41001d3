/** The mp2013 benchmarks compute the same quantities their baselines do (timings are not asserted). */
import { describe, expect, it } from "vitest";
import { benchInformationalSize, benchReplicaSize } from "../../src/bench/mp2013.js";

describe("mp2013 benchmarks", () => {
  it("νᵢ: the sorted algorithm and the definition scan agree", () => {
    const rows = benchInformationalSize(1, [2, 3]);
    expect(rows.map((r) => [r.types, r.profiles, r.agree])).toEqual([[2, 8, true], [3, 27, true]]);
  });

  it("replicas: count vectors and the full model give the same ν^{P^r}; large r runs on count vectors alone", () => {
    const rows = benchReplicaSize([2, 6, 40]);
    expect(rows.map((r) => [r.r, r.profiles, r.agree])).toEqual([[2, "4", true], [6, "64", true], [40, "2^40", null]]);
    expect(rows[2]!.fullMs).toBeNull();
  });
});
