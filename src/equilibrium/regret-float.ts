/**
 * The float twin of the exact regret (regret.ts) and of condition (1)'s event (regret-binding.ts):
 * the same pairs (continuation, others' totals from t on), the same best-first search over the same
 * bounds and the same relaxation (the underreporting shortfall h̄, regret-terms.ts), all in doubles —
 * the float search the certified method is guided by (linked-min's floatMinimum), with no rounding
 * control and no certificate. It exists to show what exactness costs (`mechcheck bench`) and where
 * floats would decide condition (1) differently.
 *
 * Shared with the exact engine, as setup: the trees' leaves, their Lemma 1 retractions and the
 * reachable pieces' sum ranges (exact LPs; typespace, not optimization).
 */
import { Q } from "../exact/rational.js";
import { floatMinimum } from "../mechanisms/single-resource/linked-min.js";
import type { DateTerm } from "../mechanisms/single-resource/date-terms.js";
import type { SingleResourceModel } from "../models/single-resource/model.js";
import { backward, leaves, type ExpectationNode } from "../probability/tree.js";
import { contains } from "../typespace/single-resource.js";
import { nodeOthers, reachable, samePrefix, type RegretContext } from "./regret.js";
import { dateUtilityFloat } from "./regret-terms.js";

const floatOnly = (): never => {
  throw new Error("regret-float: a float-only term has no exact value");
};

/** h̄ in floats: c·(U − g(min(y, w))), 0 when O = 0 (regret-terms.ts underreportTerm, same formulas). */
function shortfallF(model: SingleResourceModel, g: (w: number, O: number, y: number) => number, w: number, O: number, c: number): DateTerm {
  if (O === 0) return { value: floatOnly, slope: floatOnly, valueF: () => 0, slopeF: () => 0, convex: true };
  const U = g(w, O, w), q = model.qbar.toNumber(), df = model.f.dfF;
  return {
    value: floatOnly,
    slope: floatOnly,
    valueF: (y) => (y >= w ? 0 : c * (U - g(w, O, y))),
    slopeF(y) {
      if (y >= w) return 0;
      const s = y + O, a = (q * y) / s;
      return -c * ((q * O) / (s * s)) * (df(a / w) - df(q / s));
    },
    convex: true,
  };
}

/** Rⁿ_t at the node with history `prefix`, in floats; with `stopAt`, it returns as soon as R ≥ stopAt is known (as the exact engine stops once condition (1) is decided). */
export function regretAtF(ctx: RegretContext, prefix: readonly Q[], stopAt = Infinity): number {
  const { model } = ctx.problem;
  const t = prefix.length;
  const outside = ctx.leaves.filter((l) => samePrefix(l.path, prefix, t) && !l.inside);
  if (outside.length === 0) return 0;
  const reach = reachable(ctx, prefix.slice(0, t - 1));
  if (reach.length === 0) return 0;
  const g = dateUtilityFloat(model);
  const beta = model.beta.toNumber(), qbar = model.qbar.toNumber(), fF = model.f.fF;
  const disc = (s: number) => beta ** (s - (t - 1));
  const optimum = (w: number, O: number) => (O === 0 ? w * fF(qbar / w) : g(w, O, w));
  const ranges = reach.map((rp) => ({ rp, l: rp.l.map((v) => v.toNumber()), u: rp.u.map((v) => (v === null ? Infinity : v.toNumber())) }));
  const pairs: { w: number[]; O: number[]; bound: number; cap: number }[] = [];
  for (const leaf of outside) {
    const w = leaf.path.map((v) => v.toNumber()), r = leaf.retracted.map((v) => v.toNumber());
    for (const other of nodeOthers(ctx, t)) {
      const O = other.O.map((v) => v.toNumber());
      let bound = 0;
      for (let s = t - 1; s < model.T; s++) bound += disc(s) * (optimum(w[s]!, O[s]!) - g(w[s]!, O[s]!, r[s]!));
      let box = -Infinity;
      for (const { l, u } of ranges) {
        let b = 0;
        for (let s = t - 1; s < model.T; s++) b += disc(s) * ((O[s] === 0 && u[s]! > 0 ? optimum(w[s]!, 0) : g(w[s]!, O[s]!, Math.max(l[s]!, Math.min(u[s]!, w[s]!)))) - g(w[s]!, O[s]!, r[s]!));
        box = Math.max(box, b);
      }
      const cap = Math.min(bound, box);
      if (cap > 0) pairs.push({ w, O, bound, cap });
    }
  }
  pairs.sort((a, b) => b.cap - a.cap);
  let best = 0;
  for (const p of pairs) {
    if (p.cap <= best) break;
    const terms = Array.from({ length: model.T }, (_, s) => (s < t - 1 ? shortfallF(model, g, p.w[s]!, 0, 0) : shortfallF(model, g, p.w[s]!, p.O[s]!, disc(s))));
    for (const { rp } of ranges) {
      const m = floatMinimum(terms, rp.piece, rp.sMin.toNumber(), rp.sMax === null ? Number.MAX_VALUE : rp.sMax.toNumber());
      if (m) best = Math.max(best, Math.min(p.cap, p.bound - m.value));
    }
    if (best >= stopAt) return best;
  }
  return best;
}

/** Pⁿ(bound to the truth at every date) under condition (1) with the float regret: p·R < ε along the path. */
export function truthfulMassF(ctx: RegretContext, epsilon: number): number {
  const { omegaStar, trees } = ctx.problem;
  const tree = trees[ctx.n]!;
  const X = backward.expectations(tree, (path) => (contains(omegaStar, path) ? Q.ZERO : Q.ONE));
  const probs = leaves(tree);
  let mass = 0, k = 0;
  const walk = (node: ExpectationNode, bound: boolean) => {
    if (node.children.length === 0) {
      if (bound) mass += probs[k]!.prob.toNumber();
      k++;
      return;
    }
    for (const ch of node.children) {
      const p = ch.node.expectation.toNumber();
      walk(ch.node, bound && (p === 0 || p * regretAtF(ctx, ch.node.prefix, epsilon / p) < epsilon));
    }
  };
  walk(X, true);
  return mass;
}

