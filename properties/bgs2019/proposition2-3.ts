/**
 * bgs2019 §2.3, Proposition 2.3: the support function φ(α) = E[maxᵢ αᵢvᵢ] of the PI achievable set
 * is convex, differentiable on ℝⁿ₊ (twice for α > 0), with ∂φ/∂αᵢ = E[vᵢ·1{αᵢvᵢ ≥ max_{j≠i} αⱼvⱼ}].
 * Checked exactly at one α (and a second point α′, a scale c, a step h), in this order:
 *   positive homogeneity φ(cα) = cφ(α); convexity at the midpoint of α and α′; the formula lies
 *   between the one-sided difference quotients (φ(α) − φ(α − heᵢ))/h ≤ ∂φ/∂αᵢ ≤ (φ(α + heᵢ) − φ(α))/h
 *   (every convex function's right derivative does); Euler's identity α·∇φ(α) = φ(α) (which holds
 *   where φ is differentiable, since φ is homogeneous of degree 1).
 * The subject is the implementation of φ and ∇φ. Discrete values are outside §2's hypotheses (no
 * density): ties have positive probability, φ has kinks, and Euler's identity fails there.
 */
import * as fc from "fast-check";
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import { outsideOrVacuous } from "../../src/claims/verdicts.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { hasDensity, type ValueDist } from "../../src/models/bgs2019/distribution.js";
import { bgs2019ToJson } from "../../src/models/bgs2019/json.js";
import { partialRight, phi } from "../../src/models/bgs2019/support.js";
import { alphaArb, distsArb } from "../../src/search/bgs2019.js";
import { decodeWith, distSize, qs, readNonnegVector, readPositive, vec } from "./common.js";

export const SUPPORT_KIND = "bgs2019/support-function";

/** An implementation of φ and of the paper's partial derivatives. */
export interface SupportImpl {
  readonly name: string;
  readonly kind: string;
  phi(ds: readonly ValueDist[], alpha: readonly Q[]): Q;
  partial(ds: readonly ValueDist[], alpha: readonly Q[], i: number): Q;
}

export const referenceSupport: SupportImpl = { name: "bgs2019/φ by exact integration of Πᵢ Fᵢ(t/αᵢ)", kind: SUPPORT_KIND, phi, partial: partialRight };

export interface SupportCase {
  readonly values: readonly ValueDist[];
  readonly alpha: readonly Q[];
  readonly alpha2: readonly Q[];
  readonly scale: Q;
  readonly step: Q;
}

const cases: fc.Arbitrary<SupportCase> = distsArb({ maxAgents: 4 }).chain((values) =>
  fc.record({
    values: fc.constant(values),
    alpha: alphaArb(values.length),
    alpha2: alphaArb(values.length),
    scale: fc.integer({ min: 1, max: 7 }).map((k) => Q.of(k, 3)),
    step: fc.constantFrom(Q.of(1, 10), Q.of(1, 1000), Q.of(1, 1000000)),
  }),
);

const unit = (n: number, i: number, h: Q): Q[] => Array.from({ length: n }, (_, j) => (j === i ? h : Q.ZERO));
const plus = (a: readonly Q[], b: readonly Q[]): Q[] => a.map((x, i) => x.add(b[i]!));
const minus = (a: readonly Q[], b: readonly Q[]): Q[] => a.map((x, i) => x.sub(b[i]!));

