/**
 * Planted bugs for the bgs2019 claims: ∂φ/∂αᵢ computed without the others' weights (comparing αᵢvᵢ
 * with max_{j≠i} vⱼ), a slip that keeps the formula's shape and its value at equal weights; the
 * main phase with (11)'s average over n agents; and the tie-breaking repair of (9).
 */
import { Q } from "../../../src/exact/rational.js";
import { PiecewisePoly } from "../../../src/exact/piecewise.js";
import { phi, weightedCdf } from "../../../src/models/bgs2019/support.js";
import type { ValueDist } from "../../../src/models/bgs2019/distribution.js";
import { SUPPORT_KIND, type SupportImpl } from "../../../properties/bgs2019/proposition2-3.js";
import { BGS_BOUNDARY_KIND, randomAllocation, type BoundaryFamily } from "../../../src/mechanisms/bgs2019/boundary.js";
import { mean } from "../../../src/models/bgs2019/distribution.js";
import { BGS_STAGE_KIND, mainPhase, type StageFamily, type StageMechanism } from "../../../src/mechanisms/bgs2019/stage.js";
import { BGS_N_AGENT_KIND, nAgentMechanism, type NAgentFamily } from "../../../src/mechanisms/bgs2019/n-agent.js";

/** E[vᵢ·1{αᵢvᵢ ≥ max_{j≠i} vⱼ}]: the others' weights forgotten. */
function unweightedPartial(ds: readonly ValueDist[], alpha: readonly Q[], i: number): Q {
  const ones = ds.map(() => Q.ONE);
  const H = ds.reduce((acc, d, j) => (j === i ? acc : acc.mul(weightedCdf(d, ones[j]!))), PiecewisePoly.constant(Q.ONE));
  const d = ds[i]!, ai = alpha[i]!;
  if (d.kind === "discrete") return d.points.reduce((a, x) => a.add(x.p.mul(x.v).mul(H.at(ai.mul(x.v)))), Q.ZERO);
  if (ai.isZero()) return Q.ZERO;
  const Hv = H.stretch(Q.ONE.div(ai));
  return d.pieces.reduce((a, x) => a.add(Hv.integrate(x.from, x.to, [Q.ZERO, x.p.div(x.to.sub(x.from))])), Q.ZERO);
}

export const unweightedSupport: SupportImpl = { name: "φ with ∂φ/∂αᵢ = E[vᵢ1{αᵢvᵢ ≥ max_{j≠i} vⱼ}]", kind: SUPPORT_KIND, phi, partial: unweightedPartial };

/**
 * The main phase with the lowest-index tie-break whatever the instance says: the repair of (9) that
 * (FA) needs, so the as-written counterexample must disappear.
 */
export const lowestIndexMainPhase: StageFamily = {
  name: "bgs2019/main phase, ties to the lowest index",
  kind: BGS_STAGE_KIND,
  build: (m) => mainPhase.build({ ...m, tieBreak: "lowest-index" }),
  withAlpha: (m, alpha, exact) => mainPhase.withAlpha({ ...m, tieBreak: "lowest-index" }, alpha, exact),
};

/** (11) averaged over n instead of n − 1 agents: ŵᵢ' = Ŵᵢ − ((n−1)/n)(Ŵᵢ − ŵᵢ). */
function overN(mech: StageMechanism): StageMechanism {
  const n = mech.alpha.length;
  const k = Q.of(n - 1, n);
  return { ...mech, transfer: (v) => mech.transfer(v).map((w, i) => { const W = mech.interimW(i, v[i]!); return W.sub(k.mul(W.sub(w))); }) };
}

export const overNMainPhase: StageFamily = {
  name: "bgs2019/main phase, (11) divided by n instead of n − 1",
  kind: BGS_STAGE_KIND,
  build: (m) => overN(mainPhase.build(m)),
  withAlpha: (m, alpha, exact) => overN(mainPhase.withAlpha(m, alpha, exact)),
};

/** The ex-post promise set to the interim one, ŵᵢ(v) = Ŵᵢ(vᵢ): (12) holds, the max-min does not (§3.2's own example). */
function interimOnly(mech: StageMechanism): StageMechanism {
  return { ...mech, transfer: (v) => v.map((vi, i) => mech.interimW(i, vi)) };
}

