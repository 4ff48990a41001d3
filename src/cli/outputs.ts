/**
 * The report files of a battery run (`check`, `hunt`, `merge`): `--json`, `--junit`, `--md`. Their
 * folders are checked before any work is done, so a bad path changes nothing.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ClaimResult } from "../claims/run.js";
import { InputError } from "../exact/errors.js";
import { reportJson } from "../report/json.js";
import { reportJunit } from "../report/junit.js";
import { reportMarkdown } from "../report/markdown.js";
import { writeOutput } from "./io.js";

export interface OutputFlags {
  readonly json?: string;
  readonly junit?: string;
  readonly md?: string;
}

export interface RunReport {
  readonly seed: string;
  readonly claims: readonly ClaimResult[];
  readonly notRun?: readonly string[];
  readonly command?: string;
}

export function validateOutputs(flags: OutputFlags): void {
  for (const [flag, path] of [["--json", flags.json], ["--junit", flags.junit], ["--md", flags.md]] as const) {
    if (path === undefined) continue;
    if (path === "-" && flag !== "--json") throw new InputError(flag, "writes to a file; only --json takes - for stdout");
    if (path === "-") continue;
    if (path.trim() === "") throw new InputError(flag, "expected a file name");
    const dir = dirname(resolve(path));
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(flag, `folder ${dirname(path)} does not exist`);
    if (existsSync(path) && statSync(path).isDirectory()) throw new InputError(flag, `${path} is a folder`);
  }
  const files = [flags.json, flags.junit, flags.md].filter((p): p is string => p !== undefined && p !== "-").map((p) => resolve(p));
  if (new Set(files).size < files.length) throw new InputError("--json/--junit/--md", "two reports would go to the same file");
}

export function writeReports(flags: OutputFlags, rep: RunReport): void {
  if (flags.json !== undefined) writeOutput(flags.json, reportJson(rep));
  if (flags.junit !== undefined) writeOutput(flags.junit, reportJunit(rep));
  if (flags.md !== undefined) writeOutput(flags.md, reportMarkdown(rep));
}
