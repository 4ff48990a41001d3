/**
 * The exact regret Rⁿ_t of zhu2022 §2.4 (src/equilibrium/regret.ts). Reference values are derived
 * independently: every witness's gain is recomputed through the linked VCG mechanism object (its
 * retraction, allocation and unilateral transfer difference — not the engine's date terms), and
 * upper bounds are checked against a brute-force grid of misreports evaluated the same way.
 */
import { describe, expect, it } from "vitest";
import { Q, q } from "../../src/exact/rational.js";
import { agentSurplus, makeModel, withRow, type SingleResourceModel } from "../../src/models/single-resource/model.js";
import { saturating } from "../../src/models/single-resource/project.js";
import { linkedVcg } from "../../src/mechanisms/single-resource/vcg.js";
import { leaves, markovTree, type ProcessTree } from "../../src/probability/tree.js";
import { contains, type OmegaStar } from "../../src/typespace/single-resource.js";
import { pairStages, regretAt, regretContext, regretKey, regretMax, regretTree, type RegretProblem } from "../../src/equilibrium/regret.js";
import { regretBinding } from "../../src/equilibrium/regret-binding.js";

const uniform = (states: Q[], T: number): ProcessTree => markovTree(states, states.map(() => Q.of(1, states.length)), states.map(() => states.map(() => Q.of(1, states.length))), T);

/** Agent n's gain from `lie` at truth (own, others), in date-t terms, through the mechanism object. */
function mechanismGain(model: SingleResourceModel, omegaStar: OmegaStar, n: number, own: readonly Q[], others: readonly (readonly Q[])[], lie: readonly Q[], t: number): Q {
  const mech = linkedVcg(model, omegaStar);
  const truth = [...others.slice(0, n), own, ...others.slice(n)].map((r) => [...r]);
  const lied = withRow(truth, n, [...lie]);
  const alloc = (p: Q[][]) => Array.from({ length: model.T }, (_, s) => mech.allocate(p, s)[n]!);
  const dS = agentSurplus(model, alloc(lied), own).sub(agentSurplus(model, alloc(truth), own));
  const dW = mech.unilateralDifference!(truth, lied, n);
  expect(dW.lo.eq(dW.hi)).toBe(true);
  return dS.add(model.beta.pow(model.T - 1).mul(dW.lo)).div(model.beta.pow(t - 1));
}

const model2 = makeModel({ N: 2, T: 2, beta: q(3, 4), qbar: q(2), f: saturating(Q.ONE, Q.ONE) });
const box: OmegaStar = { kind: "box-average", max: q(3, 2), avg: Q.ONE, x: q(1, 8) };
const small: RegretProblem = { model: model2, omegaStar: box, trees: [uniform([q(1, 2), Q.ONE, q(2)], 2), uniform([q(1, 2), q(3, 2)], 2)] };

