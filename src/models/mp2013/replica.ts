/**
 * McLean–Postlewaite (2013) §8: conditionally independent sequences (Definition 6). One base
 * P ∈ Δ(Θ × A) and, for each r, r agents with signal set A drawn i.i.d. given θ:
 *   P^r(θ, t₁,…,t_r) = P(θ)·Πⱼ P(tⱼ|θ).
 * Every agent has the same payoff v(c, θ, a) (§8.1 allows vᵢ^r to differ; the symmetric case is the
 * one whose size does not grow with r, and the auction of §8.2 is of this kind).
 *
 * Exchangeability is what makes r in the hundreds exact: P_Θ(·|t^r) depends on t^r only through the
 * count vector f(t^r) (f_α = #{j : t_j = α}, §10.5), and given tᵢ the others' counts f(t₋ᵢ) have a
 * mixture-of-multinomials law. So νᵢ^{P^r} (Definition 3) is a Ky Fan minimum over the
 * C(r−2+|A|, |A|−1) count vectors of the r−1 others instead of over |A|^{r−1} profiles.
 */
import { InputError } from "../../exact/errors.js";
import { lcmBig, Q, sum } from "../../exact/rational.js";
import { kyFan } from "./informational.js";
import type { Mp2013Model } from "./model.js";

export interface ReplicaBase {
  /** Θ. */
  readonly states: readonly string[];
  /** A: every agent's signal set. */
  readonly signals: readonly string[];
  /** P(θ, a): joint[θ][a] (Definition 6). */
  readonly joint: readonly (readonly Q[])[];
  /** C (c₀: the first outcome with all payoffs 0). */
  readonly outcomes: readonly string[];
  /** v(c, θ, a): values[c][θ][a], every agent's payoff. */
  readonly values: readonly (readonly (readonly Q[])[])[];
  /** Theorem 3's ε; null when absent. */
  readonly epsilon: Q | null;
}

export interface ReplicaDerived {
  /** P(θ). */
  readonly pTheta: readonly Q[];
  /** P(a|θ): cond[θ][a]. */
  readonly cond: readonly (readonly Q[])[];
  /** P(θ|a): postA[a][θ]. */
  readonly postA: readonly (readonly Q[])[];
  /** Q(β|α) = Σ_θ P(β|θ)P(θ|α) (§10.6): the law of a neighbour's signal given one's own; Qm[α][β]. */
  readonly Qm: readonly (readonly Q[])[];
  /** M: the largest payoff (1 when all are 0). */
  readonly M: Q;
  readonly c0: number;
}

const cache = new WeakMap<ReplicaBase, ReplicaDerived>();

export function replicaDerived(b: ReplicaBase): ReplicaDerived {
  const hit = cache.get(b);
  if (hit) return hit;
  const pTheta = b.joint.map((row) => sum(row));
  const pA = b.signals.map((_, a) => sum(b.joint.map((row) => row[a]!)));
  const cond = b.joint.map((row, th) => row.map((p) => p.div(pTheta[th]!)));
  const postA = pA.map((pa, a) => b.joint.map((row) => row[a]!.div(pa)));
  const Qm = postA.map((pt) => b.signals.map((_, beta) => sum(pt.map((p, th) => p.mul(cond[th]![beta]!)))));
  let M = Q.ZERO;
  for (const vc of b.values) for (const row of vc) for (const x of row) if (x.gt(M)) M = x;
  const c0 = b.outcomes.findIndex((_, c) => b.values[c]!.every((row) => row.every((x) => x.isZero())));
  const d: ReplicaDerived = { pTheta, cond, postA, Qm, M: M.isZero() ? Q.ONE : M, c0 };
  cache.set(b, d);
  return d;
}

/** Every count vector f ∈ ℕ^k with Σf = n, lexicographically (first coordinate largest first). */
export function compositions(n: number, k: number): number[][] {
  if (k === 1) return [[n]];
  const out: number[][] = [];
  for (let x = n; x >= 0; x--) for (const rest of compositions(n - x, k - 1)) out.push([x, ...rest]);
  return out;
}

export const countKey = (f: readonly number[]): string => f.join(",");

const factorials: bigint[] = [1n];
function factorial(n: number): bigint {
  while (factorials.length <= n) factorials.push(factorials[factorials.length - 1]! * BigInt(factorials.length));
  return factorials[n]!;
}

/** n!/Π f_α!: the number of profiles with count vector f. */
export function multinomial(f: readonly number[]): bigint {
  return f.reduce((acc, x) => acc / factorial(x), factorial(f.reduce((a, x) => a + x, 0)));
}

/** P(α|θ)^j, kept per (θ, α) as j grows. */
export class Powers {
  private readonly table: Q[][][];
  constructor(private readonly cond: readonly (readonly Q[])[]) {
    this.table = cond.map((row) => row.map(() => [Q.ONE]));
  }
  get(th: number, a: number, j: number): Q {
    const col = this.table[th]![a]!;
    while (col.length <= j) col.push(col[col.length - 1]!.mul(this.cond[th]![a]!));
    return col[j]!;
  }
  /** Π_α P(α|θ)^{f_α}: the probability of one profile with counts f given θ. */
  profile(th: number, f: readonly number[]): Q {
    return f.reduce((acc, x, a) => acc.mul(this.get(th, a, x)), Q.ONE);
  }
}

/** f + e_a. */
export const plus = (f: readonly number[], a: number): number[] => f.map((x, k) => (k === a ? x + 1 : x));

