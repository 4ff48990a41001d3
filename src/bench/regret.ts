/**
 * The exact regret of zhu2022 §2.4 and the reasonable-strategy event it induces (condition (1)):
 * N = 3 agents with full ternary trees (values 1/2, 1, 3/2; seeded small-integer weights), T = 2..6,
 * f(a) = a/(1 + a), q̄ = N, β = 1, the Theorem 1 window Ω*ⁿ (ω_avg = 1, x = 1/6), ε = 1/20.
 * "regret ms" computes Rⁿ_t at every node of every agent's tree to 1e-9 (certified or an open
 * interval); "event ms" decides condition (1) at every node lazily (bounds refined only until p·R
 * vs ε is decided) — the computation the target is about — and beside it the same event with the
 * float twin (regret-float.ts: same pairs, same search, doubles, no certificate). T = 6 exceeds the
 * others' support limit (reported, not run). The regret at every node is measured up to T = 3 only
 * (`treeUpTo`).
 */
import { Q } from "../exact/rational.js";
import { mulberry32 } from "../exact/prng.js";
import { makeModel } from "../models/single-resource/model.js";
import { saturating } from "../models/single-resource/project.js";
import { MAX_OTHER_PROFILES, regretContext, regretTree } from "../equilibrium/regret.js";
import { truthfulMassF } from "../equilibrium/regret-float.js";
import { regretBinding, truthfulMass } from "../equilibrium/regret-binding.js";
import { ternary } from "./probability.js";
import { round } from "./stats.js";

export interface RegretBenchRow {
  readonly T: number;
  readonly leavesPerAgent: number;
  /** null where the size is beyond the engine's input limit (both computations refuse it). */
  readonly eventMs: number | null;
  /** The same event with the float twin (regret-float.ts), same trees. */
  readonly floatMs: number | null;
  /** null where the every-node computation was left out (T > treeUpTo). */
  readonly regretMs: number | null;
  readonly nodes: number | null;
  readonly certified: number | null;
  readonly someoneLiesLo: string | null;
  readonly someoneLiesHi: string | null;
  readonly someoneLiesFloat: number | null;
  /** Why the row was not computed. */
  readonly skipped: string | null;
}

export function benchRegret(seed: number, Ts: readonly number[] = [2, 3, 4, 5, 6], N = 3, treeUpTo = 3): RegretBenchRow[] {
  return Ts.map((T) => {
    const rnd = mulberry32(seed + 100 + T);
    const model = makeModel({ N, T, beta: Q.ONE, qbar: Q.of(N), f: saturating(Q.ONE, Q.ONE) });
    const problem = { model, omegaStar: { kind: "window" as const, avg: Q.ONE, x: Q.of(1, 6) }, trees: Array.from({ length: N }, () => ternary(rnd, T, (k) => Q.of(k + 1, 2))) };
    const combos = (3 ** T) ** (N - 1);
    if (combos > MAX_OTHER_PROFILES) {
      const skipped = `the others' supports have ${combos} type combinations, over the engine's limit of ${MAX_OTHER_PROFILES} (each node's pairs would be ${3 ** T} continuations × up to ${Math.min(combos, 5 ** T)} others' totals)`;
      return { T, leavesPerAgent: 3 ** T, eventMs: null, floatMs: null, regretMs: null, nodes: null, certified: null, someoneLiesLo: null, someoneLiesHi: null, someoneLiesFloat: null, skipped };
    }
    const epsilon = Q.of(1, 20);
    const t0 = performance.now();
    const truthful = Array.from({ length: N }, (_, n) => truthfulMass(regretBinding(regretContext(problem, n), epsilon)));
    const eventMs = round(performance.now() - t0, 1);
    const t0f = performance.now();
    const truthfulF = Array.from({ length: N }, (_, n) => truthfulMassF(regretContext(problem, n), epsilon.toNumber()));
    const floatMs = round(performance.now() - t0f, 1);
    const lo = truthful.reduce((p, m) => p.mul(m.lo), Q.ONE), hi = truthful.reduce((p, m) => p.mul(m.hi), Q.ONE);
    const someone = { someoneLiesLo: Q.ONE.sub(hi).toString(), someoneLiesHi: Q.ONE.sub(lo).toString(), someoneLiesFloat: 1 - truthfulF.reduce((p, m) => p * m, 1) };
    const common = { T, leavesPerAgent: 3 ** T, eventMs, floatMs, skipped: null, ...someone };
    if (T > treeUpTo) return { ...common, regretMs: null, nodes: null, certified: null };
    const t1 = performance.now();
    const nodes = Array.from({ length: N }, (_, n) => regretTree(regretContext(problem, n))).flat();
    const regretMs = round(performance.now() - t1, 1);
    return { ...common, regretMs, nodes: nodes.length, certified: nodes.filter((nd) => nd.regret.status === "certified").length };
  });
}
