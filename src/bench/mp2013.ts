/**
 * Informational size νᵢ (mp2013 Definition 3) as the type count grows: n = 3 agents, |Θ| = 3, K types
 * each, a full-support prior with random integer weights (seeded). Three ways, same run:
 *  - exact, the shipped algorithm (sort the shifts, prefix sums: O(K²·K^{n−1} log) per agent);
 *  - exact, the definition scanned: every candidate ε ∈ {0} ∪ {shifts} ∪ {prefix masses} tested by
 *    recomputing Σ_{d > ε} w (O(K²·K^{2(n−1)}) per agent) — the baseline the structure improves on;
 *  - the shipped algorithm's minimum in doubles over the same shifts (the shifts themselves exact).
 */
import { Q } from "../exact/rational.js";
import { mulberry32 } from "../exact/prng.js";
import { derived, type Mp2013Model } from "../models/mp2013/model.js";
import { informationalSize, shifts } from "../models/mp2013/informational.js";
import { round } from "./stats.js";
import { replicaModel, replicaSize } from "../models/mp2013/replica.js";
import { readReplicaBase } from "../models/mp2013/replica-json.js";
import { DEFAULT_REPLICA } from "../models/mp2013/replica-default.js";

export interface SizeBenchRow {
  readonly types: number;
  readonly profiles: number;
  readonly exactMs: number;
  readonly scanMs: number | null;
  readonly floatMs: number;
  readonly agree: boolean;
}

export function sizeModel(K: number, seed: number, n = 3, S = 3): Mp2013Model {
  const rnd = mulberry32(seed);
  const profiles = K ** n;
  const w = Array.from({ length: S }, () => Array.from({ length: profiles }, () => 1 + Math.floor(rnd() * 50)));
  const tot = w.flat().reduce((a, b) => a + b, 0);
  return {
    types: Array.from({ length: n }, (_, i) => Array.from({ length: K }, (_, x) => `${String.fromCharCode(97 + i)}${x + 1}`)),
    states: Array.from({ length: S }, (_, s) => `s${s + 1}`),
    outcomes: ["c0", "c1"],
    prior: w.map((row) => row.map((x) => Q.of(x, tot))),
    values: Array.from({ length: n }, () => [Array.from({ length: S }, () => new Array(K).fill(Q.ZERO)), Array.from({ length: S }, (_, s) => new Array(K).fill(Q.of(s)))]),
    epsilon: null,
  };
}

function scanSize(m: Mp2013Model, i: number): Q {
  const d = derived(m);
  let best = Q.ZERO;
  for (let a = 0; a < d.sizes[i]!; a++)
    for (let b = 0; b < d.sizes[i]!; b++) {
      if (a === b) continue;
      const list = shifts(m, i, a, b, d);
      const cands = [Q.ZERO, ...list.map((s) => s.d)];
      for (const s of list) cands.push(list.filter((u) => u.d.ge(s.d)).reduce((acc, u) => acc.add(u.w), Q.ZERO));
      let min: Q | null = null;
      for (const e of cands) {
        const g = list.reduce((acc, s) => (s.d.gt(e) ? acc.add(s.w) : acc), Q.ZERO);
        if (g.le(e) && (min === null || e.lt(min))) min = e;
      }
      if (min!.gt(best)) best = min!;
    }
  return best;
}

function floatSize(m: Mp2013Model, i: number): number {
  const d = derived(m);
  let best = 0;
  for (let a = 0; a < d.sizes[i]!; a++)
    for (let b = 0; b < d.sizes[i]!; b++) {
      if (a === b) continue;
      const list = shifts(m, i, a, b, d).map((s) => ({ d: s.d.toNumber(), w: s.w.toNumber() })).sort((x, y) => y.d - x.d);
      let W = 0, v = list.length ? list[0]!.d : 0;
      for (let k = 0; k < list.length; k++) {
        W += list[k]!.w;
        v = Math.min(v, Math.max(k + 1 < list.length ? list[k + 1]!.d : 0, W));
      }
      best = Math.max(best, v);
    }
  return best;
}

const time = (f: () => void): number => {
  const t0 = performance.now();
  f();
  return round(performance.now() - t0, 1);
};

export function benchInformationalSize(seed: number, sizes: readonly number[] = [2, 3, 4, 5, 6, 8]): SizeBenchRow[] {
  return sizes.map((K) => {
    const m = sizeModel(K, seed + K);
    derived(m); // posteriors are the model's, not the algorithm's: built before timing
    let exact: Q[] = [], scan: Q[] = [];
    const exactMs = time(() => (exact = [0, 1, 2].map((i) => informationalSize(m, i).value)));
    const scanMs = K <= 5 ? time(() => (scan = [0, 1, 2].map((i) => scanSize(m, i)))) : null;
    const floatMs = time(() => [0, 1, 2].forEach((i) => floatSize(m, i)));
    return { types: K, profiles: K ** 3, exactMs, scanMs, floatMs, agree: scanMs === null || exact.every((x, i) => x.eq(scan[i]!)) };
  });
}

export interface ReplicaBenchRow {
  readonly r: number;
  /** |A|^r, written as a power when it is large. */
  readonly profiles: string;
  /** ν^{P^r} by count vectors (the shipped path). */
  readonly countMs: number;
  /** ν₀ of the full r-agent model through the general code (posteriors built inside the timing). */
  readonly fullMs: number | null;
  readonly agree: boolean | null;
}

/**
 * ν^{P^r} on the example replica base (examples/instances/mp2013-replica.json) as r grows: by count
 * vectors (C(r − 2 + |A|, |A| − 1) of them) against the full model's |A|^r profiles, same run.
 */
export function benchReplicaSize(rs: readonly number[] = [2, 4, 8, 12, 16, 64, 256]): ReplicaBenchRow[] {
  const b = readReplicaBase(DEFAULT_REPLICA);
  const A = b.signals.length;
  return rs.map((r) => {
    let count: Q = Q.ZERO, full: Q = Q.ZERO;
    const countMs = time(() => (count = replicaSize(b, r).value));
    const doFull = A ** r <= 1 << 16;
    const fullMs = doFull ? time(() => (full = informationalSize(replicaModel(b, r), 0).value)) : null;
    return { r, profiles: A ** r <= 1e9 ? String(A ** r) : `${A}^${r}`, countMs, fullMs, agree: doFull ? count.eq(full) : null };
  });
}