export const interimPromiseMainPhase: StageFamily = {
  name: "bgs2019/main phase, ŵᵢ(v) = Ŵᵢ(vᵢ)",
  kind: BGS_STAGE_KIND,
  build: (m) => interimOnly(mainPhase.build(m)),
  withAlpha: (m, alpha, exact) => interimOnly(mainPhase.withAlpha(m, alpha, exact)),
};

/** (10) without its −P̂ᵢ(y)·y term: the promise no longer charges for winning, so reporting high pays. */
function withoutPointTerm(mech: StageMechanism, beta: Q): StageMechanism {
  const k = Q.ONE.sub(beta).div(beta);
  return { ...mech, interimW: (i, y) => mech.interimW(i, y).add(k.mul(mech.interimP(i, y)).mul(y)) };
}

export const noPointTermMainPhase: StageFamily = {
  name: "bgs2019/main phase, (10) without −P̂ᵢ(y)·y",
  kind: BGS_STAGE_KIND,
  build: (m) => withoutPointTerm(mainPhase.build(m), m.beta!),
  withAlpha: (m, alpha, exact) => withoutPointTerm(mainPhase.withAlpha(m, alpha, exact), m.beta!),
};

/** (11) with the others' deviations added instead of subtracted. */
function flippedSign(mech: StageMechanism): StageMechanism {
  return { ...mech, transfer: (v) => mech.transfer(v).map((w, i) => { const W = mech.interimW(i, v[i]!); return W.add(W.sub(w)); }) };
}

export const flippedSignMainPhase: StageFamily = {
  name: "bgs2019/main phase, (11) adding the others' deviations",
  kind: BGS_STAGE_KIND,
  build: (m) => flippedSign(mainPhase.build(m)),
  withAlpha: (m, alpha, exact, box) => flippedSign(mainPhase.withAlpha(m, alpha, exact, box)),
};

/** α*(u/F) read in reverse agent order (an indexing slip): agent i weighted by α*_{n−1−i}. */
export const reversedWeightsMainPhase: StageFamily = {
  name: "bgs2019/main phase, α* in reverse agent order",
  kind: BGS_STAGE_KIND,
  build: (m) => {
    const ref = mainPhase.build(m);
    const rev = (xs: readonly Q[]) => [...xs].reverse();
    return mainPhase.withAlpha(m, rev(ref.alpha), ref.alphaExact, { lo: rev(ref.alphaBox.lo), hi: rev(ref.alphaBox.hi) });
  },
  withAlpha: (m, alpha, exact, box) => mainPhase.withAlpha(m, [...alpha].reverse(), exact, box && { lo: [...box.lo].reverse(), hi: [...box.hi].reverse() }),
};

/** Remark 2.1's allocation with lifetime and per-period utility confused: pᵢ = uᵢ/((1 − β)E[vᵢ]). */
export const lifetimeRandomAllocation: BoundaryFamily = {
  name: "bgs2019/random allocation, uᵢ/((1 − β)E[vᵢ])",
  kind: BGS_BOUNDARY_KIND,
  build(m) {
    const ref = randomAllocation.build(m);
    const k = Q.ONE.sub(m.beta!);
    return { ...ref, name: this.name, allocate: (v, t) => ref.allocate(v, t).map((p) => p.div(k)) };
  },
};

/** Remark 2.1's allocation divided by the smallest mean m̲ for every agent: pᵢ = uᵢ/m̲. */
export const smallestMeanRandomAllocation: BoundaryFamily = {
  name: "bgs2019/random allocation, uᵢ/m̲",
  kind: BGS_BOUNDARY_KIND,
  build(m) {
    const ref = randomAllocation.build(m);
    const mLow = m.values.map(mean).reduce((a, x) => Q.min(a, x));
    return { ...ref, name: this.name, allocate: () => m.u!.map((x) => (mLow.isZero() ? Q.ZERO : x.div(mLow))) };
  },
};

/** §7 without the factor s(u) on the active block: (16) and (17) as if the inactive agents took nothing. */
export const unsharedNAgent: NAgentFamily = {
  name: "bgs2019/n-agent mechanism, active block not scaled by s(u)",
  kind: BGS_N_AGENT_KIND,
  build(m) {
    const ref = nAgentMechanism.build(m);
    const unscale = (xs: Q[]): Q[] => xs.map((x, i) => (ref.active.includes(i) ? x.div(ref.s) : x));
    return { ...ref, name: this.name, allocate: (v, t) => unscale(ref.allocate(v, t)), transfer: (v) => unscale(ref.transfer(v)) };
  },
};
