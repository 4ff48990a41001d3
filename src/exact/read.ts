/** Reading rationals out of untrusted JSON, naming the field in every error. */
import { InputError } from "./errors.js";
import { Q, parseQ } from "./rational.js";

export function readQ(value: unknown, field: string): Q {
  if (typeof value === "number") {
    throw new InputError(field, `numbers are not accepted as model data (got ${value}); write the exact rational as a string, e.g. "${Number.isInteger(value) ? value : "3/4"}"`);
  }
  if (typeof value !== "string") throw new InputError(field, `expected a rational written as a string like "-7/12", got ${describe(value)}`);
  try {
    return parseQ(value);
  } catch (e) {
    throw new InputError(field, (e as Error).message);
  }
}

export function readQVec(value: unknown, field: string, length?: number): Q[] {
  if (!Array.isArray(value)) throw new InputError(field, `expected an array of rationals, got ${describe(value)}`);
  if (length !== undefined && value.length !== length) throw new InputError(field, `expected ${length} entries, got ${value.length}`);
  return value.map((v, i) => readQ(v, `${field}[${i}]`));
}

export function readQMat(value: unknown, field: string, rows?: number, cols?: number): Q[][] {
  if (!Array.isArray(value)) throw new InputError(field, `expected an array of arrays, got ${describe(value)}`);
  if (rows !== undefined && value.length !== rows) throw new InputError(field, `expected ${rows} rows, got ${value.length}`);
  return value.map((row, i) => readQVec(row, `${field}[${i}]`, cols));
}

export function readPositiveInt(value: unknown, field: string): number {
  const x = typeof value === "string" ? Number(value) : value;
  if (typeof x !== "number" || !Number.isSafeInteger(x) || x < 1) throw new InputError(field, `expected a positive integer, got ${describe(value)}`);
  return x;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v);
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}
