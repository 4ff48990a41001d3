/**
 * Reasonable strategies with the regret itself (zhu2022 §2.4, condition (1)): agent n must tell the
 * truth at date t while Pⁿ(ωⁿ ∉ Ω*ⁿ | ωⁿ|_s)·Rⁿ_s(ωⁿ|_s) < ε for every s ≤ t. The conditional
 * probabilities are exact (backward recursion); the regret comes as certified bounds, refined only
 * until the comparison with ε is decided. A date where the bounds straddle ε/p is "undecided": the
 * paths through it are counted as released in the worst case and as bound in the best, so every
 * probability below is an exact interval [best, worst].
 */
import { Q } from "../exact/rational.js";
import { backward, leaves, type ExpectationNode } from "../probability/tree.js";
import { contains } from "../typespace/single-resource.js";
import { regretAt, regretKey, type RegretBounds, type RegretContext } from "./regret.js";

export interface RegretCheck {
  readonly date: number;
  /** Pⁿ(ωⁿ ∉ Ω*ⁿ | ωⁿ|_s). */
  readonly outside: Q;
  /** Bounds on Rⁿ_s, to the precision that decided the test (exact 0 when p = 0: not needed). */
  readonly regret: RegretBounds | null;
  readonly verdict: "truthful" | "released" | "undecided";
}

export interface RegretLeaf {
  readonly path: readonly Q[];
  readonly prob: Q;
  /** The dates' tests, up to the first certain release. */
  readonly checks: readonly RegretCheck[];
  /** First date where the condition fails for certain (null: never). */
  readonly release: number | null;
  /** First date, before any certain release, where the condition could not be decided (null: none). */
  readonly undecided: number | null;
}

/**
 * Condition (1) along every path of agent n's tree, deciding p·R < ε from certified bounds. Regrets
 * already computed (e.g. regretTree's, keyed by regretKey of the history) are used as they are;
 * other nodes are solved only until the comparison is decided.
 */
export function regretBinding(ctx: RegretContext, epsilon: Q, known?: ReadonlyMap<string, RegretBounds>): RegretLeaf[] {
  const { omegaStar, trees } = ctx.problem;
  const tree = trees[ctx.n]!;
  const X = backward.expectations(tree, (path) => (contains(omegaStar, path) ? Q.ZERO : Q.ONE));
  const probs = leaves(tree);
  // each node is visited once by the walk below
  const check = (node: ExpectationNode): RegretCheck => {
    const p = node.expectation;
    if (p.isZero()) return { date: node.date, outside: p, regret: null, verdict: "truthful" };
    const r = known?.get(regretKey(node.prefix)) ?? regretAt(ctx, node.prefix, { enough: (lo, hi) => !p.mul(lo).lt(epsilon) || p.mul(hi).lt(epsilon) });
    const verdict = p.mul(r.hi).lt(epsilon) ? "truthful" : !p.mul(r.lo).lt(epsilon) ? "released" : "undecided";
    return { date: node.date, outside: p, regret: r, verdict };
  };
  const out: RegretLeaf[] = [];
  const walk = (node: ExpectationNode, checks: RegretCheck[]) => {
    if (node.children.length === 0) {
      const leaf = probs[out.length]!;
      const release = checks.find((c) => c.verdict === "released")?.date ?? null;
      const und = checks.find((c) => c.verdict === "undecided")?.date ?? null;
      out.push({ path: leaf.path, prob: leaf.prob, checks, release, undecided: und !== null && (release === null || und < release) ? und : null });
      return;
    }
    // once released for certain, later dates no longer matter (condition (1) quantifies over s ≤ t)
    const released = checks.some((c) => c.verdict === "released");
    for (const ch of node.children) walk(ch.node, released ? checks : [...checks, check(ch.node)]);
  };
  walk(X, []);
  return out;
}

/** Pⁿ(bound to the truth at every date) as [worst, best]: undecided paths released in the worst case. */
export function truthfulMass(ls: readonly RegretLeaf[]): { lo: Q; hi: Q } {
  let lo = Q.ZERO, hi = Q.ZERO;
  for (const l of ls) {
    if (l.release !== null) continue;
    hi = hi.add(l.prob);
    if (l.undecided === null) lo = lo.add(l.prob);
  }
  return { lo, hi };
}
