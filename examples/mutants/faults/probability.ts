/** Planted bugs in the expectation engine (src/probability/tree.ts `backward`). */
import { Q } from "../../../src/exact/rational.js";
import type { ExpectationEngine, ExpectationNode, ProcessTree, TreeNode } from "../../../src/probability/tree.js";

function engine(name: string, combine: (children: readonly { p: Q; node: ExpectationNode }[]) => Q): ExpectationEngine {
  return {
    name,
    expectations(tree: ProcessTree, Y: (path: readonly Q[]) => Q) {
      const walk = (node: TreeNode, prefix: Q[]): ExpectationNode => {
        if (node.children.length === 0) return { date: prefix.length, prefix, expectation: Y(prefix), children: [] };
        const children = node.children.map((b) => ({ p: b.p, node: walk(b.node, [...prefix, b.node.value!]) }));
        return { date: prefix.length, prefix, expectation: combine(children), children };
      };
      return walk(tree.root, []);
    },
  };
}

/** Ignores the probabilities: every child weighs the same (a martingale under the wrong measure). */
export const uniformWeights = engine("mutant/uniform-weights", (cs) => cs.reduce((s, c) => s.add(c.node.expectation), Q.ZERO).div(Q.of(cs.length)));

/** The best child instead of the mean (looks ahead: a supermartingale's reverse). */
export const maxOverChildren = engine("mutant/max-over-children", (cs) => cs.reduce((m, c) => Q.max(m, c.node.expectation), Q.ZERO));

/** Both engine bugs, labelled for it.each. */
export const ENGINE_MUTANTS: [string, ExpectationEngine][] = [
  ["uniform weights (the wrong measure)", uniformWeights],
  ["max over children (not a conditional probability)", maxOverChildren],
];
