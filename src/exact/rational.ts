/**
 * Exact rationals. Every quantity that decides a verdict in mechcheck is a `Q`.
 *
 * Representation: numerator/denominator as JS numbers while both are safe integers (the fast
 * path: the LP pivots of the knapsack stay here almost always), switching to BigInt the moment a
 * product or sum would leave the safe range, and switching back when a result fits again.
 * Always normalized: gcd(|n|, d) = 1, d > 0, zero is 0/1. Immutable.
 */

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function gcdNum(a: number, b: number): number {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Euclid on BigInts: the reference for gcdBig (and the finish once the numbers are small). */
export function gcdEuclid(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const LEHMER_MIN = 1n << 64n;

function bitLength(a: bigint): number {
  const f = Number(a);
  return f < Infinity ? Math.floor(Math.log2(f)) + 1 : a.toString(16).length * 4;
}

/**
 * gcd by Lehmer's method (Knuth, TAOCP 4.5.2, Algorithm L): the quotients of ~30 leading bits drive
 * the cofactors in doubles (exact: every quantity stays below 2^53), and one step of four BigInt
 * multiplications replaces a dozen BigInt divisions. Sums of exact rationals with unrelated
 * denominators spend most of their time here.
 */
export function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a < b) [a, b] = [b, a];
  while (b >= LEHMER_MIN) {
    const shift = BigInt(Math.max(0, bitLength(a) - 31));
    let x = Number(a >> shift), y = Number(b >> shift);
    let A = 1, B = 0, C = 0, D = 1;
    for (;;) {
      if (y + C === 0 || y + D === 0) break;
      const q = Math.floor((x + A) / (y + C));
      if (q !== Math.floor((x + B) / (y + D))) break;
      let t = A - q * C;
      A = C;
      C = t;
      t = B - q * D;
      B = D;
      D = t;
      t = x - q * y;
      x = y;
      y = t;
    }
    if (B === 0) {
      const t = a % b;
      a = b;
      b = t;
    } else {
      const t = BigInt(A) * a + BigInt(B) * b;
      b = BigInt(C) * a + BigInt(D) * b;
      a = t;
    }
  }
  return gcdEuclid(a, b);
}

/** Least common multiple of positive BigInts (common denominators). */
export const lcmBig = (a: bigint, b: bigint): bigint => (a / gcdBig(a, b)) * b;

const BIG_MAX_SAFE = BigInt(MAX_SAFE);

export class Q {
  /** Numerator and denominator when small (bn === undefined); otherwise unused (0, 1). */
  readonly n: number;
  readonly d: number;
  /** BigInt numerator and denominator when large. */
  readonly bn: bigint | undefined;
  readonly bd: bigint | undefined;

  private constructor(n: number, d: number, bn: bigint | undefined, bd: bigint | undefined) {
    this.n = n;
    this.d = d;
    this.bn = bn;
    this.bd = bd;
  }

  static readonly ZERO: Q = new Q(0, 1, undefined, undefined);
  static readonly ONE: Q = new Q(1, 1, undefined, undefined);
  static readonly MINUS_ONE: Q = new Q(-1, 1, undefined, undefined);
  static readonly HALF: Q = new Q(1, 2, undefined, undefined);

  /** Builds from already-reduced small parts (internal fast path). */
  private static small(n: number, d: number): Q {
    if (n === 0) return Q.ZERO;
    return new Q(n, d, undefined, undefined);
  }

  /** Normalizes a BigInt pair and drops back to the small form when it fits. */
  private static fromBig(n: bigint, d: bigint): Q {
    if (d === 0n) throw new RangeError("rational with zero denominator");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (n === 0n) return Q.ZERO;
    const g = gcdBig(n, d);
    if (g !== 1n) {
      n /= g;
      d /= g;
    }
    if (d <= BIG_MAX_SAFE && n <= BIG_MAX_SAFE && n >= -BIG_MAX_SAFE) {
      return new Q(Number(n), Number(d), undefined, undefined);
    }
    return new Q(0, 1, n, d);
  }

