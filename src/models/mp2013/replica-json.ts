/**
 * The replica base file (§8, an extension of INTERFACE.md's instances): the one-agent joint law
 * P(θ, a) and the common payoff v(c, θ, a) from which every P^r is built.
 *
 *   {"model": "mp2013-replica", "states": [..], "signals": [..], "outcomes": [..],
 *    "joint": [{"state", "signal", "p"}], "values": [{"outcome", "state", "signal"?, "v"}], "epsilon"?}
 *
 * Rules: structure (zod); names known and unique; p summing to 1 exactly; Definition 6(a): every
 * P(θ, a) > 0 and P(·|θ) ≠ P(·|θ̂) for θ ≠ θ̂; v ≥ 0; an outcome c₀ with all payoffs 0 (§2); ε > 0.
 * A payoff entry without "signal" applies to every signal (pure common values).
 */
import { z } from "zod";
import { InputError } from "../../exact/errors.js";
import type { Json } from "../../exact/json.js";
import { Q, sum } from "../../exact/rational.js";
import { parseWith, toQ, zRational } from "../../exact/zod.js";
import { indexOf, nameList, unique } from "./json.js";
import { replicaDerived, type ReplicaBase } from "./replica.js";

export const REPLICA_MODEL = "mp2013-replica";

export const replicaSchema = z.strictObject({
  model: z.literal(REPLICA_MODEL),
  states: nameList("state"),
  signals: nameList("signal"),
  outcomes: nameList("outcome"),
  joint: z.array(z.strictObject({ state: z.string(), signal: z.string(), p: zRational })),
  values: z.array(z.strictObject({ outcome: z.string(), state: z.string(), signal: z.string().optional(), v: zRational })),
  epsilon: zRational.optional(),
});

export function readReplicaBase(raw: unknown, root = "instance"): ReplicaBase {
  const j = parseWith(replicaSchema, raw, root);
  unique(j.states, `${root}.states`);
  unique(j.signals, `${root}.signals`);
  unique(j.outcomes, `${root}.outcomes`);
  const joint = j.states.map(() => new Array<Q | null>(j.signals.length).fill(null));
  j.joint.forEach((e, k) => {
    const f = `${root}.joint[${k}]`;
    const th = indexOf(j.states, e.state, `${f}.state`, "states");
    const a = indexOf(j.signals, e.signal, `${f}.signal`, "signals");
    if (joint[th]![a] !== null) throw new InputError(f, `(${e.state}, ${e.signal}) is given twice`);
    const p = toQ(e.p);
    if (p.sign() <= 0) throw new InputError(`${f}.p`, `Definition 6(a) needs P(θ, a) > 0 for every state and signal, got ${p}`);
    joint[th]![a] = p;
  });
  joint.forEach((row, th) =>
    row.forEach((p, a) => {
      if (p === null) throw new InputError(`${root}.joint`, `P(${j.states[th]}, ${j.signals[a]}) is missing; Definition 6(a) needs P(θ, a) > 0 for every state and signal`);
    }),
  );
  const P = joint as Q[][];
  const total = sum(P.flat());
  if (!total.eq(Q.ONE)) throw new InputError(`${root}.joint`, `the probabilities P(θ, a) must sum to 1 exactly, they sum to ${total}`);
  const values = j.outcomes.map(() => j.states.map(() => new Array<Q>(j.signals.length).fill(Q.ZERO)));
  const seen = new Set<string>();
  j.values.forEach((e, k) => {
    const f = `${root}.values[${k}]`;
    const c = indexOf(j.outcomes, e.outcome, `${f}.outcome`, "outcomes");
    const th = indexOf(j.states, e.state, `${f}.state`, "states");
    const cells = e.signal === undefined ? j.signals.map((_, a) => a) : [indexOf(j.signals, e.signal, `${f}.signal`, "signals")];
    const v = toQ(e.v);
    if (v.sign() < 0) throw new InputError(`${f}.v`, `payoffs are nonnegative (v: C × Θ × A → ℝ₊, §8.1), got ${v}`);
    for (const a of cells) {
      const key = `${c}|${th}|${a}`;
      if (seen.has(key)) throw new InputError(f, `the payoff at (${e.outcome}, ${e.state}, ${j.signals[a]}) is given twice`);
      seen.add(key);
      values[c]![th]![a] = v;
    }
  });
  const epsilon = j.epsilon === undefined ? null : toQ(j.epsilon);
  if (epsilon !== null && epsilon.sign() <= 0) throw new InputError(`${root}.epsilon`, `ε must be positive, got ${epsilon}`);
  const b: ReplicaBase = { states: j.states, signals: j.signals, outcomes: j.outcomes, joint: P, values, epsilon };
  const d = replicaDerived(b);
  if (d.c0 < 0) throw new InputError(`${root}.values`, "§2 assumes an outcome c₀ with v(c₀, θ, a) = 0 for every state and signal (the uniformly worst outcome); no outcome has all payoffs 0");
  for (let th = 0; th < j.states.length; th++)
    for (let th2 = th + 1; th2 < j.states.length; th2++)
      if (d.cond[th]!.every((p, a) => p.eq(d.cond[th2]![a]!))) throw new InputError(`${root}.joint`, `states "${j.states[th]}" and "${j.states[th2]}" have the same signal law P(·|θ); Definition 6(a) needs them to differ`);
  return b;
}

export function replicaToJson(b: ReplicaBase): Json {
  const joint: Json[] = [];
  b.joint.forEach((row, th) => row.forEach((p, a) => joint.push({ state: b.states[th]!, signal: b.signals[a]!, p: p.toString() })));
  const values: Json[] = [];
  b.values.forEach((vc, c) =>
    vc.forEach((row, th) => {
      if (row.every((x) => x.eq(row[0]!))) {
        if (!row[0]!.isZero()) values.push({ outcome: b.outcomes[c]!, state: b.states[th]!, v: row[0]!.toString() });
      } else row.forEach((x, a) => {
        if (!x.isZero()) values.push({ outcome: b.outcomes[c]!, state: b.states[th]!, signal: b.signals[a]!, v: x.toString() });
      });
    }),
  );
  return { model: REPLICA_MODEL, states: [...b.states], signals: [...b.signals], outcomes: [...b.outcomes], joint, values, ...(b.epsilon !== null ? { epsilon: b.epsilon.toString() } : {}) };
}
