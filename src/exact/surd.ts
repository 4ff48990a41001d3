/**
 * Exact sums of square roots: Σ c_k·√r_k with rational c_k and r_k > 0. mp2013's spherical scoring
 * rule z_i = ε·P(t₋ᵢ|tᵢ)/‖P(·|tᵢ)‖₂ and its variability Λ are of this form, and so is every sum the
 * proofs compare with them. Terms whose radicands differ by a rational square are merged, so the
 * remaining radicands are linearly independent over ℚ (Besicovitch): a sum is zero exactly when all
 * its coefficients are, and otherwise its sign is decided by certified bounds refined until they
 * separate from zero. Comparisons are therefore exact, never "inconclusive".
 */
import { InternalError } from "./errors.js";
import type { Json } from "./json.js";
import { Q } from "./rational.js";
import { exactSqrt, sqrtBounds } from "./sqrt.js";

interface Term {
  readonly coef: Q;
  readonly rad: Q;
}

const MAX_BITS = 1 << 15;

export class Surd {
  private constructor(private readonly terms: readonly Term[]) {}

  static readonly ZERO = new Surd([]);

  static of(x: Q): Surd {
    return x.isZero() ? Surd.ZERO : new Surd([{ coef: x, rad: Q.ONE }]);
  }

  /** c·√r (r ≥ 0). */
  static root(r: Q, c: Q = Q.ONE): Surd {
    if (r.sign() < 0) throw new RangeError(`square root of a negative number ${r}`);
    if (r.isZero() || c.isZero()) return Surd.ZERO;
    return Surd.ZERO.addTerm({ coef: c, rad: r });
  }

  /** c/√r (r > 0), stored as (c/r)·√r. */
  static invRoot(r: Q, c: Q = Q.ONE): Surd {
    if (r.sign() <= 0) throw new RangeError(`1/√r needs r > 0, got ${r}`);
    return Surd.root(r, c.div(r));
  }

  private addTerm(t: Term): Surd {
    if (t.coef.isZero()) return this;
    const own = exactSqrt(t.rad);
    const term = own !== null ? { coef: t.coef.mul(own), rad: Q.ONE } : t;
    const out: Term[] = [];
    let merged = false;
    for (const u of this.terms) {
      if (!merged) {
        const k = u.rad.eq(term.rad) ? Q.ONE : exactSqrt(term.rad.div(u.rad));
        if (k !== null) {
          merged = true;
          const c = u.coef.add(term.coef.mul(k));
          if (!c.isZero()) out.push({ coef: c, rad: u.rad });
          continue;
        }
      }
      out.push(u);
    }
    if (!merged) out.push(term);
    return new Surd(out);
  }

  add(o: Surd | Q): Surd {
    const s = o instanceof Surd ? o : Surd.of(o);
    let r: Surd = this;
    for (const t of s.terms) r = r.addTerm(t);
    return r;
  }

  sub(o: Surd | Q): Surd {
    return this.add(o instanceof Surd ? o.neg() : Surd.of(o.neg()));
  }

  scale(k: Q): Surd {
    return k.isZero() ? Surd.ZERO : new Surd(this.terms.map((t) => ({ coef: t.coef.mul(k), rad: t.rad })));
  }

  /** This times √k (k ≥ 0). */
  mulRoot(k: Q): Surd {
    let r = Surd.ZERO;
    for (const t of this.terms) r = r.add(Surd.root(t.rad.mul(k), t.coef));
    return r;
  }

  /** The product, term by term: (Σ a·√r)(Σ b·√s) = Σ ab·√(rs). */
  mul(o: Surd | Q): Surd {
    if (!(o instanceof Surd)) return this.scale(o);
    let r = Surd.ZERO;
    for (const t of o.terms) r = r.add(this.mulRoot(t.rad).scale(t.coef));
    return r;
  }

  neg(): Surd {
    return this.scale(Q.MINUS_ONE);
  }

  /** The value when it is rational, else null. */
  rational(): Q | null {
    if (this.terms.length === 0) return Q.ZERO;
    if (this.terms.length === 1 && this.terms[0]!.rad.eq(Q.ONE)) return this.terms[0]!.coef;
    return null;
  }

  /** Certified bounds lo ≤ value ≤ hi. */
  bounds(bits = 64): { lo: Q; hi: Q } {
    let lo = Q.ZERO, hi = Q.ZERO;
    for (const t of this.terms) {
      const b = sqrtBounds(t.rad, bits);
      const a = t.coef.mul(b.lo), c = t.coef.mul(b.hi);
      lo = lo.add(Q.min(a, c));
      hi = hi.add(Q.max(a, c));
    }
    return { lo, hi };
  }

  sign(): -1 | 0 | 1 {
    if (this.terms.length === 0) return 0;
    for (let bits = 64; bits <= MAX_BITS; bits *= 2) {
      const { lo, hi } = this.bounds(bits);
      if (lo.sign() > 0) return 1;
      if (hi.sign() < 0) return -1;
    }
    throw new InternalError(`the sign of ${this.toString()} was not decided at ${MAX_BITS} bits (its radicands should be independent)`);
  }

  cmp(o: Surd | Q): -1 | 0 | 1 {
    return this.sub(o).sign();
  }
  lt(o: Surd | Q): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Surd | Q): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Surd | Q): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Surd | Q): boolean {
    return this.cmp(o) >= 0;
  }

  static min(a: Surd, b: Surd): Surd {
    return a.le(b) ? a : b;
  }

  toNumber(): number {
    let s = 0;
    for (const t of this.terms) s += t.coef.toNumber() * Math.sqrt(t.rad.toNumber());
    return s;
  }

  /** "3/4 + 1/2·√(5/7)": the exact value, in the order the terms were met. */
  toString(): string {
    if (this.terms.length === 0) return "0";
    return this.terms
      .map((t, k) => {
        const c = t.rad.eq(Q.ONE) ? t.coef.abs().toString() : `${t.coef.abs().eq(Q.ONE) ? "" : `${t.coef.abs()}·`}√(${t.rad})`;
        const neg = t.coef.sign() < 0;
        return k === 0 ? (neg ? `-${c}` : c) : neg ? ` - ${c}` : ` + ${c}`;
      })
      .join("");
  }

  /** JSON form: exact terms plus a float for reading. */
  toJson(): Json {
    const b = this.bounds(64);
    return { exact: this.toString(), approx: this.toNumber().toPrecision(8), bounds: [b.lo.toString(), b.hi.toString()] };
  }
}
