/**
 * What the mp2013 claims share: the instance codec (INTERFACE.md's mp2013 instance file, plus
 * claim-specific fields beside it), sizes for reports, and exact numbers for witnesses.
 */
import * as fc from "fast-check";
import { InputError } from "../../src/exact/errors.js";
import { rationalAt } from "../../src/exact/zod.js";
import type { Json } from "../../src/exact/json.js";
import { Q } from "../../src/exact/rational.js";
import type { Surd } from "../../src/exact/surd.js";
import { mp2013ToJson, readMp2013 } from "../../src/models/mp2013/json.js";
import { derived, showProfile, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { postedValue } from "../../src/mechanisms/mp2013/posted.js";

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
export const surd = (x: Surd): Json => x.toJson();
export const qs = (x: Q): string => x.toString();

/** A belief over k states from small integer weights (all mass on the first state when they are all 0). */
export const belief = (k: number) => fc.array(fc.nat({ max: 9 }), { minLength: k, maxLength: k }).map((w) => {
  const tot = w.reduce((a, b) => a + b, 0);
  return tot === 0 ? w.map((_, i) => (i === 0 ? Q.ONE : Q.ZERO)) : w.map((x) => Q.of(x, tot));
});

/** A belief close to p: p with mass 1/1000·k moved from one state to another (when possible). */
export const near = (p: readonly Q[]) =>
  fc.tuple(fc.nat({ max: p.length - 1 }), fc.nat({ max: p.length - 1 }), fc.integer({ min: 1, max: 9 })).map(([a, b, k]) => {
    const h = Q.min(p[a]!, Q.of(k, 1000));
    return p.map((x, i) => (i === a && a !== b ? x.sub(h) : i === b && a !== b ? x.add(h) : x));
  });

/** A belief read from an instance file: k nonnegative rationals summing to 1. */
export function readBelief(v: unknown, k: number, field: string): Q[] {
  if (!Array.isArray(v) || v.length !== k) throw new InputError(field, `expected a belief over the ${k} states (a list of ${k} rationals)`);
  const p = v.map((x, i) => rationalAt(x, `${field}[${i}]`));
  p.forEach((x, i) => {
    if (x.sign() < 0) throw new InputError(`${field}[${i}]`, `a probability is nonnegative, got ${x}`);
  });
  const s = p.reduce((a, x) => a.add(x), Q.ZERO);
  if (!s.eq(Q.ONE)) throw new InputError(field, `a belief sums to 1, this one to ${s}`);
  return p;
}

/** A profile given by type names, one per agent, as type indices. */
export function readProfile(model: Mp2013Model, v: unknown, field = "instance.profile"): number[] {
  const n = model.types.length;
  if (!Array.isArray(v) || v.length !== n) throw new InputError(field, `one type name per agent (${n})`);
  return v.map((name, i) => {
    const x = model.types[i]!.indexOf(String(name));
    if (x < 0) throw new InputError(`${field}[${i}]`, `"${String(name)}" is not a type of agent ${i}`);
    return x;
  });
}

/**
 * Two beliefs straddling a switch of the efficient outcome: on the segment from a to b, the first λ
 * where another outcome overtakes the best one at a (an exact crossing of two lines), and a step of
 * 1/1000 past it. Lipschitz bounds are tight exactly at such switches, and discontinuities show there.
 */
export function acrossSwitch(m: Mp2013Model, types: readonly number[]): fc.Arbitrary<[Q[], Q[]]> {
  const k = m.states.length;
  return fc.tuple(belief(k), belief(k)).map(([a, b]) => {
    const va = m.outcomes.map((_, c) => postedValue(m, types, a, c));
    const vb = m.outcomes.map((_, c) => postedValue(m, types, b, c));
    let best = 0;
    va.forEach((v, c) => {
      if (v.gt(va[best]!)) best = c;
    });
    let lam: Q | null = null;
    for (let c = 0; c < va.length; c++) {
      const den = vb[c]!.sub(va[c]!).sub(vb[best]!.sub(va[best]!));
      if (den.sign() <= 0) continue;
      const l = va[best]!.sub(va[c]!).div(den);
      if (l.le(Q.ONE) && (lam === null || l.lt(lam))) lam = l;
    }
    if (lam === null) return [a, b];
    const at = (l: Q) => a.map((x, i) => x.add(b[i]!.sub(x).mul(l)));
    return [at(lam), at(Q.min(Q.ONE, lam.add(Q.of(1, 1000))))];
  });
}

/** Two beliefs to compare: drawn independently, one a small step from the other, or straddling an outcome switch. */
export function beliefPair(m: Mp2013Model, types: readonly number[]): fc.Arbitrary<[Q[], Q[]]> {
  const k = m.states.length;
  return belief(k).chain((p) => fc.oneof(belief(k).map((p2): [Q[], Q[]] => [p, p2]), near(p).map((p2): [Q[], Q[]] => [p, p2]), acrossSwitch(m, types)));
}
