/**
 * mp2013 §7.3: the two-stage implementation game, exactly. Stage 1: each agent reports rᵢ and is
 * paid zᵢ(r); the designer posts π = ρ(r) = P_Θ(·|r). Stage 2: agents report sᵢ to the stage-2
 * mechanism (q̂(·|π), x̂(·|π)). The section assumes T = T*, and so does every function here.
 *
 * The truthful assessment (α = truth, β = truth after a truthful report, a best reply after a lie, and
 * the Bayes beliefs μ of the proof of Proposition 4, Step 2) is an ICPBE exactly when
 *   (a) at every information set (tᵢ, π, tᵢ) reached with positive probability, truth is a best
 *       stage-2 reply to the Bayes belief;
 *   (b) at every unreached (tᵢ, π, tᵢ), π ∈ Π, truth is a best reply to *some* belief on Θ × T₋ᵢ
 *       (weak PBE leaves those beliefs free; a linear feasibility problem, solved exactly);
 *   (c) no stage-1 lie rᵢ, followed by the best stage-2 reply at each posted π, gains in expectation
 *       (Step 4's "coordinated deviations").
 * After a lie, β's best replies are sequentially rational by construction, so nothing else is needed.
 * A deviator's payoff is evaluated under the *true* posterior ρ(t₋ᵢ, tᵢ), not the posted one.
 */
import { isFeasible, type LpRow } from "../lp/index.js";
import { Q } from "../exact/rational.js";
import { Surd } from "../exact/surd.js";
import { condOthers, derived, othersProfiles, typeAt, withType, wValue, type Derived, type Mp2013Model } from "../models/mp2013/model.js";
import type { PostedMechanism } from "../mechanisms/mp2013/posted.js";

/** zᵢ at a stage-1 report profile. */
export type StageOneReward = (i: number, t: number) => Surd;

/** T = T*: every profile has positive probability (§7.3's standing assumption). */
export const fullSupport = (d: Derived): boolean => d.post.every((p) => p !== null);

const key = (pi: readonly Q[]): string => pi.join(",");

/** Agent i's stage-2 payoff when the true profile is t, i announces s and π is posted; the others announce t₋ᵢ. */
export function stage2Payoff(m: Mp2013Model, stage2: PostedMechanism, d: Derived, i: number, t: number, s: number, pi: readonly Q[]): Q {
  const lie = withType(d, t, i, s);
  const types = d.sizes.map((_, j) => typeAt(d, lie, j));
  return wValue(m, i, stage2.outcome(m, types, pi), d.post[t]!, typeAt(d, t, i)).add(stage2.transfer(m, i, types, pi));
}

/** One posted belief after i reports r: the others' profiles t₋ᵢ (as (t₋ᵢ, 0)) that lead to it. */
export interface PostedClass {
  readonly pi: readonly Q[];
  readonly others: readonly number[];
}

/** The beliefs i can see after reporting r, each with the others' profiles that lead to it. */
export function postedClasses(d: Derived, i: number, r: number): PostedClass[] {
  const out = new Map<string, { pi: readonly Q[]; others: number[] }>();
  for (const b of othersProfiles(d, i)) {
    const pi = d.post[withType(d, b, i, r)]!;
    const k = key(pi);
    const c = out.get(k);
    if (c) c.others.push(b);
    else out.set(k, { pi, others: [b] });
  }
  return [...out.values()];
}

/** The best stage-2 announcement at one posted belief, for type tᵢ who reported r. */
export interface Reply {
  readonly pi: readonly Q[];
  /** The first best announcement. */
  readonly s: number;
  /** Its expected payoff, weighted by P(t₋ᵢ|tᵢ) over the class (not normalized). */
  readonly value: Q;
  /** The same for announcing tᵢ. */
  readonly truthValue: Q;
}

function bestReplies(m: Mp2013Model, stage2: PostedMechanism, d: Derived, i: number, ti: number, r: number): Reply[] {
  return postedClasses(d, i, r).map(({ pi, others }) => {
    const valueOf = (s: number): Q => others.reduce((a, b) => {
      const t = withType(d, b, i, ti);
      return a.add(stage2Payoff(m, stage2, d, i, t, s, pi).mul(condOthers(d, t, i)));
    }, Q.ZERO);
    const truthValue = valueOf(ti);
    let s = ti, value = truthValue;
    for (let x = 0; x < d.sizes[i]!; x++) {
      const v = x === ti ? truthValue : valueOf(x);
      if (v.gt(value)) [s, value] = [x, v];
    }
    return { pi, s, value, truthValue };
  });
}

/** A stage-2 information set where truth is not a best reply. */
export interface Stage2Failure {
  readonly i: number;
  readonly ti: number;
  readonly pi: readonly Q[];
  /** Reached with positive probability (the Bayes belief is forced) or not (no belief supports truth). */
  readonly reached: boolean;
  /** A better announcement and its gain (reached sets: in expectation under the Bayes belief, unnormalized). */
  readonly s: number;
  readonly gain: Q | null;
}

/** (a) and (b): the first stage-2 information set after a truthful report where truth fails, or null. */
export function stage2Failure(m: Mp2013Model, stage2: PostedMechanism): Stage2Failure | null {
  const d = derived(m);
  const Pi = new Map<string, readonly Q[]>();
  for (const p of d.post) Pi.set(key(p!), p!);
  for (let i = 0; i < d.n; i++)
    for (let ti = 0; ti < d.sizes[i]!; ti++) {
      const replies = bestReplies(m, stage2, d, i, ti, ti);
      for (const rp of replies) if (rp.s !== ti) return { i, ti, pi: rp.pi, reached: true, s: rp.s, gain: rp.value.sub(rp.truthValue) };
      const reached = new Set(replies.map((rp) => key(rp.pi)));
      for (const [k, pi] of Pi) {
        if (reached.has(k)) continue;
        const s = unsupportedTruth(m, stage2, d, i, ti, pi);
        if (s !== null) return { i, ti, pi, reached: false, s, gain: null };
      }
    }
  return null;
}