function conclusion(c: SupportCase, s: SupportImpl): Witness | null {
  const { values: ds, alpha } = c;
  const f = s.phi(ds, alpha);
  const scaled = s.phi(ds, alpha.map((x) => x.mul(c.scale)));
  if (!scaled.eq(f.mul(c.scale)))
    return { summary: `not positively homogeneous: φ(${c.scale}·α) = ${scaled} ≠ ${c.scale}·φ(α) = ${f.mul(c.scale)}`, quantities: { alpha: vec(alpha), scale: qs(c.scale), phi: qs(f), phiScaled: qs(scaled) } };
  const mid = alpha.map((x, i) => x.add(c.alpha2[i]!).div(Q.of(2)));
  const fm = s.phi(ds, mid), f2 = s.phi(ds, c.alpha2);
  if (fm.gt(f.add(f2).div(Q.of(2))))
    return { summary: `not convex: φ at the midpoint of α and α′ is ${fm} > (φ(α) + φ(α′))/2 = ${f.add(f2).div(Q.of(2))}`, quantities: { alpha: vec(alpha), alpha2: vec(c.alpha2), phiMid: qs(fm), phi: qs(f), phi2: qs(f2) } };
  const grad = ds.map((_, i) => s.partial(ds, alpha, i));
  const h = c.step;
  for (let i = 0; i < ds.length; i++) {
    const right = s.phi(ds, plus(alpha, unit(ds.length, i, h))).sub(f).div(h);
    const left = alpha[i]!.ge(h) ? f.sub(s.phi(ds, minus(alpha, unit(ds.length, i, h)))).div(h) : null;
    if (grad[i]!.gt(right) || (left !== null && grad[i]!.lt(left)))
      return {
        summary: `∂φ/∂α${i} by the formula is ${grad[i]}, outside the difference quotients [${left ?? "—"}, ${right}] at step h = ${h}, which bracket every one-sided derivative of a convex function`,
        quantities: { agent: i, alpha: vec(alpha), formula: qs(grad[i]!), leftQuotient: left ? qs(left) : null, rightQuotient: qs(right), h: qs(h) },
      };
  }
  const euler = grad.reduce((a, g, i) => a.add(g.mul(alpha[i]!)), Q.ZERO);
  if (!euler.eq(f))
    return { summary: `Euler's identity fails: α·∇φ(α) = ${euler} ≠ φ(α) = ${f} (ties αᵢvᵢ = αⱼvⱼ of positive probability are counted for every winner)`, quantities: { alpha: vec(alpha), gradient: vec(grad), alphaDotGradient: qs(euler), phi: qs(f) }, gain: euler.sub(f).toString() };
  return null;
}

export const proposition23: Claim<SupportCase, SupportImpl> = {
  id: "bgs2019.proposition2.3",
  paper: "bgs2019",
  section: "§2.3, Proposition 2.3 and eq. (5)",
  statement: "The support function φ(α) = E[maxᵢ αᵢvᵢ] is convex, differentiable for α ∈ ℝⁿ₊ (twice for α > 0), with ∂φ/∂αᵢ(α) = E[vᵢ·1{αᵢvᵢ ≥ max_{j≠i} αⱼvⱼ}]; being positively homogeneous, it satisfies α·∇φ(α) = φ(α).",
  expect: "holds",
  note: "Exact on piecewise-uniform densities. On discrete values (outside §2: no density) φ has kinks where ties αᵢvᵢ = αⱼvⱼ have positive probability: the paper's formula with ≥ is then the right partial derivative, the left one counts strict wins, and α·∇φ(α) exceeds φ(α) (stored as fails-outside-hypotheses).",
  subjectKind: SUPPORT_KIND,
  defaultSubject: referenceSupport,
  runs: 200,
  arbitrary: () => cases,
  encode: (c) => ({ ...(bgs2019ToJson({ values: c.values, beta: null, xi: null, F: null, u: null, tieBreak: "as-written", reports: null }) as Record<string, never>), alpha: vec(c.alpha), alpha2: vec(c.alpha2), scale: qs(c.scale), step: qs(c.step) }),
  decode(v) {
    const { model, rest } = decodeWith(v, ["alpha", "alpha2", "scale", "step"]);
    const n = model.values.length;
    if (rest.alpha === undefined) throw new InputError("instance.alpha", "Proposition 2.3 is checked at a weight vector α: the instance needs \"alpha\"");
    const alpha = readNonnegVector(rest.alpha, n, "instance.alpha");
    return {
      values: model.values,
      alpha,
      alpha2: rest.alpha2 === undefined ? alpha : readNonnegVector(rest.alpha2, n, "instance.alpha2"),
      scale: rest.scale === undefined ? Q.of(2) : readPositive(rest.scale, "instance.scale"),
      step: rest.step === undefined ? Q.of(1, 1000) : readPositive(rest.step, "instance.step"),
    };
  },
  size: (c) => distSize(c.values),
  check(c, s): Verdict {
    const w = conclusion(c, s);
    const discrete = c.values.findIndex((d) => !hasDensity(d));
    if (discrete >= 0) return outsideOrVacuous(`agent ${discrete}'s values are discrete: §2 assumes a density bounded away from 0`, w);
    return w ? { kind: "violated", witness: w } : { kind: "holds" };
  },
};
