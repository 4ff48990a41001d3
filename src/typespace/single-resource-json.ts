/**
 * The single-resource instance file (zhu2022 / stylized):
 *   { "model": "single-resource", "agents": N, "dates": T, "beta": "1", "qbar": "4",
 *     "f": { "family": "saturating", "k": "1", "b": "1" },
 *     "omegaStar": { "kind": "box-average", "max": "3", "avg": "1", "x": "1/4" },   (optional)
 *     "omega": [["1", "2"], ["0", "1/2"]] }                                        (optional, N × T)
 * Every rule is enforced with the field named (exit 2): N ≥ 2, T ≥ 1, β ∈ (0, 1], q̄ > 0, f's
 * parameters, ω ≥ 0, x(N) ≥ 0, exact rationals written as strings.
 */
import { z } from "zod";
import { InputError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { parseWith, toQ, zRational } from "../exact/zod.js";
import type { Json } from "../exact/json.js";
import { checkOmegaStar, type OmegaStar } from "./single-resource.js";
import { checkEndowments, makeModel, type Endowments, type SingleResourceModel } from "../models/single-resource/model.js";
import { projectFamily, projectFamilyNames, type ProjectType } from "../models/single-resource/project.js";

const zF = z.looseObject({ family: z.string() });

const zRow = z.strictObject({ a: z.array(zRational), op: z.enum(["<=", ">=", "="]), b: zRational });
type RawSet =
  | { kind: "all" }
  | { kind: "window"; avg: string; x: string }
  | { kind: "box-average"; max: string; avg: string; x: string }
  | { kind: "box"; lo: string[]; hi: string[] }
  | { kind: "polytope"; rows: { a: string[]; op: "<=" | ">=" | "="; b: string }[] }
  | { kind: "union"; parts: RawSet[] };
const zSet: z.ZodType<RawSet> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("all") }),
    z.strictObject({ kind: z.literal("window"), avg: zRational, x: zRational }),
    z.strictObject({ kind: z.literal("box-average"), max: zRational, avg: zRational, x: zRational }),
    z.strictObject({ kind: z.literal("box"), lo: z.array(zRational), hi: z.array(zRational) }),
    z.strictObject({ kind: z.literal("polytope"), rows: z.array(zRow) }),
    z.strictObject({ kind: z.literal("union"), parts: z.array(zSet) }),
  ]),
);

export const singleFields = {
  model: z.literal("single-resource"),
  agents: z.number().int().min(2, "N ≥ 2 agents (zhu2022 §3.1)"),
  dates: z.number().int().min(1, "T ≥ 1 dates (zhu2022 §3.1)"),
  beta: zRational,
  qbar: zRational,
  f: zF,
};
const singleSchema = z.strictObject({ ...singleFields, omegaStar: zSet.optional(), omega: z.array(z.array(zRational)).optional() });

export interface SingleInstance {
  readonly model: SingleResourceModel;
  readonly omegaStar: OmegaStar;
  readonly omega?: Endowments;
}

export function projectFromJson(raw: Record<string, unknown>, field = "f"): ProjectType {
  const fam = projectFamily(String(raw.family));
  if (!fam) throw new InputError(`${field}.family`, `unknown family "${String(raw.family)}" (known: ${projectFamilyNames().join(", ")}; a family of your own: --project FILE)`);
  const params: Record<string, Q> = {};
  for (const p of fam.params) {
    const v = raw[p];
    if (typeof v !== "string") throw new InputError(`${field}.${p}`, `required: a rational written as a string`);
    try {
      params[p] = toQ(v);
    } catch (e) {
      throw new InputError(`${field}.${p}`, (e as Error).message);
    }
  }
  const extra = Object.keys(raw).filter((k) => k !== "family" && !fam.params.includes(k));
  if (extra.length) throw new InputError(field, `unknown field(s) ${extra.map((k) => `"${k}"`).join(", ")} for family ${String(raw.family)}`);
  return fam.build(params);
}

export function projectToJson(f: ProjectType): Json {
  return { family: f.family, ...f.params };
}

function setFromRaw(raw: RawSet): OmegaStar {
  switch (raw.kind) {
    case "all":
      return raw;
    case "window":
      return { kind: "window", avg: toQ(raw.avg), x: toQ(raw.x) };
    case "box-average":
      return { kind: "box-average", max: toQ(raw.max), avg: toQ(raw.avg), x: toQ(raw.x) };
    case "box":
      return { kind: "box", lo: raw.lo.map(toQ), hi: raw.hi.map(toQ) };
    case "polytope":
      return { kind: "polytope", rows: raw.rows.map((r) => ({ a: r.a.map(toQ), op: r.op, b: toQ(r.b) })) };
    case "union":
      return { kind: "union", parts: raw.parts.map(setFromRaw) };
  }
}

export function omegaStarToJson(s: OmegaStar): Json {
  switch (s.kind) {
    case "all":
      return { kind: "all" };
    case "window":
      return { kind: "window", avg: s.avg.toString(), x: s.x.toString() };
    case "box-average":
      return { kind: "box-average", max: s.max.toString(), avg: s.avg.toString(), x: s.x.toString() };
    case "box":
      return { kind: "box", lo: s.lo.map(String), hi: s.hi.map(String) };
    case "polytope":
      return { kind: "polytope", rows: s.rows.map((r) => ({ a: r.a.map(String), op: r.op, b: r.b.toString() })) };
    case "union":
      return { kind: "union", parts: s.parts.map(omegaStarToJson) };
  }
}

export function omegaStarFromJson(v: unknown, T: number, field = "omegaStar"): OmegaStar {
  const set = setFromRaw(parseWith(zSet, v, field));
  checkOmegaStar(set, T, field);
  return set;
}

export function modelFromJsonFields(raw: { agents: number; dates: number; beta: string; qbar: string; f: Record<string, unknown> }, root = "instance"): SingleResourceModel {
  const f = projectFromJson(raw.f, `${root}.f`);
  const at = (field: string, fn: () => SingleResourceModel) => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof InputError) throw new InputError(`${root}.${e.field === "N" ? "agents" : e.field === "T" ? "dates" : e.field}`, e.rule);
      throw e;
    }
  };
  return at(root, () => makeModel({ N: raw.agents, T: raw.dates, beta: toQ(raw.beta), qbar: toQ(raw.qbar), f }));
}

export function readSingleInstance(v: unknown, root = "instance"): SingleInstance {
  const raw = parseWith(singleSchema, v, root);
  const model = modelFromJsonFields(raw, root);
  const omegaStar = raw.omegaStar ? omegaStarFromJson(raw.omegaStar, model.T, `${root}.omegaStar`) : ({ kind: "all" } as const);
  let omega: Q[][] | undefined;
  if (raw.omega) {
    omega = raw.omega.map((row) => row.map(toQ));
    checkEndowments(model, omega, `${root}.omega`);
  }
  return { model, omegaStar, ...(omega ? { omega } : {}) };
}

export function singleInstanceToJson(inst: SingleInstance): Json {
  const { model } = inst;
  return {
    model: "single-resource",
    agents: model.N,
    dates: model.T,
    beta: model.beta.toString(),
    qbar: model.qbar.toString(),
    f: projectToJson(model.f),
    omegaStar: omegaStarToJson(inst.omegaStar),
    ...(inst.omega ? { omega: inst.omega.map((r) => r.map(String)) } : {}),
  };
}
