/**
 * A deliberately naive textbook simplex for `max c·x, A x <= b, x >= 0` with b >= 0 (slack basis start):
 * entering column = largest positive objective coefficient (Dantzig's rule), leaving row = minimum ratio
 * with ties broken by the smallest basic-variable index. It exists only to show that this rule cycles on
 * Beale's example, which is what Bland's rule in src/lp/simplex.ts is there to prevent.
 */
import { Q } from "../../src/exact/rational.js";

export interface TextbookRun {
  status: "optimal" | "cycled" | "unbounded";
  /** Sorted basic index sets visited, starting with the slack basis. */
  bases: number[][];
}

export function dantzigSimplex(c: readonly Q[], A: readonly (readonly Q[])[], b: readonly Q[], maxPivots: number): TextbookRun {
  const n = c.length, m = A.length;
  // Tableau rows: [A I | b], objective row z_j = -c_j for structurals (maximize), 0 for slacks.
  const T = A.map((row, i) => [...row, ...Array.from({ length: m }, (_, k) => (k === i ? Q.ONE : Q.ZERO)), b[i] as Q]);
  const z = [...c.map((v) => v.neg()), ...Array.from({ length: m + 1 }, () => Q.ZERO)];
  const basis = Array.from({ length: m }, (_, i) => n + i);
  const key = () => [...basis].sort((x, y) => x - y);
  const bases = [key()];
  const seen = new Set([JSON.stringify(key())]);
  for (let it = 0; it < maxPivots; it++) {
    let col = -1;
    for (let j = 0; j < n + m; j++) if ((z[j] as Q).sign() < 0 && (col < 0 || (z[j] as Q).lt(z[col] as Q))) col = j;
    if (col < 0) return { status: "optimal", bases };
    let r = -1;
    let best: Q | undefined;
    for (let i = 0; i < m; i++) {
      const a = T[i]![col] as Q;
      if (a.sign() <= 0) continue;
      const ratio = (T[i]![n + m] as Q).div(a);
      if (best === undefined || ratio.lt(best) || (ratio.eq(best) && (basis[i] as number) < (basis[r] as number))) {
        best = ratio;
        r = i;
      }
    }
    if (r < 0) return { status: "unbounded", bases };
    const p = T[r]!;
    const inv = (p[col] as Q).inv();
    for (let j = 0; j <= n + m; j++) p[j] = (p[j] as Q).mul(inv);
    for (const other of [...T.filter((_, i) => i !== r), z]) {
      const f = other[col] as Q;
      if (f.isZero()) continue;
      for (let j = 0; j <= n + m; j++) other[j] = (other[j] as Q).sub(f.mul(p[j] as Q));
    }
    basis[r] = col;
    const k = JSON.stringify(key());
    bases.push(key());
    if (seen.has(k)) return { status: "cycled", bases };
    seen.add(k);
  }
  return { status: "cycled", bases };
}
