/**
 * Endowments i.i.d. across dates (the process behind zhu2021 Theorem 2's simulation, §6.3): at every
 * date each non-unit type i draws independently from a finite distribution. The event that matters
 * is the T-date average of every type staying in its window [low_i, high_i] (Ωⁿ(T, μ_, μ̄)); since
 * the dates are i.i.d., P(ω ∉ Ωⁿ | ω|_s) depends on the history only through the per-type prefix
 * sums, so the probability of being bound to the truth under a reasonable-strategy condition
 * (zhu2021 (2)) is a dynamic program over prefix-sum states — polynomial in T where the process tree
 * has (support size)^{I·T} leaves. Exact rationals throughout.
 */
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";

/** One type's per-date distribution: values with probabilities (summing to 1). */
export interface DateDistribution {
  readonly values: readonly Q[];
  readonly probs: readonly Q[];
}

export interface IidProcess {
  readonly T: number;
  /** One distribution per (non-unit) type, independent. */
  readonly types: readonly DateDistribution[];
}

export function checkIid(p: IidProcess, field = "process", typesField = `${field}.types`): void {
  if (!Number.isInteger(p.T) || p.T < 1) throw new InputError(`${field}.T`, `must be an integer ≥ 1 (got ${p.T})`);
  p.types.forEach((d, i) => {
    if (d.values.length === 0 || d.values.length !== d.probs.length) throw new InputError(`${typesField}[${i}]`, "needs as many probabilities as values (at least one)");
    d.probs.forEach((q, k) => {
      if (q.sign() < 0) throw new InputError(`${typesField}[${i}].probs[${k}]`, `probabilities are ≥ 0 (got ${q})`);
    });
    const total = d.probs.reduce((s, q) => s.add(q), Q.ZERO);
    if (!total.eq(Q.ONE)) throw new InputError(`${typesField}[${i}].probs`, `probabilities sum to ${total}, not 1`);
    d.values.forEach((v, k) => {
      if (v.sign() < 0) throw new InputError(`${typesField}[${i}].values[${k}]`, `endowments are ≥ 0 (got ${v})`);
    });
  });
}

/** The distribution of the sum of k i.i.d. draws, as value → probability (k = 0: the point 0). */
function sumDistribution(d: DateDistribution, k: number): Map<string, { v: Q; p: Q }> {
  let cur = new Map<string, { v: Q; p: Q }>([["0", { v: Q.ZERO, p: Q.ONE }]]);
  for (let j = 0; j < k; j++) {
    const next = new Map<string, { v: Q; p: Q }>();
    for (const { v, p } of cur.values()) {
      d.values.forEach((x, m) => {
        const w = v.add(x), key = w.toString(), add = p.mul(d.probs[m] as Q);
        const e = next.get(key);
        next.set(key, e ? { v: w, p: e.p.add(add) } : { v: w, p: add });
      });
    }
    cur = next;
  }
  return cur;
}

/**
 * P(some type's T-date average leaves [low_i, high_i] | the per-type sums of the first s dates), for
 * every s and prefix sum — the martingale of condition (2). Memoized; shared by the exact DP below
 * and by simulations that follow one sampled path.
 */
export interface IidWindow {
  readonly T: number;
  pOutside(s: number, sums: readonly Q[]): Q;
  /** P(every average inside) before date 1. */
  readonly inside: Q;
}

export function iidWindow(proc: IidProcess, low: readonly Q[], high: readonly Q[]): IidWindow {
  checkIid(proc);
  const { T, types } = proc;
  const TQ = Q.of(T);
  // within_i(sum after s dates) = P(sum + rest of T − s draws ∈ [T·low_i, T·high_i])
  const rests = types.map((d) => Array.from({ length: T + 1 }, (_, k) => [...sumDistribution(d, k).values()]));
  const withinMemo = new Map<string, Q>();
  const within = (i: number, s: number, sum: Q): Q => {
    const key = `${i}|${s}|${sum}`;
    let w = withinMemo.get(key);
    if (w === undefined) {
      const lo = (low[i] as Q).mul(TQ), hi = (high[i] as Q).mul(TQ);
      w = ((rests[i] as { v: Q; p: Q }[][])[T - s] as { v: Q; p: Q }[]).reduce((acc, r) => {
        const total = sum.add(r.v);
        return total.ge(lo) && total.le(hi) ? acc.add(r.p) : acc;
      }, Q.ZERO);
      withinMemo.set(key, w);
    }
    return w;
  };
  const pOutside = (s: number, sums: readonly Q[]) => Q.ONE.sub(sums.reduce((acc, x, i) => acc.mul(within(i, s, x)), Q.ONE));
  return { T, pOutside, inside: Q.ONE.sub(pOutside(0, types.map(() => Q.ZERO))) };
}

/**
 * The date (1-based) at which a path of per-date endowments (T × types) is released — the first s
 * with !holds(s, P(outside | first s dates)) — or null when it never is.
 */
export function releaseDate(win: IidWindow, path: readonly (readonly Q[])[], holds: (s: number, p: Q) => boolean): number | null {
  let sums = (path[0] as readonly Q[]).map(() => Q.ZERO);
  for (let s = 1; s <= win.T; s++) {
    sums = sums.map((x, i) => x.add(((path[s - 1] as readonly Q[])[i]) as Q));
    if (!holds(s, win.pOutside(s, sums))) return s;
  }
  return null;
}

/**
 * P(the agent is never released): at each date s (1..T) he stays bound to the truth while
 * `holds(s, p)`, p = P(some type's T-date average leaves [low_i, high_i] | the first s dates); a
 * released history stays released. Also returns P(every average inside), for reference. `win`: the
 * window of (proc, low, high), when the caller already has it (its memo is then shared).
 */
export function boundMassIid(proc: IidProcess, low: readonly Q[], high: readonly Q[], holds: (s: number, p: Q) => boolean, win: IidWindow = iidWindow(proc, low, high)): { bound: Q; inside: Q } {
  const { T, types } = proc;
  // states: per-type prefix sums → probability mass of the histories reaching them still bound
  let states = new Map<string, { sums: Q[]; p: Q }>([["", { sums: types.map(() => Q.ZERO), p: Q.ONE }]]);
  // all joint draws of a date: the product of the types' supports
  let draws: { add: Q[]; p: Q }[] = [{ add: [], p: Q.ONE }];
  types.forEach((d) => {
    draws = draws.flatMap((x) => d.values.map((v, m) => ({ add: [...x.add, v], p: x.p.mul(d.probs[m] as Q) })));
  });
  draws = draws.filter((dr) => !dr.p.isZero());
  for (let s = 1; s <= T; s++) {
    const next = new Map<string, { sums: Q[]; p: Q }>();
    for (const { sums, p } of states.values()) {
      for (const dr of draws) {
        const ns = sums.map((x, i) => x.add(dr.add[i] as Q));
        const key = ns.join(",");
        const e = next.get(key);
        next.set(key, e ? { sums: ns, p: e.p.add(p.mul(dr.p)) } : { sums: ns, p: p.mul(dr.p) });
      }
    }
    states = new Map();
    for (const [key, st] of next) if (holds(s, win.pOutside(s, st.sums))) states.set(key, st);
  }
  const bound = [...states.values()].reduce((acc, st) => acc.add(st.p), Q.ZERO);
  return { bound, inside: win.inside };
}
