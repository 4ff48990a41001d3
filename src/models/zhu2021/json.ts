/**
 * Reading and writing the static part of a zhu2021 instance (INTERFACE.md): resources R, types
 * (I arrays of R rationals, the first R unit-like), supply q̄ — validated against conditions 1
 * and 2 — plus, for the §3 claims, a knapsack point (q, μ) with μ = "inf" at the unit-like types.
 */
import { z } from "zod";
import { InputError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import { parseWith, toQ, zRational } from "../../exact/zod.js";
import { checkCondition1, checkCondition2 } from "./conditions.js";
import type { Economy } from "./economy.js";
import type { Endowment } from "./knapsack.js";

export const economyFields = {
  model: z.literal("zhu2021"),
  resources: z.number().int().min(1, "R must be at least 1"),
  types: z.array(z.array(zRational)).min(2, "at least two types are needed (I > R ≥ 1)"),
  supply: z.array(zRational),
};

export type EconomyJson = { model: "zhu2021"; resources: number; types: string[][]; supply: string[] };

/** Validates the economy fields of a parsed instance object (structure already checked by zod). */
export function economyFromFields(raw: { resources: number; types: string[][]; supply: string[] }, root = "instance"): Economy {
  const R = raw.resources;
  if (raw.supply.length !== R) throw new InputError(`${root}.supply`, `expected R = ${R} entries, got ${raw.supply.length}`);
  const supply = raw.supply.map(toQ);
  supply.forEach((s, r) => {
    if (s.sign() <= 0) throw new InputError(`${root}.supply[${r}]`, `the stock q̄(${r + 1}) must be positive (zhu2021 §2), got ${s}`);
  });
  const theta = raw.types.map((t, i) => {
    if (t.length !== R) throw new InputError(`${root}.types[${i}]`, `expected R = ${R} coordinates, got ${t.length}`);
    const v = t.map(toQ);
    v.forEach((x, r) => {
      if (x.sign() < 0) throw new InputError(`${root}.types[${i}][${r}]`, `project inputs are nonnegative (θ ∈ [0, ∞)^R), got ${x}`);
    });
    if (v.every((x) => x.isZero())) throw new InputError(`${root}.types[${i}]`, "a project type must use some resource (θ ≠ 0)");
    return v;
  });
  const c1 = checkCondition1(theta, R);
  if (!c1.ok) throw new InputError(`${root}.types`, `condition 1 of zhu2021 §2 violated: ${c1.reason}`);
  const c2 = checkCondition2(theta, R);
  if (!c2.ok) throw new InputError(`${root}.types`, `condition 2 of zhu2021 §2 violated: ${c2.reason}`);
  return { R, I: theta.length, theta, supply };
}

export function economyToJson(e: Economy): EconomyJson {
  return { model: "zhu2021", resources: e.R, types: e.theta.map((t) => t.map(String)), supply: e.supply.map(String) };
}

const knapsackSchema = z.strictObject({
  ...economyFields,
  q: z.array(zRational),
  mu: z.array(z.union([z.literal("inf"), zRational])),
});

export interface KnapsackPoint {
  readonly econ: Economy;
  readonly q: readonly Q[];
  readonly mu: readonly Endowment[];
}

/** A §3 instance: an economy and a point (q, μ) ∈ QM. */
export function readKnapsackPoint(value: unknown, root = "instance"): KnapsackPoint {
  const raw = parseWith(knapsackSchema, value, root);
  const econ = economyFromFields(raw, root);
  if (raw.q.length !== econ.R) throw new InputError(`${root}.q`, `expected R = ${econ.R} entries, got ${raw.q.length}`);
  const q = raw.q.map(toQ);
  q.forEach((x, r) => {
    if (x.sign() <= 0) throw new InputError(`${root}.q[${r}]`, `q ∈ (0, ∞)^R (zhu2021 §3), got ${x}`);
  });
  if (raw.mu.length !== econ.I) throw new InputError(`${root}.mu`, `expected I = ${econ.I} entries, got ${raw.mu.length}`);
  const mu = raw.mu.map((m, i): Endowment => {
    if (i < econ.R) {
      if (m !== "inf") throw new InputError(`${root}.mu[${i}]`, `μ ≥ μ⁰: the unit-like type ${i + 1} is in infinite supply; write "inf"`);
      return null;
    }
    if (m === "inf") throw new InputError(`${root}.mu[${i}]`, `only the unit-like types i ≤ R may be "inf"`);
    const x = toQ(m);
    if (x.sign() < 0) throw new InputError(`${root}.mu[${i}]`, `endowments are nonnegative, got ${x}`);
    return x;
  });
  return { econ, q, mu };
}

export function knapsackPointToJson(p: KnapsackPoint): Record<string, unknown> {
  return { ...economyToJson(p.econ), q: p.q.map(String), mu: p.mu.map((m) => (m === null ? "inf" : String(m))) };
}

