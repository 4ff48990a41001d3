/**
 * zhu2022 §4.1.2, Lemma 3, as the proof of Theorem 1 uses it. Ω**(N) asks every leave-one-out
 * cross-section average Σ_{m≠n} ω_t^m/(N − 1) (N² pairs (n, t)) to stay within y(N) of ω_avg; Assumption 1
 * bounds each pair's failure by G(I(y)(N − 1)), so the union gives P(Ω**(N)ᶜ) ≤ N²G(I(y(N))(N − 1)) + ε(N)/(N − 1).
 * The proof writes N²G(I(y(N))N) instead, and Lemma 3 controls (N − 1)N²G(I(y(N))N): its proof picks
 * N_k with (N − 1)N²G(I(1/k)N) ≤ 1/k. G decreases, so that is the weaker inequality: at a finite N it
 * does not give (N − 1)N²G(I(1/k)(N − 1)) ≤ 1/k, the bound Assumption 1 supports. (The limit, and
 * Theorem 1, survive: the repaired proof takes N_k for N − 1 and goes through unchanged.)
 *
 * Checked, like Lemma 2, with the paper's own example of Assumption 1 (Hoeffding, §3.5):
 * G(z) = 2e^{−z}, I(y) = 2y²/w̄², decided from certified rational bounds on e^{−z}. The subject is
 * the multiplier of I(y) in Lemma 3's inequality: the paper's N, or the repaired N − 1.
 */
import * as fc from "fast-check";
import type { Claim, Json } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { posRational } from "../../src/search/numbers.js";
import { hoeffdingI } from "../../src/probability/hoeffding.js";
import { aimedX, offByOne, type TailStatement } from "../shared/assumption1-tail.js";
import { rationalField } from "../shared/single-resource.js";

export const PAPER_LEMMA3: TailStatement = { name: "zhu2022 Lemma 3 as stated (I(y(N))·N)", multiplier: (N) => N };
export const LEMMA3_KIND = "zhu2022/lemma3-statement";

export interface Lemma3Case {
  readonly N: number;
  /** The block index of Lemma 3's proof: y(N) = 1/k is taken where (N − 1)N²G(I(1/k)N) ≤ 1/k. */
  readonly k: number;
  /** Hoeffding's bound w̄ on endowments: I(y) = 2y²/w̄². */
  readonly wbar: Q;
  readonly y: Q;
}

/** (N − 1)·N², the coefficient of G in Lemma 3. */
const coefOf = (N: number): Q => q((N - 1) * N * N);

const caseArb: fc.Arbitrary<Lemma3Case> = fc
  .record({
    N: fc.integer({ min: 2, max: 60 }),
    k: fc.integer({ min: 1, max: 20 }),
    wbar: posRational(4, 2),
    aim: fc.option(fc.integer({ min: 1, max: 7 }), { freq: 3 }),
    yFree: posRational(4, 4),
  })
  .map(({ N, k, wbar, aim, yFree }) => ({ N, k, wbar, y: aim === null ? yFree : aimedX(N, coefOf(N), q(1, k), wbar, aim) }));

export const zhu2022Lemma3: Claim<Lemma3Case, TailStatement> = {
  id: "zhu2022.lemma3",
  paper: "zhu2022",
  section: "§4.1.2, Lemma 3, as used with Assumption 1 for P(Ω**(N)) in the proof of Theorem 1",
  statement: "Lemma 3's inequality gives the bound Assumption 1 supports: (N − 1)N²G(I(y)N) ≤ 1/k implies (N − 1)N²G(I(y)(N − 1)) ≤ 1/k, where N²G(I(y)(N − 1)) is Assumption 1's union bound on the N² cross-section deviations that Ω**(N) excludes.",
  expect: "counterexample",
  note: "False as stated, the same off-by-one as Lemma 2: Assumption 1 bounds a leave-one-out average over N − 1 agents by G(I(y)(N − 1)), but Lemma 3 (and the bound P(Ω**) ≥ 1 − N²G(I(y(N))N) − ε(N)/(N − 1) after it) uses G(I(y)N), which is smaller. The limit and Theorem 1 survive with N − 1 in Lemma 3. Certified with the paper's Hoeffding example G(z) = 2e^{−z}, I(y) = 2y²/w̄².",
  subjectKind: LEMMA3_KIND,
  defaultSubject: PAPER_LEMMA3,
  runs: 300,
  arbitrary: () => caseArb,
  encode: (c) => ({ N: c.N, k: c.k, wbar: c.wbar.toString(), y: c.y.toString() }) as Json,
  decode(v) {
    if (typeof v !== "object" || v === null) throw new InputError("instance", "expected a JSON object");
    const o = v as Record<string, unknown>;
    const int = (key: string, min: number): number => {
      const x = o[key];
      if (typeof x !== "number" || !Number.isInteger(x) || x < min) throw new InputError(`instance.${key}`, `an integer ≥ ${min}`);
      return x;
    };
    return { N: int("N", 2), k: int("k", 1), wbar: rationalField(o, "wbar", true), y: rationalField(o, "y", true) };
  },
  size: (c) => ({ agents: c.N, dates: c.N }),
  check: (c, statement) => offByOne(c.N, coefOf(c.N), hoeffdingI(c.y, c.wbar), q(1, c.k), statement, "(N − 1)N²·G(I(y)·m)"),
};
