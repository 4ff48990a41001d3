/**
 * Finite process trees: validation names the node and the rule; leaves and conditional expectations
 * by hand on a small tree; Markov unrolling; the JSON codec round-trips; generated trees are valid.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { treeFromJson, treeToJson } from "../../src/probability/json.js";
import { backward, checkTree, leaves, markovTree, type ProcessTree } from "../../src/probability/tree.js";
import { treeArb } from "../../src/search/probability.js";

// T = 2: date 1 is 0 (p 1/3) or 1 (p 2/3); after 0: 0 or 2 (1/2 each); after 1: 1 (p 1).
const tree: ProcessTree = {
  T: 2,
  root: {
    children: [
      { p: q(1, 3), node: { value: q(0), children: [{ p: Q.HALF, node: { value: q(0), children: [] } }, { p: Q.HALF, node: { value: q(2), children: [] } }] } },
      { p: q(2, 3), node: { value: q(1), children: [{ p: Q.ONE, node: { value: q(1), children: [] } }] } },
    ],
  },
};

describe("process trees", () => {
  it("leaves and probabilities by hand: (0,0) 1/6, (0,2) 1/6, (1,1) 2/3", () => {
    expect(leaves(tree).map((l) => [l.path.map(String).join(","), String(l.prob)])).toEqual([["0,0", "1/6"], ["0,2", "1/6"], ["1,1", "2/3"]]);
  });
  it("conditional expectations of Y = ω₁ + ω₂ by hand: E = 1/6·0 + 1/6·2 + 2/3·2 = 5/3; after 0: 1; after 1: 2", () => {
    const X = backward.expectations(tree, (p) => p.reduce((s, v) => s.add(v), Q.ZERO));
    expect(String(X.expectation)).toBe("5/3");
    expect(X.children.map((c) => String(c.node.expectation))).toEqual(["1", "2"]);
  });
  it("P(ω ∉ A | ω|₁) for A = {ω₂ = 0}: 1/2 after 0, 1 after 1 (an indicator's conditional probability)", () => {
    const X = backward.expectations(tree, (p) => (p[1]!.isZero() ? Q.ZERO : Q.ONE));
    expect(X.children.map((c) => String(c.node.expectation))).toEqual(["1/2", "1"]);
  });
  it("a two-state Markov chain unrolls to the product of its transitions", () => {
    const m = markovTree([q(0), q(1)], [Q.HALF, Q.HALF], [[q(3, 4), q(1, 4)], [Q.ZERO, Q.ONE]], 3);
    const ls = leaves(m);
    expect(ls.reduce((s, l) => s.add(l.prob), Q.ZERO).eq(Q.ONE)).toBe(true);
    // (0,0,0): 1/2·3/4·3/4 = 9/32; (1,1,1): 1/2·1·1 = 1/2; state 1 never returns to 0
    expect(ls.find((l) => l.path.every((v) => v.isZero()))!.prob.eq(q(9, 32))).toBe(true);
    expect(ls.find((l) => l.path.every((v) => v.eq(Q.ONE)))!.prob.eq(Q.HALF)).toBe(true);
    expect(ls.some((l) => l.path[1]!.eq(Q.ONE) && l.path[2]!.isZero())).toBe(false);
  });
  it("JSON round-trips exactly; generated trees are valid", () => {
    expect(treeToJson(treeFromJson(treeToJson(tree)))).toEqual(treeToJson(tree));
    for (const t of fc.sample(treeArb({ maxT: 4 }), { seed: 3, numRuns: 50 })) {
      expect(() => checkTree(t)).not.toThrow();
      expect(leaves(t).reduce((s, l) => s.add(l.prob), Q.ZERO).eq(Q.ONE)).toBe(true);
    }
  });
  it.each([
    [{ T: 1, root: { children: [{ p: "1/2", value: "1" }] } }, /^tree\.root\.children: probabilities sum to 1\/2, not 1$/],
    [{ T: 1, root: { children: [{ p: "-1/2", value: "1" }, { p: "3/2", value: "2" }] } }, /^tree\.root\.children\[0\]\.p: probabilities are ≥ 0/],
    [{ T: 1, root: { children: [{ p: "1", value: "1", children: [{ p: "1", value: "1" }] }] } }, /^tree\.root\.children\[0\]\.children: the tree is deeper than T = 1/],
    [{ T: 2, root: { children: [{ p: "1", value: "1" }] } }, /^tree\.root\.children\[0\]\.children: a path ends at date 1 < T = 2/],
    [{ T: 1, root: { children: [{ value: "1" }] } }, /^tree\.root\.children\[0\]\.p: every branch needs its probability/],
    [{ T: 1, root: { children: [{ p: "0.5", value: "1" }, { p: "1/2", value: "2" }] } }, /^tree\.root\.children\[0\]\.p: .*decimal/],
    [{ T: 1, root: { children: [{ p: "1/2", value: "1" }, { p: "1/2", value: "1" }] } }, /^tree\.root\.children\[1\]\.value: repeats the value of children\[0\]/],
    [{ T: 1, root: { p: "1", children: [{ p: "1", value: "1" }] } }, /^tree\.root: the root is before date 1/],
  ])("%j is refused", (json, msg) => {
    expect(() => treeFromJson(json)).toThrow(InputError);
    expect(() => treeFromJson(json)).toThrow(msg);
  });
});
