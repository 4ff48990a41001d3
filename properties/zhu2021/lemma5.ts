/**
 * zhu2021 Lemma 5 (§5, the maximal inequality behind Proposition 2): for a nonnegative martingale
 * X_1, …, X_T under Q with E X ≤ X_0 and any X̄ > 0, Q(∃t X_t ≥ X̄) ≤ X_0 / X̄.
 *
 * Instances: a finite process tree (exact rational probabilities), a nonnegative payoff Y on its
 * leaves, and X̄ > 0. The martingale is the one the proof of Proposition 2 uses, X_t = E[Y | ω|_t]
 * (there Y is the indicator of leaving the type space), computed by the SUBJECT — an expectation
 * engine (the reference: exact backward recursion). X_0 = E[Y] and Q(∃t X_t ≥ X̄) are computed
 * independently by enumerating the leaves. A buggy engine (not a martingale under Q) can break the
 * inequality; the reference never may. X̄ is often drawn from the values X takes, so that equality
 * cases (X hits X̄ exactly, then stays) are searched.
 */
import * as fc from "fast-check";
import type { Claim, Verdict } from "../../src/claims/types.js";
import { violated } from "../../src/claims/verdicts.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import { treeFromJson, treeToJson } from "../../src/probability/json.js";
import { backward, leaves, type ExpectationEngine, type ExpectationNode, type ProcessTree } from "../../src/probability/tree.js";
import { nonNegRational, posRational } from "../../src/search/numbers.js";
import { treeArb } from "../../src/search/probability.js";

export interface Lemma5Case {
  readonly tree: ProcessTree;
  /** Y at each leaf, in `leaves(tree)` order. */
  readonly payoff: readonly Q[];
  readonly xbar: Q;
}

export const EXPECTATION_KIND = "probability/expectation-engine";

const caseArb: fc.Arbitrary<Lemma5Case> = treeArb({ maxT: 4, maxBranch: 3 }).chain((tree) => {
  const k = leaves(tree).length;
  return fc
    .array(fc.oneof({ weight: 1, arbitrary: fc.constant(Q.ZERO) }, { weight: 3, arbitrary: nonNegRational(6, 3) }), { minLength: k, maxLength: k })
    .chain((payoff) => fc.record({ tree: fc.constant(tree), payoff: fc.constant(payoff), xbar: fc.oneof(posRational(6, 3), fc.constantFrom(...payoff.filter((y) => y.sign() > 0), Q.ONE)) }));
});

/** X_t along every path: the engine's node expectations at depths 1..T. */
function pathsOf(root: ExpectationNode): { x: Q[]; leaf: ExpectationNode }[] {
  const out: { x: Q[]; leaf: ExpectationNode }[] = [];
  const walk = (n: ExpectationNode, xs: Q[]) => {
    if (n.children.length === 0) out.push({ x: xs, leaf: n });
    for (const c of n.children) walk(c.node, [...xs, c.node.expectation]);
  };
  walk(root, []);
  return out;
}

export const lemma5: Claim<Lemma5Case, ExpectationEngine> = {
  id: "zhu2021.lemma5",
  paper: "zhu2021",
  section: "§5, Lemma 5 (used in the proof of Proposition 2)",
  statement: "Let X = {X_1, …, X_T} be a nonnegative martingale under some probability Q. If X_0 is an upper bound on its expectation, then for any constant X̄ > 0, Q(∃t X_t ≥ X̄) ≤ X_0/X̄.",
  expect: "holds",
  note: "Checked on exact martingales X_t = E[Y | ω|_t] of finite trees (the construction of the proof of Proposition 2), with the expectations computed by the subject engine and Q, X_0 by leaf enumeration.",
  subjectKind: EXPECTATION_KIND,
  defaultSubject: backward,
  runs: 300,
  arbitrary: () => caseArb,
  encode: ({ tree, payoff, xbar }) => ({ tree: treeToJson(tree), payoff: payoff.map(String), xbar: xbar.toString() }),
  decode(json) {
    const raw = (json ?? {}) as Record<string, unknown>;
    const tree = treeFromJson(raw.tree, "instance.tree");
    const k = leaves(tree).length;
    if (!Array.isArray(raw.payoff) || raw.payoff.length !== k) throw new InputError("instance.payoff", `expected one payoff per leaf (${k})`);
    const payoff = raw.payoff.map((v, i) => {
      const y = rationalAt(v, `instance.payoff[${i}]`);
      if (y.sign() < 0) throw new InputError(`instance.payoff[${i}]`, `the martingale is nonnegative: payoffs ≥ 0 (got ${y})`);
      return y;
    });
    const xbar = rationalAt(raw.xbar, "instance.xbar");
    if (!xbar.gt(Q.ZERO)) throw new InputError("instance.xbar", `X̄ must be > 0 (got ${xbar})`);
    return { tree, payoff, xbar };
  },
  size: ({ tree }) => ({ dates: tree.T, leaves: leaves(tree).length }),
  check({ tree, payoff, xbar }, engine): Verdict {
    const ls = leaves(tree);
    const key = (p: readonly Q[]) => p.map(String).join(",");
    const Y = new Map(ls.map((l, i) => [key(l.path), payoff[i]!]));
    const X = engine.expectations(tree, (path) => Y.get(key(path)) ?? Q.ZERO);
    const X0 = ls.reduce((s, l, i) => s.add(l.prob.mul(payoff[i]!)), Q.ZERO);
    const paths = pathsOf(X);
    if (paths.length !== ls.length) return violated(`the engine returned ${paths.length} paths for a tree with ${ls.length} leaves`, { leaves: ls.length, paths: paths.length });
    let hit = Q.ZERO;
    const hitting: string[] = [];
    paths.forEach((p, i) => {
      if (p.x.some((v) => v.ge(xbar))) {
        hit = hit.add(ls[i]!.prob);
        hitting.push(ls[i]!.path.map(String).join(" → "));
      }
    });
    const bound = X0.div(xbar);
    if (hit.gt(bound)) {
      return violated(
        `Q(∃t X_t ≥ X̄) = ${hit} > X_0/X̄ = ${X0}/${xbar} = ${bound} for the expectations computed by ${engine.name}`,
        { X0: X0.toString(), xbar: xbar.toString(), hittingProbability: hit.toString(), bound: bound.toString(), hittingPaths: hitting, martingale: paths.map((p) => p.x.map(String)) },
        { gain: hit.sub(bound).toString() },
      );
    }
    return { kind: "holds", how: hit.eq(bound) ? "equality" : `Q = ${hit} ≤ ${bound}` };
  },
};