  /** A pair already in lowest terms with d > 0 (the callers prove it): no gcd, just the small form when it fits. */
  private static reducedBig(n: bigint, d: bigint): Q {
    if (n === 0n) return Q.ZERO;
    if (d <= BIG_MAX_SAFE && n <= BIG_MAX_SAFE && n >= -BIG_MAX_SAFE) return new Q(Number(n), Number(d), undefined, undefined);
    return new Q(0, 1, n, d);
  }

  /** Normalizes a pair of safe integers. */
  private static fromSmall(n: number, d: number): Q {
    if (d === 0) throw new RangeError("rational with zero denominator");
    if (d < 0) {
      n = -n;
      d = -d;
    }
    if (n === 0) return Q.ZERO;
    const g = gcdNum(n, d);
    return g === 1 ? new Q(n, d, undefined, undefined) : new Q(n / g, d / g, undefined, undefined);
  }

  /** An integer, or n/d, from safe integers or BigInts. Throws on a non-integer number. */
  static of(n: number | bigint, d: number | bigint = 1): Q {
    if (typeof n === "number" && typeof d === "number") {
      if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) {
        throw new RangeError(`Q.of needs safe integers, got ${n}/${d}`);
      }
      return Q.fromSmall(n, d);
    }
    const bn = typeof n === "bigint" ? n : Q.toBigInt(n);
    const bd = typeof d === "bigint" ? d : Q.toBigInt(d);
    return Q.fromBig(bn, bd);
  }

  private static toBigInt(x: number): bigint {
    if (!Number.isSafeInteger(x)) throw new RangeError(`Q.of needs safe integers, got ${x}`);
    return BigInt(x);
  }

  get isBig(): boolean {
    return this.bn !== undefined;
  }

  /** Numerator as BigInt. */
  get num(): bigint {
    return this.bn ?? BigInt(this.n);
  }

  /** Denominator as BigInt. */
  get den(): bigint {
    return this.bd ?? BigInt(this.d);
  }

  add(o: Q): Q {
    if (this.bn === undefined && o.bn === undefined) {
      const a = this.n, b = this.d, c = o.n, e = o.d;
      if (b === e) {
        const s = a + c;
        if (Number.isSafeInteger(s)) return b === 1 ? Q.small(s, 1) : Q.fromSmall(s, b);
      } else {
        const g = gcdNum(b, e);
        const b1 = b / g, e1 = e / g;
        const x = a * e1, y = c * b1, den = b * e1;
        if (Number.isSafeInteger(x) && Number.isSafeInteger(y) && Number.isSafeInteger(den)) {
          const s = x + y;
          if (Number.isSafeInteger(s)) return Q.fromSmall(s, den);
        }
      }
    }
    // Knuth, TAOCP 4.5.1: with g = gcd(b, d), (a·(d/g) + c·(b/g)) / (b·d/g) needs only the gcd of the
    // numerator with g — gcds on numbers half the size of the cross products (and none when g = 1)
    const a = this.num, b = this.den, c = o.num, d = o.den;
    const g = gcdBig(b, d);
    if (g === 1n) return Q.reducedBig(a * d + c * b, b * d);
    const bg = b / g, dg = d / g;
    const t = a * dg + c * bg;
    if (t === 0n) return Q.ZERO;
    const g2 = gcdBig(t, g);
    return g2 === 1n ? Q.reducedBig(t, bg * d) : Q.reducedBig(t / g2, bg * (d / g2));
  }

  sub(o: Q): Q {
    return this.add(o.neg());
  }

  mul(o: Q): Q {
    if (this.bn === undefined && o.bn === undefined) {
      if (this.n === 0 || o.n === 0) return Q.ZERO;
      const g1 = gcdNum(this.n, o.d), g2 = gcdNum(o.n, this.d);
      const n = (this.n / g1) * (o.n / g2);
      const d = (this.d / g2) * (o.d / g1);
      if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return Q.small(n, d);
    }
    // Knuth, TAOCP 4.5.1: cancel across (a with d, c with b) before multiplying; the product is then reduced
    const a = this.num, b = this.den, c = o.num, d = o.den;
    if (a === 0n || c === 0n) return Q.ZERO;
    const g1 = gcdBig(a, d), g2 = gcdBig(c, b);
    return Q.reducedBig((a / g1) * (c / g2), (b / g2) * (d / g1));
  }

  div(o: Q): Q {
    return this.mul(o.inv());
  }

  neg(): Q {
    if (this.bn === undefined) return this.n === 0 ? this : new Q(-this.n, this.d, undefined, undefined);
    return new Q(0, 1, -this.bn, this.bd);
  }

  inv(): Q {
    if (this.isZero()) throw new RangeError("division by zero");
    if (this.bn === undefined) {
      return this.n < 0 ? new Q(-this.d, -this.n, undefined, undefined) : new Q(this.d, this.n, undefined, undefined);
    }
    return Q.fromBig(this.den, this.num);
  }

  abs(): Q {
    return this.sign() < 0 ? this.neg() : this;
  }

  /** Integer power (negative exponents allowed for nonzero bases). */
  pow(k: number): Q {
    if (!Number.isInteger(k)) throw new RangeError("Q.pow needs an integer exponent");
    if (k < 0) return this.inv().pow(-k);
    let result: Q = Q.ONE;
    let base: Q = this;
    while (k > 0) {
      if (k & 1) result = result.mul(base);
      base = base.mul(base);
      k >>= 1;
    }
    return result;
  }

  sign(): -1 | 0 | 1 {
    if (this.bn === undefined) return this.n > 0 ? 1 : this.n < 0 ? -1 : 0;
    return this.bn > 0n ? 1 : -1;
  }

  isZero(): boolean {
    return this.bn === undefined && this.n === 0;
  }

  isInteger(): boolean {
    return this.bn === undefined ? this.d === 1 : this.bd === 1n;
  }

  cmp(o: Q): -1 | 0 | 1 {
    if (this.bn === undefined && o.bn === undefined) {
      if (this.d === o.d) return this.n < o.n ? -1 : this.n > o.n ? 1 : 0;
      const x = this.n * o.d, y = o.n * this.d;
      if (Number.isSafeInteger(x) && Number.isSafeInteger(y)) return x < y ? -1 : x > y ? 1 : 0;
    }
    const x = this.num * o.den, y = o.num * this.den;
    return x < y ? -1 : x > y ? 1 : 0;
  }

  eq(o: Q): boolean {
    if (this.bn === undefined && o.bn === undefined) return this.n === o.n && this.d === o.d;
    return this.num === o.num && this.den === o.den;
  }

  lt(o: Q): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Q): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Q): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Q): boolean {
    return this.cmp(o) >= 0;
  }

  /** Largest integer ≤ this. */
  floor(): Q {
    const n = this.num, d = this.den;
    let f = n / d;
    if (n < 0n && f * d !== n) f -= 1n;
    return Q.fromBig(f, 1n);
  }

  ceil(): Q {
    return this.neg().floor().neg();
  }

  /** Nearest float (for display and float oracles only; never for a verdict). */
  toNumber(): number {
    if (this.bn === undefined) return this.n / this.d;
    // Scale to keep precision when both parts exceed the double range.
    const n = this.bn, d = this.bd as bigint;
    const shift = BigInt(Math.max(0, Math.max(n.toString(2).length, d.toString(2).length) - 1000));
    return Number(n >> shift) / Number(d >> shift);
  }

  /** Canonical text: "a" or "a/b". */
  toString(): string {
    if (this.bn === undefined) return this.d === 1 ? String(this.n) : `${this.n}/${this.d}`;
    return this.bd === 1n ? String(this.bn) : `${this.bn}/${this.bd}`;
  }

  toJSON(): string {
    return this.toString();
  }

  /** Size of the representation in bits (numerator + denominator), used by shrinking/simplicity. */
  bitSize(): number {
    const bits = (x: bigint) => (x < 0n ? -x : x).toString(2).length;
    return bits(this.num) + bits(this.den);
  }

  static min(a: Q, b: Q): Q {
    return a.le(b) ? a : b;
  }
  static max(a: Q, b: Q): Q {
    return a.ge(b) ? a : b;
  }
}

