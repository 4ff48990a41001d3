/** File and stream helpers for commands: reading instances, writing reports atomically. */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { InputError } from "../exact/errors.js";

export function readJsonFile(path: string, field: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError(field, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError(field, `${path} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Writes via a temp file and rename, so a reader never sees half a file. `-` is stdout. */
export function writeOutput(path: string, text: string): void {
  if (path === "-") {
    process.stdout.write(text);
    return;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
