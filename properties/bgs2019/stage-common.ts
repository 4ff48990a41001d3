/**
 * What the claims on bgs2019's stage mechanism share: a case is an instance (values, β, F or ξ, the
 * state u, the tie rule) and one report profile v (the instance's `reports`); the central region of
 * eq. (8) decided exactly (certified bounds for densities); instances placed at the frontier, the axes
 * and the corners.
 */
import * as fc from "fast-check";
import type { Verdict, Witness } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import type { Json } from "../../src/exact/json.js";
import { outsideOrVacuous } from "../../src/claims/verdicts.js";
import { BGS_STAGE_KIND, mainPhase, type StageFamily, type StageMechanism } from "../../src/mechanisms/bgs2019/stage.js";
import { inCentralRegion, inScaledSet, thresholds } from "../../src/mechanisms/bgs2019/region.js";
import { top, type ValueDist } from "../../src/models/bgs2019/distribution.js";
import { bgs2019ToJson, readBgs2019, type Bgs2019Model, type TieBreak } from "../../src/models/bgs2019/json.js";
import { centralStateArb, distsArb } from "../../src/search/bgs2019.js";

export interface StageCase {
  readonly model: Bgs2019Model;
  /** The report profile v. */
  readonly v: readonly Q[];
}

export { thresholds, inCentralRegion };

/** The verdict before the conclusion is evaluated: the main phase runs only in the central region. */
export function regionVerdict(m: Bgs2019Model): Verdict | null {
  const r = inCentralRegion(m);
  if (r.inside === null) return { kind: "inconclusive", reason: r.why };
  return r.inside ? null : { kind: "vacuous", hypothesis: `${r.why}; the main phase (9)–(11) runs in the central region only` };
}

/** Vacuous where (11) is undefined at v (α*ᵢ = 0: only where uᵢ = 0 is allowed, i.e. u̲ = 0). */
export function definedVerdict(mech: StageMechanism, v: readonly Q[]): Verdict | null {
  const why = mech.undefinedAt(v);
  return why ? { kind: "vacuous", hypothesis: `the main phase is defined at (u, v): ${why}` } : null;
}

export const hasDiscrete = (m: Bgs2019Model): number => m.values.findIndex((d) => d.kind === "discrete");

/** Report profiles: support points for discrete values, a grid of halves in [0, v̄] for densities (ties likely). */
export function profileArb(ds: readonly ValueDist[]): fc.Arbitrary<Q[]> {
  return fc.tuple(
    ...ds.map((d) =>
      d.kind === "discrete"
        ? fc.constantFrom(...d.points.map((p) => p.v))
        : // 0 one time in three: a profile of zeros is a tie for every weight vector.
          fc.oneof({ weight: 1, arbitrary: fc.constant(Q.ZERO) }, { weight: 2, arbitrary: fc.nat({ max: Math.floor(top(d).toNumber() * 2) }).map((k) => Q.min(top(d), Q.of(k, 2))) }),
    ),
  );
}

export interface StageShape {
  readonly tieBreaks?: readonly TieBreak[];
  readonly maxAgents?: number;
}

export function stageCaseArb(shape: StageShape = {}): fc.Arbitrary<StageCase> {
  return distsArb({ minAgents: 2, maxAgents: shape.maxAgents ?? 3, oneKind: true }).chain((values) =>
    fc
      .record({
        beta: fc.constantFrom(Q.of(1, 2), Q.of(9, 10), Q.of(99, 100)),
        // F = 1 (u̲ = 0, allowed by §3, excluded by (13)'s ξ > 0) reaches the axes.
        F: fc.constantFrom(Q.of(99, 100), Q.of(99, 100), Q.of(9, 10), Q.of(9, 10), Q.of(4, 5), Q.ONE),
        tieBreak: fc.constantFrom(...(shape.tieBreaks ?? (["as-written"] as const))),
      })
      .chain((p) =>
        fc.record({ u: centralStateArb(values, p.F, thresholds({ values, beta: p.beta, xi: null, F: p.F, u: null, tieBreak: p.tieBreak, reports: null }).uLow), v: profileArb(values) }).map(({ u, v }) => ({
          model: { values, beta: p.beta, xi: null, F: p.F, u, tieBreak: p.tieBreak, reports: v },
          v,
        })),
      ),
  );
}

export const encodeStage = (c: StageCase): Json => bgs2019ToJson({ ...c.model, reports: c.v });

export function decodeStage(raw: unknown): StageCase {
  const m = readBgs2019(raw);
  if (m.u === null) throw new InputError("instance.u", "the stage mechanism runs at a promised-utility state: the instance needs \"u\"");
  if (m.beta === null) throw new InputError("instance.beta", "the stage mechanism needs the discount factor \"beta\"");
  if (m.reports === null) throw new InputError("instance.reports", "the claim is checked at one report profile: the instance needs \"reports\"");
  m.reports.forEach((x, i) => {
    if (x.gt(top(m.values[i]!))) throw new InputError(`instance.reports[${i}]`, `reports lie in [0, v̄] = [0, ${top(m.values[i]!)}], got ${x}`);
  });
  return { model: m, v: m.reports };
}

/**
 * A user's instance whose state violates the condition the claim is stated under is rejected by
 * `verify` (exit 2, INTERFACE.md; Claim.admit): `where` decides u's set exactly; a state certified
 * outside names the rule, an undecided one is left to the claim (inconclusive).
 */
export function requireState(c: StageCase, where: (m: Bgs2019Model) => { readonly inside: boolean | null; readonly why?: string }, rule: string): void {
  const r = where(c.model);
  if (r.inside === false) throw new InputError("instance.u", `${rule}; here ${(r.why ?? "").replace(/ŵ/g, "u")}`);
}

/** u ∈ s·𝒰, decided exactly (see requireState). */
export const inScaled = (s: Q) => (m: Bgs2019Model) => inScaledSet(m.values, m.u!, s);

/** The main phase's claims: u in the central region (8). */
export const admitCentral = (c: StageCase): void => requireState(c, inCentralRegion, "the claim is stated for u in the central region (8), where the main phase (9)–(11) runs");

export const stageSize = (c: StageCase): Record<string, number> => ({ agents: c.model.values.length, points: Math.max(...c.model.values.map((d) => (d.kind === "discrete" ? d.points.length : d.pieces.length))) });

/** The fields every claim on the main phase shares (its subject, file format and size). */
export const STAGE_CLAIM = { paper: "bgs2019", subjectKind: BGS_STAGE_KIND, defaultSubject: mainPhase, encode: encodeStage, decode: decodeStage, admit: admitCentral, size: stageSize } as const;

/** A witness decides "violated" on densities and "outside" (§2 assumes a density) on discrete values. */
export function densityVerdict(m: Bgs2019Model, witness: Witness | null): Verdict {
  const disc = hasDiscrete(m);
  if (disc >= 0) return outsideOrVacuous(`agent ${disc}'s values are discrete: §2 assumes a density`, witness);
  return witness ? { kind: "violated", witness } : { kind: "holds" };
}

/** The main phase at the case's state and profile, or the verdict that stops the check first. */
export function mainPhaseAt(c: StageCase, family: StageFamily): { mech: StageMechanism } | { verdict: Verdict } {
  const pre = regionVerdict(c.model);
  if (pre) return { verdict: pre };
  const mech = family.build(c.model);
  const undef = definedVerdict(mech, c.v);
  return undef ? { verdict: undef } : { mech };
}
