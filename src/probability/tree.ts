/**
 * Finite stochastic processes with exact probabilities (zhu2021 §5, zhu2022 §2: each agent's
 * endowment process, known to himself — private probabilities). A process over T dates is a finite
 * tree: the root is "before date 1", a node at depth t holds the date-t value, every edge carries a
 * rational probability, and the children of a node sum to 1. A path root → leaf is one realization
 * ω = (ω_1, …, ω_T); its probability is the product along the path.
 *
 * Conditional expectations E[Y | ω|_t] of a function Y of the whole path are computed exactly by
 * backward recursion (a node's value is the probability-weighted sum of its children's) — the
 * martingale X_t = E[Y | F_t] of zhu2021's proof of Proposition 2, and the conditional probabilities
 * P(ω ∉ Ω* | ω|_s) of zhu2022's reasonable strategies (Y an indicator).
 */
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";

export interface Branch {
  readonly p: Q;
  readonly node: TreeNode;
}

export interface TreeNode {
  /** The value at this node's date (absent at the root). */
  readonly value?: Q;
  readonly children: readonly Branch[];
}

export interface ProcessTree {
  readonly T: number;
  readonly root: TreeNode;
}

/** Rejects (InputError naming the node) probabilities < 0 or not summing to 1, wrong depth, negative values. */
export function checkTree(tree: ProcessTree, field = "tree"): void {
  if (!Number.isInteger(tree.T) || tree.T < 1) throw new InputError(`${field}.T`, `must be an integer ≥ 1 (got ${tree.T})`);
  const walk = (node: TreeNode, depth: number, at: string): void => {
    if (depth > 0) {
      if (node.value === undefined) throw new InputError(`${at}.value`, "every node below the root carries its date's value");
      if (node.value.sign() < 0) throw new InputError(`${at}.value`, `endowments are ≥ 0 (got ${node.value})`);
    }
    if (depth === tree.T) {
      if (node.children.length > 0) throw new InputError(`${at}.children`, `the tree is deeper than T = ${tree.T}`);
      return;
    }
    if (node.children.length === 0) throw new InputError(`${at}.children`, `a path ends at date ${depth} < T = ${tree.T}`);
    let total = Q.ZERO;
    const seen = new Map<string, number>();
    node.children.forEach((b, k) => {
      if (b.p.sign() < 0) throw new InputError(`${at}.children[${k}].p`, `probabilities are ≥ 0 (got ${b.p})`);
      total = total.add(b.p);
      // a realization is its sequence of values: equal siblings would be one outcome twice
      const v = b.node.value?.toString();
      if (v !== undefined && seen.has(v)) throw new InputError(`${at}.children[${k}].value`, `repeats the value of children[${seen.get(v)}] (merge the two branches)`);
      if (v !== undefined) seen.set(v, k);
    });
    if (!total.eq(Q.ONE)) throw new InputError(`${at}.children`, `probabilities sum to ${total}, not 1`);
    node.children.forEach((b, k) => walk(b.node, depth + 1, `${at}.children[${k}]`));
  };
  walk(tree.root, 0, `${field}.root`);
}

export interface Leaf {
  readonly path: readonly Q[];
  readonly prob: Q;
}

/** Every realization with its probability (zero-probability branches included). */
export function leaves(tree: ProcessTree): Leaf[] {
  const out: Leaf[] = [];
  const walk = (node: TreeNode, path: Q[], prob: Q) => {
    if (node.children.length === 0) out.push({ path, prob });
    for (const b of node.children) walk(b.node, [...path, b.node.value!], prob.mul(b.p));
  };
  walk(tree.root, [], Q.ONE);
  return out;
}

/** A tree of E[Y | node]: `value` is the conditional expectation, `date` the node's depth. */
export interface ExpectationNode {
  readonly date: number;
  readonly prefix: readonly Q[];
  readonly expectation: Q;
  readonly children: readonly { readonly p: Q; readonly node: ExpectationNode }[];
}

/** How conditional expectations are computed: the reference is `backward`; claims take it as a subject. */
export interface ExpectationEngine {
  readonly name: string;
  expectations(tree: ProcessTree, Y: (path: readonly Q[]) => Q): ExpectationNode;
}

/** Backward recursion: E[Y | node] = Σ_children p·E[Y | child], E[Y | leaf] = Y(path). */
export const backward: ExpectationEngine = {
  name: "probability/backward-recursion",
  expectations(tree, Y) {
    const walk = (node: TreeNode, prefix: Q[]): ExpectationNode => {
      if (node.children.length === 0) return { date: prefix.length, prefix, expectation: Y(prefix), children: [] };
      const children = node.children.map((b) => ({ p: b.p, node: walk(b.node, [...prefix, b.node.value!]) }));
      const expectation = children.reduce((s, c) => s.add(c.p.mul(c.node.expectation)), Q.ZERO);
      return { date: prefix.length, prefix, expectation, children };
    };
    return walk(tree.root, []);
  },
};

/**
 * A finite Markov chain unrolled to T dates: states (the values), an initial distribution and a
 * transition matrix (rows sum to 1); zero-probability branches are dropped.
 */
export function markovTree(states: readonly Q[], initial: readonly Q[], P: readonly (readonly Q[])[], T: number): ProcessTree {
  const k = states.length;
  if (k === 0) throw new InputError("states", "needs at least one state");
  if (initial.length !== k) throw new InputError("initial", `needs ${k} probabilities (one per state)`);
  if (P.length !== k || P.some((r) => r.length !== k)) throw new InputError("transition", `must be ${k} × ${k}`);
  const build = (s: number | null, depth: number): TreeNode => {
    const value = s === null ? undefined : states[s]!;
    if (depth === T) return { ...(value !== undefined ? { value } : {}), children: [] };
    const row = s === null ? initial : P[s]!;
    const children = row.flatMap((p, j) => (p.isZero() ? [] : [{ p, node: build(j, depth + 1) }]));
    return { ...(value !== undefined ? { value } : {}), children };
  };
  const tree = { T, root: build(null, 0) };
  checkTree(tree, "markov");
  return tree;
}
