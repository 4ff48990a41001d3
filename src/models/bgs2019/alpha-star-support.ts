/**
 * The support point of 𝒰 in direction x (§2.3, eq. (5)), u′ᵢ = E[vᵢ·1{i is the first agent with the
 * largest xⱼvⱼ}], by one sweep over the merged breakpoints of the weighted values xⱼvⱼ: on each
 * interval every CDF P(xⱼvⱼ ≤ t) is linear in t, so a density agent's share is an exact integral of a
 * polynomial, and a discrete agent's share is a sum over its support points. One code path runs in
 * exact rationals (cuts and bounds) and in doubles (the float search that only places the cuts).
 * φ(x) = xᵀu′ (the winner realizes maxᵢ xᵢvᵢ), so the same sweep gives φ.
 */
import { lcmBig, Q } from "../../exact/rational.js";
import { mean, type ValueDist } from "./distribution.js";

/** The arithmetic a sweep runs in. */
interface Field<T> {
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  cmp(a: T, b: T): number;
  of(q: Q): T;
  ofInt(k: number): T;
  isZero(a: T): boolean;
}

const EXACT: Field<Q> = {
  zero: Q.ZERO,
  one: Q.ONE,
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  cmp: (a, b) => a.cmp(b),
  of: (q) => q,
  ofInt: (k) => Q.of(k),
  isZero: (a) => a.isZero(),
};

const FLOAT: Field<number> = {
  zero: 0,
  one: 1,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  cmp: (a, b) => a - b,
  of: (q) => q.toNumber(),
  ofInt: (k) => k,
  isZero: (a) => a === 0,
};

/** One agent's distribution in the sweep's arithmetic: CDF pieces acc + slope·(v − from), or atoms. */
type Agent<T> =
  | { readonly kind: "density"; readonly mean: T; readonly pieces: readonly { readonly from: T; readonly to: T; readonly acc: T; readonly slope: T }[] }
  | { readonly kind: "discrete"; readonly mean: T; readonly points: readonly { readonly v: T; readonly p: T }[] };

/** The distributions converted once into a field (the float search calls the sweep many times). */
interface Prepared<T> {
  readonly field: Field<T>;
  readonly agents: readonly Agent<T>[];
}

function prepare<T>(F: Field<T>, ds: readonly ValueDist[]): Prepared<T> {
  const agents = ds.map((d): Agent<T> => {
    if (d.kind === "discrete") return { kind: "discrete", mean: F.of(mean(d)), points: d.points.map((x) => ({ v: F.of(x.v), p: F.of(x.p) })) };
    let acc = Q.ZERO;
    const pieces = d.pieces.map((x) => {
      const pc = { from: F.of(x.from), to: F.of(x.to), acc: F.of(acc), slope: F.of(x.p.div(x.to.sub(x.from))) };
      acc = acc.add(x.p);
      return pc;
    });
    return { kind: "density", mean: F.of(mean(d)), pieces };
  });
  return { field: F, agents };
}

/** P(xⱼvⱼ ≤ t) (strict: P(xⱼvⱼ < t)) for t ≥ 0. */
function cdfAt<T>(F: Field<T>, a: Agent<T>, xj: T, t: T, strict: boolean): T {
  if (F.isZero(xj)) return strict && F.cmp(t, F.zero) <= 0 ? F.zero : F.one;
  if (a.kind === "discrete") {
    let c = F.zero;
    for (const pt of a.points) {
      const s = F.cmp(F.mul(xj, pt.v), t);
      if (s < 0 || (s === 0 && !strict)) c = F.add(c, pt.p);
    }
    return c;
  }
  const v = F.div(t, xj);
  for (const pc of a.pieces) if (F.cmp(v, pc.to) < 0) return F.cmp(v, pc.from) <= 0 ? pc.acc : F.add(pc.acc, F.mul(pc.slope, F.sub(v, pc.from)));
  return F.one;
}

/** A commutative ring the density integrals run in: BigInt integers (exact) or doubles (the float search). */
interface Ring<T> {
  readonly zero: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  cmp(a: T, b: T): number;
  ofInt(k: number): T;
}

