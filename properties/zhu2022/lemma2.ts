/**
 * zhu2022 §4.1.1, Lemma 2, as Theorem 1's proof uses it. Assumption 1 bounds each date's deviation
 * of the leave-one-out average by g(I(x)(N − 1)), so the union over the N dates gives
 *   Pⁿ(ωⁿ ∉ Ω*ⁿ(N)) ≤ N·g(I(x(N))(N − 1)),
 * and Proposition 1 (with c = ε(N)/N) needs this to be ≤ cap = (ε(N)/N)·ε / ((N − 1)·R̄(N)),
 * R̄(N) = N²q f'(0) ∨ ε. Lemma 2 provides N·g(I(x(N))·N) ≤ cap instead. g is decreasing, so that
 * is the weaker inequality: Lemma 2 as stated does not give Proposition 1's hypothesis.
 *
 * Checked with the paper's own example of Assumption 1 (Hoeffding, §3.5): g(z) = 2e^{−z},
 * I(x) = 2x²/w̄². The exponentials are irrational; both sides are decided from certified rational
 * bounds on e^{−z} (src/exact/exp.ts), and only when the bounds decide. The subject is the
 * multiplier of I(x) in Lemma 2's statement: the paper's N, or the repaired N − 1 (with which the
 * claim holds, and the proof of Lemma 2 goes through unchanged).
 */
import * as fc from "fast-check";
import type { Claim, Json } from "../../src/claims/types.js";
import { hoeffdingI } from "../../src/probability/hoeffding.js";
import { aimedX, offByOne, type TailStatement } from "../shared/assumption1-tail.js";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { rationalField } from "../shared/single-resource.js";
import { posRational } from "../../src/search/numbers.js";

/** Lemma 2's statement: the multiplier m(N) in N·g(I(x(N))·m(N)) ≤ cap. */
export type Lemma2Statement = TailStatement;
export const PAPER_LEMMA2: Lemma2Statement = { name: "zhu2022 Lemma 2 as stated (I(x(N))·N)", multiplier: (N) => N };
export const LEMMA2_KIND = "zhu2022/lemma2-statement";

export interface Lemma2Case {
  readonly N: number;
  readonly eps: Q;
  readonly epsN: Q;
  readonly q: Q;
  /** f'(0) of the project type (R̄(N) = N²q f'(0) ∨ ε). */
  readonly fp0: Q;
  /** Hoeffding's bound w̄ on endowments: I(x) = 2x²/w̄². */
  readonly wbar: Q;
  readonly x: Q;
}

export const capOf = (c: Lemma2Case): Q => {
  const Rbar = Q.max(q(c.N * c.N).mul(c.q).mul(c.fp0), c.eps);
  return c.epsN.div(q(c.N)).mul(c.eps).div(q(c.N - 1).mul(Rbar));
};
/**
 * Instances: N, ε, ε(N) ≤ ε, q, f'(0), w̄, and x either free or steered (in floats, only to aim the
 * search) into the window where Lemma 2's inequality holds and the needed one may not.
 */
const caseArb: fc.Arbitrary<Lemma2Case> = fc
  .record({
    N: fc.integer({ min: 2, max: 40 }),
    eps: fc.integer({ min: 1, max: 10 }).map((k) => q(1, 10 * k)),
    epsFrac: fc.integer({ min: 1, max: 4 }).map((k) => q(1, k)),
    q: posRational(3, 2),
    fp0: posRational(3, 2),
    wbar: posRational(4, 2),
    aim: fc.option(fc.integer({ min: 1, max: 7 }), { freq: 3 }),
    xFree: posRational(4, 4),
  })
  .map(({ N, eps, epsFrac, q: qq, fp0, wbar, aim, xFree }) => {
    const base = { N, eps, epsN: eps.mul(epsFrac), q: qq, fp0, wbar };
    if (aim === null) return { ...base, x: xFree };
    return { ...base, x: aimedX(N, q(N), capOf({ ...base, x: Q.ONE }), wbar, aim) };
  });

const fieldQ = (o: Record<string, unknown>, k: string): Q => rationalField(o, k, true);

export const zhu2022Lemma2: Claim<Lemma2Case, Lemma2Statement> = {
  id: "zhu2022.lemma2",
  paper: "zhu2022",
  section: "§4.1.1, Lemma 2, as used with Assumption 1 and Proposition 1 in the proof of Theorem 1",
  statement: "Lemma 2's family gives Proposition 1's hypothesis: N·g(I(x(N))N) ≤ (ε(N)/N)ε/((N − 1)R̄(N)) implies that Assumption 1's bound on Pⁿ(ωⁿ ∉ Ω*ⁿ(N)), N·g(I(x(N))(N − 1)), is ≤ the same cap.",
  expect: "counterexample",
  note: "False as stated: Assumption 1 bounds each date's deviation by g(I(x)(N − 1)), but Lemma 2 bounds N·g(I(x(N))·N), which is smaller (g decreases), so it does not give Proposition 1's hypothesis. The repair is N − 1 in Lemma 2, whose proof goes through unchanged; Theorem 1 survives. Certified with the paper's own Hoeffding example g(z) = 2e^{−z}, I(x) = 2x²/w̄².",
  subjectKind: LEMMA2_KIND,
  defaultSubject: PAPER_LEMMA2,
  runs: 300,
  arbitrary: () => caseArb,
  encode: (c) => ({ N: c.N, eps: c.eps.toString(), epsN: c.epsN.toString(), q: c.q.toString(), fp0: c.fp0.toString(), wbar: c.wbar.toString(), x: c.x.toString() }) as Json,
  decode(v) {
    if (typeof v !== "object" || v === null) throw new InputError("instance", "expected a JSON object");
    const o = v as Record<string, unknown>;
    const N = o.N;
    if (typeof N !== "number" || !Number.isInteger(N) || N < 2) throw new InputError("instance.N", "an integer ≥ 2");
    const c = { N, eps: fieldQ(o, "eps"), epsN: fieldQ(o, "epsN"), q: fieldQ(o, "q"), fp0: fieldQ(o, "fp0"), wbar: fieldQ(o, "wbar"), x: fieldQ(o, "x") };
    if (c.epsN.gt(c.eps)) throw new InputError("instance.epsN", `ε(N) ≤ ε is required (Lemma 2), got ${c.epsN} > ${c.eps}`);
    return c;
  },
  size: (c) => ({ agents: c.N, dates: c.N }),
  check(c, statement) {
    return offByOne(c.N, q(c.N), hoeffdingI(c.x, c.wbar), capOf(c), statement, "N·g(I(x)·m)");
  },
};
