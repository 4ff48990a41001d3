/**
 * Certified rational bounds on e^z for rational z: lo ≤ e^z ≤ hi, as tight as requested. Needed
 * wherever a paper's bound is exponential (Hoeffding's tail 2e^{−z} in zhu2022 §3.5): a verdict is
 * decided only when these bounds decide it.
 *
 * For y ∈ [0, 1/2], the Taylor sum S_K(y) = Σ_{k ≤ K} y^k/k! satisfies S_K ≤ e^y ≤ S_K + 2y^{K+1}/(K+1)!
 * (the tail is y^{K+1}/(K+1)! · e^θ with e^θ < 2). Larger z is halved m times and the bounds
 * squared back (squaring is monotone on positives); after each step both ends are rounded outward
 * to a dyadic grid so the numbers stay small. Negative z: e^z = 1/e^{−z}, the ends swapped.
 */
import { Q } from "./rational.js";

export interface QInterval {
  readonly lo: Q;
  readonly hi: Q;
}

/** x rounded down / up to a multiple of 2^{−bits}. */
function down(x: Q, bits: number): Q {
  const s = Q.of(1n << BigInt(bits));
  return x.mul(s).floor().div(s);
}
function up(x: Q, bits: number): Q {
  const s = Q.of(1n << BigInt(bits));
  return x.mul(s).ceil().div(s);
}

/** Bounds on e^z with relative width about 2^{−bits} (bits ≥ 8). */
export function expBounds(z: Q, bits = 64): QInterval {
  if (z.sign() < 0) {
    const b = expBounds(z.neg(), bits);
    return { lo: b.hi.inv(), hi: b.lo.inv() };
  }
  if (z.isZero()) return { lo: Q.ONE, hi: Q.ONE };
  // Halve until y = z/2^m ≤ 1/2.
  let m = 0;
  let y = z;
  while (y.gt(Q.HALF)) {
    y = y.div(Q.of(2));
    m++;
  }
  // Working precision grows with the squarings (each may double the relative error).
  const work = bits + m + 8;
  let term = Q.ONE;
  let sumK = Q.ONE;
  let k = 0;
  const eps = Q.of(1n, 1n << BigInt(work));
  while (true) {
    k++;
    term = term.mul(y).div(Q.of(k));
    sumK = sumK.add(term);
    // Tail after K = k terms: ≤ 2·y^{k+1}/(k+1)! = 2·term·y/(k+1).
    const tail = term.mul(y).mul(Q.of(2)).div(Q.of(k + 1));
    if (tail.le(eps)) {
      let lo = down(sumK, work);
      let hi = up(sumK.add(tail), work);
      for (let i = 0; i < m; i++) {
        lo = down(lo.mul(lo), work);
        hi = up(hi.mul(hi), work);
      }
      return { lo, hi };
    }
  }
}