const BIG: Ring<bigint> = { zero: 0n, add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0), ofInt: (k) => BigInt(k) };
const DBL: Ring<number> = { zero: 0, add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, cmp: (a, b) => a - b, ofInt: (k) => k };

/**
 * Density agent j's CDF on its pieces as Gⱼ(t) = (ĉ0·xⱼ·M + ĉ1·τ)/(Eⱼ·xⱼ·M) in τ = M·t, with ĉ0 = E·(acc − slope·from),
 * ĉ1 = E·slope and Eⱼ a common denominator (exact: integers; floats: E = M = 1). Every interval then shares one
 * denominator per agent, and the sums run without any gcd.
 */
interface RingAgent<T> {
  readonly E: T;
  /** Breakpoints in τ units per unit of xⱼ (piece tops, or support points). */
  readonly tops: readonly T[];
  /** Per piece [ĉ0/(xⱼ·M) part, ĉ1]: the constant (times xⱼ·M at use) and the slope. */
  readonly c0: readonly T[];
  readonly c1: readonly T[];
  /** Discrete: E·P(v ≤ k-th support point) (the CDF is constant between atoms). */
  readonly cum: readonly T[];
  readonly density: boolean;
}

interface RingPrepared<T> {
  readonly R: Ring<T>;
  readonly M: T;
  readonly agents: readonly RingAgent<T>[];
}

/** The distributions as integers over common denominators (exact), or as doubles. */
function ringPrepare(ds: readonly ValueDist[], exact: true): RingPrepared<bigint>;
function ringPrepare(ds: readonly ValueDist[], exact: false): RingPrepared<number>;
function ringPrepare(ds: readonly ValueDist[], exact: boolean): RingPrepared<bigint> | RingPrepared<number> {
  let Mb = 1n;
  for (const d of ds) for (const b of d.kind === "discrete" ? d.points.map((x) => x.v) : d.pieces.map((x) => x.to)) Mb = lcmBig(Mb, b.den);
  const rows = ds.map((d) => {
    if (d.kind === "discrete") {
      let acc = Q.ZERO;
      const cum = d.points.map((x) => (acc = acc.add(x.p)));
      return { E: cum.reduce((e, c) => lcmBig(e, c.den), 1n), tops: d.points.map((x) => x.v), c0: [] as Q[], c1: [] as Q[], cum, density: false };
    }
    let acc = Q.ZERO;
    const c0: Q[] = [], c1: Q[] = [];
    for (const x of d.pieces) {
      const slope = x.p.div(x.to.sub(x.from));
      c0.push(acc.sub(slope.mul(x.from)));
      c1.push(slope);
      acc = acc.add(x.p);
    }
    return { E: [...c0, ...c1].reduce((e, c) => lcmBig(e, c.den), 1n), tops: d.pieces.map((x) => x.to), c0, c1, cum: [] as Q[], density: true };
  });
  const M = Q.of(Mb);
  if (exact) {
    const int = (q: Q): bigint => q.num; // integral by construction
    return {
      R: BIG,
      M: Mb,
      agents: rows.map((r) => {
        const E = Q.of(r.E);
        return { E: r.E, tops: r.tops.map((b) => int(b.mul(M))), c0: r.c0.map((c) => int(c.mul(E))), c1: r.c1.map((c) => int(c.mul(E))), cum: r.cum.map((c) => int(c.mul(E))), density: r.density };
      }),
    };
  }
  return {
    R: DBL,
    M: 1,
    agents: rows.map((r) => ({ E: 1, tops: r.tops.map((b) => b.toNumber()), c0: r.c0.map((c) => c.toNumber()), c1: r.c1.map((c) => c.toNumber()), cum: r.cum.map((c) => c.toNumber()), density: r.density })),
  };
}

/**
 * The density agents' shares xᵢ²·u′ᵢ·(common denominator), as numerators and denominators in the ring:
 * u′ᵢ = (1/xᵢ²) ∫ t·fᵢ(t/xᵢ)·Π_{j≠i} Gⱼ(t) dt over the merged breakpoints.
 */
