/**
 * zhu2022.theorem1.step-rbar: the regret bound R̄(N) = N²q f'(0) ∨ ε of the proof of Theorem 1.
 * It holds on the paper's mechanism from a fixed seed; a misstated bound (one factor N dropped) is
 * refuted, and the refuting gain is recomputed here through the linked VCG mechanism object
 * (retraction, allocation, unilateral transfer difference), not the regret engine's date terms.
 */
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { zhu2022Theorem1Rbar } from "../../properties/zhu2022/theorem1-rbar.js";
import { runClaim } from "../../src/claims/run.js";
import { parseQ, Q, q } from "../../src/exact/rational.js";
import { linkedVcg } from "../../src/mechanisms/single-resource/vcg.js";
import { agentSurplus, makeModel, withRow } from "../../src/models/single-resource/model.js";
import { family as dropsN } from "../../examples/mutants/rbar-drops-a-factor-n.js";

loadCatalogue();

describe("zhu2022.theorem1.step-rbar", () => {
  it("holds for the paper's R̄ from a fixed seed", () => {
    const r = runClaim(zhu2022Theorem1Rbar, { seed: 11 });
    expect(r.status).toBe("holds");
    expect(r.cases).toBeGreaterThan(10);
  });

  it("refutes R̄ = N·q f'(0) ∨ ε, with a gain the mechanism itself confirms", () => {
    const r = runClaim(zhu2022Theorem1Rbar, { seed: 11, subject: dropsN });
    expect(r.status).toBe("counterexample");
    const cx = r.counterexample!;
    const c = zhu2022Theorem1Rbar.decode(cx.instance);
    const w = cx.witness.quantities as { agent: number; rbar: string; regretAtLeast: string; continuation: string[]; others: string[][]; misreport: string[] };
    const N = c.trees.length, n = w.agent - 1;
    const model = makeModel({ N, T: N, beta: Q.ONE, qbar: q(N).mul(c.q), f: c.f });
    const mech = linkedVcg(model, { kind: "window", avg: c.avg, x: c.x });
    const own = w.continuation.map(parseQ), others = w.others.map((o) => o.map(parseQ));
    const truth = [...others.slice(0, n), own, ...others.slice(n)];
    const lied = withRow(truth, n, w.misreport.map(parseQ));
    const alloc = (p: Q[][]) => Array.from({ length: N }, (_, s) => mech.allocate(p, s)[n]!);
    const dW = mech.unilateralDifference!(truth, lied, n);
    // β = 1: the date-1 regret is the whole utility difference
    const gain = agentSurplus(model, alloc(lied), own).sub(agentSurplus(model, alloc(truth), own)).add(dW.lo);
    expect(gain.eq(parseQ(w.regretAtLeast))).toBe(true);
    expect(gain.gt(parseQ(w.rbar))).toBe(true);
    // and the paper's own bound is not exceeded on the same instance
    expect(gain.le(Q.max(q(N * N).mul(c.q).mul(c.f.df(Q.ZERO)), c.eps))).toBe(true);
  });

  it("rejects trees that are not T = N, and floats", () => {
    const tree = { T: 1, root: { children: [{ p: "1", value: "1", children: [] }] } };
    const base = { q: "1", f: { family: "saturating", k: "1", b: "1" }, eps: "1/10", avg: "1", x: "1/4" };
    expect(() => zhu2022Theorem1Rbar.decode({ ...base, trees: [tree, tree] })).toThrow(/instance.trees\[0\]: T = N = 2 dates are required/);
    const tree2 = { T: 2, root: { children: [{ p: "1", value: "1", children: [{ p: "1", value: "1", children: [] }] }] } };
    expect(zhu2022Theorem1Rbar.decode({ ...base, trees: [tree2, tree2] }).trees).toHaveLength(2);
    expect(() => zhu2022Theorem1Rbar.decode({ ...base, q: 0.5, trees: [tree2, tree2] })).toThrow(/instance.q/);
  });
});
