/**
 * The 1-model of the Theorem 2 simulation as JSON: a zhu2021 economy (Θ, q̄ per agent) plus one
 * per-date endowment distribution per type —
 *   { "model": "zhu2021", "resources": 1, "types": [["1"], ["1/2"], ["1/4"]], "supply": ["1/2"],
 *     "endowments": [ { "values": ["0"], "probs": ["1"] }, { "values": ["1/2", "3/2"], "probs": ["1/2", "1/2"] }, … ] }
 * Structure by zod, numbers by the strict parser, conditions 1–2 and Assumption 1 by assumption1().
 */
import { z } from "zod";
import { parseWith, toQ, zRational } from "../exact/zod.js";
import { economyFields, economyFromFields, economyToJson } from "../models/zhu2021/json.js";
import { assumption1, type KModelBase } from "./theorem2.js";

const zDistribution = z.strictObject({ values: z.array(zRational).min(1, "needs at least one value"), probs: z.array(zRational) });
const zKModel = z.strictObject({ ...economyFields, endowments: z.array(zDistribution) });

export function kModelFromJson(v: unknown, field = "instance"): KModelBase {
  const raw = parseWith(zKModel, v, field);
  const econ = economyFromFields(raw, field);
  const base: KModelBase = { econ, endowments: raw.endowments.map((d) => ({ values: d.values.map(toQ), probs: d.probs.map(toQ) })) };
  assumption1(base, field);
  return base;
}

export function kModelToJson(b: KModelBase): Record<string, unknown> {
  return { ...economyToJson(b.econ), endowments: b.endowments.map((d) => ({ values: d.values.map(String), probs: d.probs.map(String) })) };
}

/**
 * The default 1-model (examples/instances/zhu2021-theorem2.json): one resource; a unit-like type,
 * a type using 1/2 and one using 1/4 of it; q̄ = 1/2 per agent. Agents hold none of the unit-like
 * type and 1/2 or 3/2 (fair coin) of each other type. At the mean π = (0, 1, 1) the type θ = 1/4 is
 * fully invested and θ = 1/2 partially: the price p = 2 is unique, set by an agents' type (not by the
 * principal's unit-like supply), so Properties I and II are not automatic.
 */
export const DEFAULT_KMODEL = {
  model: "zhu2021",
  resources: 1,
  types: [["1"], ["1/2"], ["1/4"]],
  supply: ["1/2"],
  endowments: [
    { values: ["0"], probs: ["1"] },
    { values: ["1/2", "3/2"], probs: ["1/2", "1/2"] },
    { values: ["1/2", "3/2"], probs: ["1/2", "1/2"] },
  ],
} as const;