function densityShares<T>(P: RingPrepared<T>, x: readonly T[], L: number): { num: T[]; den: T[] } {
  const { R, M, agents: A } = P;
  const n = A.length;
  const zero = R.zero, one = R.ofInt(1);
  const live = x.map((xj) => R.cmp(xj, zero) !== 0);
  const scale = A.map((a, j) => (live[j] ? R.mul(R.mul(a.E, x[j]!), M) : one)); // Eⱼ·xⱼ·M
  const bs: T[] = [zero];
  A.forEach((a, j) => {
    if (live[j]) for (const b of a.tops) bs.push(R.mul(x[j]!, b));
  });
  bs.sort((p, q) => R.cmp(p, q));
  const ptr = new Array<number>(n).fill(0);
  const num = A.map(() => zero);
  const c0 = new Array<T>(n), c1 = new Array<T>(n);
  const plo = new Array<T>(n + 2), phi = new Array<T>(n + 2);
  for (let k = 0; k + 1 < bs.length; k++) {
    const lo = bs[k]!, hi = bs[k + 1]!;
    if (R.cmp(lo, hi) === 0) continue;
    for (let j = 0; j < n; j++) {
      const a = A[j]!;
      if (!live[j]) {
        c0[j] = one;
        c1[j] = zero;
        continue;
      }
      while (ptr[j]! < a.tops.length && R.cmp(lo, R.mul(x[j]!, a.tops[ptr[j]!]!)) >= 0) ptr[j]!++;
      const l = ptr[j]!;
      if (a.density && l < a.tops.length) {
        c0[j] = R.mul(R.mul(a.c0[l]!, x[j]!), M);
        c1[j] = a.c1[l]!;
      } else {
        // Discrete: P(xⱼvⱼ ≤ lo), the l atoms at or below lo; past a density's top: 1.
        c0[j] = a.density || l === a.tops.length ? scale[j]! : l === 0 ? zero : R.mul(R.mul(a.cum[l - 1]!, x[j]!), M);
        c1[j] = zero;
      }
    }
    let powered = false;
    for (let i = 0; i < n; i++) {
      const a = A[i]!;
      if (!a.density || !live[i] || ptr[i]! >= a.tops.length) continue;
      if (!powered) {
        plo[0] = lo;
        phi[0] = hi;
        for (let m = 1; m <= n + 1; m++) {
          plo[m] = R.mul(plo[m - 1]!, lo);
          phi[m] = R.mul(phi[m - 1]!, hi);
        }
        powered = true;
      }
      // σ̂·τ·Π_{j≠i}(c0ⱼ + c1ⱼτ), then Σ_m C_m·(L/(m+1))·(hi^{m+1} − lo^{m+1}).
      let c: T[] = [zero, a.c1[ptr[i]!]!];
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const next = new Array<T>(c.length + 1).fill(zero);
        for (let m = 0; m < c.length; m++) {
          next[m] = R.add(next[m]!, R.mul(c[m]!, c0[j]!));
          next[m + 1] = R.add(next[m + 1]!, R.mul(c[m]!, c1[j]!));
        }
        c = next;
      }
      let acc = zero;
      for (let m = 0; m < c.length; m++) acc = R.add(acc, R.mul(R.mul(c[m]!, R.ofInt(L / (m + 1))), R.sub(phi[m]!, plo[m]!)));
      num[i] = R.add(num[i]!, acc);
    }
  }
  // Denominator: xᵢ²·M²·Eᵢ·Π_{j≠i}(Eⱼxⱼ M)·L.
  const den = A.map((a, i) => {
    let d = R.mul(R.mul(R.mul(x[i]!, x[i]!), R.mul(M, M)), R.mul(a.E, R.ofInt(L)));
    for (let j = 0; j < n; j++) if (j !== i) d = R.mul(d, scale[j]!);
    return d;
  });
  return { num, den };
}

/** lcm(1, …, k): clears the 1/(m+1) of ∫ τ^m. */
const lcmUpTo = (k: number): number => {
  let l = 1;
  for (let m = 2; m <= k; m++) l = Number(lcmBig(BigInt(l), BigInt(m)));
  return l;
};

