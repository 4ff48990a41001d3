/**
 * Theorem 3 (§8) on the replica P^r, by count vectors. Agent i's GVCG payoff depends on the others
 * only through their counts f = f(t₋ᵢ) (payoffs are symmetric and P_Θ(·|t) depends on f(t) alone),
 * and the neighbour reward only on t_{i+1}; by exchangeability, given f the neighbour has signal β
 * with probability f_β/(r − 1). So interim IC, ex post IR and weak ε-ex post IC (Definition 4) are
 * decided exactly over C(r−2+|A|, |A|−1) count vectors instead of |A|^{r−1} profiles; every agent
 * is the same (the reward is cyclic), so agent 1 stands for all. The brute-force path —
 * equilibrium/mp2013.ts on replicaModel — agrees on small r (test/models/mp2013/replica.test.ts).
 */
import { lcmBig, Q, sum } from "../exact/rational.js";
import { Surd } from "../exact/surd.js";
import { normalizedGap } from "../models/mp2013/informational.js";
import { compositions, CountWeights, plus, replicaDerived, type ReplicaBase, type ReplicaDerived } from "../models/mp2013/replica.js";
import type { ReplicaReward } from "../mechanisms/mp2013/replica.js";

/** GVCG at the announced profile (f, s): the efficient outcome (first maximizer) and agent i's pivot transfer ×(V·S(f + e_s)). */
interface Announced {
  readonly q: number;
  readonly alpha: bigint;
}

/**
 * The GVCG side of the replica with r agents, by the others' counts. Posteriors stay integral
 * (CountWeights) and payoffs are taken over their common denominator V, so the efficient outcome
 * and the pivot are integer comparisons and each utility becomes a rational once.
 */
export class ReplicaGvcg {
  readonly fs: readonly (readonly number[])[];
  /** law[a][k] = P(f(t̃₋ᵢ) = fs[k] | tᵢ = a). */
  readonly law: readonly (readonly Q[])[];
  readonly d: ReplicaDerived;
  readonly cw: CountWeights;
  private readonly v: readonly (readonly (readonly bigint[])[])[];
  private readonly V: bigint;
  private readonly announced = new Map<string, Announced>();

  constructor(readonly base: ReplicaBase, readonly r: number, cw?: CountWeights) {
    if (!Number.isInteger(r) || r < 2) throw new RangeError(`Theorem 3's mechanism needs r ≥ 2 agents, got ${r}`);
    this.d = replicaDerived(base);
    this.cw = cw ?? new CountWeights(this.d);
    this.fs = compositions(r - 1, base.signals.length);
    this.law = this.cw.law(this.fs, base.signals.length);
    this.V = base.values.flat(2).reduce((a, x) => lcmBig(a, x.den), 1n);
    this.v = base.values.map((vc) => vc.map((row) => row.map((x) => (x.num * this.V) / x.den)));
  }

  /** V·S(g)·W(c, a; P_Θ(·|g)), W(c, a; π) = Σ_θ v(c, θ, a)·π(θ). */
  private w(c: number, a: number, N: readonly bigint[]): bigint {
    let s = 0n;
    for (let th = 0; th < N.length; th++) s += this.v[c]![th]![a]! * N[th]!;
    return s;
  }

  private at(k: number, s: number): Announced {
    const key = `${k}|${s}`;
    let a = this.announced.get(key);
    if (a) return a;
    const f = this.fs[k]!, { N } = this.cw.of(plus(f, s)), A = f.length;
    let q = 0, bestTotal: bigint | null = null, bestOthers: bigint | null = null;
    const others: bigint[] = [];
    for (let c = 0; c < this.base.outcomes.length; c++) {
      let o = 0n, own = 0n;
      for (let x = 0; x < A; x++) {
        const W = this.w(c, x, N);
        o += W * BigInt(f[x]!);
        if (x === s) own = W;
      }
      const total = o + own;
      others.push(o);
      if (bestTotal === null || total > bestTotal) [q, bestTotal] = [c, total];
      if (bestOthers === null || o > bestOthers) bestOthers = o;
    }
    a = { q, alpha: others[q]! - bestOthers! };
    this.announced.set(key, a);
    return a;
  }

