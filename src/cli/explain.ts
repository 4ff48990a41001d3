/** `mechcheck explain FILE`: a readable Markdown account of one counterexample. */
import { getClaim } from "../claims/registry.js";
import { explainMarkdown } from "../report/explain.js";
import { loadCounterexample } from "../store/store.js";

export function runExplain(file: string): number {
  const cx = loadCounterexample(file); // InputError (exit 2) on a missing or corrupt file
  process.stdout.write(explainMarkdown(file, cx, getClaim(cx.claim)));
  return 0;
}
