/**
 * What the claims on process trees share (zhu2021 §5, zhu2022 §2.4, stylized §2): N agents' trees
 * with a common T, each agent's type set Ω*ⁿ (or Ωⁿ(T, μ_, μ̄)) given as a window on the T-date
 * average [lowⁿ, highⁿ], the generator (bounds cut from the agents' own path averages so that most
 * mass is inside and rare paths often are not) and the codec.
 */
import * as fc from "fast-check";
import type { Json } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { parseQ, Q } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import { truthBinding, type BindingLeaf } from "../../src/equilibrium/reasonable.js";
import { treeFromJson, treeToJson } from "../../src/probability/json.js";
import { leaves, type ExpectationEngine, type ProcessTree } from "../../src/probability/tree.js";
import { nonNegRational } from "../../src/search/numbers.js";
import { treeArb } from "../../src/search/probability.js";

export interface TreesCase {
  readonly trees: readonly ProcessTree[];
  readonly low: readonly Q[];
  readonly high: readonly Q[];
}

export const pathAverage = (path: readonly Q[]) => path.reduce((s, v) => s.add(v), Q.ZERO).div(Q.of(path.length));

export function insideOf(c: TreesCase, n: number): (path: readonly Q[]) => boolean {
  return (path) => {
    const a = pathAverage(path);
    return a.ge(c.low[n]!) && a.le(c.high[n]!);
  };
}

/** Pⁿ(ωⁿ in the window), by leaf enumeration (independent of any engine). */
export function insideProbability(c: TreesCase, n: number): Q {
  const inside = insideOf(c, n);
  return leaves(c.trees[n]!).reduce((s, l) => (inside(l.path) ? s.add(l.prob) : s), Q.ZERO);
}

/** Each agent's release dates under `holds(s, p)` with p = Pⁿ(ωⁿ outside | ωⁿ|_s) from the engine. */
export function releases(c: TreesCase, engine: ExpectationEngine, holds: (s: number, p: Q) => boolean): BindingLeaf[][] {
  return c.trees.map((t, n) => {
    const inside = insideOf(c, n);
    return truthBinding(t, engine, (p) => !inside(p), holds);
  });
}

/** Pⁿ(never released) for each agent. */
export const boundMass = (ls: readonly BindingLeaf[]) => ls.reduce((s, l) => (l.release === null ? s.add(l.prob) : s), Q.ZERO);

export function releaseJson(rel: readonly BindingLeaf[][]): Json {
  return rel.flatMap((ls, n) => ls.filter((l) => l.release !== null).map((l) => ({ agent: n + 1, path: l.path.map(String), prob: l.prob.toString(), release: l.release!, outside: l.outside.map(String) })));
}

export function treesCaseArb(minN: number, maxN: number, maxT = 3): fc.Arbitrary<TreesCase> {
  return fc.record({ N: fc.integer({ min: minN, max: maxN }), T: fc.integer({ min: 1, max: maxT }) }).chain(({ N, T }) =>
    fc
      .record({
        trees: fc.array(treeArb({ minT: T, maxT: T, maxBranch: 3, rare: true, value: nonNegRational(4, 2) }), { minLength: N, maxLength: N }),
        cut: fc.array(fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 2 })), { minLength: N, maxLength: N }),
      })
      .map(({ trees, cut }) => {
        const low: Q[] = [], high: Q[] = [];
        trees.forEach((t, n) => {
          const avgs = [...new Set(leaves(t).map((l) => pathAverage(l.path).toString()))].map((s) => parseQ(s)).sort((a, b) => a.cmp(b));
          low.push(avgs[Math.min(cut[n]![0], avgs.length - 1)]!);
          high.push(Q.max(low[n]!, avgs[Math.max(0, avgs.length - 1 - cut[n]![1])]!));
        });
        return { trees, low, high };
      }),
  );
}

export function treesToJson(c: TreesCase, lowKey: string, highKey: string): Record<string, Json> {
  return { trees: c.trees.map(treeToJson), [lowKey]: c.low.map(String), [highKey]: c.high.map(String) };
}

export function treesFromJson(raw: Record<string, unknown>, lowKey: string, highKey: string, minN = 1): TreesCase {
  if (!Array.isArray(raw.trees) || raw.trees.length < minN) throw new InputError("instance.trees", `expected one process tree per agent (at least ${minN})`);
  const trees = raw.trees.map((t, n) => treeFromJson(t, `instance.trees[${n}]`));
  const T = trees[0]!.T;
  trees.forEach((t, n) => {
    if (t.T !== T) throw new InputError(`instance.trees[${n}].T`, `every agent's tree has the same T (${T})`);
  });
  const list = (v: unknown, field: string) => {
    if (!Array.isArray(v) || v.length !== trees.length) throw new InputError(field, `expected one rational per agent (${trees.length})`);
    return v.map((x, n) => rationalAt(x, `${field}[${n}]`));
  };
  const low = list(raw[lowKey], `instance.${lowKey}`), high = list(raw[highKey], `instance.${highKey}`);
  low.forEach((l, n) => {
    if (l.sign() < 0 || l.gt(high[n]!)) throw new InputError(`instance.${lowKey}[${n}]`, `needs 0 ≤ ${lowKey} ≤ ${highKey}`);
  });
  return { trees, low, high };
}

/** A positive rational field (with an optional upper bound). */
export function positiveAt(v: unknown, field: string, max?: Q): Q {
  const x = rationalAt(v, field);
  if (!x.gt(Q.ZERO) || (max !== undefined && x.gt(max))) throw new InputError(field, max === undefined ? "must be > 0" : `must lie in (0, ${max}]`);
  return x;
}
