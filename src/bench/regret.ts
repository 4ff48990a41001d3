/**
 * The exact regret of zhu2022 §2.4 and the reasonable-strategy event it induces (condition (1)):
 * N = 3 agents with full ternary trees (values 1/2, 1, 3/2; seeded small-integer weights), T = 2..5,
 * f(a) = a/(1 + a), q̄ = N, β = 1, the Theorem 1 window Ω*ⁿ (ω_avg = 1, x = 1/6), ε = 1/20.
 * "regret ms" computes Rⁿ_t at every node of every agent's tree to 1e-9 (certified or an open
 * interval); "event ms" decides condition (1) at every node lazily (bounds refined only until p·R
 * vs ε is decided) — the computation the target is about. T = 6 exceeds the others' support limit.
 * The default run measures the event at T = 2..4 and the regret at every node up to T = 3 only
 * (about 25 s at T = 4: `treeUpTo`).
 */
import { Q } from "../exact/rational.js";
import { mulberry32 } from "../exact/prng.js";
import { makeModel } from "../models/single-resource/model.js";
import { saturating } from "../models/single-resource/project.js";
import { regretContext, regretTree } from "../equilibrium/regret.js";
import { regretBinding, truthfulMass } from "../equilibrium/regret-binding.js";
import { ternary } from "./probability.js";
import { round } from "./stats.js";

export interface RegretBenchRow {
  readonly T: number;
  readonly leavesPerAgent: number;
  readonly eventMs: number;
  /** null where the every-node computation was left out (T > treeUpTo). */
  readonly regretMs: number | null;
  readonly nodes: number | null;
  readonly certified: number | null;
  readonly someoneLiesLo: string;
  readonly someoneLiesHi: string;
}

export function benchRegret(seed: number, Ts: readonly number[] = [2, 3, 4], N = 3, treeUpTo = 3): RegretBenchRow[] {
  return Ts.map((T) => {
    const rnd = mulberry32(seed + 100 + T);
    const model = makeModel({ N, T, beta: Q.ONE, qbar: Q.of(N), f: saturating(Q.ONE, Q.ONE) });
    const problem = { model, omegaStar: { kind: "window" as const, avg: Q.ONE, x: Q.of(1, 6) }, trees: Array.from({ length: N }, () => ternary(rnd, T, (k) => Q.of(k + 1, 2))) };
    const epsilon = Q.of(1, 20);
    const t0 = performance.now();
    const truthful = Array.from({ length: N }, (_, n) => truthfulMass(regretBinding(regretContext(problem, n), epsilon)));
    const eventMs = round(performance.now() - t0, 1);
    const lo = truthful.reduce((p, m) => p.mul(m.lo), Q.ONE), hi = truthful.reduce((p, m) => p.mul(m.hi), Q.ONE);
    const someone = { someoneLiesLo: Q.ONE.sub(hi).toString(), someoneLiesHi: Q.ONE.sub(lo).toString() };
    if (T > treeUpTo) return { T, leavesPerAgent: 3 ** T, eventMs, regretMs: null, nodes: null, certified: null, ...someone };
    const t1 = performance.now();
    const nodes = Array.from({ length: N }, (_, n) => regretTree(regretContext(problem, n))).flat();
    const regretMs = round(performance.now() - t1, 1);
    return { T, leavesPerAgent: 3 ** T, eventMs, regretMs, nodes: nodes.length, certified: nodes.filter((nd) => nd.regret.status === "certified").length, ...someone };
  });
}
