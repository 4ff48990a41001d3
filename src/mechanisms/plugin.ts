/** The plug-in API: loading a user's mechanism family from a TS/JS module (hunt, its workers, replay). */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { existsSync } from "node:fs";
import { InputError } from "../exact/errors.js";

export interface FamilyLike {
  name: string;
  kind: string;
  build: (model: unknown) => unknown;
}

function isFamily(x: unknown): x is FamilyLike {
  const o = x as Record<string, unknown> | null;
  return !!o && typeof o.name === "string" && typeof o.kind === "string" && typeof o.build === "function";
}

export async function loadFamily(file: string): Promise<FamilyLike> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError("--module", `${file} does not exist`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    throw new InputError("--module", `${file} does not load: ${(e as Error).message.split("\n")[0]}`);
  }
  const f = mod.family ?? mod.default;
  if (!isFamily(f)) throw new InputError("--module", `${file} must export \`family\` (or a default export) with a string name, a string kind and a build(model) function`);
  return f;
}
