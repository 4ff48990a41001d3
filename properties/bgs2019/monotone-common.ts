/**
 * What Propositions 6.1 and 6.2 share: a stage case with one change — agent k's report raised to a
 * higher point of its report grid, or agent k's promised utility raised by a small step — carried in
 * the instance file as "raise": { "agent": k, "report": y } or { "agent": k, "utility": δ }.
 */
import * as fc from "fast-check";
import { InputError } from "../../src/exact/errors.js";
import type { Json } from "../../src/exact/json.js";
import { Q } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import { top } from "../../src/models/bgs2019/distribution.js";
import { decodeStage, encodeStage, stageCaseArb, type StageCase, type StageShape } from "./stage-common.js";

export type Raise = { readonly agent: number; readonly report: Q } | { readonly agent: number; readonly utility: Q };

export interface RaisedCase extends StageCase {
  readonly raise: Raise;
}

/** Raises of reports (to a report above vₖ) and, when `utility`, of promised utilities (1/100 … 1/4). */
export function raisedCaseArb(shape: StageShape & { utility?: boolean } = {}): fc.Arbitrary<RaisedCase> {
  return stageCaseArb(shape).chain((c) => {
    const n = c.v.length;
    const report = fc.record({ agent: fc.nat({ max: n - 1 }), k: fc.integer({ min: 1, max: 8 }) }).map(({ agent, k }): Raise => {
      const d = c.model.values[agent]!;
      const up = d.kind === "discrete" ? (d.points.find((p) => p.v.gt(c.v[agent]!))?.v ?? top(d)) : Q.min(top(d), c.v[agent]!.add(Q.of(k, 4)));
      return { agent, report: up };
    });
    const utility = fc.record({ agent: fc.nat({ max: n - 1 }), by: fc.constantFrom(Q.of(1, 100), Q.of(1, 20), Q.of(1, 4)) }).map(({ agent, by }): Raise => ({ agent, utility: by }));
    return (shape.utility ? fc.oneof(report, utility) : report).map((raise) => ({ ...c, raise }));
  });
}

export const encodeRaised = (c: RaisedCase): Json => {
  const base = encodeStage(c) as Record<string, Json>;
  return { ...base, raise: "report" in c.raise ? { agent: c.raise.agent, report: c.raise.report.toString() } : { agent: c.raise.agent, utility: c.raise.utility.toString() } };
};

export function decodeRaised(raw: unknown): RaisedCase {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new InputError("instance", "expected a JSON object with \"model\": \"bgs2019\"");
  const { raise: r, ...o } = raw as Record<string, unknown>;
  const c = decodeStage(o);
  if (typeof r !== "object" || r === null || Array.isArray(r)) throw new InputError("instance.raise", "expected {\"agent\": k, \"report\": y} or {\"agent\": k, \"utility\": δ}");
  const x = r as Record<string, unknown>;
  const agent = x.agent;
  if (typeof agent !== "number" || !Number.isInteger(agent) || agent < 0 || agent >= c.v.length) throw new InputError("instance.raise.agent", `an agent index in 0..${c.v.length - 1}, got ${JSON.stringify(agent)}`);
  if ("report" in x) {
    const y = rationalAt(x.report, "instance.raise.report");
    if (y.lt(c.v[agent]!) || y.gt(top(c.model.values[agent]!))) throw new InputError("instance.raise.report", `a raised report lies in [v${agent}, v̄] = [${c.v[agent]}, ${top(c.model.values[agent]!)}], got ${y}`);
    return { ...c, raise: { agent, report: y } };
  }
  if ("utility" in x) {
    const d = rationalAt(x.utility, "instance.raise.utility");
    if (d.sign() <= 0) throw new InputError("instance.raise.utility", `a raise of uₖ is positive, got ${d}`);
    return { ...c, raise: { agent, utility: d } };
  }
  throw new InputError("instance.raise", "give \"report\" (a higher report) or \"utility\" (a positive raise of uₖ)");
}

/** The raised report profile (the reports unchanged when the raise is of a utility). */
export const raisedProfile = (c: RaisedCase): Q[] => c.v.map((x, i) => ("report" in c.raise && i === c.raise.agent ? c.raise.report : x));
