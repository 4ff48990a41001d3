/**
 * A float guess at α*(u) (eq. (6)) for densities, where x ↦ xᵀu − φ(x) is smooth and concave on the
 * simplex (Proposition 2.3): Newton's method on the log-barrier problem
 *   max xᵀu − φ(x) + ε Σ log xᵢ  subject to Σx = 1,
 * with ε driven to 0. The barrier keeps x > 0, where φ is twice differentiable, and its curvature
 * ε/xᵢ² steadies the directions in which φ is flat near a face (for n ≥ 3, ∂φ/∂xᵢ ~ xᵢⁿ⁻¹ near 0).
 * Only a guess: α* places its exact cuts around it and certifies whatever it returns.
 */

/** Gaussian elimination with partial pivoting; null when singular. */
function solveDense(A: number[][], b: number[]): number[] | null {
  const k = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    if (!(Math.abs(M[p]![c]!) > 1e-300)) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      if (f !== 0) for (let j = c; j <= k; j++) M[r]![j]! -= f * M[c]![j]!;
    }
  }
  return M.map((r, i) => r[k]! / r[i]!);
}

/** ∇φ(x) and ∇²φ(x) at x > 0. */
export type Jet = (x: readonly number[]) => { s: number[]; H: number[][] };

/**
 * argmax of xᵀu − φ(x) over the face of the simplex where only the `free` coordinates may be positive
 * (default: all), given the jet of φ (its gradient is the support point).
 */
export function newtonArgmax(jet: Jet, u: readonly number[], free: readonly boolean[] = u.map(() => true)): number[] {
  const F = free.map((f, i) => (f ? i : -1)).filter((i) => i >= 0);
  if (F.length === 1) return u.map((_, i) => (i === F[0] ? 1 : 0));
  const sub = (v: readonly number[]) => F.map((i) => v[i]!);
  const full = (y: readonly number[]) => {
    const out = u.map(() => 0);
    F.forEach((i, k) => (out[i] = y[k]!));
    return out;
  };
  return full(barrierNewton((y) => {
    const J = jet(full(y));
    return { s: sub(J.s), H: F.map((i) => sub(J.H[i]!)) };
  }, sub(u)));
}

function barrierNewton(jet: Jet, u: readonly number[]): number[] {
  const n = u.length;
  let x = new Array<number>(n).fill(1 / n);
  const scale = 1 + Math.max(...u.map(Math.abs));
  const barrier = (y: readonly number[], s: readonly number[], eps: number) => y.reduce((a, yi, i) => a + yi * (u[i]! - s[i]!) + eps * Math.log(yi), 0);
  let J = jet(x);
  for (let eps = 1e-2 * scale; eps > 1e-17 * scale; eps /= 8) {
    for (let it = 0; it < 30; it++) {
      const G = u.map((ui, i) => ui - J.s[i]! + eps / x[i]!);
      const A = J.H.map((row, i) => [...row.map((h, k) => h + (i === k ? eps / (x[i]! * x[i]!) : 0)), 1]);
      A.push([...x.map(() => 1), 0]);
      const sol = solveDense(A, [...G, 0]);
      if (!sol) break;
      const d = sol.slice(0, n);
      const gain = d.reduce((a, di, i) => a + di * G[i]!, 0);
      // Close enough for this ε (the step is below the O(ε) the barrier optimum moves by), or no step left.
      if (!(gain > eps * eps) || Math.max(...d.map(Math.abs)) < 1e-15) break;
      // Stay strictly inside: at most 99% of the way to the nearest face, then backtrack.
      let t = 1;
      d.forEach((di, i) => {
        if (di < 0) t = Math.min(t, (-0.99 * x[i]!) / di);
      });
      const b0 = barrier(x, J.s, eps);
      // Near the optimum the objective's rounding noise exceeds the predicted gain: take the Newton step.
      const trusted = gain < 1e-10 * scale;
      let moved = false;
      for (let k = 0; k < 30; k++, t /= 2) {
        const y = x.map((xi, i) => xi + t * d[i]!);
        const tot = y.reduce((a, v) => a + v, 0);
        const yn = y.map((v) => v / tot);
        const Jy = jet(yn);
        if (trusted || barrier(yn, Jy.s, eps) >= b0 + 1e-4 * t * gain) {
          [x, J, moved] = [yn, Jy, true];
          break;
        }
      }
      if (!moved) break;
    }
  }
  return x;
}

/**
 * Float guesses at α*: the barrier optimum, and when some coordinates end up small, the optimum on the
 * face without them. A maximizer on a face where φ is flat (for n ≥ 3, ∂φ/∂xⱼ ~ xⱼⁿ⁻¹ near 0) is
 * approached by the barrier path only like ε^(1/n), too slowly for its rational coordinates to be
 * recognized; a frontier state ∇φ(a) with some aⱼ = 0 is such a case.
 */
export function newtonGuesses(jet: Jet, u: readonly number[]): number[][] {
  const x = newtonArgmax(jet, u);
  const keep = x.map((xi) => xi >= 1e-2);
  return keep.every(Boolean) || !keep.some(Boolean) ? [x] : [x, newtonArgmax(jet, u, keep)];
}
