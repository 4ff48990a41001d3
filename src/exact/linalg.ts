/** Exact vectors and matrices over Q (plain readonly arrays, pure functions). */
import { Q } from "./rational.js";

export type Vec = readonly Q[];
export type Mat = readonly (readonly Q[])[];

export function zeros(n: number): Q[] {
  return Array.from({ length: n }, () => Q.ZERO);
}

export function dot(u: Vec, v: Vec): Q {
  if (u.length !== v.length) throw new RangeError(`dot: lengths ${u.length} and ${v.length}`);
  let s = Q.ZERO;
  for (let i = 0; i < u.length; i++) {
    const a = u[i] as Q;
    if (a.isZero()) continue;
    s = s.add(a.mul(v[i] as Q));
  }
  return s;
}

export function vadd(u: Vec, v: Vec): Q[] {
  return u.map((x, i) => x.add(v[i] as Q));
}

export function vsub(u: Vec, v: Vec): Q[] {
  return u.map((x, i) => x.sub(v[i] as Q));
}

export function vscale(c: Q, u: Vec): Q[] {
  return u.map((x) => c.mul(x));
}

export function vequal(u: Vec, v: Vec): boolean {
  return u.length === v.length && u.every((x, i) => x.eq(v[i] as Q));
}

/** u ≤ v componentwise. */
export function vle(u: Vec, v: Vec): boolean {
  return u.every((x, i) => x.le(v[i] as Q));
}

/** ‖u‖∞ */
export function normInf(u: Vec): Q {
  let m = Q.ZERO;
  for (const x of u) {
    const a = x.abs();
    if (a.gt(m)) m = a;
  }
  return m;
}

export function matVec(a: Mat, x: Vec): Q[] {
  return a.map((row) => dot(row, x));
}

export function transpose(a: Mat): Q[][] {
  if (a.length === 0) return [];
  const cols = (a[0] as readonly Q[]).length;
  return Array.from({ length: cols }, (_, j) => a.map((row) => row[j] as Q));
}

/**
 * Row-reduces a copy of `a` (Gauss–Jordan, exact). Returns the reduced matrix and pivot columns.
 */
export function rref(a: Mat): { m: Q[][]; pivots: number[] } {
  const m = a.map((row) => row.slice());
  const rows = m.length;
  const cols = rows === 0 ? 0 : (m[0] as Q[]).length;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < cols && r < rows; c++) {
    let p = -1;
    for (let i = r; i < rows; i++) {
      if (!(m[i] as Q[])[c]!.isZero()) {
        p = i;
        break;
      }
    }
    if (p < 0) continue;
    [m[r], m[p]] = [m[p] as Q[], m[r] as Q[]];
    const pr = m[r] as Q[];
    const inv = (pr[c] as Q).inv();
    for (let j = c; j < cols; j++) pr[j] = (pr[j] as Q).mul(inv);
    for (let i = 0; i < rows; i++) {
      if (i === r) continue;
      const row = m[i] as Q[];
      const f = row[c] as Q;
      if (f.isZero()) continue;
      for (let j = c; j < cols; j++) row[j] = (row[j] as Q).sub(f.mul(pr[j] as Q));
    }
    pivots.push(c);
    r++;
  }
  return { m, pivots };
}

export function rank(a: Mat): number {
  return rref(a).pivots.length;
}

/** Solves A x = b for square nonsingular A; returns undefined when A is singular. */
export function solve(a: Mat, b: Vec): Q[] | undefined {
  const n = a.length;
  const aug = a.map((row, i) => [...row, b[i] as Q]);
  const { m, pivots } = rref(aug);
  if (pivots.length !== n || pivots[n - 1] === n) return undefined;
  return m.map((row) => row[n] as Q);
}

/** Inverse of a square matrix, or undefined when singular. */
export function inverse(a: Mat): Q[][] | undefined {
  const n = a.length;
  const aug = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? Q.ONE : Q.ZERO))]);
  const { m, pivots } = rref(aug);
  if (pivots.length < n || pivots[n - 1] !== n - 1) return undefined;
  return m.map((row) => row.slice(n));
}

/**
 * A basis of the null space {x : A x = 0} (columns of A are the variables).
 */
export function nullSpace(a: Mat, cols: number): Q[][] {
  const { m, pivots } = rref(a);
  const free = [];
  for (let c = 0; c < cols; c++) if (!pivots.includes(c)) free.push(c);
  return free.map((f) => {
    const x = zeros(cols);
    x[f] = Q.ONE;
    pivots.forEach((pc, r) => {
      x[pc] = ((m[r] as Q[])[f] as Q).neg();
    });
    return x;
  });
}
