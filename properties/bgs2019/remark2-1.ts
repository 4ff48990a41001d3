/**
 * bgs2019 §2, Remark 2.1: the lower triangle L = {u ≥ 0 : Σᵢuᵢ/E[vᵢ] ≤ 1} is self-generating with
 * respect to the random allocation p^L_i = uᵢ/E[vᵢ], w^L = u. For u ∈ L the stage mechanism must meet
 * (FA), (PK(u)) and (IC), with its future promises in L again. Checked exactly for any report-independent
 * variant (then (IC) holds trivially and E[vᵢp_i(v)] = E[vᵢ]·p_i): the subject is evaluated at the
 * case's profile, at all zeros and at all tops, and must not depend on them.
 */
import type { Claim, Verdict } from "../../src/claims/types.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import type { BoundaryFamily } from "../../src/mechanisms/bgs2019/boundary.js";
import { mean, top } from "../../src/models/bgs2019/distribution.js";
import { BOUNDARY_CLAIM, lowerTriangleCaseArb } from "./boundary-common.js";
import { qs, vec } from "./common.js";
import type { StageCase } from "./stage-common.js";

const inL = (u: readonly Q[], means: readonly Q[]): Q | null => {
  if (u.some((x) => x.sign() < 0) || u.some((x, i) => x.sign() > 0 && means[i]!.isZero())) return null;
  return u.reduce((a, x, i) => (x.isZero() ? a : a.add(x.div(means[i]!))), Q.ZERO);
};

export const remark21: Claim<StageCase, BoundaryFamily> = {
  id: "bgs2019.remark2.1",
  section: "§2.3, Remark 2.1",
  statement: "The lower triangle L = {u ∈ ℝⁿ₊ : Σᵢ uᵢ/E[vᵢ] ≤ 1} is self-generating with respect to p^L_i(v|u) = uᵢ/E[vᵢ] and w^L(v|u) = u: (FA), (PK(u)), (IC) hold and w^L(v|u) ∈ L.",
  expect: "holds",
  note: "Needs no density: the argument holds for any value distributions, so discrete cases count too.",
  ...BOUNDARY_CLAIM,
  admit(c: StageCase): void {
    const s = inL(c.model.u!, c.model.values.map(mean));
    if (s === null || s.gt(Q.ONE)) throw new InputError("instance.u", `Remark 2.1 is about u ∈ L = {u ≥ 0 : Σᵢuᵢ/E[vᵢ] ≤ 1}; here Σᵢuᵢ/E[vᵢ] = ${s ?? "undefined (a negative uᵢ, or uᵢ > 0 with E[vᵢ] = 0)"}`);
  },
  runs: 100,
  arbitrary: lowerTriangleCaseArb,
  check(c, family): Verdict {
    const m = c.model, u = m.u!, beta = m.beta!;
    const means = m.values.map(mean);
    const s = inL(u, means);
    if (s === null || s.gt(Q.ONE)) return { kind: "vacuous", hypothesis: `u ∈ L: Σᵢuᵢ/E[vᵢ] = ${s ?? "undefined"} ≤ 1` };
    const mech = family.build(m);
    const p = mech.allocate(c.v, 0), w = mech.transfer(c.v);
    for (const other of [c.v.map(() => Q.ZERO), m.values.map(top)]) {
      const p2 = mech.allocate(other, 0), w2 = mech.transfer(other);
      if (p2.some((x, i) => !x.eq(p[i]!)) || w2.some((x, i) => !x.eq(w[i]!))) return { kind: "inconclusive", reason: "the variant depends on the reports; this check covers report-independent stage mechanisms" };
    }
    const total = p.reduce((a, x) => a.add(x), Q.ZERO);
    const fail = (summary: string, gain: Q) => ({ kind: "violated" as const, witness: { summary, quantities: { u: vec(u), allocation: vec(p), promise: vec(w), means: vec(means) }, gain: gain.toString() } });
    if (total.gt(Q.ONE) || p.some((x) => x.sign() < 0)) return fail(`(FA) fails at u ∈ L: Σp = ${total}, p = (${vec(p).join(", ")})`, total.sub(Q.ONE).abs());
    for (let i = 0; i < u.length; i++) {
      const pk = Q.ONE.sub(beta).mul(means[i]!).mul(p[i]!).add(beta.mul(w[i]!));
      if (!pk.eq(u[i]!)) return fail(`(PK) fails for agent ${i}: (1−β)E[v${i}]p${i} + βw${i} = ${pk} ≠ u${i} = ${u[i]}`, pk.sub(u[i]!).abs());
    }
    const sw = inL(w, means);
    if (sw === null || sw.gt(Q.ONE)) return fail(`the future promise leaves L: w = (${vec(w).join(", ")}), Σwᵢ/E[vᵢ] = ${sw === null ? "undefined" : qs(sw)}`, sw ? sw.sub(Q.ONE) : Q.ONE);
    return { kind: "holds" };
  },
};
