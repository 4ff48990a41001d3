/**
 * bgs2019 §6.1, Proposition 6.1: p̂ᵢ(v|u) is nondecreasing in vᵢ (v₋ᵢ, u fixed) and in uᵢ (v, u₋ᵢ
 * fixed). The first part compares the mechanism's allocation at v and at v with vᵢ raised. The second
 * compares allocations at u and u + δeᵢ for every v at once, where the weights α*(u/F) move: an
 * allocation is certain only when every weight vector in the maximizer box of α* gives it (exact
 * boxes for discrete values, certified enclosures for densities), and a violation is certified only
 * between certain allocations.
 */
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { type StageFamily, type StageMechanism } from "../../src/mechanisms/bgs2019/stage.js";
import type { TieBreak } from "../../src/models/bgs2019/json.js";
import { top, type ValueDist } from "../../src/models/bgs2019/distribution.js";
import { qs, vec } from "./common.js";
import { decodeRaised, encodeRaised, type RaisedCase, raisedCaseArb, raisedProfile } from "./monotone-common.js";
import { densityVerdict, regionVerdict, STAGE_CLAIM } from "./stage-common.js";

/** p̂ᵢ(v) for every α in the box: 1, 0, or null when the box does not decide it. */
export function certainAllocation(box: { lo: readonly Q[]; hi: readonly Q[] }, v: readonly Q[], i: number, rule: TieBreak): 0 | 1 | null {
  const mine = { lo: box.lo[i]!.mul(v[i]!), hi: box.hi[i]!.mul(v[i]!) };
  // A tie with j counts as a win as written, and for the lower index under lowest-index.
  const tieWins = (j: number) => rule === "as-written" || (rule === "lowest-index" && i < j);
  let sure = true;
  for (let j = 0; j < v.length; j++) {
    if (j === i) continue;
    const theirs = { lo: box.lo[j]!.mul(v[j]!), hi: box.hi[j]!.mul(v[j]!) };
    if (theirs.lo.gt(mine.hi) || (theirs.lo.eq(mine.hi) && !tieWins(j) && theirs.lo.eq(theirs.hi) && mine.lo.eq(mine.hi))) return 0;
    if (!(mine.lo.gt(theirs.hi) || (mine.lo.ge(theirs.hi) && tieWins(j)))) sure = false;
  }
  return sure ? 1 : null;
}

type Box = StageMechanism["alphaBox"];

/**
 * A report profile at which agent k certainly wins under every weight in `before` and certainly loses
 * under every weight in `after`; null if none exists; "undecided" if the boxes cannot tell. Discrete
 * values: every profile. Densities: p̂ₖ can fall iff some ratio α*ⱼ/α*ₖ rises; then vₖ/vⱼ strictly
 * between the two ratios, the other agents at 0, is such a profile.
 */
export function flipProfile(ds: readonly ValueDist[], before: Box, after: Box, k: number, rule: TieBreak): Q[] | null | "undecided" {
  if (ds.every((d) => d.kind === "discrete")) {
    let vs: Q[][] = [[]];
    for (const d of ds) if (d.kind === "discrete") vs = vs.flatMap((x) => d.points.map((p) => [...x, p.v]));
    let undecided = false;
    for (const v of vs) {
      const a1 = certainAllocation(before, v, k, rule), a2 = certainAllocation(after, v, k, rule);
      if (a1 === 1 && a2 === 0) return v;
      if ((a1 === null && a2 !== 1) || (a2 === null && a1 !== 0)) undecided = true;
    }
    return undecided ? "undecided" : null;
  }
  let undecided = false;
  for (let j = 0; j < ds.length; j++) {
    if (j === k) continue;
    if (before.lo[k]!.sign() === 0 || after.hi[k]!.sign() === 0) {
      undecided = true;
      continue;
    }
    const oldHi = before.hi[j]!.div(before.lo[k]!), newLo = after.lo[j]!.div(after.hi[k]!);
    if (oldHi.lt(newLo)) {
      const r = oldHi.add(newLo).div(Q.of(2));
      const t = Q.min(top(ds[j]!), top(ds[k]!).div(r)).div(Q.of(2));
      const v = ds.map((_, i) => (i === j ? t : i === k ? r.mul(t) : Q.ZERO));
      if (certainAllocation(before, v, k, rule) === 1 && certainAllocation(after, v, k, rule) === 0) return v;
      undecided = true;
    } else if (before.lo[j]!.div(before.hi[k]!).lt(after.hi[j]!.div(after.lo[k]!))) undecided = true;
  }
  return undecided ? "undecided" : null;
}