/**
 * Integral posterior weights: with P(θ) = m_θ/E and P(α|θ) = n_{θα}/D over common denominators,
 * N_θ(g) = m_θ·Π_α n_{θα}^{g_α} is proportional to P(θ, profile with counts g) for every g of the
 * same size, so P_Θ(θ|g) = N_θ(g)/S(g), S = Σ_θ N_θ. Keeping numbers integral until one final
 * division is what keeps r in the hundreds fast (normalizing at every step spends the time in gcds).
 */
export class CountWeights {
  private readonly m: readonly bigint[];
  private readonly n: readonly (readonly bigint[])[];
  private readonly cache = new Map<string, { readonly N: readonly bigint[]; readonly S: bigint }>();
  constructor(d: ReplicaDerived) {
    const E = d.pTheta.reduce((a, p) => lcmBig(a, p.den), 1n), D = d.cond.flat().reduce((a, p) => lcmBig(a, p.den), 1n);
    this.m = d.pTheta.map((p) => (p.num * E) / p.den);
    this.n = d.cond.map((row) => row.map((p) => (p.num * D) / p.den));
  }
  of(g: readonly number[]): { readonly N: readonly bigint[]; readonly S: bigint } {
    const key = countKey(g);
    let w = this.cache.get(key);
    if (!w) {
      const N = this.m.map((mt, th) => g.reduce((acc, x, a) => acc * this.n[th]![a]! ** BigInt(x), mt));
      this.cache.set(key, (w = { N, S: N.reduce((a, x) => a + x, 0n) }));
    }
    return w;
  }
  /** P_Θ(·|g). */
  post(g: readonly number[]): Q[] {
    const { N, S } = this.of(g);
    return N.map((x) => Q.of(x, S));
  }
  /** ‖P_Θ(·|g) − P_Θ(·|h)‖₁ with one division. */
  shift(g: readonly number[], h: readonly number[]): Q {
    const a = this.of(g), b = this.of(h);
    let s = 0n;
    for (let th = 0; th < a.N.length; th++) {
      const x = a.N[th]! * b.S - b.N[th]! * a.S;
      s += x < 0n ? -x : x;
    }
    return Q.of(s, a.S * b.S);
  }
  /** law[a][k] = P(f(t̃₋ᵢ) = fs[k] | tᵢ = a) ∝ multinomial(fs[k])·S(fs[k] + e_a). */
  law(fs: readonly (readonly number[])[], A: number): Q[][] {
    const mult = fs.map((f) => multinomial(f));
    return Array.from({ length: A }, (_, a) => {
      const raw = fs.map((f, k) => mult[k]! * this.of(plus(f, a)).S);
      const Z = raw.reduce((x, y) => x + y, 0n);
      return raw.map((x) => Q.of(x, Z));
    });
  }
}

export interface ReplicaSize {
  readonly r: number;
  /** ν^{P^r}: every agent's informational size (they are all equal, §8.1). */
  readonly value: Q;
  /** The maximizing pair (tᵢ, tᵢ′) (signal indices). */
  readonly ti: number;
  readonly ti2: number;
  /** The others' count vectors whose shift exceeds ν, and their probability given tᵢ (≤ ν). */
  readonly event: readonly (readonly number[])[];
  readonly eventProb: Q;
  /** How many count vectors of the r − 1 others were scanned per pair. */
  readonly counts: number;
}

/** ν^{P^r} by count vectors (exact; the brute-force path is informationalSize on replicaModel). */
export function replicaSize(b: ReplicaBase, r: number, cw: CountWeights = new CountWeights(replicaDerived(b))): ReplicaSize {
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`r must be a positive integer, got ${r}`);
  const A = b.signals.length;
  const fs = compositions(r - 1, A);
  const law = cw.law(fs, A);
  let best: ReplicaSize | null = null;
  for (let ti = 0; ti < A; ti++)
    for (let ti2 = 0; ti2 < A; ti2++) {
      if (ti === ti2) continue;
      const list = fs.map((f, k) => ({ f, d: cw.shift(plus(f, ti), plus(f, ti2)), w: law[ti]![k]! }));
      const v = kyFan(list);
      if (best === null || v.gt(best.value)) {
        const ev = list.filter((s) => s.d.gt(v));
        best = { r, value: v, ti, ti2, event: ev.map((s) => s.f), eventProb: sum(ev.map((s) => s.w)), counts: fs.length };
      }
    }
  return best ?? { r, value: Q.ZERO, ti: 0, ti2: 0, event: [], eventProb: Q.ZERO, counts: fs.length };
}

/** The r-agent model P^r in full (|A|^r profiles): the brute-force path, and the claims' small r. */
export function replicaModel(b: ReplicaBase, r: number): Mp2013Model {
  const A = b.signals.length;
  const profiles = A ** r;
  if (profiles * b.states.length > 1_000_000) throw new InputError("r", `the replica with ${r} agents has ${A}^${r} profiles; the full model is built only up to 10⁶ (state, profile) pairs — count vectors (replicaSize) go further`);
  const d = replicaDerived(b);
  const pw = new Powers(d.cond);
  const prior = b.states.map((_, th) =>
    Array.from({ length: profiles }, (_, t) => {
      const f = new Array<number>(A).fill(0);
      for (let j = 0, x = t; j < r; j++, x = Math.floor(x / A)) f[x % A]!++;
      return d.pTheta[th]!.mul(pw.profile(th, f));
    }),
  );
  const types = Array.from({ length: r }, () => [...b.signals]);
  const values = types.map(() => b.values.map((vc) => vc.map((row) => [...row])));
  return { types, states: b.states, outcomes: b.outcomes, prior, values, epsilon: b.epsilon };
}
