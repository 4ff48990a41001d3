/**
 * The mp2013 instance file (INTERFACE.md): agents with named types, states, outcomes, a prior as
 * a list of {state, types, p} (absent = 0) and payoffs as a list of {agent, outcome, state, v}
 * (absent = 0). Extension: a payoff entry may name a `type` of its agent, for vᵢ(c, θ, tᵢ) that
 * depends on the type (§2); without one it applies to every type (pure common values when no entry
 * has one). Rules checked: structure (zod), names known and unique, p ≥ 0 summing to 1 exactly,
 * §2's full support (P(θ) > 0, P(tᵢ) > 0 — conditionals on tᵢ need it), v ≥ 0, an outcome c₀ with
 * all payoffs 0, ε > 0.
 */
import { z } from "zod";
import { InputError } from "../../exact/errors.js";
import { Q, sum } from "../../exact/rational.js";
import { parseWith, toQ, zRational } from "../../exact/zod.js";
import type { Json } from "../../exact/json.js";
import { derived, profileTypes, stridesOf, type Mp2013Model } from "./model.js";

export const nameList = (what: string) => z.array(z.string().min(1, `${what} names are non-empty`)).min(1, `at least one ${what} is needed`);

export const mp2013Schema = z.strictObject({
  model: z.literal("mp2013"),
  agents: z.array(z.strictObject({ types: nameList("type") })).min(1, "at least one agent is needed"),
  states: nameList("state"),
  outcomes: nameList("outcome"),
  prior: z.array(z.strictObject({ state: z.string(), types: z.array(z.string()), p: zRational })),
  values: z.array(z.strictObject({ agent: z.number().int(), outcome: z.string(), state: z.string(), type: z.string().optional(), v: zRational })),
  epsilon: zRational.optional(),
});

export type Mp2013Json = z.infer<typeof mp2013Schema>;

export function indexOf(names: readonly string[], name: string, field: string, what: string): number {
  const k = names.indexOf(name);
  if (k < 0) throw new InputError(field, `"${name}" is not one of the ${what} (${names.map((s) => `"${s}"`).join(", ")})`);
  return k;
}

export function unique(names: readonly string[], field: string): void {
  const seen = new Set<string>();
  names.forEach((s, k) => {
    if (seen.has(s)) throw new InputError(`${field}[${k}]`, `"${s}" appears twice; names must be unique`);
    seen.add(s);
  });
}

