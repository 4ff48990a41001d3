/**
 * bgs2019's main-phase stage mechanism (§3) at a promised-utility state u, exactly:
 *   allocation (9)   p̂ᵢ(v|u) = 1{αᵢvᵢ ≥ max_{j≠i} αⱼvⱼ},  α = α*(u/F_β);
 *   interim promise (10)  Ŵᵢ(y) = (1/β)(uᵢ + (1−β)(∫₀^y P̂ᵢ − P̂ᵢ(y)·y − ∫₀^v̄ F̄ᵢ·P̂ᵢ));
 *   ex-post promise (11)  ŵᵢ(v) = Ŵᵢ(vᵢ) − (1/(n−1)) Σ_{j≠i} (αⱼ/αᵢ)(Ŵⱼ(vⱼ) − E[Ŵⱼ(ṽⱼ)]).
 * The paper's "≥" lets several agents win a tie; with discrete values ties have positive probability,
 * so (9) is implemented as written and with explicit tie-breaking (lowest index; uniform among the
 * maximizers). When αᵢ > 0, ties have probability 0 in the integrals over one's own report, so only
 * the point term P̂ᵢ(y)·y of (10) and the ex-post allocation depend on the rule; when αᵢ = 0 every
 * report ties at 0 and P̂ᵢ is the rule's constant.
 *
 * The `Mechanism` interface reads: allocate(v) = p̂(v), transfer(v) = ŵ(v) (the next state: this
 * paper has no money, and the future promise plays the transfer's role).
 */
import { InputError } from "../../exact/errors.js";
import { PiecewisePoly } from "../../exact/piecewise.js";
import { Q } from "../../exact/rational.js";
import { alphaStar } from "../../models/bgs2019/alpha-star.js";
import { cdf, top, type ValueDist } from "../../models/bgs2019/distribution.js";
import type { Bgs2019Model, TieBreak } from "../../models/bgs2019/json.js";
import { weightedCdf } from "../../models/bgs2019/support.js";
import type { Mechanism, MechanismFamily } from "../types.js";
import { thresholds } from "./region.js";
import { certifyAlphaStar } from "../../models/bgs2019/kkt.js";

export const BGS_STAGE_KIND = "bgs2019/stage-mechanism";

export interface StageMechanism extends Mechanism<Bgs2019Model, readonly Q[], Q[], Q> {
  /** The weights the allocation uses. */
  readonly alpha: readonly Q[];
  /** Whether α is exactly α*(u/F) (discrete values) or a point of its certified enclosure (densities). */
  readonly alphaExact: boolean;
  /** A box holding every maximizer α*(u/F) (exact for discrete values); the point α itself when given. */
  readonly alphaBox: { readonly lo: readonly Q[]; readonly hi: readonly Q[] };
  /** P̂ᵢ(y) = E[p̂ᵢ(y, ṽ₋ᵢ)]. */
  interimP(i: number, y: Q): Q;
  /** Ŵᵢ(y), eq. (10). */
  interimW(i: number, y: Q): Q;
  /** E[Ŵᵢ(ṽᵢ)], computed from Ŵᵢ directly. */
  meanW(i: number): Q;
  /** Why (11) is undefined at v (it divides by αᵢ = 0 while some Ŵⱼ(vⱼ) ≠ E[Ŵⱼ]), or null. */
  undefinedAt(v: readonly Q[]): string | null;
}

export type StageFamily = MechanismFamily<Bgs2019Model, StageMechanism> & {
  /** The mechanism with the weights given (claims range over every maximizer α*); `box` holds α*. */
  withAlpha(m: Bgs2019Model, alpha: readonly Q[], exact: boolean, box?: { lo: readonly Q[]; hi: readonly Q[] }): StageMechanism;
};

/** u, β and F (the instance's, else (13)'s from ξ, else 1: see thresholds), or an InputError naming the missing field. */
export function stageParameters(m: Bgs2019Model): { u: readonly Q[]; beta: Q; F: Q } {
  if (m.u === null) throw new InputError("instance.u", "the stage mechanism runs at a promised-utility state: the instance needs \"u\"");
  if (m.beta === null) throw new InputError("instance.beta", "the stage mechanism needs the discount factor \"beta\"");
  return { u: m.u, beta: m.beta, F: thresholds(m).F };
}