/** The shares of agents who are not density agents bidding xᵢ > 0: discrete atoms, or a bid of 0. */
function atomShares<T>(P: Prepared<T>, x: readonly T[], s: T[]): void {
  const F = P.field, A = P.agents, n = A.length;
  A.forEach((a, i) => {
    if (a.kind === "density" && !F.isZero(x[i]!)) return;
    // Agents before i must lose outright, agents after i may tie (the lowest index wins ties).
    const win = (t: T): T => {
      let h = F.one;
      for (let j = 0; j < n && !F.isZero(h); j++) if (j !== i) h = F.mul(h, cdfAt(F, A[j]!, x[j]!, t, j < i));
      return h;
    };
    if (F.isZero(x[i]!)) s[i] = F.mul(a.mean, win(F.zero));
    else if (a.kind === "discrete") s[i] = a.points.reduce((acc, pt) => F.add(acc, F.mul(F.mul(pt.p, pt.v), win(F.mul(x[i]!, pt.v)))), F.zero);
  });
}

/**
 * atomShares in doubles, specialized: each agent's bids xᵢv ascend with v, so every other agent's CDF
 * is read off by a pointer that only moves forward (the float Kelley search calls this per iterate).
 */
function atomSharesFloat(P: Prepared<number>, x: readonly number[], s: number[]): void {
  const A = P.agents, n = A.length;
  const ptr = new Array<number>(n), acc = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const a = A[i]!;
    if (a.kind === "density" && x[i] !== 0) continue;
    const bids = x[i] === 0 ? [{ b: 0, w: a.mean }] : a.kind === "discrete" ? a.points.map((pt) => ({ b: x[i]! * pt.v, w: pt.p * pt.v })) : [];
    ptr.fill(0);
    acc.fill(0);
    let total = 0;
    for (const { b, w } of bids) {
      let h = 1;
      for (let j = 0; j < n && h !== 0; j++) {
        if (j === i) continue;
        const aj = A[j]!, xj = x[j]!;
        // Agents before i must lose outright, agents after i may tie (the lowest index wins ties).
        if (xj === 0) h *= j < i && b <= 0 ? 0 : 1;
        else if (aj.kind === "density") h *= cdfAt(FLOAT, aj, xj, b, false);
        else {
          while (ptr[j]! < aj.points.length && (j < i ? xj * aj.points[ptr[j]!]!.v < b : xj * aj.points[ptr[j]!]!.v <= b)) acc[j]! += aj.points[ptr[j]!++]!.p;
          h *= acc[j]!;
        }
      }
      total += w * h;
    }
    s[i] = total;
  }
}

/** Both representations of one instance, built once per α* call. */
export interface SupportOracle {
  exact(x: readonly Q[]): Q[];
  float(x: readonly number[]): number[];
  /** Densities only, x > 0: u′(x) and ∇²φ(x) in doubles. */
  jet(x: readonly number[]): { s: number[]; H: number[][] };
}

export function supportOracle(ds: readonly ValueDist[]): SupportOracle {
  const PE = prepare(EXACT, ds), PF = prepare(FLOAT, ds);
  const RE = ringPrepare(ds, true), RF = ringPrepare(ds, false);
  const L = lcmUpTo(ds.length + 1);
  const hasDensity = ds.some((d) => d.kind === "density");
  return {
    exact(x) {
      const a = integerDirection(x);
      const s = ds.map(() => Q.ZERO);
      if (hasDensity) {
        const { num, den } = densityShares(RE, a.map((ai) => ai.num), L);
        ds.forEach((d, i) => {
          if (d.kind === "density" && !a[i]!.isZero()) s[i] = Q.of(num[i]!, den[i]!);
        });
      }
      atomShares(PE, a, s);
      return s;
    },
    float(x) {
      const s = ds.map(() => 0);
      if (hasDensity) {
        const { num, den } = densityShares(RF, x, L);
        ds.forEach((d, i) => {
          if (d.kind === "density" && x[i] !== 0) s[i] = num[i]! / den[i]!;
        });
      }
      atomSharesFloat(PF, x, s);
      return s;
    },
    jet: (x) => densityJet(PF, x),
  };
}

/** The lcm of x's denominators. */
export const commonDenominator = (x: readonly Q[]): bigint => x.reduce((D, xi) => lcmBig(D, xi.den), 1n);

