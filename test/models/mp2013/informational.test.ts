/** Informational size, strict size, variability and NEI (src/models/mp2013/informational.ts). */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../../src/exact/rational.js";
import { readMp2013 } from "../../../src/models/mp2013/json.js";
import { informationalSize, kyFan, neiFailure, normalizedGap, strictSize, variability } from "../../../src/models/mp2013/informational.js";
import { modelArb } from "../../../src/search/mp2013.js";
import { accurateSignals } from "./fixtures.js";

/** Definition 3's inner minimum straight from the definition: the least ε in a finite candidate set containing the minimizer (0, every d, every subset sum of weights) with Σ_{d > ε} w ≤ ε. */
function kyFanBrute(list: { d: Q; w: Q }[]): Q {
  const cands: Q[] = [Q.ZERO, ...list.map((x) => x.d)];
  for (let mask = 0; mask < 1 << list.length; mask++) cands.push(list.reduce((a, x, k) => ((mask >> k) & 1 ? a.add(x.w) : a), Q.ZERO));
  let best: Q | null = null;
  for (const e of cands) {
    const g = list.reduce((a, x) => (x.d.gt(e) ? a.add(x.w) : a), Q.ZERO);
    if (g.le(e) && (best === null || e.lt(best))) best = e;
  }
  return best!;
}

describe("the Ky Fan minimum of Definition 3", () => {
  it("agrees with the definition evaluated on every candidate (brute force)", () => {
    const item = fc.record({ d: fc.integer({ min: 0, max: 8 }).map((k) => q(k, 4)), w: fc.integer({ min: 0, max: 6 }).map((k) => q(k, 12)) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 7 }), (list) => kyFan(list).eq(kyFanBrute(list))),
      { seed: 11, numRuns: 400 },
    );
  });
});

describe("§9.2's example: accurate signals make agents informationally small but not strictly small", () => {
  const m = readMp2013(accurateSignals());
  it("ν = 72/365 and σ = 8/5 for every agent (reference: computed by hand from the posteriors 9^k/(9^k + 9^{3−k}))", () => {
    // With k of the three signals equal to 1, P(θ₁|t) = 729/730, 9/10, 1/10, 1/730 for k = 3, 2, 1, 0.
    // Given own signal 1, the others' signals (1,1), (1,2)/(2,1), (2,2) have probabilities 73/100, 18/100,
    // 9/100, and announcing 2 instead moves the 1-norm posterior by 72/365, 8/5, 72/365. So the Ky Fan
    // minimum is max(72/365, 18/100) = 72/365 (the disagreeing signals have mass 18/100 < 72/365), the
    // largest shift 8/5: small, but not strictly small, as §9.2 says.
    for (let i = 0; i < 3; i++) {
      expect(informationalSize(m, i).value.toString()).toBe("72/365");
      expect(strictSize(m, i).value.toString()).toBe("8/5");
    }
    expect(neiFailure(m)).not.toBeNull();
  });

  it("Λ is positive (distinct beliefs about the others' signals) and decided exactly", () => {
    const v = variability(m, 0)!;
    expect(v.value.sign()).toBe(1);
    expect(v.value.lt(q(2))).toBe(true);
  });
});

describe("relations the paper states", () => {
  it("ν ≤ σ, ν ≤ 1 and (ν = 0 for all ⇔ NEI) on generated priors", () => {
    fc.assert(
      fc.property(modelArb(), (m) => {
        const nus = m.types.map((_, i) => informationalSize(m, i).value);
        nus.forEach((nu, i) => {
          expect(nu.le(strictSize(m, i).value)).toBe(true);
          expect(nu.le(Q.ONE)).toBe(true);
        });
        expect(nus.every((x) => x.isZero())).toBe(neiFailure(m) === null);
      }),
      { seed: 5, numRuns: 150 },
    );
  });

  it("the normalized gap is 0 for proportional vectors and 2 for orthogonal ones (exact)", () => {
    expect(normalizedGap([q(1), q(2)], [q(2), q(4)]).sign()).toBe(0);
    expect(normalizedGap([q(1), q(0)], [q(0), q(3)]).rational()!.eq(q(2))).toBe(true);
  });
});
