/**
 * zhu2021.lemma5 holds for the exact engine from a fixed seed, hits its equality case (derived by
 * hand below), and catches the planted engine bugs of examples/mutants/faults/probability.ts.
 */
import { describe, expect, it } from "vitest";
import { expectCaught } from "./catches.js";
import { runClaim } from "../../src/claims/run.js";
import { Q, q } from "../../src/exact/rational.js";
import { lemma5 } from "../../properties/zhu2021/lemma5.js";
import { maxOverChildren, uniformWeights } from "../../examples/mutants/faults/probability.js";

describe("zhu2021.lemma5", () => {
  it("holds for the exact engine (seed 42)", () => {
    const r = runClaim(lemma5, { seed: 42 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe("holds");
  });
  it("equality by hand: T = 1, Y = X̄ = 2 with probability 1/4, else 0: Q(X₁ ≥ 2) = 1/4 = X₀/X̄ = (1/2)/2", () => {
    const tree = { T: 1, root: { children: [{ p: q(1, 4), node: { value: q(1), children: [] } }, { p: q(3, 4), node: { value: q(0), children: [] } }] } };
    const v = lemma5.check({ tree, payoff: [q(2), Q.ZERO], xbar: q(2) }, lemma5.defaultSubject);
    expect(v).toEqual({ kind: "holds", how: "equality" });
  });
  it.each([
    ["uniform weights (the wrong measure)", uniformWeights],
    ["max over children (not an expectation)", maxOverChildren],
  ])("catches the planted bug: %s", (_, mutant) => expectCaught(lemma5, mutant, { runs: 300 }));
});
