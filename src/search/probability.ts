/**
 * Arbitraries for finite process trees (src/probability): 1..maxT dates, 1..maxBranch branches per
 * node, probabilities from small positive integer weights normalized exactly (small denominators),
 * node values from `value` (siblings distinct: a realization is its sequence of values). Shrinking goes toward fewer dates, fewer branches, equal weights.
 */
import * as fc from "fast-check";
import { Q } from "../exact/rational.js";
import type { ProcessTree, TreeNode } from "../probability/tree.js";
import { nonNegRational } from "./numbers.js";

export interface TreeShape {
  readonly minT?: number;
  readonly maxT?: number;
  readonly maxBranch?: number;
  readonly value?: fc.Arbitrary<Q>;
}

function nodeArb(depth: number, T: number, maxBranch: number, value: fc.Arbitrary<Q>): fc.Arbitrary<TreeNode> {
  if (depth === T) return fc.constant({ children: [] });
  return fc
    .uniqueArray(fc.record({ w: fc.integer({ min: 1, max: 4 }), value, node: nodeArb(depth + 1, T, maxBranch, value) }), { minLength: 1, maxLength: maxBranch, selector: (b) => b.value.toString() })
    .map((bs) => {
      const total = bs.reduce((s, b) => s + b.w, 0);
      return { children: bs.map((b) => ({ p: Q.of(b.w, total), node: { ...b.node, value: b.value } })) };
    });
}

export function treeArb(shape: TreeShape = {}): fc.Arbitrary<ProcessTree> {
  const { minT = 1, maxT = 3, maxBranch = 3, value = nonNegRational(6, 3) } = shape;
  return fc.integer({ min: minT, max: maxT }).chain((T) => nodeArb(0, T, maxBranch, value).map((root) => ({ T, root })));
}