/** α*(u/F): for discrete values the exact maximizer set's lowest corner (claims may pass others). */
export function stageAlpha(m: Bgs2019Model): { alpha: Q[]; exact: boolean; box: { lo: readonly Q[]; hi: readonly Q[] } } {
  const { u, F } = stageParameters(m);
  // Densities: a point of the enclosure, which is refined to width 1/100 (the weights are then approximate).
  const a = alphaStar(m.values, u.map((x) => x.div(F)), { width: Q.of(1, 100) });
  return { alpha: [...a.alpha], exact: a.exact, box: { lo: a.boxLo, hi: a.boxHi } };
}

/** P(αⱼvⱼ < s) and P(αⱼvⱼ = s) for each j, at s. */
function belowAndAt(F: readonly PiecewisePoly[], j: number, s: Q): { below: Q; at: Q } {
  const below = F[j]!.leftAt(s);
  return { below, at: F[j]!.at(s).sub(below) };
}

/** The probability that i, bidding s = αᵢy, receives the good under the rule. */
function winProbability(F: readonly PiecewisePoly[], i: number, s: Q, rule: TieBreak): Q {
  const others = F.map((_, j) => j).filter((j) => j !== i);
  if (rule === "as-written") return others.reduce((a, j) => a.mul(F[j]!.at(s)), Q.ONE);
  if (rule === "lowest-index") return others.reduce((a, j) => a.mul(j < i ? F[j]!.leftAt(s) : F[j]!.at(s)), Q.ONE);
  // Uniform: c[k] = P(exactly k others tie at s and the rest are below); the share is 1/(k + 1).
  let c: Q[] = [Q.ONE];
  for (const j of others) {
    const { below, at } = belowAndAt(F, j, s);
    const next = new Array<Q>(c.length + 1).fill(Q.ZERO);
    c.forEach((x, k) => {
      next[k] = next[k]!.add(x.mul(below));
      next[k + 1] = next[k + 1]!.add(x.mul(at));
    });
    c = next;
  }
  return c.reduce((a, x, k) => a.add(x.div(Q.of(k + 1))), Q.ZERO);
}

/** p̂(v) under the rule. */
function allocation(alpha: readonly Q[], v: readonly Q[], rule: TieBreak): Q[] {
  const b = v.map((x, i) => x.mul(alpha[i]!));
  const best = b.reduce((a, x) => Q.max(a, x), b[0]!);
  const winners = b.map((x, i) => (x.eq(best) ? i : -1)).filter((i) => i >= 0);
  if (rule === "as-written") return b.map((x, i) => (x.ge(b.filter((_, j) => j !== i).reduce((a, y) => Q.max(a, y), Q.ZERO)) ? Q.ONE : Q.ZERO));
  if (rule === "lowest-index") return b.map((_, i) => (i === winners[0] ? Q.ONE : Q.ZERO));
  return b.map((_, i) => (winners.includes(i) ? Q.of(1, winners.length) : Q.ZERO));
}

