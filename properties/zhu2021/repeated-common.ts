/** What the repeated-model claims of zhu2021 share: subject kinds, codecs, witness helpers. */
import { InputError } from "../../src/exact/errors.js";
import type { Json } from "../../src/claims/types.js";
import type { Q } from "../../src/exact/rational.js";
import { inTypeSpace, type Profile, type RepeatedModel } from "../../src/models/zhu2021/repeated.js";
import { modelToJson, profileToJson, readProfile, readRepeated } from "../../src/models/zhu2021/repeated-json.js";
import type { RepeatedCase } from "../../src/search/zhu2021-repeated.js";

export function encodeCase(c: RepeatedCase, extra: Record<string, Json> = {}): Json {
  return { ...(modelToJson(c.model) as Record<string, Json>), reports: profileToJson(c.truth), ...extra };
}

/** Decodes a repeated instance whose `reports` are the true endowments; returns the extra fields too. */
export function decodeCase(json: unknown, extraKeys: readonly string[]): { c: RepeatedCase; extra: Record<string, unknown> } {
  if (typeof json !== "object" || json === null) throw new InputError("instance", "expected a JSON object");
  const rest: Record<string, unknown> = { ...(json as Record<string, unknown>) };
  const extra: Record<string, unknown> = {};
  for (const k of extraKeys) {
    extra[k] = rest[k];
    delete rest[k];
  }
  const inst = readRepeated(rest);
  if (!inst.reports) throw new InputError("instance.reports", "the true endowments are required");
  return { c: { model: inst.model, truth: inst.reports as Q[][][] }, extra };
}

export function profileField(value: unknown, model: RepeatedModel, field: string): Q[][][] {
  if (!Array.isArray(value)) throw new InputError(field, "expected N × T × I rationals");
  return readProfile(value as unknown[][][], model, field);
}

export function rows(p: Profile): Json {
  return profileToJson(p);
}

export function caseSize(c: RepeatedCase): Record<string, number> {
  return { agents: c.model.N, dates: c.model.T, types: c.model.econ.I, resources: c.model.econ.R };
}

export function agentField(value: unknown, N: number, field = "instance.agent"): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > N) throw new InputError(field, `expected an agent number 1..${N}`);
  return value - 1;
}

/** The case without agent m (N ≥ 2), or undefined. */
export function dropAgent(c: RepeatedCase, m: number): RepeatedCase | undefined {
  const { model } = c;
  if (model.N < 2) return undefined;
  const keep = <T>(xs: readonly T[]) => xs.filter((_, k) => k !== m);
  return { model: { ...model, N: model.N - 1, muLow: keep(model.muLow), muHigh: keep(model.muHigh) }, truth: keep(c.truth) };
}

/** The case without date d (T ≥ 2), or undefined. Bounds are kept: check the hypotheses again. */
export function dropDate(c: RepeatedCase, d: number): RepeatedCase | undefined {
  const { model } = c;
  if (model.T < 2) return undefined;
  return { model: { ...model, T: model.T - 1 }, truth: c.truth.map((row) => row.filter((_, t) => t !== d)) };
}

/** `vacuous` verdict unless the true endowments lie in Ω(T, μ_, μ̄) (the standing assumption of §2). */
export function outsideTypeSpace(c: RepeatedCase): { kind: "vacuous"; hypothesis: string } | undefined {
  return inTypeSpace(c.model, c.truth) ? undefined : { kind: "vacuous", hypothesis: "the true endowments are not in Ω(T, μ_, μ̄)" };
}
