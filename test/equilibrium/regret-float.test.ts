/**
 * The float twin of the regret (regret-float.ts) against the certified engine: at every node of
 * small problems (both Ω* kinds, β < 1 and β = 1) the float estimate lies inside the exact bounds
 * [lo, hi] up to float noise — the independent reference is the exact engine, whose witnesses are
 * themselves recomputed through the mechanism object in regret.test.ts.
 */
import { describe, expect, it } from "vitest";
import { Q, q } from "../../src/exact/rational.js";
import { regretContext, regretTree, type RegretProblem } from "../../src/equilibrium/regret.js";
import { regretAtF, truthfulMassF } from "../../src/equilibrium/regret-float.js";
import { regretBinding, truthfulMass } from "../../src/equilibrium/regret-binding.js";
import { makeModel } from "../../src/models/single-resource/model.js";
import { saturating } from "../../src/models/single-resource/project.js";
import { markovTree, type ProcessTree } from "../../src/probability/tree.js";

const uniform = (states: Q[], T: number): ProcessTree => markovTree(states, states.map(() => Q.of(1, states.length)), states.map(() => states.map(() => Q.of(1, states.length))), T);

const problems: [string, RegretProblem][] = [
  ["box-average, β = 3/4", { model: makeModel({ N: 2, T: 2, beta: q(3, 4), qbar: q(2), f: saturating(Q.ONE, Q.ONE) }), omegaStar: { kind: "box-average", max: q(3, 2), avg: Q.ONE, x: q(1, 8) }, trees: [uniform([q(1, 2), Q.ONE, q(2)], 2), uniform([q(1, 2), q(3, 2)], 2)] }],
  ["window, β = 1, N = 3", { model: makeModel({ N: 3, T: 3, beta: Q.ONE, qbar: q(3), f: saturating(Q.ONE, Q.ONE) }), omegaStar: { kind: "window", avg: Q.ONE, x: q(1, 6) }, trees: [uniform([q(1, 2), q(3, 2)], 3), uniform([Q.ONE, q(2)], 3), uniform([q(1, 2), Q.ONE], 3)] }],
];

describe("the float twin of the regret", () => {
  it.each(problems)("%s: every node's float regret lies in the exact bounds", (_, problem) => {
    let positive = 0;
    for (let n = 0; n < problem.model.N; n++) {
      const ctx = regretContext(problem, n);
      for (const node of regretTree(ctx)) {
        const f = regretAtF(ctx, node.prefix);
        const { lo, hi } = node.regret;
        const slack = 1e-9 * Math.max(1, hi.toNumber());
        expect(f, `agent ${n + 1} at (${node.prefix.join(", ")})`).toBeGreaterThanOrEqual(lo.toNumber() - slack);
        expect(f).toBeLessThanOrEqual(hi.toNumber() + slack);
        if (lo.sign() > 0) positive++;
      }
    }
    expect(positive).toBeGreaterThan(0); // some regret is positive: the comparison is not between zeros
  });

  it("condition (1)'s float event agrees with the exact one wherever the exact one is decided", () => {
    const [, problem] = problems[1]!;
    for (let n = 0; n < problem.model.N; n++) {
      const ctx = regretContext(problem, n);
      for (const eps of [q(1, 100), q(1, 20), q(1, 4)]) {
        const exact = truthfulMass(regretBinding(ctx, eps));
        const float = truthfulMassF(ctx, eps.toNumber());
        expect(float).toBeGreaterThanOrEqual(exact.lo.toNumber() - 1e-12);
        expect(float).toBeLessThanOrEqual(exact.hi.toNumber() + 1e-12);
      }
    }
  });
});