describe("regret of the linked VCG ∘ Lemma 1 retraction", () => {
  const ctx = regretContext(small, 0);
  const nodes = regretTree(ctx);

  it("bounds are ordered, nonnegative, and every witness's gain is the mechanism's own (recomputed through linkedVcg)", () => {
    expect(nodes.length).toBe(3 + 9);
    let witnesses = 0;
    for (const nd of nodes) {
      expect(nd.regret.lo.sign()).toBeGreaterThanOrEqual(0);
      expect(nd.regret.lo.le(nd.regret.hi)).toBe(true);
      const w = nd.regret.witness;
      if (w === null) continue;
      witnesses++;
      expect(w.continuation.slice(0, nd.prefix.length).every((v, s) => v.eq(nd.prefix[s]!))).toBe(true);
      expect(w.misreport.slice(0, nd.prefix.length - 1).every((v, s) => v.eq(nd.prefix[s]!))).toBe(true);
      expect(contains(box, w.misreport)).toBe(true);
      expect(mechanismGain(model2, box, 0, w.continuation, w.others, w.misreport, nd.prefix.length).eq(w.gain)).toBe(true);
      expect(w.gain.eq(nd.regret.lo)).toBe(true);
    }
    expect(witnesses).toBeGreaterThan(0);
  });

  it("no misreport on a brute-force grid beats the certified upper bound (gains through the mechanism)", () => {
    const grid = Array.from({ length: 13 }, (_, i) => q(i, 4)); // 0, 1/4, …, 3
    const others = leaves(small.trees[1]!).map((l) => l.path);
    let positive = 0;
    for (const nd of nodes) {
      const t = nd.prefix.length;
      let best = Q.ZERO;
      for (const cont of leaves(small.trees[0]!).map((l) => l.path).filter((p) => p.slice(0, t).every((v, s) => v.eq(nd.prefix[s]!)))) {
        // misreports agree with the history before t; later dates range over the grid (retracted by the mechanism)
        const lies = t === 1 ? grid.flatMap((a) => grid.map((b) => [a, b])) : grid.map((b) => [cont[0]!, b]);
        for (const o of others) for (const lie of lies) best = Q.max(best, mechanismGain(model2, box, 0, cont, [o], lie, t));
      }
      expect(best.le(nd.regret.hi)).toBe(true);
      if (best.sign() > 0) positive++;
    }
    expect(positive).toBeGreaterThan(0); // the grid does find profitable lies: the comparison has teeth
  });

  it("with a comparison to decide (enough), the one-multiplier bounds stay sound: the brute-force grid never beats hi", () => {
    const grid = Array.from({ length: 13 }, (_, i) => q(i, 4));
    const others = leaves(small.trees[1]!).map((l) => l.path);
    for (const nd of nodes) {
      // enough never says "stop", so every pair goes through the one-multiplier stage before a solve
      const r = regretAt(ctx, nd.prefix, { enough: () => false });
      expect(r.lo.le(nd.regret.hi) && nd.regret.lo.le(r.hi)).toBe(true);
      const t = nd.prefix.length;
      for (const cont of leaves(small.trees[0]!).map((l) => l.path).filter((p) => p.slice(0, t).every((v, s) => v.eq(nd.prefix[s]!)))) {
        const lies = t === 1 ? grid.flatMap((a) => grid.map((b) => [a, b])) : grid.map((b) => [cont[0]!, b]);
        for (const o of others) for (const lie of lies) expect(mechanismGain(model2, box, 0, cont, [o], lie, t).le(r.hi)).toBe(true);
      }
    }
  });

  it("the one-multiplier bound of every pair lies between the pair's certified gain and its cap, and is sometimes below the cap", () => {
    let tighter = 0, pairs = 0;
    for (const problem of [small, { ...small, omegaStar: { kind: "window" as const, avg: Q.ONE, x: q(1, 4) } }]) {
      const c = regretContext(problem, 0);
      for (const nd of regretTree(c)) {
        for (const p of pairStages(c, nd.prefix)) {
          pairs++;
          expect(p.lo.le(p.lagrange)).toBe(true); // sound: an achieved gain never exceeds it
          expect(p.lagrange.le(p.cap)).toBe(true);
          if (p.lagrange.lt(p.cap)) tighter++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(0);
    expect(tighter).toBeGreaterThan(0); // it does cut below the coordinate-box cap somewhere
  });

  it("is exactly 0 where every continuation lies in Ω*ⁿ (truth-telling is ex-post optimal there: stylized Lemma 2)", () => {
    const inside = nodes.filter((nd) => leaves(small.trees[0]!).filter((l) => l.path.slice(0, nd.prefix.length).every((v, s) => v.eq(nd.prefix[s]!))).every((l) => contains(box, l.path)));
    expect(inside.length).toBeGreaterThan(0);
    for (const nd of inside) expect([nd.regret.lo.isZero(), nd.regret.hi.isZero(), nd.regret.status]).toEqual([true, true, "certified"]);
  });

  it("is exactly 0 once the history has no completion in Ω*ⁿ (the retraction stops listening)", () => {
    // box-average with ω_max = 3/2: a first report of 2 already overshoots every completion (2 > ω_max)
    const r = regretAt(ctx, [q(2), q(2)]);
    expect([r.lo.isZero(), r.hi.isZero(), r.how]).toEqual([true, true, expect.stringContaining("no completion")]);
  });

  it("certifies the value when the optimum underreports: every truth above the reachable set", () => {
    // Ω* = {ω_t ≤ 3/2, average within 1 ± 1/8}; agent 1 always reports 2 at date 2 after 1 at date 1
    const oneThenTwo = markovTree([Q.ONE, q(2)], [Q.ONE, Q.ZERO], [[Q.ZERO, Q.ONE], [Q.ZERO, Q.ONE]], 2);
    const high: RegretProblem = { ...small, trees: [oneThenTwo, small.trees[1]!] };
    const r = regretAt(regretContext(high, 0), [Q.ONE, q(2)]);
    expect(r.status).toBe("certified");
    expect(r.lo.sign()).toBeGreaterThan(0);
    expect(r.hi.sub(r.lo).le(r.hi.mul(q(1, 10 ** 9)))).toBe(true);
  });

  it("R̄ is the largest node regret, attained at a node with a witness", () => {
    const mx = regretMax(nodes);
    expect(mx.lo.eq(nodes.reduce((m, nd) => Q.max(m, nd.regret.lo), Q.ZERO))).toBe(true);
    expect(mx.at?.regret.lo.eq(mx.lo)).toBe(true);
  });

  it("rejects trees that do not match the model, naming the field", () => {
    expect(() => regretContext({ ...small, trees: [small.trees[0]!] }, 0)).toThrow(/trees/);
    expect(() => regretContext({ ...small, trees: [small.trees[0]!, uniform([Q.ONE], 3)] }, 0)).toThrow(/trees\[1\]\.T/);
    expect(() => regretAt(ctx, [q(7)])).toThrow(/no path/);
  });

  it("condition (1) is strict: at ε = p·lo a certified node releases, just above p·hi it binds to the truth (a '≤' threshold would be caught)", () => {
    const nd = nodes.find((x) => x.prefix.length === 1 && x.regret.status === "certified" && x.regret.lo.sign() > 0)!;
    expect(nd).toBeDefined();
    const known = new Map(nodes.map((x) => [regretKey(x.prefix), x.regret]));
    const p = leaves(small.trees[0]!).filter((l) => l.path[0]!.eq(nd.prefix[0]!));
    const mass = p.reduce((s, l) => s.add(l.prob), Q.ZERO);
    const outside = p.reduce((s, l) => (contains(box, l.path) ? s : s.add(l.prob)), Q.ZERO).div(mass); // P(ω ∉ Ω* | ω_1), by enumeration
    const at = (eps: Q) => regretBinding(ctx, eps, known).filter((l) => l.path[0]!.eq(nd.prefix[0]!)).map((l) => l.checks[0]!.verdict);
    const eps = outside.mul(nd.regret.lo);
    expect(new Set(at(eps))).toEqual(new Set(["released"]));
    expect(new Set(at(outside.mul(nd.regret.hi).add(q(1, 10 ** 12))))).toEqual(new Set(["truthful"]));
  });
});
