/**
 * The bgs2019 instance file (INTERFACE.md): `agents`, `values` (per agent a discrete list
 * [{"v", "p"}] or a piecewise-uniform density {"density": [{"from", "to", "p"}]}), `beta`, `xi`,
 * `F`, `u`, optional `tieBreak` and `reports`. `beta`, `xi`, `F` and `u` are optional in the file:
 * the claims that need one say so when it is missing. Rules checked (exit 2, field and rule named):
 * probabilities > 0 summing to 1 exactly, values ≥ 0 and distinct, density pieces contiguous from 0
 * with from < to (§2: support [0, v̄], density bounded away from 0), β ∈ (0, 1), F ∈ (0, 1], ξ > 0,
 * u ≥ 0 with one entry per agent.
 */
import { z } from "zod";
import { InputError } from "../../exact/errors.js";
import type { Json } from "../../exact/json.js";
import { Q, sum } from "../../exact/rational.js";
import { parseWith, toQ, zRational } from "../../exact/zod.js";
import type { ValueDist } from "./distribution.js";

export const TIE_BREAKS = ["as-written", "lowest-index", "uniform"] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

const discrete = z.array(z.strictObject({ v: zRational, p: zRational })).min(1, "a discrete distribution needs at least one value");
const density = z.strictObject({ density: z.array(z.strictObject({ from: zRational, to: zRational, p: zRational })).min(1, "a density needs at least one piece") });

export const bgs2019Schema = z.strictObject({
  model: z.literal("bgs2019"),
  agents: z.number().int().min(1, "at least one agent is needed"),
  values: z.array(z.union([discrete, density])),
  beta: zRational.optional(),
  xi: zRational.optional(),
  F: zRational.optional(),
  u: z.array(zRational).optional(),
  tieBreak: z.enum(TIE_BREAKS).optional(),
  reports: z.array(zRational).optional(),
});

export interface Bgs2019Model {
  readonly values: readonly ValueDist[];
  /** β ∈ (0, 1), the common discount factor. */
  readonly beta: Q | null;
  /** ξ of eq. (13) (defined only in the paper's online appendix: a parameter). */
  readonly xi: Q | null;
  /** F_β ∈ (0, 1], the scale of the self-generating set F_β𝒰 (a parameter; eq. (13) gives the paper's). */
  readonly F: Q | null;
  /** The promised-utility state u. */
  readonly u: readonly Q[] | null;
  readonly tieBreak: TieBreak;
  readonly reports: readonly Q[] | null;
}

function readDist(v: z.infer<typeof discrete> | z.infer<typeof density>, field: string): ValueDist {
  if (Array.isArray(v)) {
    const points = v.map((x, k) => {
      const val = toQ(x.v), p = toQ(x.p);
      if (val.sign() < 0) throw new InputError(`${field}[${k}].v`, `values are nonnegative (§2: support [0, v̄]), got ${val}`);
      if (p.sign() <= 0) throw new InputError(`${field}[${k}].p`, `each listed value has probability > 0, got ${p}`);
      return { v: val, p };
    });
    const total = sum(points.map((x) => x.p));
    if (!total.eq(Q.ONE)) throw new InputError(field, `probabilities sum to 1 exactly, these sum to ${total}`);
    points.sort((a, b) => a.v.cmp(b.v));
    points.forEach((x, k) => {
      if (k > 0 && x.v.eq(points[k - 1]!.v)) throw new InputError(field, `the value ${x.v} is listed twice`);
    });
    return { kind: "discrete", points };
  }
  const pieces = v.density.map((x, k) => {
    const f = `${field}.density[${k}]`;
    const from = toQ(x.from), to = toQ(x.to), p = toQ(x.p);
    if (!from.lt(to)) throw new InputError(f, `a piece has from < to, got [${from}, ${to}]`);
    if (p.sign() <= 0) throw new InputError(`${f}.p`, `each piece has mass > 0 (§2: the density is bounded away from 0), got ${p}`);
    return { from, to, p };
  });
  if (!pieces[0]!.from.isZero()) throw new InputError(`${field}.density[0].from`, `the support starts at 0 (§2: [0, v̄]), got ${pieces[0]!.from}`);
  pieces.forEach((x, k) => {
    if (k > 0 && !x.from.eq(pieces[k - 1]!.to)) throw new InputError(`${field}.density[${k}].from`, `pieces are contiguous: this one starts at ${x.from}, the last ended at ${pieces[k - 1]!.to}`);
  });
  const total = sum(pieces.map((x) => x.p));
  if (!total.eq(Q.ONE)) throw new InputError(`${field}.density`, `the pieces' masses sum to 1 exactly, these sum to ${total}`);
  return { kind: "density", pieces };
}

/** Validates a bgs2019 instance object; every rule broken is an InputError naming the field. */
export function readBgs2019(raw: unknown, root = "instance"): Bgs2019Model {
  const j = parseWith(bgs2019Schema, raw, root);
  if (j.values.length !== j.agents) throw new InputError(`${root}.values`, `one distribution per agent (${j.agents}), got ${j.values.length}`);
  const values = j.values.map((v, i) => readDist(v, `${root}.values[${i}]`));
  const beta = j.beta === undefined ? null : toQ(j.beta);
  if (beta && !(beta.sign() > 0 && beta.lt(Q.ONE))) throw new InputError(`${root}.beta`, `the discount factor β lies in (0, 1), got ${beta}`);
  const xi = j.xi === undefined ? null : toQ(j.xi);
  if (xi && xi.sign() <= 0) throw new InputError(`${root}.xi`, `ξ > 0, got ${xi}`);
  const F = j.F === undefined ? null : toQ(j.F);
  if (F && !(F.sign() > 0 && F.le(Q.ONE))) throw new InputError(`${root}.F`, `the scale F_β lies in (0, 1], got ${F}`);
  const u = j.u === undefined ? null : j.u.map((x, i) => {
    const q = toQ(x);
    if (q.sign() < 0) throw new InputError(`${root}.u[${i}]`, `promised utilities are nonnegative (B_β maps into ℝⁿ₊), got ${q}`);
    return q;
  });
  if (u && u.length !== j.agents) throw new InputError(`${root}.u`, `one promised utility per agent (${j.agents}), got ${u.length}`);
  const reports = j.reports === undefined ? null : j.reports.map((x, i) => {
    const q = toQ(x);
    if (q.sign() < 0) throw new InputError(`${root}.reports[${i}]`, `reports lie in [0, v̄], got ${q}`);
    return q;
  });
  if (reports && reports.length !== j.agents) throw new InputError(`${root}.reports`, `one report per agent (${j.agents}), got ${reports.length}`);
  return { values, beta, xi, F, u, tieBreak: j.tieBreak ?? "as-written", reports };
}

export function distToJson(d: ValueDist): Json {
  return d.kind === "discrete" ? d.points.map((x) => ({ v: x.v.toString(), p: x.p.toString() })) : { density: d.pieces.map((x) => ({ from: x.from.toString(), to: x.to.toString(), p: x.p.toString() })) };
}

export function bgs2019ToJson(m: Bgs2019Model): Json {
  return {
    model: "bgs2019",
    agents: m.values.length,
    values: m.values.map(distToJson),
    ...(m.beta ? { beta: m.beta.toString() } : {}),
    ...(m.xi ? { xi: m.xi.toString() } : {}),
    ...(m.F ? { F: m.F.toString() } : {}),
    ...(m.u ? { u: m.u.map(String) } : {}),
    ...(m.tieBreak !== "as-written" ? { tieBreak: m.tieBreak } : {}),
    ...(m.reports ? { reports: m.reports.map(String) } : {}),
  };
}