/** Shorthand constructor: q(3), q(-7, 12), q("5/6"). Strings go through the strict parser. */
export function q(n: number | bigint | string, d?: number | bigint): Q {
  if (typeof n === "string") {
    if (d !== undefined) throw new RangeError("q(string) takes no denominator");
    return parseQ(n);
  }
  return Q.of(n, d ?? 1);
}

const RATIONAL_RE = /^\s*([+-]?\d+)(?:\s*\/\s*(\d+))?\s*$/;

/**
 * Parses "3", "-7/12", " 5 / 6 ". Decimal points, exponents, NaN and Infinity are rejected:
 * a decimal string is what a float prints, and mechcheck never guesses which rational was meant.
 * Throws a RangeError whose message states the rule; callers add the field name.
 */
export function parseQ(s: string): Q {
  const m = RATIONAL_RE.exec(s);
  if (!m) {
    if (/^\s*[+-]?(\d*\.\d+|\d+\.\d*|\d+(\.\d*)?[eE][+-]?\d+)\s*$/.test(s)) {
      throw new RangeError(`"${s}" is a decimal; write an exact rational such as "3/4" or "7"`);
    }
    throw new RangeError(`"${s}" is not a rational; expected an integer "a" or a fraction "a/b"`);
  }
  const n = BigInt(m[1] as string);
  const d = m[2] === undefined ? 1n : BigInt(m[2]);
  if (d === 0n) throw new RangeError(`"${s}" has a zero denominator`);
  return Q.of(n, d);
}

