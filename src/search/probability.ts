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
  /** Also draw rare branches (weight 1/k, k = 10..200): small conditional probabilities. */
  readonly rare?: boolean;
}

function nodeArb(depth: number, T: number, maxBranch: number, value: fc.Arbitrary<Q>, weight: fc.Arbitrary<Q>): fc.Arbitrary<TreeNode> {
  if (depth === T) return fc.constant({ children: [] });
  return fc
    .uniqueArray(fc.record({ w: weight, value, node: nodeArb(depth + 1, T, maxBranch, value, weight) }), { minLength: 1, maxLength: maxBranch, selector: (b) => b.value.toString() })
    .map((bs) => {
      const total = bs.reduce((s, b) => s.add(b.w), Q.ZERO);
      return { children: bs.map((b) => ({ p: b.w.div(total), node: { ...b.node, value: b.value } })) };
    });
}

export function treeArb(shape: TreeShape = {}): fc.Arbitrary<ProcessTree> {
  const { minT = 1, maxT = 3, maxBranch = 3, value = nonNegRational(6, 3), rare = false } = shape;
  const common = fc.integer({ min: 1, max: 4 }).map((w) => Q.of(w));
  const weight = rare ? fc.oneof({ weight: 4, arbitrary: common }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 200 }).map((k) => Q.of(1, k)) }) : common;
  return fc.integer({ min: minT, max: maxT }).chain((T) => nodeArb(0, T, maxBranch, value, weight).map((root) => ({ T, root })));
}
