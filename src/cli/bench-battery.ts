/**
 * The battery on 1 and 2 worker threads (same seed, nothing saved), beside the machine's own
 * parallel capacity measured in the same run: a pure integer loop on 1 and 2 threads. CPU time is
 * the whole process's (all threads): CPU s / wall s is the number of cores the run kept busy. With 1
 * worker V8's garbage collector already works on the second core, so the battery can gain from a
 * second worker only what the loop shows is left.
 */
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { allClaims } from "../claims/registry.js";
import { runBattery } from "./battery.js";

export interface BatteryBenchRow {
  readonly workers: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly cases: number;
  readonly claims: number;
}

export interface BatteryBench {
  readonly cores: number;
  readonly battery: BatteryBenchRow[];
  /** The same fixed integer work per thread, on 1 and on 2 threads: wall ms. */
  readonly loopMs: { readonly one: number; readonly two: number };
}

const LOOP = `
  const { parentPort } = require("node:worker_threads");
  let x = 0n;
  for (let i = 0; i < 1.2e8; i++) x = (x * 31n + BigInt(i)) & 0xffffffffn;
  parentPort.postMessage(String(x));
`;

function loopOn(threads: number): Promise<number> {
  const t0 = performance.now();
  return Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(LOOP, { eval: true });
    w.once("message", () => resolve());
    w.once("error", reject);
  }))).then(() => Math.round(performance.now() - t0));
}

export async function benchBattery(seed: number): Promise<BatteryBench> {
  const claims = allClaims();
  const battery: BatteryBenchRow[] = [];
  for (const workers of [1, 2]) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const run = await runBattery(claims, { seed, workers });
    const wallMs = Math.round(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    battery.push({ workers, wallMs, cpuMs: Math.round((cpu.user + cpu.system) / 1000), cases: run.results.reduce((s, r) => s + r.cases, 0), claims: run.results.length });
  }
  const one = await loopOn(1);
  const two = await loopOn(2);
  return { cores: availableParallelism(), battery, loopMs: { one, two } };
}
