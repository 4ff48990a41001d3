/**
 * Every claim's instance decoder (what `verify` and `replay` read) turns a malformed number into an
 * InputError naming the field — never a RangeError with a stack trace. For each registered claim,
 * one generated instance is encoded, each of its rationals in turn is replaced by a decimal string
 * and by a JSON number, and decoding must fail with InputError.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { allClaims } from "../../src/claims/registry.js";
import { InputError } from "../../src/exact/errors.js";
import { parseQ } from "../../src/exact/rational.js";

loadCatalogue();

type J = unknown;
/** Paths (keys/indices) of every string leaf that is a rational. */
function rationalPaths(v: J, path: (string | number)[] = []): (string | number)[][] {
  if (typeof v === "string") {
    try {
      parseQ(v);
      return [path];
    } catch {
      return [];
    }
  }
  if (Array.isArray(v)) return v.flatMap((x, i) => rationalPaths(x, [...path, i]));
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => rationalPaths(x, [...path, k]));
  return [];
}

function setAt(v: J, path: (string | number)[], x: J): J {
  if (path.length === 0) return x;
  const [h, ...rest] = path;
  if (Array.isArray(v)) return v.map((e, i) => (i === h ? setAt(e, rest, x) : e));
  const o = v as Record<string, J>;
  return { ...o, [h as string]: setAt(o[h as string], rest, x) };
}

describe.each(allClaims().map((c) => [c.id, c] as const))("%s decoder", (_id, claim) => {
  const [inst] = fc.sample(claim.arbitrary(), { seed: 11, numRuns: 1 });
  const json = claim.encode(inst);
  const paths = rationalPaths(json);
  it("round-trips a generated instance", () => {
    expect(() => claim.decode(JSON.parse(JSON.stringify(json)))).not.toThrow();
  });
  it.each([["a decimal string", "1.5"], ["a JSON number", 2]] as const)("rejects %s in place of any rational with InputError", (_, bad) => {
    expect(paths.length).toBeGreaterThan(0);
    const leaked: string[] = [];
    for (const path of paths) {
      try {
        claim.decode(setAt(JSON.parse(JSON.stringify(json)), path, bad));
        leaked.push(`${path.join(".")}: accepted`);
      } catch (e) {
        if (!(e instanceof InputError)) leaked.push(`${path.join(".")}: ${(e as Error).name}`);
      }
    }
    expect(leaked).toEqual([]);
  });
});