/** x scaled by the lcm of its denominators: same support point (it depends on x only up to scale), small integers. */
function integerDirection(x: readonly Q[]): Q[] {
  const scale = Q.of(commonDenominator(x));
  return x.map((xi) => xi.mul(scale));
}

/**
 * Densities only, in doubles: u′(x) = ∇φ(x) and the Hessian ∇²φ(x) in one sweep. For i ≠ k only
 * Gₖ(t) = Fₖ(t/xₖ) depends on xₖ, so ∂u′ᵢ/∂xₖ = −(1/(xᵢ²xₖ²)) ∫ t² fᵢ(t/xᵢ) fₖ(t/xₖ) Π_{j≠i,k} Gⱼ(t) dt;
 * the diagonal follows from ∇²φ(x)·x = 0 (φ is homogeneous of degree 1). An agent with xⱼ = 0 bids 0
 * and never wins (Gⱼ = 1); its row and column are left at 0.
 */
function densityJet(P: Prepared<number>, x: readonly number[]): { s: number[]; H: number[][] } {
  const A = P.agents, n = A.length;
  const s = new Array<number>(n).fill(0);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const bs: number[] = [0];
  A.forEach((a, j) => {
    if (a.kind === "density" && x[j]! > 0) for (const pc of a.pieces) bs.push(x[j]! * pc.to);
  });
  bs.sort((p, q) => p - q);
  const ptr = new Array<number>(n).fill(0);
  const g0 = new Array<number>(n), g1 = new Array<number>(n), f = new Array<number>(n);
  const c = new Float64Array(n + 1), dp = new Float64Array(n + 3);
  // ∫_lo^hi t^m Π_{j ∉ {i, k}} (g0ⱼ + g1ⱼt) dt, with dp[e] = (hi^e − lo^e)/e.
  const moment = (m: number, i: number, k: number): number => {
    c.fill(0);
    c[0] = 1;
    let deg = 0;
    for (let j = 0; j < n; j++) {
      if (j === i || j === k) continue;
      for (let e = deg; e >= 0; e--) {
        c[e + 1]! += c[e]! * g1[j]!;
        c[e] = c[e]! * g0[j]!;
      }
      deg++;
    }
    let acc = 0;
    for (let e = 0; e <= deg; e++) acc += c[e]! * dp[e + m + 1]!;
    return acc;
  };
  for (let q = 0; q + 1 < bs.length; q++) {
    const lo = bs[q]!, hi = bs[q + 1]!;
    if (hi <= lo) continue;
    A.forEach((a, j) => {
      if (a.kind !== "density") return;
      if (!(x[j]! > 0)) return void ([g0[j], g1[j], f[j]] = [1, 0, 0]);
      while (ptr[j]! < a.pieces.length && lo >= x[j]! * a.pieces[ptr[j]!]!.to) ptr[j]!++;
      const pc = a.pieces[ptr[j]!];
      [g0[j], g1[j], f[j]] = pc ? [pc.acc - pc.slope * pc.from, pc.slope / x[j]!, pc.slope] : [1, 0, 0];
    });
    let pl = 1, ph = 1;
    for (let e = 1; e < n + 3; e++) {
      pl *= lo;
      ph *= hi;
      dp[e] = (ph - pl) / e;
    }
    for (let i = 0; i < n; i++) {
      if (f[i] === 0) continue;
      s[i]! += f[i]! * moment(1, i, i);
      for (let k = i + 1; k < n; k++) if (f[k] !== 0) H[i]![k]! -= f[i]! * f[k]! * moment(2, i, k);
    }
  }
  for (let i = 0; i < n; i++) {
    if (!(x[i]! > 0)) continue;
    s[i]! /= x[i]! * x[i]!;
    for (let k = i + 1; k < n; k++) if (x[k]! > 0) H[k]![i] = H[i]![k]! /= x[i]! * x[i]! * x[k]! * x[k]!;
  }
  for (let i = 0; i < n; i++) if (x[i]! > 0) H[i]![i] = -H[i]!.reduce((acc, h, k) => (k === i ? acc : acc + h * x[k]!), 0) / x[i]!;
  return { s, H };
}