  /** Uᵢ(s | t₋ᵢ, tᵢ) for others' counts fs[k]: v̂ᵢ at the true posterior of the outcome chosen at the announced one, plus αᵢ. */
  utility(k: number, ti: number, s: number): Q {
    const f = this.fs[k]!, a = this.at(k, s), tr = this.cw.of(plus(f, ti)), an = this.cw.of(plus(f, s));
    // w/(V·S_t) + α/(V·S_s) over one denominator
    return Q.of(this.w(a.q, ti, tr.N) * an.S + a.alpha * tr.S, this.V * tr.S * an.S);
  }

  /** The GVCG ex post gain of announcing s at counts fs[k] for true signal tᵢ. */
  gain(k: number, ti: number, s: number): Q {
    const f = this.fs[k]!, lie = this.at(k, s), tru = this.at(k, ti), tr = this.cw.of(plus(f, ti)), an = this.cw.of(plus(f, s));
    const num = (this.w(lie.q, ti, tr.N) - this.w(tru.q, ti, tr.N) - tru.alpha) * an.S + lie.alpha * tr.S;
    return Q.of(num, this.V * tr.S * an.S);
  }
}

export interface Theorem3Eval {
  readonly r: number;
  /** The largest interim gain of a lie (interim IC ⇔ ≤ 0), with the pair. */
  readonly interim: { readonly ti: number; readonly s: number; readonly gain: Surd };
  /** The largest Prob{gain > ε | tᵢ} over lies (weak ε-ex post IC ⇔ ≤ ε). */
  readonly weak: { readonly ti: number; readonly s: number; readonly prob: Q };
  /** The lowest truthful payoff v̂ᵢ + αᵢ + zᵢ (ex post IR ⇔ ≥ 0), at others' counts f with neighbour β. */
  readonly ir: { readonly value: Surd; readonly ti: number; readonly f: readonly number[]; readonly beta: number };
  /** min zᵢ^r and max_t Σᵢ zᵢ^r(t) (the theorem: ≥ 0 and ≤ ε). */
  readonly zMin: Surd;
  readonly zSumMax: Surd;
}

/** max over cyclic sequences t ∈ A^r of Σᵢ z(tᵢ, t_{i+1}): a max-plus walk of length r, closed. */
export function maxCyclicSum(A: number, r: number, z: (s: number, beta: number) => Surd): Surd {
  let best: Surd | null = null;
  for (let start = 0; start < A; start++) {
    // reach[x] = the best sum of the first steps of a walk from start to x.
    let reach: (Surd | null)[] = Array.from({ length: A }, (_, x) => (x === start ? Surd.ZERO : null));
    for (let step = 0; step < r; step++) {
      const next: (Surd | null)[] = new Array(A).fill(null);
      for (let x = 0; x < A; x++) {
        const here = reach[x];
        if (here === null || here === undefined) continue;
        for (let y = 0; y < A; y++) {
          const v = here.add(z(x, y));
          if (next[y] === null || v.gt(next[y]!)) next[y] = v;
        }
      }
      reach = next;
    }
    const closed = reach[start];
    if (closed !== null && closed !== undefined && (best === null || closed.gt(best))) best = closed;
  }
  return best!;
}

/** x + D > 0 for rational x and surd D, through D's certified bounds first (the exact sign only when they straddle). */
function exceeds(x: Q, D: Surd, bounds: { lo: Q; hi: Q }): boolean {
  if (x.add(bounds.lo).sign() > 0) return true;
  if (x.add(bounds.hi).sign() <= 0) return false;
  return D.add(x).sign() > 0;
}