/**
 * At an unreached (tᵢ, π, tᵢ): null when some belief μ on Θ × T₋ᵢ makes truth a best reply. The
 * belief θ ~ π, t₋ᵢ ~ P(·|tᵢ) is tried first (it suffices for a VCG at π); otherwise an exact LP
 * decides, and a lie s is returned only when no belief supports truth.
 */
function unsupportedTruth(m: Mp2013Model, stage2: PostedMechanism, d: Derived, i: number, ti: number, pi: readonly Q[]): number | null {
  const others = othersProfiles(d, i);
  const K = m.states.length;
  // u[s][b·K + θ] = vᵢ(q̂((t₋ᵢ, s)|π), θ, tᵢ) + x̂ᵢ((t₋ᵢ, s)|π).
  const u = Array.from({ length: d.sizes[i]! }, (_, s) =>
    others.flatMap((b) => {
      const types = d.sizes.map((_, j) => (j === i ? s : typeAt(d, b, j)));
      const c = stage2.outcome(m, types, pi), x = stage2.transfer(m, i, types, pi);
      return Array.from({ length: K }, (_, th) => m.values[i]![c]![th]![ti]!.add(x));
    }),
  );
  const natural = others.flatMap((b) => Array.from({ length: K }, (_, th) => pi[th]!.mul(condOthers(d, withType(d, b, i, ti), i))));
  const expect = (s: number, mu: readonly Q[]): Q => mu.reduce((a, w, k) => a.add(w.mul(u[s]![k]!)), Q.ZERO);
  if (u.every((_, s) => expect(s, natural).le(expect(ti, natural)))) return null;
  const n = natural.length;
  const rows: LpRow[] = [{ a: Array.from({ length: n }, () => Q.ONE), op: "=", b: Q.ONE }];
  for (let s = 0; s < u.length; s++) if (s !== ti) rows.push({ a: u[s]!.map((x, k) => x.sub(u[ti]![k]!)), op: "<=", b: Q.ZERO });
  if (isFeasible({ rows }).feasible) return null;
  return u.findIndex((_, s) => expect(s, natural).gt(expect(ti, natural)));
}

/** (c) without rewards: a stage-1 lie r of type tᵢ with the best stage-2 reply at each posted belief. */
export interface Stage1Lie {
  readonly i: number;
  readonly ti: number;
  readonly r: number;
  /** The best reply at each posted belief. */
  readonly plan: readonly Reply[];
  /** Expected continuation payoff of the lie minus that of truth, rewards excluded. */
  readonly D: Q;
}

/** Expected continuation payoff of the truthful assessment for type tᵢ, rewards excluded. */
export function truthfulContinuation(m: Mp2013Model, stage2: PostedMechanism, i: number, ti: number): Q {
  const d = derived(m);
  return othersProfiles(d, i).reduce((a, b) => {
    const t = withType(d, b, i, ti);
    return a.add(stage2Payoff(m, stage2, d, i, t, ti, d.post[t]!).mul(condOthers(d, t, i)));
  }, Q.ZERO);
}

/** Every stage-1 lie (i, tᵢ, r ≠ tᵢ) with its best continuation. */
export function stage1Lies(m: Mp2013Model, stage2: PostedMechanism): Stage1Lie[] {
  const d = derived(m);
  const out: Stage1Lie[] = [];
  for (let i = 0; i < d.n; i++)
    for (let ti = 0; ti < d.sizes[i]!; ti++) {
      const truth = truthfulContinuation(m, stage2, i, ti);
      for (let r = 0; r < d.sizes[i]!; r++) {
        if (r === ti) continue;
        const plan = bestReplies(m, stage2, d, i, ti, r);
        out.push({ i, ti, r, plan, D: plan.reduce((a, p) => a.add(p.value), Q.ZERO).sub(truth) });
      }
    }
  return out;
}

/** Σ_{t₋ᵢ} P(t₋ᵢ|tᵢ)·zᵢ(t₋ᵢ, r): type tᵢ's expected stage-1 reward for reporting r. */
export function expectedReward(d: Derived, z: StageOneReward, i: number, ti: number, r: number): Surd {
  return othersProfiles(d, i).reduce((a, b) => a.add(z(i, withType(d, b, i, r)).scale(condOthers(d, withType(d, b, i, ti), i))), Surd.ZERO);
}

/** A stage-1 lie with its full gain, rewards included. */
export interface TwoStageLie extends Stage1Lie {
  readonly gain: Surd;
}

/** (c) with rewards: the lie with the largest expected gain (null when nobody has two types). */
export function largestStage1Gain(m: Mp2013Model, stage2: PostedMechanism, z: StageOneReward): TwoStageLie | null {
  const d = derived(m);
  let best: TwoStageLie | null = null;
  for (const l of stage1Lies(m, stage2)) {
    const gain = expectedReward(d, z, l.i, l.ti, l.r).sub(expectedReward(d, z, l.i, l.ti, l.ti)).add(l.D);
    if (best === null || gain.gt(best.gain)) best = { ...l, gain };
  }
  return best;
}
