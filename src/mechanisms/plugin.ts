/** The plug-in API: loading a user's mechanism family from a TS/JS module (hunt, its workers, replay). */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { existsSync } from "node:fs";
import { InputError } from "../exact/errors.js";

/**
 * What a plug-in module exports as `family` (or its default export): a mechanism family
 * `{ name, kind, build(model) }`, or for the claims whose subject is not a mechanism (a knapsack
 * solver, a retraction, an expectation engine …) that subject with a string `name` and `kind`.
 */
export interface FamilyLike {
  readonly name: string;
  readonly kind: string;
  readonly build?: (model: unknown) => unknown;
}

/** A loaded module: the subject, and what a mutant module declares about itself. */
export interface Plugin {
  readonly subject: FamilyLike;
  /** Claim ids the module is expected to fail (a mutant's declaration; absent for a user's variant). */
  readonly kills?: readonly string[];
  readonly description?: string;
}

function isSubject(x: unknown): x is FamilyLike {
  if (x === null || (typeof x !== "object" && typeof x !== "function")) return false;
  const o = x as Record<string, unknown>;
  return typeof o.name === "string" && typeof o.kind === "string";
}

/** Gives a plain function subject (e.g. a retraction) the name and kind a plug-in needs. */
export function namedSubject<T extends object>(name: string, kind: string, value: T): T & FamilyLike {
  Object.defineProperty(value, "name", { value: name });
  Object.defineProperty(value, "kind", { value: kind, enumerable: true });
  return value as T & FamilyLike;
}

/** Imports a user's TS or JS module; a missing or failing file is an InputError naming `flag`. */
export async function importUserModule(file: string, flag: string): Promise<Record<string, unknown>> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError(flag, `${file} does not exist`);
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(flag, `${file} does not load: ${(e as Error).message.split("\n")[0]}`);
  }
}

export async function loadPlugin(file: string): Promise<Plugin> {
  const mod = await importUserModule(file, "--module");
  const f = mod.family ?? mod.default;
  if (!isSubject(f)) throw new InputError("--module", `${file} must export \`family\` (or a default export) with a string name and a string kind (a mechanism family also has build(model))`);
  const kills = mod.kills;
  if (kills !== undefined && !(Array.isArray(kills) && kills.every((k) => typeof k === "string"))) throw new InputError("--module", `${file}: \`kills\` must be a list of claim ids`);
  return { subject: f, ...(kills !== undefined ? { kills: kills as string[] } : {}), ...(typeof mod.description === "string" ? { description: mod.description } : {}) };
}

export async function loadFamily(file: string): Promise<FamilyLike> {
  return (await loadPlugin(file)).subject;
}