export const proposition61: Claim<RaisedCase, StageFamily> = {
  id: "bgs2019.proposition6.1",
  section: "§6.1, Proposition 6.1",
  statement: "Agent i's allocation p̂ᵢ(v|u) is nondecreasing in the agent's report vᵢ (for fixed v₋ᵢ and u), and nondecreasing in the agent's promised utility uᵢ (for fixed v and u₋ᵢ).",
  expect: "holds",
  note: "The second part needs α*ᵢ(u/F)/α*ⱼ(u/F) nondecreasing in uᵢ for every j. Where the maximizer α* is not unique (discrete values) the box of all maximizers is compared, so only allocations every maximizer agrees on count.",
  ...STAGE_CLAIM,
  runs: 50,
  arbitrary: () => raisedCaseArb({ tieBreaks: ["as-written", "lowest-index", "uniform"], utility: true }),
  encode: encodeRaised,
  decode: decodeRaised,
  check(c, family): Verdict {
    const pre = regionVerdict(c.model);
    if (pre) return pre;
    const k = c.raise.agent;
    const judge = (wit: Witness | null): Verdict => densityVerdict(c.model, wit);
    if ("report" in c.raise) {
      const mech = family.build(c.model);
      const v2 = raisedProfile(c);
      const p1 = mech.allocate(c.v, 0)[k]!, p2 = mech.allocate(v2, 0)[k]!;
      return judge(p2.lt(p1) ? { summary: `raising agent ${k}'s report from ${c.v[k]} to ${v2[k]} lowers its allocation from ${p1} to ${p2}`, quantities: { agent: k, before: vec(c.v), after: vec(v2), alpha: vec(mech.alpha), allocationBefore: qs(p1), allocationAfter: qs(p2) }, gain: p1.sub(p2).toString() } : null);
    }
    const by = c.raise.utility;
    const u2 = c.model.u!.map((x, i) => (i === k ? x.add(by) : x));
    const m2 = { ...c.model, u: u2 };
    const pre2 = regionVerdict(m2);
    if (pre2) return pre2.kind === "vacuous" ? { kind: "vacuous", hypothesis: `the raised state: ${pre2.hypothesis}` } : pre2;
    const b1 = family.build(c.model).alphaBox, b2: StageMechanism["alphaBox"] = family.build(m2).alphaBox;
    const rule = c.model.tieBreak;
    // Every v at once: a profile where agent k certainly wins at u and certainly loses at u′.
    const v = flipProfile(c.model.values, b1, b2, k, rule);
    if (v === "undecided") return { kind: "inconclusive", reason: `the boxes of α*(u/F) and α*(u′/F) do not decide whether α*ₖ/α*ⱼ can fall` };
    if (v)
      return judge({
        summary: `raising u${k} by ${by} takes the good from agent ${k} at v = (${vec(v).join(", ")}): α*(u/F) ∈ [${vec(b1.lo)}] … [${vec(b1.hi)}] lets it win, α*(u′/F) ∈ [${vec(b2.lo)}] … [${vec(b2.hi)}] does not`,
        quantities: { agent: k, v: vec(v), u: vec(c.model.u!), uRaised: vec(u2), alphaLo: vec(b1.lo), alphaHi: vec(b1.hi), alphaRaisedLo: vec(b2.lo), alphaRaisedHi: vec(b2.hi) },
        gain: "1",
      });
    return judge(null);
  },
};
