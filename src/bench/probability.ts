/**
 * The reasonable-strategy event on process trees (zhu2021 §5, condition (2)), exact beside floats:
 * N = 3 agents, full ternary trees (3 branches per date, seeded small-integer weights), T = 2..6.
 * Exact: conditional probabilities by backward recursion in rationals, release dates, P̂(released).
 * Float: the same recursion in doubles (no guarantee; shown for the cost of exactness).
 */
import { Q } from "../exact/rational.js";
import { mulberry32, randInt } from "../exact/prng.js";
import { truthBinding } from "../equilibrium/reasonable.js";
import { backward, leaves, type ProcessTree, type TreeNode } from "../probability/tree.js";
import { round } from "./stats.js";

export interface ReasonableBenchRow {
  readonly T: number;
  readonly leavesPerAgent: number;
  readonly exactMs: number;
  readonly floatMs: number;
  readonly released: string;
  readonly releasedFloat: number;
}

/** A full ternary tree over T dates, seeded weights 1..6 per branch, branch k carrying valueOf(k). */
export function ternary(rnd: () => number, T: number, valueOf: (k: number) => Q = (k) => Q.of(k)): ProcessTree {
  const node = (depth: number, value?: Q): TreeNode => {
    if (depth === T) return { ...(value ? { value } : {}), children: [] };
    const w = [randInt(rnd, 1, 6), randInt(rnd, 1, 6), randInt(rnd, 1, 6)];
    const tot = w[0]! + w[1]! + w[2]!;
    return { ...(value ? { value } : {}), children: w.map((x, k) => ({ p: Q.of(x, tot), node: node(depth + 1, valueOf(k)) })) };
  };
  return { T, root: node(0) };
}

export function benchReasonable(seed: number, Ts: readonly number[] = [2, 3, 4, 5, 6], N = 3): ReasonableBenchRow[] {
  return Ts.map((T) => {
    const rnd = mulberry32(seed + T);
    const trees = Array.from({ length: N }, () => ternary(rnd, T));
    // Ωⁿ: T-date average in [1/2, 3/2] (values 0, 1, 2); ε, v̄, c chosen so both outcomes occur
    const inside = (p: readonly Q[]) => {
      const a = p.reduce((s, v) => s.add(v), Q.ZERO).div(Q.of(T));
      return a.ge(Q.HALF) && a.le(Q.of(3, 2));
    };
    const c = Q.of(1, 20), scale = Q.of(T), eps = Q.of(T, 2);
    const holds = (_s: number, p: Q) => p.add(c).mul(scale).lt(eps);
    const t0 = performance.now();
    const bound = trees.map((t) => truthBinding(t, backward, (p) => !inside(p), holds).reduce((s, l) => (l.release === null ? s.add(l.prob) : s), Q.ZERO));
    const released = Q.ONE.sub(bound.reduce((a, b) => a.mul(b), Q.ONE));
    const exactMs = round(performance.now() - t0, 1);
    const t1 = performance.now();
    const boundF = trees.map((t) => floatBound(t, inside, c.toNumber(), scale.toNumber(), eps.toNumber()));
    const releasedFloat = 1 - boundF.reduce((a, b) => a * b, 1);
    const floatMs = round(performance.now() - t1, 2);
    return { T, leavesPerAgent: leaves(trees[0]!).length, exactMs, floatMs, released: released.toString(), releasedFloat };
  });
}

function floatBound(t: ProcessTree, inside: (p: readonly Q[]) => boolean, c: number, scale: number, eps: number): number {
  // E[1{∉Ω} | node] in doubles, then the mass of paths never released
  interface F {
    e: number;
    kids: { p: number; sub: F }[];
  }
  const walk = (n: TreeNode, path: Q[]): F => {
    if (n.children.length === 0) return { e: inside(path) ? 0 : 1, kids: [] };
    const kids = n.children.map((b) => ({ p: b.p.toNumber(), sub: walk(b.node, [...path, b.node.value!]) }));
    return { e: kids.reduce((s, k) => s + k.p * k.sub.e, 0), kids };
  };
  const mass = (x: F, root: boolean): number => {
    if (!root && !((x.e + c) * scale < eps)) return 0;
    return x.kids.length === 0 ? 1 : x.kids.reduce((s, k) => s + k.p * mass(k.sub, false), 0);
  };
  return mass(walk(t.root, []), true);
}
