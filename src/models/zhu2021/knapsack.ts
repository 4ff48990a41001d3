/**
 * The divisible multi-dimensional knapsack of zhu2021 §3, equation (1):
 *   v(q, μ) = max Σ_i α_i  s.t.  Σ_i α_i θ_i ≤ q,  0 ≤ α ≤ μ.
 *
 * Solved exactly by a bounded-variable revised simplex that exploits the shape of (1): only R rows
 * (an R×R basis inverse), box bounds on α handled as nonbasic-at-upper, objective all ones. The
 * dual of the optimal basis is a price p in the sense of Lemma 1 (p·θ_i < 1 ⇒ α_i = μ_i,
 * p·θ_i > 1 ⇒ α_i = 0). Every answer is certified by exact LP duality before it is returned:
 *   Σ α_i = q·p + Σ_i μ_i (1 − p·θ_i)⁺   with α primal feasible and p ≥ 0,
 * which proves optimality independently of the pivoting code.
 */
import { InternalError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";

/** Endowment of one project type; `null` is the principal's infinite supply (μ⁰, types i ≤ R). */
export type Endowment = Q | null;

export interface KnapsackSolution {
  /** v(q, μ), eq. (1). */
  readonly value: Q;
  /** The efficient investment α(q, μ) (Lemma 1: unique under conditions 1–2 when μ ≥ μ⁰). */
  readonly alpha: readonly Q[];
  /** One associated price p (the optimal basis's dual), length R. */
  readonly price: readonly Q[];
  /** Basic columns: 0..I−1 are project types, I + r is the slack of resource r. */
  readonly basis: readonly number[];
  /** Number of simplex pivots (including bound flips), for benchmarks. */
  readonly pivots: number;
}

/** A pluggable knapsack solver, so that claims can be run against planted-bug variants. */
export interface KnapsackSolver {
  readonly name: string;
  solve(theta: readonly (readonly Q[])[], q: readonly Q[], mu: readonly Endowment[]): KnapsackSolution;
}

/**
 * Exact solve of (1). `theta` is I × R, `q` has length R (nonnegative), `mu` has length I
 * (nonnegative or null = ∞). Throws RangeError on malformed input and InternalError if the
 * duality certificate fails (which would be a bug, never a silent wrong answer).
 */
export function solveKnapsack(theta: readonly (readonly Q[])[], q: readonly Q[], mu: readonly Endowment[]): KnapsackSolution {
  const I = theta.length;
  const R = q.length;
  if (mu.length !== I) throw new RangeError(`knapsack: ${I} types but ${mu.length} endowments`);
  for (let r = 0; r < R; r++) if ((q[r] as Q).sign() < 0) throw new RangeError(`knapsack: q[${r}] < 0`);
  for (let i = 0; i < I; i++) if (mu[i] !== null && (mu[i] as Q).sign() < 0) throw new RangeError(`knapsack: μ[${i}] < 0`);

  // Columns: j < I is type j (cost 1, bounds [0, μ_j]); j = I + r is slack r (cost 0, [0, ∞)).
  const n = I + R;
  const col = (j: number, k: number): Q => (j < I ? ((theta[j] as readonly Q[])[k] as Q) : j - I === k ? Q.ONE : Q.ZERO);
  const upper = (j: number): Endowment => (j < I ? (mu[j] as Endowment) : null);

  const basis: number[] = Array.from({ length: R }, (_, r) => I + r);
  const isBasic: boolean[] = Array.from({ length: n }, (_, j) => j >= I);
  const atUpper: boolean[] = new Array<boolean>(n).fill(false);
  // Start from the slack basis (B = identity, α = 0, always feasible since q ≥ 0), except that a
  // unit-like type r of condition 1 (θ_r = c·e_r) with enough supply replaces slack r: α_r = q_r/c
  // is feasible and saves the R pivots every solve would otherwise spend bringing them in.
  const binv: Q[][] = Array.from({ length: R }, (_, r) => Array.from({ length: R }, (_, k) => (r === k ? Q.ONE : Q.ZERO)));
  const xB: Q[] = q.slice();
  for (let r = 0; r < Math.min(R, I); r++) {
    const th = theta[r] as readonly Q[];
    const c = th[r] as Q;
    if (c.sign() <= 0 || !th.every((x, k) => k === r || x.isZero())) continue;
    const a = (q[r] as Q).div(c);
    const m = mu[r] as Endowment;
    if (m !== null && m.lt(a)) continue;
    basis[r] = r;
    isBasic[r] = true;
    isBasic[I + r] = false;
    (binv[r] as Q[])[r] = c.inv();
    xB[r] = a;
  }
  let pivots = 0;
  let bland = false; // Dantzig's rule, switching to Bland's during runs of degenerate pivots (cannot cycle)
  // Pricing only *chooses* an improving column, so it runs on floats; optimality is then confirmed
  // by one exact pricing pass (which resumes the exact pivots if the floats missed a column), and the
  // final answer by the exact duality certificate. A pivot budget sends a float run that stalls to
  // exact pricing, where Bland's rule guarantees termination.
  let exactPricing = false;
  const floatBudget = 20 * n + 50;
  const y: Q[] = new Array<Q>(R).fill(Q.ZERO);
  const yf: number[] = new Array<number>(R).fill(0);
  const thetaF: number[][] = theta.map((th) => th.map((x) => x.toNumber()));
  const TOL = 1e-9;

  for (;;) {
    if (pivots > floatBudget) exactPricing = true;
    let enter = -1;
    let enterDir = 0;
    if (!exactPricing) {
      for (let k = 0; k < R; k++) {
        let s = 0;
        for (let r = 0; r < R; r++) if (basis[r]! < I) s += ((binv[r] as Q[])[k] as Q).toNumber();
        yf[k] = s;
      }
      let best = 0;
      for (let j = 0; j < n; j++) {
        if (isBasic[j]) continue;
        const ub = upper(j);
        if (ub !== null && ub.isZero()) continue;
        let d: number;
        if (j < I) {
          const th = thetaF[j] as number[];
          let s = 0;
          for (let k = 0; k < R; k++) s += (th[k] as number) * (yf[k] as number);
          d = 1 - s;
        } else d = -(yf[j - I] as number);
        const dir = atUpper[j] ? (d < -TOL ? -1 : 0) : d > TOL ? 1 : 0;
        if (dir === 0) continue;
        if (bland) {
          enter = j;
          enterDir = dir;
          break;
        }
        if (Math.abs(d) > best) {
          best = Math.abs(d);
          enter = j;
          enterDir = dir;
        }
      }
      if (enter < 0) {
        // The floats see no improving column: try to prove optimality by the exact certificate
        // (weak duality, independent of the pivots); if it fails, the floats missed one.
        const { alpha, value, price } = readOff();
        if (certificateHolds(theta, q, mu, alpha, price, value)) return { value, alpha, price, basis: basis.slice(), pivots };
        exactPricing = true;
        continue;
      }
    } else {
      // y = c_B^T B^{-1}
      for (let k = 0; k < R; k++) {
        let s = Q.ZERO;
        for (let r = 0; r < R; r++) {
          if (basis[r]! < I) {
            const b = (binv[r] as Q[])[k] as Q;
            if (!b.isZero()) s = s.add(b);
          }
        }
        y[k] = s;
      }
      let best: Q = Q.ZERO;
      for (let j = 0; j < n; j++) {
        if (isBasic[j]) continue;
        const ub = upper(j);
        if (ub !== null && ub.isZero()) continue; // fixed at 0
        let d: Q;
        if (j < I) {
          const th = theta[j] as readonly Q[];
          let s = Q.ZERO;
          for (let k = 0; k < R; k++) {
            const t = th[k] as Q;
            if (!t.isZero() && !(y[k] as Q).isZero()) s = s.add(t.mul(y[k] as Q));
          }
          d = Q.ONE.sub(s);
        } else {
          d = (y[j - I] as Q).neg();
        }
        const sgn = d.sign();
        const dir = atUpper[j] ? (sgn < 0 ? -1 : 0) : sgn > 0 ? 1 : 0;
        if (dir === 0) continue;
        if (bland) {
          enter = j;
          enterDir = dir;
          break;
        }
        const mag = d.abs();
        if (enter < 0 || mag.gt(best)) {
          enter = j;
          enterDir = dir;
          best = mag;
        }
      }
      if (enter < 0) break;
      if (pivots <= floatBudget) exactPricing = false;
    }

    // w = B^{-1} a_enter; basics move by −dir·t·w.
    const w: Q[] = new Array<Q>(R);
    for (let r = 0; r < R; r++) {
      let s = Q.ZERO;
      const row = binv[r] as Q[];
      for (let k = 0; k < R; k++) {
        const a = col(enter, k);
        if (!a.isZero() && !(row[k] as Q).isZero()) s = s.add((row[k] as Q).mul(a));
      }
      w[r] = s;
    }
    const ubE = upper(enter);
    let tMax: Q | null = ubE; // bound flip of the entering variable
    let leave = -1; // row index; -1 = bound flip
    let leaveToUpper = false;
    for (let r = 0; r < R; r++) {
      const wr = w[r] as Q;
      const s = enterDir > 0 ? wr.sign() : -wr.sign();
      if (s === 0) continue;
      const bj = basis[r] as number;
      let t: Q;
      let toUpper: boolean;
      if (s > 0) {
        t = (xB[r] as Q).div(wr.abs());
        toUpper = false;
      } else {
        const ub = upper(bj);
        if (ub === null) continue;
        t = ub.sub(xB[r] as Q).div(wr.abs());
        toUpper = true;
      }
      const c = tMax === null ? -1 : t.cmp(tMax);
      if (c < 0 || (c === 0 && leave >= 0 && bj < (basis[leave] as number))) {
        tMax = t;
        leave = r;
        leaveToUpper = toUpper;
      }
    }
    if (tMax === null) throw new InternalError("knapsack: unbounded direction (a project type with zero input?)");
    pivots++;
    bland = tMax.isZero();
    if (!tMax.isZero()) {
      for (let r = 0; r < R; r++) {
        const wr = w[r] as Q;
        if (wr.isZero()) continue;
        const delta = tMax.mul(wr);
        xB[r] = enterDir > 0 ? (xB[r] as Q).sub(delta) : (xB[r] as Q).add(delta);
      }
    }
    if (leave < 0) {
      atUpper[enter] = !atUpper[enter];
      continue;
    }
    const enterValue = enterDir > 0 ? tMax : (ubE as Q).sub(tMax);
    const out = basis[leave] as number;
    isBasic[out] = false;
    atUpper[out] = leaveToUpper;
    isBasic[enter] = true;
    atUpper[enter] = false;
    basis[leave] = enter;
    xB[leave] = enterValue;
    // Pivot the basis inverse on w[leave].
    const pr = binv[leave] as Q[];
    const inv = (w[leave] as Q).inv();
    for (let k = 0; k < R; k++) if (!(pr[k] as Q).isZero()) pr[k] = (pr[k] as Q).mul(inv);
    for (let r = 0; r < R; r++) {
      if (r === leave) continue;
      const f = w[r] as Q;
      if (f.isZero()) continue;
      const row = binv[r] as Q[];
      for (let k = 0; k < R; k++) if (!(pr[k] as Q).isZero()) row[k] = (row[k] as Q).sub(f.mul(pr[k] as Q));
    }
  }

  const { alpha, value, price } = readOff();
  certifyKnapsack(theta, q, mu, alpha, price, value);
  return { value, alpha, price, basis: basis.slice(), pivots };

  /** The current basic solution and its exact dual y = c_B^T B^{-1}. */
  function readOff(): { alpha: Q[]; value: Q; price: Q[] } {
    const alpha: Q[] = new Array<Q>(I);
    for (let j = 0; j < I; j++) alpha[j] = atUpper[j] ? (mu[j] as Q) : Q.ZERO;
    for (let r = 0; r < R; r++) if ((basis[r] as number) < I) alpha[basis[r] as number] = xB[r] as Q;
    let value = Q.ZERO;
    for (const a of alpha) if (!a.isZero()) value = value.add(a);
    const price: Q[] = new Array<Q>(R);
    for (let k = 0; k < R; k++) {
      let s = Q.ZERO;
      for (let r = 0; r < R; r++) if (basis[r]! < I && !((binv[r] as Q[])[k] as Q).isZero()) s = s.add((binv[r] as Q[])[k] as Q);
      price[k] = s;
    }
    return { alpha, value, price };
  }
}

function certificateHolds(theta: readonly (readonly Q[])[], q: readonly Q[], mu: readonly Endowment[], alpha: readonly Q[], price: readonly Q[], value: Q): boolean {
  try {
    certifyKnapsack(theta, q, mu, alpha, price, value);
    return true;
  } catch (e) {
    if (e instanceof InternalError) return false;
    throw e;
  }
}

/**
 * Exact optimality certificate for (1): α primal feasible, p ≥ 0 dual feasible, equal objectives.
 * Throws InternalError on failure. Independent of how α and p were found.
 */
export function certifyKnapsack(
  theta: readonly (readonly Q[])[],
  q: readonly Q[],
  mu: readonly Endowment[],
  alpha: readonly Q[],
  price: readonly Q[],
  value: Q,
): void {
  const I = theta.length;
  const R = q.length;
  const used: Q[] = new Array<Q>(R).fill(Q.ZERO);
  let primal = Q.ZERO;
  for (let i = 0; i < I; i++) {
    const a = alpha[i] as Q;
    const m = mu[i] as Endowment;
    if (a.sign() < 0 || (m !== null && a.gt(m))) throw new InternalError(`knapsack certificate: α[${i}] = ${a} outside [0, μ]`);
    if (a.isZero()) continue;
    primal = primal.add(a);
    const th = theta[i] as readonly Q[];
    for (let k = 0; k < R; k++) if (!(th[k] as Q).isZero()) used[k] = (used[k] as Q).add(a.mul(th[k] as Q));
  }
  for (let k = 0; k < R; k++) if ((used[k] as Q).gt(q[k] as Q)) throw new InternalError(`knapsack certificate: resource ${k} over-used`);
  let dual = Q.ZERO;
  for (let k = 0; k < R; k++) {
    const p = price[k] as Q;
    if (p.sign() < 0) throw new InternalError(`knapsack certificate: price[${k}] < 0`);
    if (!p.isZero()) dual = dual.add(p.mul(q[k] as Q));
  }
  for (let i = 0; i < I; i++) {
    const th = theta[i] as readonly Q[];
    let c = Q.ZERO;
    for (let k = 0; k < R; k++) if (!(th[k] as Q).isZero() && !(price[k] as Q).isZero()) c = c.add((th[k] as Q).mul(price[k] as Q));
    const surplus = Q.ONE.sub(c); // (1 − p·θ_i): the dual slack s_i must be at least this
    if (surplus.sign() <= 0) continue;
    const m = mu[i] as Endowment;
    if (m === null) throw new InternalError(`knapsack certificate: p·θ_${i} < 1 with infinite supply`);
    dual = dual.add(m.mul(surplus));
  }
  if (!primal.eq(value) || !primal.eq(dual)) {
    throw new InternalError(`knapsack certificate: primal ${primal} ≠ dual ${dual} (reported ${value})`);
  }
}

export const exactKnapsack: KnapsackSolver = { name: "exact", solve: solveKnapsack };