/** Validates an mp2013 instance object; every rule broken is an InputError naming the field. */
export function readMp2013(raw: unknown, root = "instance"): Mp2013Model {
  const j = parseWith(mp2013Schema, raw, root);
  const types = j.agents.map((a) => a.types);
  types.forEach((ts, i) => unique(ts, `${root}.agents[${i}].types`));
  unique(j.states, `${root}.states`);
  unique(j.outcomes, `${root}.outcomes`);
  const n = types.length;
  const sizes = types.map((t) => t.length);
  let profiles = 1;
  for (const k of sizes) {
    profiles *= k;
    if (profiles * j.states.length > 1_000_000) throw new InputError(`${root}.agents`, "the type space is too large (|Θ|·|T| must stay at most 10⁶ for exact work)");
  }
  const strides = stridesOf(sizes);
  const prior = j.states.map(() => new Array<Q>(profiles).fill(Q.ZERO));
  const setP = new Set<number>();
  j.prior.forEach((e, k) => {
    const f = `${root}.prior[${k}]`;
    const th = indexOf(j.states, e.state, `${f}.state`, "states");
    if (e.types.length !== n) throw new InputError(`${f}.types`, `expected one type per agent (${n}), got ${e.types.length}`);
    const t = e.types.reduce((acc, name, i) => acc + indexOf(types[i]!, name, `${f}.types[${i}]`, `types of agent ${i}`) * strides[i]!, 0);
    const p = toQ(e.p);
    if (p.sign() < 0) throw new InputError(`${f}.p`, `a probability is nonnegative, got ${p}`);
    const key = th * profiles + t;
    if (setP.has(key)) throw new InputError(f, `(${e.state}; ${e.types.join(", ")}) is given twice`);
    setP.add(key);
    prior[th]![t] = p;
  });
  const total = sum(prior.flat());
  if (!total.eq(Q.ONE)) throw new InputError(`${root}.prior`, `the probabilities P(θ, t) must sum to 1 exactly, they sum to ${total}`);
  const values = types.map(() => j.outcomes.map(() => j.states.map(() => new Array<Q>(0))));
  types.forEach((ts, i) => values[i]!.forEach((vc) => vc.forEach((_, th) => (vc[th] = new Array<Q>(ts.length).fill(Q.ZERO)))));
  const setV = new Set<string>();
  j.values.forEach((e, k) => {
    const f = `${root}.values[${k}]`;
    if (e.agent < 0 || e.agent >= n) throw new InputError(`${f}.agent`, `agents are numbered 0..${n - 1} in the order of "agents", got ${e.agent}`);
    const c = indexOf(j.outcomes, e.outcome, `${f}.outcome`, "outcomes");
    const th = indexOf(j.states, e.state, `${f}.state`, "states");
    const ti = e.type === undefined ? null : indexOf(types[e.agent]!, e.type, `${f}.type`, `types of agent ${e.agent}`);
    const v = toQ(e.v);
    if (v.sign() < 0) throw new InputError(`${f}.v`, `payoffs are nonnegative (vᵢ: C × Θ × Tᵢ → ℝ₊, §2), got ${v}`);
    const cells = ti === null ? types[e.agent]!.map((_, x) => x) : [ti];
    for (const x of cells) {
      const key = `${e.agent}|${c}|${th}|${x}`;
      if (setV.has(key)) throw new InputError(f, `the payoff of agent ${e.agent} at (${e.outcome}, ${e.state}, ${types[e.agent]![x]}) is given twice`);
      setV.add(key);
      values[e.agent]![c]![th]![x] = v;
    }
  });
  const epsilon = j.epsilon === undefined ? null : toQ(j.epsilon);
  if (epsilon !== null && epsilon.sign() <= 0) throw new InputError(`${root}.epsilon`, `ε must be positive, got ${epsilon}`);
  const m: Mp2013Model = { types, states: j.states, outcomes: j.outcomes, prior, values, epsilon };
  const d = derived(m); // also checks c₀
  d.pTheta.forEach((p, th) => {
    if (p.isZero()) throw new InputError(`${root}.prior`, `state "${j.states[th]}" has probability 0; §2 assumes P(θ) > 0 for every θ (full support)`);
  });
  d.pTi.forEach((row, i) =>
    row.forEach((p, x) => {
      if (p.isZero()) throw new InputError(`${root}.prior`, `type "${types[i]![x]}" of agent ${i} has probability 0; §2 assumes P(tᵢ) > 0 (full support), and P(t₋ᵢ | tᵢ) needs it`);
    }),
  );
  return m;
}

/** The instance file of a model: zero probabilities and payoffs are left out; a payoff equal across an agent's types is written once. */
export function mp2013ToJson(m: Mp2013Model): Json {
  const d = derived(m);
  const prior: Json[] = [];
  m.prior.forEach((row, th) =>
    row.forEach((p, t) => {
      if (!p.isZero()) prior.push({ state: m.states[th]!, types: profileTypes(d, t).map((x, i) => m.types[i]![x]!), p: p.toString() });
    }),
  );
  const values: Json[] = [];
  m.values.forEach((vi, i) =>
    vi.forEach((vc, c) =>
      vc.forEach((row, th) => {
        if (row.every((x) => x.eq(row[0]!))) {
          if (!row[0]!.isZero()) values.push({ agent: i, outcome: m.outcomes[c]!, state: m.states[th]!, v: row[0]!.toString() });
        } else row.forEach((x, ti) => {
          if (!x.isZero()) values.push({ agent: i, outcome: m.outcomes[c]!, state: m.states[th]!, type: m.types[i]![ti]!, v: x.toString() });
        });
      }),
    ),
  );
  return {
    model: "mp2013",
    agents: m.types.map((ts) => ({ types: [...ts] })),
    states: [...m.states],
    outcomes: [...m.outcomes],
    prior,
    values,
    ...(m.epsilon !== null ? { epsilon: m.epsilon.toString() } : {}),
  };
}

/** Pure common values (§2): no payoff depends on the agent's own type. */
export const pureCommonValues = (m: Mp2013Model): boolean => m.values.every((vi) => vi.every((vc) => vc.every((row) => row.every((x) => x.eq(row[0]!)))));
