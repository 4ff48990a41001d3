/**
 * The counterexample store: one JSON file per counterexample in a folder (default
 * `counterexamples/`), named `<claim>-<hash>.json` where the hash is over the claim, subject and
 * canonical instance — the same counterexample found twice is one file. Writes are atomic (temp file
 * + rename) and never replace a different file.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../exact/errors.js";
import { counterexampleSchema, type CounterexampleFile } from "./schema.js";

/** JSON with object keys sorted, so equal data hash equally. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

export function fileName(cx: Pick<CounterexampleFile, "claim" | "subject" | "instance">): string {
  const h = createHash("sha256").update(canonicalJson({ claim: cx.claim, subject: cx.subject, instance: cx.instance })).digest("hex").slice(0, 12);
  return `${cx.claim}-${h}.json`;
}

export interface SaveResult {
  readonly file: string;
  readonly status: "written" | "exists";
}

/** Validates and writes atomically; an identical existing file is left alone. */
export function saveCounterexample(dir: string, cx: CounterexampleFile): SaveResult {
  const parsed = counterexampleSchema.parse(cx); // a malformed certificate is a bug: throws
  mkdirSync(dir, { recursive: true });
  const file = join(dir, fileName(parsed));
  const text = JSON.stringify(parsed, null, 2) + "\n";
  if (existsSync(file)) {
    const old = readFileSync(file, "utf8");
    const oldData = JSON.parse(old) as CounterexampleFile;
    if (canonicalJson(oldData.instance) === canonicalJson(parsed.instance)) return { file, status: "exists" };
    throw new Error(`refusing to overwrite ${file}: it holds a different counterexample (hash collision?)`);
  }
  const tmp = join(dir, `.${fileName(parsed)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return { file, status: "written" };
}

/** Reads and validates one file; errors name the file and the field. */
export function loadCounterexample(file: string): CounterexampleFile {
  let raw: unknown;
  if (!existsSync(file)) throw new InputError(file, "no such counterexample file");
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError(file, `not a readable JSON counterexample: ${(e as Error).message}`);
  }
  const r = counterexampleSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join(".") : "(root)";
    throw new InputError(`${file}: ${field}`, issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.join(", ")}` : issue.message);
  }
  return r.data;
}

/** Every *.json file in a folder and its subfolders (hunted variants' files live in hunt/), or the one file given; sorted. */
export function listCounterexamples(path: string): string[] {
  if (!existsSync(path)) throw new InputError("PATH", `${path} does not exist`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? listCounterexamples(join(path, e.name)) : e.name.endsWith(".json") ? [join(path, e.name)] : []));
}
