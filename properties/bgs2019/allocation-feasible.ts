/**
 * bgs2019 §3.1, allocation (9) against (FA): p̂ᵢ(v|u) = 1{αᵢvᵢ ≥ max_{j≠i} αⱼvⱼ} must satisfy
 * Σᵢ p̂ᵢ(v) ≤ 1 and p̂(v) ≥ 0 for every report profile v. As written the "≥" hands the good to every
 * agent in a tie. The subject is the stage mechanism, so a tie-breaking variant can be checked.
 */
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import type { StageFamily } from "../../src/mechanisms/bgs2019/stage.js";
import { vec } from "./common.js";
import { densityVerdict, hasDiscrete, regionVerdict, STAGE_CLAIM, type StageCase, stageCaseArb } from "./stage-common.js";

export const allocationFeasible: Claim<StageCase, StageFamily> = {
  id: "bgs2019.allocation-feasible",
  section: "§3.1, allocation (9), and constraint (FA) of §2.2",
  statement: "For every state u in the central region and every report profile v, the allocation p̂ᵢ(v|u) = 1{α*ᵢ(u/F_β)vᵢ ≥ max_{j≠i} α*ⱼ(u/F_β)vⱼ} satisfies (FA): Σᵢ p̂ᵢ(v|u) ≤ 1 and p̂(v|u) ≥ 0.",
  expect: "counterexample",
  note: "As written, the ≥ gives the good to every agent in a tie α*ᵢvᵢ = α*ⱼvⱼ. Under §2's densities ties have probability 0 (footnote 3), so expectations are unaffected, but (FA) is required for every v; with discrete values ties have positive probability and promise keeping is then met only by allocating the good twice. Any tie-breaking rule mends it (the zoo's lowest-index variant).",
  ...STAGE_CLAIM,
  runs: 100,
  arbitrary: () => stageCaseArb(),
  check(c, family): Verdict {
    const pre = regionVerdict(c.model);
    if (pre) return pre;
    const mech = family.build(c.model);
    const p = mech.allocate(c.v, 0);
    const total = p.reduce((a, x) => a.add(x), Q.ZERO);
    const bad = p.findIndex((x) => x.sign() < 0);
    const disc = hasDiscrete(c.model);
    // Densities: α is a point of α*'s certified enclosure, not α* itself. A tie at vᵢ = 0 is a tie
    // for every weight vector; a tie between positive bids may be an artefact of the approximation.
    const winners = p.map((x, i) => (x.sign() > 0 ? i : -1)).filter((i) => i >= 0);
    if (total.gt(Q.ONE) && !mech.alphaExact && winners.some((i) => c.v[i]!.sign() > 0))
      return { kind: "inconclusive", reason: `a tie αᵢvᵢ = αⱼvⱼ at positive reports with α from α*'s enclosure (not α* itself)` };
    const w: Witness | null =
      total.gt(Q.ONE) || bad >= 0
        ? {
            summary: `${bad >= 0 ? `p̂${bad} = ${p[bad]} < 0` : `the good is allocated ${total} times`} at v = (${vec(c.v).join(", ")}) with α = (${vec(mech.alpha).join(", ")})${disc < 0 ? " — a tie of probability 0 under the densities" : ""}`,
            quantities: { v: vec(c.v), alpha: vec(mech.alpha), alphaExact: mech.alphaExact, allocation: vec(p), total: total.toString() },
            gain: total.sub(Q.ONE).toString(),
          }
        : null;
    return densityVerdict(c.model, w);
  },
};
