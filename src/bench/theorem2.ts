/**
 * How the zhu2021 Theorem 2 simulation's cost grows with k: one run of the default 1-model per k,
 * in this thread, with the share spent in the exact linked minima (the part whose cost grows with
 * T[k]: a branch and bound over the dates) beside the rest (Properties I and II, Lemma 6, surplus).
 */
import { linkedTransferDetails } from "../mechanisms/zhu2021/linked.js";
import { agentPath, assumption1, kSetup, theorem2Run, type Theorem2Options } from "../simulate/theorem2.js";
import { DEFAULT_KMODEL, kModelFromJson } from "../simulate/theorem2-input.js";
import { Q } from "../exact/rational.js";

export interface Theorem2GrowthRow {
  readonly k: number;
  readonly T: number;
  /** One whole run (ms). */
  readonly runMs: number;
  /** Of which: the k exact linked minima (ms). */
  readonly linkedMs: number;
}

export function benchTheorem2Growth(ks: readonly number[], seed: number): Theorem2GrowthRow[] {
  const o: Theorem2Options = { ...kModelFromJson(DEFAULT_KMODEL), sizes: ks, runs: 1, seed, kappa: Q.of(1, 2), epsilon: Q.of(1, 100), sigma: 1 };
  const a1 = assumption1(o);
  return ks.map((k) => {
    const setup = kSetup(o, a1, k);
    let t0 = performance.now();
    theorem2Run(o, setup, 0);
    const runMs = Math.round(performance.now() - t0);
    const mu = Array.from({ length: k }, (_, n) => agentPath(o, 0, n, setup.T));
    t0 = performance.now();
    linkedTransferDetails(setup.model, mu, "ord");
    return { k, T: setup.T, runMs, linkedMs: Math.round(performance.now() - t0) };
  });
}
