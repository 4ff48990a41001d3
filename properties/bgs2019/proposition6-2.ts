/**
 * bgs2019 §6.1, Proposition 6.2: ŵᵢ(v|u) of (11) is nonincreasing in vᵢ and nondecreasing in vⱼ,
 * j ≠ i. Checked exactly at a profile v and the profile with one agent's report raised: the raised
 * agent's promise may not rise, every other agent's may not fall.
 */
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import type { StageFamily } from "../../src/mechanisms/bgs2019/stage.js";
import { qs, vec } from "./common.js";
import { decodeRaised, encodeRaised, type RaisedCase, raisedCaseArb, raisedProfile } from "./monotone-common.js";
import { definedVerdict, densityVerdict, regionVerdict, STAGE_CLAIM } from "./stage-common.js";

export const proposition62: Claim<RaisedCase, StageFamily> = {
  id: "bgs2019.proposition6.2",
  section: "§6.1, Proposition 6.2",
  statement: "For u in the central region, the future promise ŵᵢ(v|u) is nonincreasing in vᵢ and nondecreasing in vⱼ for j ≠ i.",
  expect: "holds",
  note: "By (11), ŵᵢ moves with Ŵᵢ(vᵢ) in its own report and against Ŵⱼ(vⱼ) (weight αⱼ/((n−1)αᵢ) > 0) in the others'; (IC) makes each Ŵ nonincreasing. The weights α are any point of α*'s enclosure: the conclusion holds for every α > 0.",
  ...STAGE_CLAIM,
  runs: 60,
  arbitrary: () => raisedCaseArb({ tieBreaks: ["as-written", "lowest-index", "uniform"] }),
  encode: encodeRaised,
  decode: decodeRaised,
  check(c, family): Verdict {
    const pre = regionVerdict(c.model);
    if (pre) return pre;
    if (!("report" in c.raise)) return { kind: "vacuous", hypothesis: "the change is a raise of a report" };
    const mech = family.build(c.model);
    const v2 = raisedProfile(c);
    const undef = definedVerdict(mech, c.v) ?? definedVerdict(mech, v2);
    if (undef) return undef;
    const k = c.raise.agent;
    const w1 = mech.transfer(c.v), w2 = mech.transfer(v2);
    let wit: Witness | null = null;
    for (let i = 0; i < w1.length && !wit; i++) {
      const d = w2[i]!.sub(w1[i]!);
      const bad = i === k ? d.sign() > 0 : d.sign() < 0;
      if (bad)
        wit = {
          summary: `raising agent ${k}'s report from ${c.v[k]} to ${v2[k]} ${i === k ? "raises its own" : `lowers agent ${i}'s`} promise ŵ${i} from ${w1[i]} to ${w2[i]}`,
          quantities: { agent: i, raised: k, before: vec(c.v), after: vec(v2), alpha: vec(mech.alpha), promiseBefore: qs(w1[i]!), promiseAfter: qs(w2[i]!) },
          gain: d.abs().toString(),
        };
    }
    return densityVerdict(c.model, wit);
  },
};
