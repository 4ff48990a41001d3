/**
 * mp2013 §8, Lemma B (proof in §10.5), Step 3: the large-deviation bound the proof takes from
 * Hoeffding,
 *   Prob{‖f(t̃₋ᵢ)/(r−1) − P(·|θ)‖ ≥ δ/2 | θ̃ = θ} ≤ 2|A|·exp(−(r−1)δ²/2),
 * where f counts the r − 1 others' signals, i.i.d. P(·|θ) on A, and ‖·‖ is the paper's 1-norm (§2).
 * It is used for the δ of Step 2 and every r with δ − |A|/r ≥ δ/2 (Step 3's triangle inequality),
 * i.e. r ≥ 2|A|/δ. Step 2 holds for every smaller δ too, so the bound is needed for arbitrarily
 * small δ. The left side is an exact rational (a sum of multinomial masses over count vectors); the
 * right side is irrational and decided through certified bounds on e^z (src/exact/exp.ts).
 *
 * The subject is the tail bound, so that the repair can be checked beside the paper's.
 */
import * as fc from "fast-check";
import type { Claim, Verdict } from "../../src/claims/types.js";
import { inconclusive, vacuous } from "../../src/claims/verdicts.js";
import { InputError } from "../../src/exact/errors.js";
import type { QInterval } from "../../src/exact/exp.js";
import { hoeffdingI, tailBound } from "../../src/probability/hoeffding.js";
import type { Json } from "../../src/exact/json.js";
import { lcmBig, Q, sum } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import { compositions, multinomial } from "../../src/models/mp2013/replica.js";
import { qs } from "./common.js";

export const TAIL_KIND = "mp2013/lemmaB-tail-bound";

/** A claimed bound on Prob{‖f/n − p‖₁ ≥ δ/2} for n i.i.d. draws on |A| signals, as certified bounds. */
export interface TailBound {
  readonly name: string;
  readonly kind: typeof TAIL_KIND;
  readonly formula: string;
  bound(A: number, n: number, delta: Q): QInterval;
}

export const PAPER_TAIL: TailBound = {
  name: "mp2013 Lemma B's proof: 2|A|·exp(−(r−1)δ²/2)",
  kind: TAIL_KIND,
  formula: "2|A|·exp(−nδ²/2)",
  // Hoeffding's 2e^{−2nx²} for draws in [0, 1] at x = δ/2, times |A|: the sup-norm reading of the event
  bound: (A, n, delta) => tailBound(Q.of(A), hoeffdingI(delta.div(Q.of(2)), Q.ONE), n),
};

/** The instance: the signal law p = P(·|θ) (full support), δ and r (n = r − 1 others). */
export interface TailInstance {
  readonly p: readonly Q[];
  readonly delta: Q;
  readonly r: number;
}

/** Exact work stays small: the count vectors of n draws on |A| signals. */
const MAX_COUNTS = 20_000;

/**
 * Prob{‖f/n − p‖₁ ≥ η} for f the counts of n i.i.d. draws from p: an exact sum over count vectors.
 * In integers: with p = w/D, the mass of f is multinomial(f)·Πw_a^{f_a}/Dⁿ and the event reads
 * Σ|f_a·D − w_a·n| ≥ η·n·D, so one division ends the sum (rationals per term cost 20× more).
 */
export function oneNormTail(p: readonly Q[], n: number, eta: Q): Q {
  const D = p.reduce((a, x) => lcmBig(a, x.den), 1n);
  const w = p.map((x) => (x.num * D) / x.den);
  const pow = w.map((wa) => {
    const out = [1n];
    for (let k = 1; k <= n; k++) out.push(out[k - 1]! * wa);
    return out;
  });
  const bn = BigInt(n);
  const need = eta.num * bn * D;
  let total = 0n;
  for (const f of compositions(n, p.length)) {
    let dev = 0n;
    f.forEach((x, a) => {
      const d = BigInt(x) * D - w[a]! * bn;
      dev += d < 0n ? -d : d;
    });
    if (dev * eta.den < need) continue;
    total += f.reduce((acc, x, a) => acc * pow[a]![x]!, multinomial(f));
  }
  return Q.of(total, D ** bn);
}

const countVectors = (n: number, A: number): number => {
  let c = 1;
  for (let k = 1; k < A; k++) c = (c * (n + k)) / k;
  return Math.round(c);
};

// δ = k/20 ≤ 1 and r from 2|A|/δ up; shrinking lowers δ's numerator and r towards 2|A|/δ.
const instances: fc.Arbitrary<TailInstance> = fc
  .record({
    w: fc.oneof(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 2 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 })),
    k: fc.integer({ min: 1, max: 20 }),
    extra: fc.integer({ min: 0, max: 400 }),
  })
  .map(({ w, k, extra }) => {
    const tot = w.reduce((a, b) => a + b, 0);
    const A = w.length;
    const delta = Q.of(k, 20);
    let r = Math.ceil((2 * A * 20) / k) + extra;
    while (r > 2 && countVectors(r - 1, A) > MAX_COUNTS) r = Math.max(Math.ceil((2 * A * 20) / k), Math.floor(r / 2));
    return { p: w.map((x) => Q.of(x, tot)), delta, r };
  });

