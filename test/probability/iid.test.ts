/**
 * The i.i.d. dynamic program (src/probability/iid.ts) against two independent paths: for one type,
 * the process tree (markovTree with identical rows) through the backward engine and truthBinding; for
 * two types, brute force over every joint path, each conditional probability summed over all
 * completions. Thresholds sweep so that both released and bound histories occur.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../src/exact/rational.js";
import { boundMassIid, type DateDistribution } from "../../src/probability/iid.js";
import { backward, leaves, markovTree } from "../../src/probability/tree.js";
import { truthBinding } from "../../src/equilibrium/reasonable.js";

const dist = (values: number[], weights: number[]): DateDistribution => {
  const tot = weights.reduce((a, b) => a + b, 0);
  return { values: values.map((v) => q(v, 2)), probs: weights.map((w) => q(w, tot)) };
};
const condition = (eps: Q) => (_s: number, p: Q) => p.lt(eps);

describe("boundMassIid", () => {
  it("one type: equals the tree engine's never-released mass (fixed seed, 60 cases)", () => {
    const arb = fc.record({ T: fc.integer({ min: 1, max: 4 }), w: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 3 }), lo: fc.integer({ min: 0, max: 2 }), width: fc.integer({ min: 0, max: 3 }), eps: fc.integer({ min: 1, max: 9 }) });
    let released = 0, bound = 0;
    for (const c of fc.sample(arb, { seed: 17, numRuns: 60 })) {
      const d = dist(c.w.map((_, k) => k), c.w);
      const low = q(c.lo, 2), high = q(c.lo + c.width, 2), eps = q(c.eps, 10);
      const tree = markovTree(d.values, d.probs, d.values.map(() => d.probs), c.T);
      const outside = (path: readonly Q[]) => {
        const avg = path.reduce((s, v) => s.add(v), Q.ZERO).div(Q.of(c.T));
        return avg.lt(low) || avg.gt(high);
      };
      const ls = truthBinding(tree, backward, outside, condition(eps));
      const ref = ls.reduce((s, l) => (l.release === null ? s.add(l.prob) : s), Q.ZERO);
      const got = boundMassIid({ T: c.T, types: [d] }, [low], [high], condition(eps));
      expect(got.bound.eq(ref)).toBe(true);
      expect(got.inside.eq(leaves(tree).reduce((s, l) => (outside(l.path) ? s : s.add(l.prob)), Q.ZERO))).toBe(true);
      if (ref.lt(Q.ONE)) released++;
      if (ref.sign() > 0) bound++;
    }
    expect(released).toBeGreaterThan(10);
    expect(bound).toBeGreaterThan(10);
  });

  it("two types: equals brute force over joint paths", () => {
    const d1 = dist([0, 2], [1, 2]), d2 = dist([1, 3], [3, 1]);
    const T = 3, low = [q(1, 2), q(1, 2)], high = [Q.ONE, q(3, 2)];
    const draws = [0, 1].flatMap((a) => [0, 1].map((b) => ({ v: [d1.values[a]!, d2.values[b]!], p: d1.probs[a]!.mul(d2.probs[b]!) })));
    type Path = { v: Q[][]; p: Q };
    let paths: Path[] = [{ v: [], p: Q.ONE }];
    for (let s = 0; s < T; s++) paths = paths.flatMap((x) => draws.map((d) => ({ v: [...x.v, d.v], p: x.p.mul(d.p) })));
    const out = (v: Q[][]) => [0, 1].some((i) => {
      const avg = v.reduce((s, r) => s.add(r[i]!), Q.ZERO).div(Q.of(T));
      return avg.lt(low[i]!) || avg.gt(high[i]!);
    });
    for (const eps of [q(1, 10), q(3, 10), q(6, 10), Q.ONE]) {
      let ref = Q.ZERO;
      for (const path of paths) {
        let ok = true;
        for (let s = 1; s <= T && ok; s++) {
          const same = paths.filter((x) => x.v.slice(0, s).every((r, k) => r.every((y, i) => y.eq(path.v[k]![i]!))));
          const mass = same.reduce((a, x) => a.add(x.p), Q.ZERO);
          const pOut = same.reduce((a, x) => (out(x.v) ? a.add(x.p) : a), Q.ZERO).div(mass);
          ok = pOut.lt(eps);
        }
        if (ok) ref = ref.add(path.p);
      }
      expect(boundMassIid({ T, types: [d1, d2] }, low, high, condition(eps)).bound.eq(ref)).toBe(true);
    }
  });

  it("rejects probabilities that do not sum to 1, negative ones, and T < 1, naming the field", () => {
    expect(() => boundMassIid({ T: 2, types: [{ values: [Q.ZERO, Q.ONE], probs: [q(1, 2), q(1, 3)] }] }, [Q.ZERO], [Q.ONE], () => true)).toThrow(/process\.types\[0\]\.probs: probabilities sum to 5\/6, not 1/);
    expect(() => boundMassIid({ T: 2, types: [{ values: [Q.ZERO, Q.ONE], probs: [q(3, 2), q(-1, 2)] }] }, [Q.ZERO], [Q.ONE], () => true)).toThrow(/process\.types\[0\]\.probs\[1\]: probabilities are ≥ 0/);
    expect(() => boundMassIid({ T: 0, types: [] }, [], [], () => true)).toThrow(/process\.T/);
  });
});