export function evaluateTheorem3(base: ReplicaBase, r: number, reward: ReplicaReward, eps: Q, g: ReplicaGvcg = new ReplicaGvcg(base, r)): Theorem3Eval {
  const d = g.d, A = base.signals.length;
  const z = Array.from({ length: A }, (_, s) => Array.from({ length: A }, (_, beta) => reward.reward(d, r, eps, s, beta)));
  const others = Q.of(r - 1);
  // P(t_{i+1} = β | tᵢ), from the count law (by exchangeability, f_β/(r − 1) given the counts)
  const nbLaw = Array.from({ length: A }, (_, ti) => Array.from({ length: A }, (_, beta) => sum(g.fs.map((f, k) => g.law[ti]![k]!.mul(Q.of(f[beta]!)))).div(others)));
  let interim: Theorem3Eval["interim"] | null = null;
  let weak: Theorem3Eval["weak"] | null = null;
  for (let ti = 0; ti < A; ti++)
    for (let s = 0; s < A; s++) {
      if (s === ti) continue;
      const dz = Array.from({ length: A }, (_, beta) => z[s]![beta]!.sub(z[ti]![beta]!));
      const dzB = dz.map((x) => x.bounds());
      let gvcg = Q.ZERO, prob = Q.ZERO;
      g.fs.forEach((f, k) => {
        const p = g.law[ti]![k]!;
        if (p.isZero()) return;
        const gk = g.gain(k, ti, s);
        gvcg = gvcg.add(p.mul(gk));
        const x = gk.sub(eps);
        for (let beta = 0; beta < A; beta++) if (f[beta] !== 0 && exceeds(x, dz[beta]!, dzB[beta]!)) prob = prob.add(p.mul(Q.of(f[beta]!)).div(others));
      });
      let acc = Surd.of(gvcg);
      for (let beta = 0; beta < A; beta++) acc = acc.add(dz[beta]!.scale(nbLaw[ti]![beta]!));
      if (interim === null || acc.gt(interim.gain)) interim = { ti, s, gain: acc };
      if (weak === null || prob.gt(weak.prob)) weak = { ti, s, prob };
    }
  // ex post IR: per (tᵢ, β), the lowest GVCG payoff over counts where a neighbour can have β, plus z(tᵢ, β)
  let ir: Theorem3Eval["ir"] | null = null;
  for (let ti = 0; ti < A; ti++) {
    const low: ({ u: Q; k: number } | null)[] = new Array(A).fill(null);
    g.fs.forEach((f, k) => {
      const u = g.utility(k, ti, ti);
      for (let beta = 0; beta < A; beta++) if (f[beta] !== 0 && (low[beta] === null || u.lt(low[beta]!.u))) low[beta] = { u, k };
    });
    low.forEach((l, beta) => {
      if (l === null) return;
      const v = z[ti]![beta]!.add(l.u);
      if (ir === null || v.lt(ir.value)) ir = { value: v, ti, f: g.fs[l.k]!, beta };
    });
  }
  let zMin: Surd | null = null;
  for (const row of z) for (const x of row) if (zMin === null || x.lt(zMin)) zMin = x;
  return { r, interim: interim ?? { ti: 0, s: 0, gain: Surd.ZERO }, weak: weak ?? { ti: 0, s: 0, prob: Q.ZERO }, ir: ir!, zMin: zMin!, zSumMax: maxCyclicSum(A, r, (s, beta) => z[s]![beta]!) };
}

/** Λ* (§10.6): min over α ≠ α′ of ‖Q(·|α)/‖Q(·|α)‖₂ − Q(·|α′)/‖Q(·|α′)‖₂‖₂², exactly; 0 when Theorem 3's condition fails. */
export function lambdaStar(d: ReplicaDerived): { value: Surd; a: number; a2: number } {
  let best: { value: Surd; a: number; a2: number } | null = null;
  for (let a = 0; a < d.Qm.length; a++)
    for (let a2 = a + 1; a2 < d.Qm.length; a2++) {
      const v = normalizedGap(d.Qm[a]!, d.Qm[a2]!);
      if (best === null || v.lt(best.value)) best = { value: v, a, a2 };
    }
  return best ?? { value: Surd.ZERO, a: 0, a2: 0 };
}

/** The proof's closing inequality εΛ* / (2√|A|) ≥ 2M·r·(r ∓ 1)·ν^{P^r}: as printed (r − 1) and as Claim 2 gives it (r + 1). */
export interface Theorem3Condition {
  readonly lhs: Surd;
  readonly rhsPrinted: Q;
  readonly rhsClaim2: Q;
  readonly printed: boolean;
  readonly claim2: boolean;
}

export function theorem3Condition(d: ReplicaDerived, A: number, r: number, eps: Q, nu: Q, lambda: Surd = lambdaStar(d).value): Theorem3Condition {
  const lhs = lambda.scale(eps.div(Q.of(2 * A))).mulRoot(Q.of(A)); // εΛ*/(2√|A|) = εΛ*·√|A|/(2|A|)
  const k = Q.of(2).mul(d.M).mul(Q.of(r)).mul(nu);
  const rhsPrinted = k.mul(Q.of(r - 1)), rhsClaim2 = k.mul(Q.of(r + 1));
  return { lhs, rhsPrinted, rhsClaim2, printed: lhs.ge(rhsPrinted), claim2: lhs.ge(rhsClaim2) };
}