export function sum(xs: readonly Q[]): Q {
  if (xs.length > 8) return sumRange(xs, 0, xs.length);
  let s = Q.ZERO;
  for (const x of xs) s = s.add(x);
  return s;
}

/**
 * Pairwise (balanced) summation: with unrelated denominators a running total grows with every term,
 * so a left-to-right sum does n gcds on ever longer numbers; a balanced tree keeps both operands of
 * most additions short.
 */
function sumRange(xs: readonly Q[], from: number, to: number): Q {
  if (to - from <= 4) {
    let s = xs[from] as Q;
    for (let i = from + 1; i < to; i++) s = s.add(xs[i] as Q);
    return s;
  }
  const mid = (from + to) >> 1;
  return sumRange(xs, from, mid).add(sumRange(xs, mid, to));
}

export function minQ(xs: readonly Q[]): Q {
  if (xs.length === 0) throw new RangeError("minQ of an empty list");
  let m = xs[0] as Q;
  for (const x of xs) if (x.lt(m)) m = x;
  return m;
}

export function maxQ(xs: readonly Q[]): Q {
  if (xs.length === 0) throw new RangeError("maxQ of an empty list");
  let m = xs[0] as Q;
  for (const x of xs) if (x.gt(m)) m = x;
  return m;
}

/**
 * The largest dyadic ≤ v with about `bits` significant bits: a certified lower bound that is cheap
 * to add (sums of dyadics keep a power-of-2 denominator, where exact sums of unrelated denominators grow).
 */
export function floorDyadic(v: Q, bits: number): Q {
  const f = Math.abs(v.toNumber());
  if (!(f > 2 ** -900 && f < 2 ** 900)) return v.floor(); // still ≤ v
  const k = bits - Math.floor(Math.log2(f));
  const scale = k >= 0 ? Q.of(1n << BigInt(k)) : Q.of(1n, 1n << BigInt(-k));
  return v.mul(scale).floor().div(scale);
}

/** The smallest dyadic ≥ v with about `bits` significant bits (floorDyadic's mirror). */
export function ceilDyadic(v: Q, bits: number): Q {
  return floorDyadic(v.neg(), bits).neg();
}
