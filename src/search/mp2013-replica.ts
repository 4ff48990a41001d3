/**
 * Replica bases (§8) for the search: |Θ| and |A| in {2, 3}, priors from small weights, signal laws
 * either loose (weights 1..9) or sharp (one signal per state far likelier), so that informational
 * size falls fast enough in r for Theorem 3's closing inequality to bind within reach; payoffs on a
 * quarter grid with c₀ = "none"; ε on a 1/100 grid. Definition 6(a) is met by construction (full
 * support; equal signal laws are filtered out).
 */
import * as fc from "fast-check";
import { Q } from "../exact/rational.js";
import { replicaDerived, type ReplicaBase } from "../models/mp2013/replica.js";

const weights = (k: number, min: number, max: number) => fc.array(fc.integer({ min, max }), { minLength: k, maxLength: k });

const normalize = (w: readonly number[]): Q[] => {
  const t = w.reduce((a, b) => a + b, 0);
  return w.map((x) => Q.of(x, t));
};

/** One signal law per state: loose, or sharp on the state's own signal (state θ ↦ signal θ mod |A|). */
const laws = (S: number, A: number) =>
  fc.oneof(
    fc.array(weights(A, 1, 9), { minLength: S, maxLength: S }),
    fc.array(fc.tuple(weights(A, 1, 3), fc.integer({ min: 8, max: 40 })), { minLength: S, maxLength: S }).map((rows) => rows.map(([w, top], th) => w.map((x, a) => (a === th % A ? x + top : x)))),
  );

export function replicaBaseArb(opts: { readonly maxSignals?: number } = {}): fc.Arbitrary<ReplicaBase> {
  return fc
    .record({ S: fc.integer({ min: 2, max: 3 }), A: fc.integer({ min: 2, max: opts.maxSignals ?? 3 }), K: fc.integer({ min: 1, max: 2 }) })
    .chain(({ S, A, K }) =>
      fc.record({
        prior: weights(S, 1, 5),
        laws: laws(S, A),
        values: fc.array(fc.array(weights(A, 0, 4), { minLength: S, maxLength: S }), { minLength: K, maxLength: K }),
        eps: fc.integer({ min: 1, max: 50 }),
      }).map(({ prior, laws: ls, values, eps }): ReplicaBase => {
        const pTheta = normalize(prior);
        const joint = ls.map((w, th) => normalize(w).map((p) => p.mul(pTheta[th]!)));
        return {
          states: Array.from({ length: S }, (_, k) => `θ${k + 1}`),
          signals: Array.from({ length: A }, (_, k) => `s${k + 1}`),
          outcomes: ["none", ...Array.from({ length: K }, (_, k) => `c${k + 1}`)],
          joint,
          values: [Array.from({ length: S }, () => new Array<Q>(A).fill(Q.ZERO)), ...values.map((vc) => vc.map((row) => row.map((x) => Q.of(x, 4))))],
          epsilon: Q.of(eps, 100),
        };
      }),
    )
    .filter((b) => {
      const d = replicaDerived(b);
      return d.cond.every((row, th) => d.cond.every((row2, th2) => th2 <= th || row.some((p, a) => !p.eq(row2[a]!))));
    });
}
