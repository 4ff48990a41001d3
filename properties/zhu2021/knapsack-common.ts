/** What the §3 claims of zhu2021 share: the subject kind, the instance codec, witness helpers. */
import * as fc from "fast-check";
import type { Json } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { knapsackPointToJson, readKnapsackPoint, type KnapsackPoint } from "../../src/models/zhu2021/json.js";
import { exactKnapsack, type KnapsackSolver } from "../../src/models/zhu2021/knapsack.js";
import { knapsackInstanceArb, type EconomyShape } from "../../src/search/zhu2021.js";

export const KNAPSACK_SUBJECT = "zhu2021/knapsack";
export const defaultSolver: KnapsackSolver = exactKnapsack;

/** Small instances: the brute-force paths stay cheap and shrunk examples stay readable. */
export const SMALL: EconomyShape = { minR: 1, maxR: 3, maxExtra: 4, maxCoord: 10 };

export function pointArb(shape: EconomyShape = SMALL): fc.Arbitrary<KnapsackPoint> {
  return knapsackInstanceArb(shape);
}

export function encodePoint(p: KnapsackPoint): Json {
  return knapsackPointToJson(p) as Json;
}

export function decodePoint(json: unknown): KnapsackPoint {
  return readKnapsackPoint(json);
}

export function qs(v: readonly (Q | null)[]): Json {
  return v.map((x) => (x === null ? "inf" : x.toString()));
}

export { violated } from "../../src/claims/verdicts.js";

export function pointSize(p: KnapsackPoint): Record<string, number> {
  return { resources: p.econ.R, types: p.econ.I };
}

