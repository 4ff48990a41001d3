/**
 * The experiments `mechcheck simulate` knows, built from the command line — in the main thread and,
 * identically, in every worker thread (simulate-worker.ts).
 */
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { saturating } from "../models/single-resource/project.js";
import type { Codec, Experiment } from "../simulate/experiment.js";
import { checkTheorem1Options, theorem1Codec, theorem1Experiment, type Theorem1Options, type Theorem1Paper } from "../simulate/theorem1.js";
import { theorem2Codec, theorem2Experiment, type Theorem2Options } from "../simulate/theorem2.js";
import { DEFAULT_KMODEL, kModelFromJson } from "../simulate/theorem2-input.js";
import { projectFromJson } from "../typespace/single-resource-json.js";
import { readJsonFile } from "./io.js";
import { REPLICA_SIMULATIONS, replicaOptions } from "./simulate-mp2013.js";
import { replicaCodec, replicaExperiment } from "../simulate/mp2013-replica.js";
import { theorem41Codec, theorem41Experiment } from "../simulate/bgs2019-theorem4.js";
import { BGS2019_SIMULATIONS, theorem41Options } from "./simulate-bgs2019.js";
import { parsePositiveInt, parseSeed } from "./options.js";
import { intList, onlyFlags, rational, type SimulateFlags } from "./simulate-flags.js";

export const SIMULATIONS = ["zhu2022.theorem1", "stylized.theorem1", "zhu2021.theorem2", ...REPLICA_SIMULATIONS, ...BGS2019_SIMULATIONS] as const;

const THEOREM1_ONLY = ["q", "f", "support", "stay"] as const;
const BGS2019_ONLY = ["betas", "xi", "horizon", "tau"] as const;
const REPLICA_ONLY = ["k"] as const;
const THEOREM2_ONLY = ["instance", "kappa", "sigma", "d", "c"] as const;

const isReplica = (id: string): boolean => (REPLICA_SIMULATIONS as readonly string[]).includes(id);

function known(id: string): void {
  if (!(SIMULATIONS as readonly string[]).includes(id)) throw new InputError("ID", `unknown experiment "${id}" (known: ${SIMULATIONS.join(", ")})`);
}

/** Theorem 1's options from the command line (a --project module must be registered first). */
export function simulateOptions(id: string, flags: SimulateFlags): Theorem1Options {
  known(id);
  if (id === "zhu2021.theorem2" || isReplica(id) || id.startsWith("bgs2019.")) throw new InputError("ID", `${id} has its own options`);
  onlyFlags(id, flags, BGS2019_ONLY, "bgs2019.theorem4.1 and bgs2019.proposition5.1");
  onlyFlags(id, flags, THEOREM2_ONLY, "zhu2021.theorem2");
  onlyFlags(id, flags, REPLICA_ONLY, "mp2013.lemmaB and mp2013.theorem3");
  const paper = id.split(".")[0] as Theorem1Paper;
  let f = saturating(Q.ONE, Q.ONE);
  if (flags.f !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(flags.f);
    } catch {
      throw new InputError("--f", `expected JSON such as '{"family":"saturating","k":"1","b":"1"}'`);
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new InputError("--f", "expected a JSON object");
    f = projectFromJson(raw as Record<string, unknown>, "--f");
  }
  const opts: Theorem1Options = {
    paper,
    sizes: intList(flags.sizes ?? "2,4,8,16,32", "--sizes"),
    runs: parsePositiveInt(flags.runs, "--runs") ?? 20,
    seed: parseSeed(flags.seed ?? "1"),
    q: rational(flags.q ?? "1", "--q"),
    f,
    support: (flags.support ?? "1/2,3/2").split(",").map((s) => rational(s.trim(), "--support")),
    stay: rational(flags.stay ?? "0", "--stay"),
    epsilon: rational(flags.epsilon ?? "1/100", "--epsilon"),
    tol: Q.of(1, 1_000_000_000),
  };
  checkTheorem1Options(opts);
  return opts;
}

/** zhu2021 Theorem 2's options: the 1-model from --instance (or the default), the sequence's parameters. */
export function theorem2Options(flags: SimulateFlags): Theorem2Options {
  onlyFlags("zhu2021.theorem2", flags, THEOREM1_ONLY, "zhu2022.theorem1 and stylized.theorem1");
  onlyFlags("zhu2021.theorem2", flags, REPLICA_ONLY, "mp2013.lemmaB and mp2013.theorem3");
  onlyFlags("zhu2021.theorem2", flags, BGS2019_ONLY, "bgs2019.theorem4.1 and bgs2019.proposition5.1");
  const base = flags.instance !== undefined ? kModelFromJson(readJsonFile(flags.instance, "--instance"), "instance") : kModelFromJson(DEFAULT_KMODEL, "default instance");
  if (flags.sigma !== undefined && !/^\d+$/.test(flags.sigma)) throw new InputError("--sigma", `must be an integer in 0..8 (got "${flags.sigma}")`);
  return {
    ...base,
    sizes: intList(flags.sizes ?? "2,4,8,16,32,64", "--sizes"),
    runs: parsePositiveInt(flags.runs, "--runs") ?? 20,
    seed: parseSeed(flags.seed ?? "1"),
    kappa: rational(flags.kappa ?? "1/2", "--kappa"),
    epsilon: rational(flags.epsilon ?? "1/100", "--epsilon"),
    sigma: Number(flags.sigma ?? "1"),
    ...(flags.d !== undefined ? { d: rational(flags.d, "--d") } : {}),
    ...(flags.c !== undefined ? { c: rational(flags.c, "--c") } : {}),
  };
}

/** An experiment with its codec, erased to what a worker thread needs. */
export interface Runnable {
  readonly experiment: Experiment<unknown, unknown, unknown>;
  readonly codec: Codec<unknown, unknown>;
}

export function experimentFor(id: string, flags: SimulateFlags): Runnable {
  known(id);
  if (id === "bgs2019.theorem4.1") return { experiment: theorem41Experiment(theorem41Options(flags)), codec: theorem41Codec } as unknown as Runnable;
  if (isReplica(id)) return { experiment: replicaExperiment(replicaOptions(id, flags)), codec: replicaCodec } as unknown as Runnable;
  if (id === "zhu2021.theorem2") return { experiment: theorem2Experiment(theorem2Options(flags)), codec: theorem2Codec } as unknown as Runnable;
  return { experiment: theorem1Experiment(simulateOptions(id, flags)), codec: theorem1Codec } as unknown as Runnable;
}
