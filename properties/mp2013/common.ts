/**
 * What the mp2013 claims share: the instance codec (INTERFACE.md's mp2013 instance file, plus
 * claim-specific fields beside it), sizes for reports, and exact numbers for witnesses.
 */
import { InputError } from "../../src/exact/errors.js";
import type { Json } from "../../src/exact/json.js";
import type { Q } from "../../src/exact/rational.js";
import type { Surd } from "../../src/exact/surd.js";
import { mp2013ToJson, readMp2013 } from "../../src/models/mp2013/json.js";
import { derived, showProfile, type Mp2013Model } from "../../src/models/mp2013/model.js";

export const encodeModel = (m: Mp2013Model): Json => mp2013ToJson(m);

/** Splits claim-specific `extra` keys off an instance object and validates the model part. */
export function decodeWith(v: unknown, extra: readonly string[] = []): { model: Mp2013Model; rest: Record<string, unknown> } {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new InputError("instance", "expected a JSON object with \"model\": \"mp2013\"");
  const o = { ...(v as Record<string, unknown>) };
  const rest: Record<string, unknown> = {};
  for (const k of extra) {
    if (k in o) rest[k] = o[k];
    delete o[k];
  }
  return { model: readMp2013(o), rest };
}

export const decodeModel = (v: unknown): Mp2013Model => decodeWith(v).model;

export function modelSize(m: Mp2013Model): Record<string, number> {
  const d = derived(m);
  return { agents: d.n, types: Math.max(...d.sizes), states: m.states.length, outcomes: m.outcomes.length };
}

/** Lies, profiles and numbers in words and exact strings. */
export const who = (m: Mp2013Model, i: number, t: number): string => `agent ${i} at ${showProfile(m, derived(m), t)}`;
export const typeName = (m: Mp2013Model, i: number, x: number): string => m.types[i]![x]!;
export const surd = (x: Surd): Json => x.toJson() as unknown as Json;
export const qs = (x: Q): string => x.toString();
