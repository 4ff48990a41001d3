/**
 * The off-by-one shared by zhu2022 Lemmas 2 and 3 (§4.1.1–4.1.2). Assumption 1 bounds a leave-one-out
 * average over N − 1 terms: P(|avg − ω_avg| > x) ≤ g(I(x)(N − 1)) (G likewise). Both lemmas state
 * their inequality with I(x)·N instead; g and G decrease, so the stated inequality is the weaker one
 * and does not give what the proof of Theorem 1 then uses. Checked on the paper's own example
 * (Hoeffding, §3.5): g(z) = G(z) = 2e^{−z}, I(x) = 2x²/w̄², with certified bounds on the exponential.
 */
import type { QInterval } from "../../src/exact/exp.js";
import { tailBound } from "../../src/probability/hoeffding.js";
import { inconclusive, violated } from "../../src/claims/verdicts.js";
import type { Verdict } from "../../src/claims/types.js";
import { Q, q } from "../../src/exact/rational.js";

/** The multiplier m(N) of I(x) in a lemma's statement: the paper's N, or the repaired N − 1. */
export interface TailStatement {
  readonly name: string;
  multiplier(N: number): number;
}

const show = (i: QInterval) => `[${i.lo.toNumber().toPrecision(6)}, ${i.hi.toNumber().toPrecision(6)}]`;

/**
 * The stated inequality coef·g(I·m(N)) ≤ cap against the one Assumption 1 supports, coef·g(I·(N − 1)) ≤ cap:
 * vacuous when the stated one fails, violated when it holds and the supported one fails, decided only by certified bounds.
 */
export function offByOne(N: number, coef: Q, I: Q, cap: Q, statement: TailStatement, lhs: string): Verdict {
  const m = statement.multiplier(N);
  const stated = tailBound(coef, I, m);
  if (stated.lo.gt(cap)) return { kind: "vacuous", hypothesis: "the lemma's own inequality does not hold at this N and x" };
  if (stated.hi.gt(cap)) return inconclusive("the lemma's inequality is not decided by the certified bounds");
  const needed = tailBound(coef, I, N - 1);
  if (needed.hi.le(cap)) return { kind: "holds" };
  if (!needed.lo.gt(cap)) return inconclusive("the needed inequality is not decided by the certified bounds");
  return violated(
    `N = ${N}: the lemma's ${lhs.replace("·m", `·${m}`)} ∈ ${show(stated)} ≤ cap = ${cap.toNumber().toPrecision(6)}, but Assumption 1 only supports ${lhs.replace("·m", "·(N − 1)")} ∈ ${show(needed)} > cap (g = G = 2e^{−z}, I(x) = 2x²/w̄²)`,
    {
      cap: cap.toString(),
      statedLo: stated.lo.toString(),
      statedHi: stated.hi.toString(),
      neededLo: needed.lo.toString(),
      neededHi: needed.hi.toString(),
      // A certified lower bound on the excess (the exact excess is irrational).
      excessAtLeast: needed.lo.sub(cap).toString(),
    },
  );
}

/**
 * An x (a multiple of 1/4096) that aims the search, in floats only, into the window where the stated
 * inequality holds and the supported one may not: with L = ln(2·coef/cap), z·N ≥ L > z·(N − 1), at
 * z = L/(N − aim/8). The verdict never depends on this arithmetic.
 */
export function aimedX(N: number, coef: Q, cap: Q, wbar: Q, aim: number): Q {
  const L = Math.log((2 * coef.toNumber()) / cap.toNumber());
  const z = Math.max(0, L / (N - aim / 8));
  const xf = wbar.toNumber() * Math.sqrt(z / 2);
  return q(Math.max(1, Math.round(xf * 4096)), 4096);
}

