/**
 * `mechcheck replay [PATH]`: every stored counterexample re-verified. Exit 0 iff all reproduce; 1 if
 * one does not; 2 if a file is corrupt (unreadable or failing the schema: one line on stderr naming
 * the file and field), after the other files have been replayed all the same.
 */
import { listCounterexamples } from "../store/store.js";
import { replayStored, type ReplayOutcome } from "../store/replay.js";
import { writeOutput } from "./io.js";

export async function runReplay(path: string, flags: { json?: string }): Promise<number> {
  const files = listCounterexamples(path);
  const outcomes: ReplayOutcome[] = [];
  // Sequential: a hunted module is loaded once and shared by its files.
  const modules = new Map();
  for (const f of files) outcomes.push(await replayStored(f, modules));
  if (flags.json !== undefined) writeOutput(flags.json, JSON.stringify({ replayed: outcomes }, null, 2) + "\n");
  if (flags.json !== "-") {
    for (const o of outcomes) if (!o.corrupt) process.stdout.write(`${o.reproduced ? "reproduced" : "NOT REPRODUCED"}  ${o.file}  ${o.claim}: ${o.detail}\n`);
    process.stdout.write(`${outcomes.filter((o) => o.reproduced).length} of ${outcomes.length} counterexample(s) reproduced\n`);
  }
  for (const o of outcomes) if (o.corrupt) process.stderr.write(`mechcheck: ${o.detail}\n`);
  if (outcomes.some((o) => o.corrupt)) return 2;
  return outcomes.every((o) => o.reproduced) ? 0 : 1;
}
