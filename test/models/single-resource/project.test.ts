/**
 * Project types and the single-resource model: the named families pass the papers' hypothesis
 * checks, a convex or decreasing f is refused, the convexity threshold of the linked VCG objective
 * agrees with an independent second-difference test, and the ω = 0 convention is the limit.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/exact/errors.js";
import { Q, q } from "../../../src/exact/rational.js";
import { contribution, efficientAllocation, makeModel } from "../../../src/models/single-resource/model.js";
import { checkProjectType, quadlin, saturating, saturating2, type ProjectType } from "../../../src/models/single-resource/project.js";
import { dateTerms } from "../../../src/mechanisms/single-resource/date-terms.js";

const families: ProjectType[] = [saturating(q(1), q(1)), saturating(q(3, 2), q(1, 4)), saturating2(q(2), q(1, 2)), quadlin(q(1), q(1, 4))];

describe("project families", () => {
  it.each(families.map((f) => [f.name, f] as const))("%s satisfies f(0) = 0, increasing, concave, f' consistent", (_, f) => {
    expect(() => checkProjectType(f)).not.toThrow();
  });

  it("refuses quadlin with s = 0 (flat beyond c: not increasing, as the papers require)", () => {
    expect(() => checkProjectType(quadlin(q(2), Q.ZERO))).toThrow(/increasing/);
  });

  it("refuses a convex f and a decreasing f", () => {
    const convex: ProjectType = { ...saturating(q(1), q(1)), f: (a) => a.mul(a), df: (a) => a.mul(q(2)).add(Q.ONE), d2f: () => q(2), strictlyConcave: false };
    expect(() => checkProjectType(convex)).toThrow(InputError);
    const decreasing: ProjectType = { ...saturating(q(1), q(1)), f: (a) => a.neg(), df: () => Q.MINUS_ONE, d2f: () => Q.ZERO, strictlyConcave: false };
    expect(() => checkProjectType(decreasing)).toThrow(/increasing/);
  });

  it("convexUpTo matches the sign of second differences of x ↦ O·f(q̄/(x + O)) (independent check)", () => {
    // For saturating2(k=1, b=1) the threshold is q̄/O ≤ 2b = 2. Second differences at small x decide
    // local convexity exactly on rationals, with no derivative formulas involved.
    const f = saturating2(q(1), q(1));
    const secondDiff = (qbar: Q, O: Q, x: Q, h: Q) => {
      const g = (y: Q) => O.mul(f.f(qbar.div(y.add(O))));
      return g(x.add(h)).add(g(x.sub(h))).sub(g(x).mul(q(2)));
    };
    expect(secondDiff(q(1), q(1), q(1, 100), q(1, 1000)).sign()).toBe(1); // q̄/O = 1 ≤ 2: convex
    expect(secondDiff(q(4), q(1), q(1, 100), q(1, 1000)).sign()).toBe(-1); // q̄/O = 4 > 2: concave there
    const model = (qbar: Q) => makeModel({ N: 2, T: 1, beta: Q.ONE, qbar, f });
    expect(dateTerms(model(q(1)), [[q(1)], [q(1)]], 0)[0]!.convex).toBe(true);
    expect(dateTerms(model(q(4)), [[q(1)], [q(1)]], 0)[0]!.convex).toBe(false);
  });
});

describe("the model", () => {
  it("ω = 0 contributes the limit: 0 along the efficient allocation, a·f'(∞) otherwise", () => {
    const f = quadlin(q(1), q(1, 4));
    expect(contribution(f, Q.ZERO, Q.ZERO).isZero()).toBe(true);
    // ω·f(a/ω) for tiny ω approaches a·s (linear tail): check at ω = 1/10⁶ against a·s = 1/4.
    const tiny = contribution(f, q(1, 1_000_000), Q.ONE);
    expect(tiny.sub(contribution(f, Q.ZERO, Q.ONE)).abs().lt(q(1, 1000))).toBe(true);
    expect(contribution(f, Q.ZERO, Q.ONE)).toEqual(q(1, 4));
  });

  it("the efficient allocation splits q̄ in proportion to reports, and nothing on an all-zero date", () => {
    const m = makeModel({ N: 3, T: 1, beta: Q.ONE, qbar: q(6), f: saturating(q(1), q(1)) });
    expect(efficientAllocation(m, [[q(1)], [q(2)], [Q.ZERO]], 0).map(String)).toEqual(["2", "4", "0"]);
    expect(efficientAllocation(m, [[Q.ZERO], [Q.ZERO], [Q.ZERO]], 0).every((a) => a.isZero())).toBe(true);
  });
});