/** Larger r where the bound fails too (n doubled, twice, within the cap): the failure is not a small-r effect. */
function persists(t: TailInstance, bound: TailBound): number[] {
  const out: number[] = [];
  for (let r = 2 * t.r - 1, k = 0; k < 2 && countVectors(r - 1, t.p.length) <= MAX_COUNTS; r = 2 * r - 1, k++)
    if (oneNormTail(t.p, r - 1, t.delta.div(Q.of(2))).gt(bound.bound(t.p.length, r - 1, t.delta).hi)) out.push(r);
  return out;
}

function decode(v: unknown): TailInstance {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new InputError("instance", `expected {"law": [rationals], "delta": rational, "r": integer}`);
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!["law", "delta", "r"].includes(k)) throw new InputError(`instance.${k}`, `unknown field (expected "law", "delta", "r")`);
  if (!Array.isArray(o.law) || o.law.length < 2) throw new InputError("instance.law", "P(·|θ): a list of at least two rationals");
  const p = o.law.map((x, a) => rationalAt(x, `instance.law[${a}]`));
  p.forEach((x, a) => {
    if (x.sign() <= 0) throw new InputError(`instance.law[${a}]`, `Definition 6(a) needs P(a|θ) > 0, got ${x}`);
  });
  if (!sum(p).eq(Q.ONE)) throw new InputError("instance.law", `a law sums to 1, this one to ${sum(p)}`);
  const delta = rationalAt(o.delta, "instance.delta");
  if (delta.sign() <= 0) throw new InputError("instance.delta", `δ > 0, got ${delta}`);
  if (typeof o.r !== "number" || !Number.isInteger(o.r) || o.r < 2) throw new InputError("instance.r", `r is an integer ≥ 2, got ${JSON.stringify(o.r)}`);
  if (countVectors(o.r - 1, p.length) > MAX_COUNTS) throw new InputError("instance.r", `r = ${o.r} with |A| = ${p.length} has more than ${MAX_COUNTS} count vectors; exact work is capped there`);
  return { p, delta, r: o.r };
}

export const lemmaB: Claim<TailInstance, TailBound> = {
  id: "mp2013.lemmaB",
  paper: "mp2013",
  section: "§8, Lemma B (proof in §10.5, Step 3)",
  statement: "For the δ of Step 2 and all sufficiently large r (Step 3 needs r ≥ 2|A|/δ): Prob{‖f(t̃₋ᵢ)/(r−1) − P(·|θ)‖ ≥ δ/2 | θ̃ = θ} ≤ 2|A|·exp(−(r−1)δ²/2), ‖·‖ the 1-norm — the bound that gives νᵢ^{P^r} ≤ max{4R^{r/2}/β, 2|A|e^{−(r−1)δ²/2}}.",
  expect: "counterexample",
  note: "The exponent is Hoeffding's for the sup-norm, not for the 1-norm the paper fixes in §2: ‖x‖₁ ≥ δ/2 only forces some |x_α| ≥ δ/(2|A|), so Hoeffding gives 2|A|·exp(−(r−1)δ²/(2|A|²)). For |A| = 2 and p = (1/2, 1/2) the true tail decays like exp(−(r−1)δ²/8), so the printed bound fails for every δ once r is large. Lemma B survives (the repaired bound is still exponential in r), and so does Theorem 3; the zoo's repaired bound checks that the refutation disappears.",
  subjectKind: TAIL_KIND,
  defaultSubject: PAPER_TAIL,
  runs: 200,
  arbitrary: () => instances,
  encode: (t): Json => ({ law: t.p.map(qs), delta: qs(t.delta), r: t.r }),
  decode,
  size: (t) => ({ signals: t.p.length, r: t.r }),
  check(t, bound): Verdict {
    const A = t.p.length, n = t.r - 1;
    if (t.delta.gt(Q.of(2))) return vacuous(`δ = ${t.delta} > 2: no two laws are that far apart in the 1-norm`);
    if (Q.of(t.r).mul(t.delta).lt(Q.of(2 * A))) return vacuous(`r = ${t.r} < 2|A|/δ = ${Q.of(2 * A).div(t.delta)}: Step 3 needs δ − |A|/r ≥ δ/2`);
    const tail = oneNormTail(t.p, n, t.delta.div(Q.of(2)));
    const b = bound.bound(A, n, t.delta);
    if (tail.le(b.lo)) return { kind: "holds" };
    if (tail.gt(b.hi))
      return {
        kind: "violated",
        witness: {
          summary: `with ${n} others' signals i.i.d. (${t.p.join(", ")}), Prob{‖f/${n} − P(·|θ)‖₁ ≥ ${t.delta.div(Q.of(2))}} = ${tail.toNumber().toPrecision(6)} exceeds ${bound.formula} ≤ ${b.hi.toNumber().toPrecision(6)} (δ = ${t.delta}, r = ${t.r} ≥ 2|A|/δ)`,
          quantities: { law: t.p.map(qs), delta: qs(t.delta), r: t.r, others: n, tail: qs(tail), tailApprox: tail.toNumber(), boundFormula: bound.formula, boundUpper: qs(b.hi), boundApprox: b.hi.toNumber(), alsoFailsAt: persists(t, bound) },
          gain: tail.sub(b.hi).toString(),
        },
      };
    return inconclusive(`the tail ${tail.toNumber()} lies inside the certified bounds [${b.lo.toNumber()}, ${b.hi.toNumber()}] of the bound`);
  },
};
