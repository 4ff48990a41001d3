/** Parsing of option values, each failure an InputError naming the flag. */
import { InputError } from "../exact/errors.js";

export function parseSeed(s: string | undefined): number {
  if (s === undefined) return (Date.now() ^ (process.pid << 16)) | 0;
  if (!/^-?\d+$/.test(s)) throw new InputError("--seed", `expected an integer, got "${s}"`);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new InputError("--seed", `out of range: ${s}`);
  return n | 0;
}

export function parsePositiveInt(s: string | undefined, flag: string): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s) || Number(s) < 1) throw new InputError(flag, `expected a positive integer, got "${s}"`);
  return Number(s);
}

export function parseShard(s: string | undefined): { index: number; count: number } | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(s);
  if (!m) throw new InputError("--shard", `expected I/K such as 1/4, got "${s}"`);
  const index = Number(m[1]), count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new InputError("--shard", `need 1 ≤ I ≤ K, got ${s}`);
  return { index, count };
}

export function parseTimeLimit(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(s) || Number(s) <= 0) throw new InputError("--time-limit", `expected a positive number of seconds, got "${s}"`);
  return Math.round(Number(s) * 1000);
}

export function validateGlob(glob: string): string {
  if (!/^[A-Za-z0-9_.*?,\- ]+$/.test(glob)) throw new InputError("--only", `"${glob}" is not a claim glob (letters, digits, . - _ * ? and commas)`);
  return glob;
}
