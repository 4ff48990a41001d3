/**
 * Argument parsing and dispatch only; every command is a thin call into the layers below.
 * Exit codes: 0 as expected, 1 a claim did not meet its expectation / a violation, 2 bad usage or
 * input (one line on stderr naming the field and the rule; nothing written).
 */
import { Command, CommanderError } from "commander";
import { InputError } from "../exact/errors.js";
import { loadCatalogue } from "../../properties/index.js";
import { runBench } from "./bench.js";
import { runCheck } from "./check.js";
import { runEval } from "./eval.js";
import { runList } from "./list.js";
import { runReplay } from "./replay.js";
import { runExplain } from "./explain.js";
import { runHunt } from "./hunt.js";
import { runVerify } from "./verify.js";
import { runSimulate } from "./simulate.js";
import { runMerge } from "./merge.js";
import { loadProjectModule } from "./project-module.js";

export async function main(argv: readonly string[]): Promise<number> {
  loadCatalogue();
  let code = 0;
  const program = new Command()
    .name("mechcheck")
    .description("Property testing and exact verification of mechanism-design theorems")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command("check")
    .description("run the property battery; exit 0 iff every claim met its expectation")
    .option("--only <glob>", "claim ids to run (glob, comma-separated), e.g. 'zhu2021.lemma*'")
    .option("--runs <n>", "cases per claim (default: each claim's own)")
    .option("--seed <s>", "integer seed; the same seed reproduces the same report")
    .option("--time-limit <sec>", "per-claim time limit; a cut run is reported as cut")
    .option("--json <file>", "write the JSON report to FILE (- for stdout)")
    .option("--junit <file>", "write a JUnit XML report to FILE (for CI systems)")
    .option("--md <file>", "write a Markdown report to FILE (the verdict table per paper, the findings)")
    .option("--shard <i/k>", "run the i-th of k deterministic slices of the catalogue")
    .option("--workers <k>", "worker threads (default: the machine's cores); the report does not depend on it")
    .option("--no-progress", "no live progress bar (it is shown on stderr when stderr is a terminal)")
    .option("--no-save", "do not store new counterexamples")
    .option("--store <dir>", "where counterexamples are stored", "counterexamples")
    .action(async (opts) => {
      code = await runCheck(opts);
    });

  program
    .command("merge")
    .description("join the JSON reports of shards (check --shard I/K --json …) into one report")
    .argument("<files...>", "JSON reports written by check --json (same seed, disjoint claims)")
    .option("--json <file>", "write the merged JSON report to FILE (- for stdout)")
    .option("--junit <file>", "write a JUnit XML report to FILE")
    .option("--md <file>", "write a Markdown report to FILE")
    .action((files: string[], opts) => {
      code = runMerge(files, opts);
    });

  program
    .command("list")
    .description("every claim: id, paper, statement, expectation")
    .option("--json", "as JSON")
    .option("--md", "as Markdown: one verdict table per paper")
    .option("--into <file>", "with --md: replace the marked catalogue section of FILE (the README)")
    .action((opts) => {
      code = runList(opts);
    });

  program
    .command("verify")
    .description("check one claim on one instance file, exactly")
    .requiredOption("--claim <id>", "claim id")
    .requiredOption("--instance <file>", "instance JSON file")
    .option("--json <file>", "write the JSON result to FILE (- for stdout)")
    .option("--project <file>", "a module exporting a project family f of your own (zhu2022/stylized)")
    .action(async (opts) => {
      if (opts.project !== undefined) await loadProjectModule(opts.project);
      code = runVerify(opts);
    });

  program
    .command("eval")
    .description("print the exact quantities of one instance")
    .requiredOption("--instance <file>", "instance JSON file")
    .option("--json <file>", "write JSON to FILE (- for stdout)")
    .option("--cheapness", "per agent: the (linked) VCG transfer beside the least ex-post IC transfer on nested grids, the gap, and (zhu2021) the cheapest IC multiple λ*·lWⁿ on the continuum")
    .option("--agent <n>", "with --cheapness: only agent n (1-based); with --plot: the agent whose τ is drawn")
    .option("--plot <file>", "zhu2021 repeated instance with R = 2: §6.2's picture (Θ, the price lines, τ) to FILE.svg or FILE.png")
    .option("--divisions <list>", "with --cheapness: grid steps, comma-separated (default 1,2,4,8)")
    .option("--project <file>", "a module exporting a project family f of your own (zhu2022/stylized)")
    .action(async (opts) => {
      if (opts.project !== undefined) await loadProjectModule(opts.project);
      code = await runEval(opts);
    });

  program
    .command("replay")
    .description("re-verify stored counterexamples exactly, from the files alone")
    .argument("[path]", "a counterexample file or folder", "counterexamples")
    .option("--json <file>", "write JSON to FILE (- for stdout)")
    .action(async (path, opts) => {
      code = await runReplay(path, opts);
    });

  program
    .command("hunt")
    .description("run the claims that apply to a user's mechanism variant (a module exporting `family`)")
    .requiredOption("--module <file>", "TS or JS module exporting `family` (or default): { name, kind, build(model) }")
    .option("--claims <glob>", "restrict to these claim ids")
    .option("--seed <s>", "integer seed")
    .option("--runs <n>", "cases per claim")
    .option("--json <file>", "write the JSON report to FILE (- for stdout)")
    .option("--junit <file>", "write a JUnit XML report to FILE")
    .option("--md <file>", "write a Markdown report to FILE")
    .option("--workers <k>", "worker threads (default: the machine's cores)")
    .option("--no-progress", "no live progress bar")
    .option("--no-save", "do not store the variant's counterexamples")
    .option("--store <dir>", "where the variant's counterexamples are stored", "counterexamples/hunt")
    .action(async (opts) => {
      code = await runHunt(opts);
    });

  program
    .command("explain")
    .description("a readable Markdown account of one stored counterexample")
    .argument("<file>", "a counterexample file")
    .action((file) => {
      code = runExplain(file);
    });

  program
    .command("simulate")
    .description("asymptotic experiments: zhu2022.theorem1, stylized.theorem1 (against N = T), zhu2021.theorem2 (the k-model sequence): truth-telling, efficiency, cost/surplus; mp2013.lemmaB, mp2013.theorem3 (replicas P^r as r grows, exact); bgs2019.theorem4.1 (welfare against J^FB as β → 1), bgs2019.proposition5.1 (the budget mechanism's security gap)")
    .argument("<id>", "zhu2022.theorem1, stylized.theorem1, zhu2021.theorem2, mp2013.lemmaB, mp2013.theorem3, bgs2019.theorem4.1 or bgs2019.proposition5.1")
    .option("--sizes <list>", "values of N = T (theorem1, default 2,4,8,16,32), of k (theorem2, default 2,4,8,16,32,64), of r (mp2013: lemmaB 1,2,4,…,256; theorem3 2,4,…,128,160,200) or of k with β = 1 − 2^−k (bgs2019: theorem4.1 4..10, proposition5.1 1..6), comma-separated")
    .option("--runs <n>", "draws per size (default 20)")
    .option("--seed <s>", "integer seed (default 1)")
    .option("--q <r>", "per-agent supply q, q̄ = N·q (default 1)")
    .option("--f <json>", "project type, e.g. '{\"family\":\"saturating\",\"k\":\"1\",\"b\":\"1\"}' (the default)")
    .option("--support <list>", "endowment values, drawn uniformly (default 1/2,3/2)")
    .option("--stay <p>", "0: i.i.d. dates; in (0, 1): keep yesterday's value with probability p (default 0)")
    .option("--epsilon <r>", "ε of Lemma 2 / of condition (2) (default 1/100); mp2013.theorem3: Theorem 3's ε (default: the instance's, else 1/10)")
    .option("--instance <file>", "theorem2: the 1-model (economy and endowment distributions; default examples/instances/zhu2021-theorem2.json); mp2013: the replica base (default examples/instances/mp2013-replica.json); bgs2019.theorem4.1: two agents' values (default uniform on [0, 1])")
    .option("--k <n>", "mp2013.lemmaB: the power k in r^k·ν^{P^r} (default 2)")
    .option("--betas <list>", "bgs2019.theorem4.1: discount factors instead of --sizes, e.g. 9/10,99/100,999/1000")
    .option("--xi <r>", "bgs2019.theorem4.1: ξ of (13) (default: the instance's, else 4v̄)")
    .option("--horizon <n>", "bgs2019.theorem4.1: periods per path (default 32)")
    .option("--tau <n>", "bgs2019.proposition5.1: the fixed rule's cycle length τ (default 4)")
    .option("--kappa <r>", "theorem2: T[k] = ⌈k^κ⌉, κ ∈ (0, 1) (default 1/2)")
    .option("--sigma <n>", "theorem2: slack exponent of the d_k rule, an integer 0..8 (default 1)")
    .option("--d <r>", "theorem2: a fixed box half-width d instead of the proof's d_k (exploration)")
    .option("--c <r>", "theorem2: announce this conjecture c instead of the proof's c[k]; its believability is checked exactly")
    .option("--plot <file>", "write the curves to FILE.svg or FILE.png")
    .option("--json <file>", "write JSON to FILE (- for stdout)")
    .option("--project <file>", "a module exporting a project family of your own, usable in --f")
    .option("--workers <k>", "worker threads for the runs (default: the number of cores; 1 runs in this thread)")
    .action(async (id, opts) => {
      if (opts.project !== undefined) await loadProjectModule(opts.project);
      code = await runSimulate(id, opts, opts.project);
    });

  program
    .command("bench")
    .description("benchmarks, each beside its baseline measured in the same run")
    .option("--json <file>", "write JSON to FILE (- for stdout)")
    .option("--instances <n>", "instances per size (default 1000)")
    .option("--seed <s>", "seed of the instance generator (default 1)")
    .option("--no-battery", "leave out the battery on 1 and 2 worker threads (about 40 s)")
    .option("--mutants", "also hunt every mutant of examples/mutants/ (kill rate, time to the first kill, shrunk size, mutation score)")
    .option("--seeds <n>", "with --mutants: seeds per mutant (default 10)")
    .option("--simulation", "also run the whole Theorem 1 simulation (N = 2..256, 20 runs, both papers) on worker threads and time it (about 2 minutes)")
    .option("--md <file>", "also write the whole report as Markdown (BENCHMARKS.md)")
    .action(async (opts) => {
      code = await runBench(opts);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other parse failure is bad usage.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`mechcheck: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
