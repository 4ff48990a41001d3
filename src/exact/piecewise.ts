/**
 * Piecewise polynomials on [0, ∞) with rational breakpoints and coefficients: the CDFs of discrete
 * and piecewise-uniform distributions, their products (the CDF of a maximum of independent
 * variables) and exact integrals. A function is 0 before `start`, given on consecutive pieces
 * [lo, hi) from `start` on, and the constant `tail` after the last piece; values at breakpoints are
 * right-continuous, and the left limit is available separately (discrete CDFs jump there).
 */
import { Q } from "./rational.js";

/** c[0] + c[1]·t + … on [lo, hi). */
export interface Piece {
  readonly lo: Q;
  readonly hi: Q;
  readonly c: readonly Q[];
}

export class PiecewisePoly {
  constructor(
    readonly start: Q,
    readonly pieces: readonly Piece[],
    readonly tail: Q,
  ) {}

  static constant(x: Q): PiecewisePoly {
    return new PiecewisePoly(Q.ZERO, [], x);
  }

  /** The right-continuous value at t ≥ 0. */
  at(t: Q): Q {
    if (t.lt(this.start)) return Q.ZERO;
    for (const p of this.pieces) if (t.lt(p.hi)) return evalPoly(p.c, t);
    return this.tail;
  }

  /** The left limit at t (0 at and before `start`: the function is 0 on (−∞, start)). */
  leftAt(t: Q): Q {
    if (t.le(this.start)) return Q.ZERO;
    for (const p of this.pieces) if (t.le(p.hi)) return evalPoly(p.c, t);
    return this.tail;
  }

  /** x ↦ f(x/a) for a > 0: breakpoints times a, the k-th coefficient over a^k. */
  stretch(a: Q): PiecewisePoly {
    return new PiecewisePoly(
      this.start.mul(a),
      this.pieces.map((p) => {
        let s = Q.ONE;
        const c = p.c.map((x) => {
          const y = x.div(s);
          s = s.mul(a);
          return y;
        });
        return { lo: p.lo.mul(a), hi: p.hi.mul(a), c };
      }),
      this.tail,
    );
  }

  /** The breakpoints, ascending. */
  breaks(): Q[] {
    const out: Q[] = [this.start];
    for (const p of this.pieces) {
      if (out.length === 0 || !out[out.length - 1]!.eq(p.lo)) out.push(p.lo);
      out.push(p.hi);
    }
    return out;
  }

  /** The polynomial in force on [lo, hi) ⊆ one piece of this function (or the tail). */
  polyOn(lo: Q, hi: Q): readonly Q[] {
    if (hi.le(this.start)) return [Q.ZERO];
    for (const p of this.pieces) if (lo.ge(p.lo) && hi.le(p.hi)) return p.c;
    return [this.tail];
  }

  /** Pointwise product, on the common refinement of the breakpoints. */
  mul(o: PiecewisePoly): PiecewisePoly {
    const bs = mergeBreaks(this.breaks(), o.breaks());
    const pieces: Piece[] = [];
    for (let k = 0; k + 1 < bs.length; k++) {
      const lo = bs[k]!, hi = bs[k + 1]!;
      pieces.push({ lo, hi, c: mulPoly(this.polyOn(lo, hi), o.polyOn(lo, hi)) });
    }
    const start = Q.max(this.start, o.start);
    return new PiecewisePoly(start, pieces.filter((p) => p.lo.ge(start)), this.tail.mul(o.tail));
  }

  /**
   * t ↦ ∫_start^t f on [start, upTo] (upTo beyond the last breakpoint): a piecewise polynomial of one
   * degree more; the constant tail of f becomes one linear piece up to `upTo`, constant after it.
   */
  antiderivative(upTo: Q): PiecewisePoly {
    let acc = Q.ZERO;
    const primitive = (c: readonly Q[], lo: Q, hi: Q): Piece => {
      const prim = [Q.ZERO, ...c.map((x, k) => x.div(Q.of(k + 1)))];
      prim[0] = acc.sub(evalPoly(prim, lo));
      acc = acc.add(integratePoly(c, lo, hi));
      return { lo, hi, c: prim };
    };
    const pieces = this.pieces.map((p) => primitive(p.c, p.lo, p.hi));
    const end = this.pieces.length ? this.pieces[this.pieces.length - 1]!.hi : this.start;
    if (upTo.gt(end)) pieces.push(primitive([this.tail], end, upTo));
    return new PiecewisePoly(this.start, pieces, acc);
  }

  /** ∫_a^b f(t)·g(t) dt, g a polynomial (default 1), over [a, b] with b finite. */
  integrate(a: Q, b: Q, g: readonly Q[] = [Q.ONE]): Q {
    const bs = mergeBreaks(this.breaks(), [a, b]).filter((x) => x.ge(a) && x.le(b));
    let s = Q.ZERO;
    for (let k = 0; k + 1 < bs.length; k++) s = s.add(integratePoly(mulPoly(this.polyOn(bs[k]!, bs[k + 1]!), g), bs[k]!, bs[k + 1]!));
    return s;
  }
}

export function evalPoly(c: readonly Q[], t: Q): Q {
  let s = Q.ZERO;
  for (let k = c.length - 1; k >= 0; k--) s = s.mul(t).add(c[k]!);
  return s;
}

export function mulPoly(a: readonly Q[], b: readonly Q[]): Q[] {
  const out = new Array<Q>(a.length + b.length - 1).fill(Q.ZERO);
  a.forEach((x, i) => {
    if (!x.isZero()) b.forEach((y, j) => (out[i + j] = out[i + j]!.add(x.mul(y))));
  });
  return out;
}

/** ∫_a^b Σ c_k t^k dt. */
export function integratePoly(c: readonly Q[], a: Q, b: Q): Q {
  let s = Q.ZERO;
  let pa = a, pb = b;
  c.forEach((x, k) => {
    if (!x.isZero()) s = s.add(x.mul(pb.sub(pa)).div(Q.of(k + 1)));
    pa = pa.mul(a);
    pb = pb.mul(b);
  });
  return s;
}

function mergeBreaks(a: readonly Q[], b: readonly Q[]): Q[] {
  const all = [...a, ...b].sort((x, y) => x.cmp(y));
  const out: Q[] = [];
  for (const x of all) if (out.length === 0 || !out[out.length - 1]!.eq(x)) out.push(x);
  return out;
}
