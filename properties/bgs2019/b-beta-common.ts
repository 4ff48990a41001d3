/**
 * What the claims on bgs2019's operator B_β (§2.2, eq. (3)) share: the subject is an implementation
 * of B_β (src/equilibrium/bgs2019-b-beta.ts: `{ name, kind, inBBeta, supportOfBBeta }`), a case is
 * a bgs2019 instance with discrete values (finite supports, where B_β(A) of a polytope A is an exact
 * LP) and β; claims read the subject's answers, re-check its certificates exactly, and verify its
 * witness mechanisms against the definitions (FA), (PK(u)), (IC), w ∈ A before calling a case "holds".
 */
import * as fc from "fast-check";
import type { Verdict } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import type { Json } from "../../src/exact/json.js";
import { Q } from "../../src/exact/rational.js";
import { checkFarkas, shapeOf } from "../../src/lp/index.js";
import { BGS_B_BETA_KIND, bBeta, checkStageMechanism, type Membership, type StageTable } from "../../src/equilibrium/bgs2019-b-beta.js";
import type { RowLabel } from "../../src/equilibrium/bgs2019-b-beta-lp.js";
import { mean, type ValueDist } from "../../src/models/bgs2019/distribution.js";
import { bgs2019ToJson, readBgs2019, type Bgs2019Model } from "../../src/models/bgs2019/json.js";
import type { Polytope } from "../../src/models/bgs2019/polytope.js";
import { discreteProfiles, type DiscreteProfiles } from "../../src/models/bgs2019/polytope-pi.js";
import { discreteArb } from "../../src/search/bgs2019.js";
import { distSize, vec } from "./common.js";

export interface OperatorCase {
  readonly model: Bgs2019Model;
}

export const encodeOperatorCase = (c: OperatorCase): Json => bgs2019ToJson(c.model);

/** A bgs2019 instance with β, discrete values with positive means, and 1–3 agents (𝒰 is built for n ≤ 3). */
export function decodeOperatorCase(raw: unknown): OperatorCase {
  const model = readBgs2019(raw);
  if (model.beta === null) throw new InputError("instance.beta", "B_β needs the discount factor β");
  if (model.values.length > 3) throw new InputError("instance.agents", `the exact polytopes are built for n ≤ 3 agents, got ${model.values.length}`);
  model.values.forEach((d, i) => {
    if (d.kind !== "discrete") throw new InputError(`instance.values[${i}]`, "B_β on polytopes is an exact LP for discrete values (finite supports) only");
    if (mean(d).sign() <= 0) throw new InputError(`instance.values[${i}]`, "§2 assumes E[vᵢ] > 0 (m̲ > 0)");
  });
  return { model };
}

export const OPERATOR_CLAIM = {
  paper: "bgs2019",
  subjectKind: BGS_B_BETA_KIND,
  defaultSubject: bBeta,
  encode: encodeOperatorCase,
  decode: decodeOperatorCase,
  size: (c: OperatorCase): Record<string, number> => distSize(c.model.values),
} as const;

/** Two agents' discrete values (supports of 1–`maxPoints` halves in [0, 4]) with positive means. */
export function twoAgentValuesArb(maxPoints = 3): fc.Arbitrary<ValueDist[]> {
  return fc.tuple(discreteArb(maxPoints), discreteArb(maxPoints)).filter((ds) => ds.every((d) => mean(d).sign() > 0));
}

export const caseOf = (values: readonly ValueDist[], beta: Q, xi: Q | null = null): OperatorCase => ({ model: { values, beta, xi, F: null, u: null, tieBreak: "as-written", reports: null } });

const label = (l: RowLabel, P: DiscreteProfiles): string => {
  switch (l.kind) {
    case "FA":
      return `FA(${vec(P.values[l.profile]!).join(",")})`;
    case "A":
      return `w∈A(${vec(P.values[l.profile]!).join(",")})`;
    case "PK":
      return `PK${l.agent}`;
    case "IC":
      return `IC${l.agent}(${P.supports[l.agent]![l.truth]}→${P.supports[l.agent]![l.report]})`;
  }
};

/**
 * A "no" answer as exact numbers: the Farkas multipliers on the named constraints (re-checked here
 * against the subject's LP), or why the certificate does not check.
 */
export function farkasQuantities(ans: Extract<Membership, { inside: false }>, values: readonly ValueDist[]): { ok: true; multipliers: Record<string, string> } | { ok: false; why: string } {
  try {
    checkFarkas(ans.lp, shapeOf(ans.lp), ans.farkas);
  } catch (e) {
    return { ok: false, why: (e as Error).message };
  }
  const P = discreteProfiles(values);
  const multipliers: Record<string, string> = {};
  ans.farkas.forEach((y, i) => {
    if (!y.isZero()) multipliers[ans.labels[i] ? label(ans.labels[i]!, P) : `row${i}`] = y.toString();
  });
  return { ok: true, multipliers };
}

/** The verdict when a subject's witness for u ∈ B_β(A) breaks the definitions (membership unproven), or null. */
export function witnessVerdict(m: Bgs2019Model, A: Polytope, u: readonly Q[], T: StageTable): Verdict | null {
  const why = checkStageMechanism(m, A, u, T);
  return why ? { kind: "inconclusive", reason: `the operator's witness for u = (${vec(u).join(", ")}) ∈ B_β(A) breaks the definitions of §2.2: ${why}` } : null;
}

/** The first vertex witness of a self-generation answer that breaks the definitions, as a verdict, or null. */
export function witnessesVerdict(m: Bgs2019Model, A: Polytope, witnesses: readonly StageTable[]): Verdict | null {
  for (const [k, T] of witnesses.entries()) {
    const bad = witnessVerdict(m, A, A.vertices[k]!, T);
    if (bad) return bad;
  }
  return null;
}
