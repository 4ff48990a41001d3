/**
 * Reasonable strategies and the event on which they must tell the truth (zhu2021 §5 condition (2);
 * zhu2022 §2.4 condition (1) has the same shape with the regret in place of Tv̄). An agent is bound
 * to report truthfully at date t as long as his condition holds at every date s ≤ t, where the
 * condition reads his exact conditional probability P(ω ∉ Ω* | ω|_s) of leaving the type space:
 * on the path where it first fails (the "release" date), any strategy is reasonable from then on.
 * The worst case over reasonable strategies lies from the release date on; the event where every
 * reasonable strategy is truthful at all dates is the set of paths never released.
 */
import { InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { leaves, type ExpectationEngine, type ExpectationNode, type ProcessTree } from "../probability/tree.js";

export interface BindingLeaf {
  readonly path: readonly Q[];
  readonly prob: Q;
  /** The first date s (1-based) at which the condition fails; null: bound to the truth at every date. */
  readonly release: number | null;
  /** P(ω ∉ Ω* | ω|_s) for s = 1..T along the path (as the engine computed them). */
  readonly outside: readonly Q[];
}

/**
 * Per realization: the release date of a reasonable strategy. `holds(s, p)` is the condition at date s
 * with p = P(ω ∉ Ω* | ω|_s) (true: the agent must still tell the truth).
 */
export function truthBinding(tree: ProcessTree, engine: ExpectationEngine, outsideSet: (path: readonly Q[]) => boolean, holds: (s: number, p: Q) => boolean): BindingLeaf[] {
  const X = engine.expectations(tree, (path) => (outsideSet(path) ? Q.ONE : Q.ZERO));
  const probs = leaves(tree);
  const out: BindingLeaf[] = [];
  const walk = (n: ExpectationNode, xs: Q[]) => {
    if (n.children.length === 0) {
      const first = xs.findIndex((p, k) => !holds(k + 1, p));
      const leaf = probs[out.length];
      if (leaf === undefined) throw new InternalError(`truthBinding: the engine's tree has more leaves than the process (${probs.length})`);
      out.push({ path: leaf.path, prob: leaf.prob, release: first < 0 ? null : first + 1, outside: xs });
      return;
    }
    for (const c of n.children) walk(c.node, [...xs, c.node.expectation]);
  };
  walk(X, []);
  if (out.length !== probs.length) throw new InternalError(`truthBinding: the engine's tree has ${out.length} leaves, the process ${probs.length}`);
  return out;
}