function build(m: Bgs2019Model, alpha: readonly Q[], exact: boolean, name: string, box: { lo: readonly Q[]; hi: readonly Q[] } = { lo: alpha, hi: alpha }): StageMechanism {
  const { u, beta } = stageParameters(m);
  const ds: readonly ValueDist[] = m.values;
  const n = ds.length;
  const rule = m.tieBreak;
  const Fw = ds.map((d, j) => weightedCdf(d, alpha[j]!));
  const interimP = (i: number, y: Q): Q => winProbability(Fw, i, alpha[i]!.mul(y), rule);
  // y ↦ P̂ᵢ(y) up to null sets (the as-written product), as a piecewise polynomial in y.
  const pFun = ds.map((_, i) => {
    const H = Fw.reduce((a, Fj, j) => (j === i ? a : a.mul(Fj)), PiecewisePoly.constant(Q.ONE));
    // αᵢ = 0: every report bids 0, so P̂ᵢ is the constant chance of winning at 0, ties and all.
    return alpha[i]!.isZero() ? PiecewisePoly.constant(winProbability(Fw, i, Q.ZERO, rule)) : H.stretch(Q.ONE.div(alpha[i]!));
  });
  const A = pFun.map((p, i) => p.antiderivative(top(ds[i]!))); // ∫₀^y P̂ᵢ
  const C = ds.map((d, i) => {
    const Fbar = cdf(d); // ∫ (1 − F)·P̂ = ∫ P̂ − ∫ F·P̂ on [0, v̄]
    return pFun[i]!.integrate(Q.ZERO, top(d)).sub(Fbar.mul(pFun[i]!).integrate(Q.ZERO, top(d)));
  });
  const interimW = (i: number, y: Q): Q => u[i]!.add(Q.ONE.sub(beta).mul(A[i]!.at(y).sub(interimP(i, y).mul(y)).sub(C[i]!))).div(beta);
  const means = ds.map((d, i) => {
    if (d.kind === "discrete") return d.points.reduce((a, x) => a.add(x.p.mul(interimW(i, x.v))), Q.ZERO);
    // E[Ŵᵢ] = (1/β)(uᵢ + (1−β)(E[A(ṽ)] − E[P̂(ṽ)ṽ] − C)), each expectation an integral against the density.
    let EA = Q.ZERO, EPv = Q.ZERO;
    for (const pc of d.pieces) {
      const dens = pc.p.div(pc.to.sub(pc.from));
      EA = EA.add(A[i]!.integrate(pc.from, pc.to, [dens]));
      EPv = EPv.add(pFun[i]!.integrate(pc.from, pc.to, [Q.ZERO, dens]));
    }
    return u[i]!.add(Q.ONE.sub(beta).mul(EA.sub(EPv).sub(C[i]!))).div(beta);
  });
  const undefinedAt = (v: readonly Q[]): string | null => {
    for (let i = 0; i < n && n > 1; i++) {
      if (!alpha[i]!.isZero()) continue;
      const j = ds.findIndex((_, k) => k !== i && !interimW(k, v[k]!).eq(means[k]!));
      if (j >= 0) return `eq. (11) divides by α${i} = 0 (agent ${i}'s weight in α*(u/F)) while agent ${j}'s interim promise Ŵ${j}(${v[j]}) differs from its mean`;
    }
    return null;
  };
  const promise = (v: readonly Q[]): Q[] =>
    ds.map((_, i) => {
      const Wi = interimW(i, v[i]!);
      if (n === 1) return Wi;
      let s = Q.ZERO;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const dev = interimW(j, v[j]!).sub(means[j]!);
        if (dev.isZero()) continue;
        if (alpha[i]!.isZero()) throw new InputError("instance.u", undefinedAt(v)!);
        s = s.add(alpha[j]!.div(alpha[i]!).mul(dev));
      }
      return Wi.sub(s.div(Q.of(n - 1)));
    });
  return {
    name,
    kind: BGS_STAGE_KIND,
    model: m,
    alpha,
    alphaExact: exact,
    alphaBox: box,
    allocate: (v) => allocation(alpha, v, rule),
    transfer: promise,
    interimP,
    interimW,
    meanW: (i) => means[i]!,
    undefinedAt,
  };
}

/** The paper's main-phase mechanism; the tie rule is the instance's `tieBreak` (default: as written). */
export const mainPhase: StageFamily = {
  name: "bgs2019/main phase (9)–(11)",
  kind: BGS_STAGE_KIND,
  build(m) {
    const { alpha, exact, box } = stageAlpha(m);
    return build(m, alpha, exact, this.name, box);
  },
  withAlpha(m, alpha, exact, box) {
    return build(m, alpha, exact, this.name, box);
  },
};

/**
 * `family` at m with weights exactly α*(u/F) where that can be certified: the exact LP's maximizer
 * (discrete values), else the subject's approximation certified by KKT and the mechanism rebuilt at
 * it. `certified` is false when only an enclosure is known (verdicts then say nothing exact about (11)).
 */
export function buildCertified(family: StageFamily, m: Bgs2019Model): { mech: StageMechanism; certified: boolean } {
  const mech = family.build(m);
  if (mech.alphaExact) return { mech, certified: true };
  const { u, F } = stageParameters(m);
  const cert = certifyAlphaStar(m.values, u.map((x) => x.div(F)), mech.alpha);
  return cert ? { mech: family.withAlpha(m, cert.alpha, true), certified: true } : { mech, certified: false };
}
