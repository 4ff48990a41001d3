/**
 * bgs2019 §3.1, (IC) of the main phase: an agent of value x who reports y gets the interim utility
 *   Uᵢ(x, y) = (1 − β)·x·P̂ᵢ(y) + β·Ŵᵢ(y),
 * and truth must be a best reply: Uᵢ(x, y) ≤ Uᵢ(x, x) for all x, y ∈ [0, v̄].
 *
 * Which reports are compared. P̂ᵢ(y) changes only where αᵢy meets a breakpoint of another agent's
 * αⱼvⱼ: for discrete values P̂ᵢ is a step function there, and with (10) Uᵢ(x, ·) is constant on each
 * open step (the A(y) − P̂(y)·y of (10) cancels the slope), so the breakpoints and one point inside
 * each step exhaust every report: exact. For densities the same points, a grid and the case's report
 * are compared (basis "search"); between them truth-telling rests on P̂ᵢ being nondecreasing.
 */
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import { Q } from "../../src/exact/rational.js";
import { type StageFamily, type StageMechanism } from "../../src/mechanisms/bgs2019/stage.js";
import { top, type ValueDist } from "../../src/models/bgs2019/distribution.js";
import { qs } from "./common.js";
import { densityVerdict, hasDiscrete, regionVerdict, STAGE_CLAIM, type StageCase, stageCaseArb } from "./stage-common.js";

/** The points where another agent's value distribution changes: support points or piece ends. */
const breakpointsOf = (d: ValueDist): Q[] => (d.kind === "discrete" ? d.points.map((p) => p.v) : [Q.ZERO, ...d.pieces.map((p) => p.to)]);

/** Agent i's reports to compare: 0, v̄ᵢ, αⱼb/αᵢ for others' breakpoints b, the midpoints between, extra. */
export function candidateReports(ds: readonly ValueDist[], alpha: readonly Q[], i: number, extra: readonly Q[]): Q[] {
  const vbar = top(ds[i]!);
  const pts: Q[] = [Q.ZERO, vbar, ...extra];
  if (!alpha[i]!.isZero())
    ds.forEach((d, j) => {
      if (j !== i) for (const b of breakpointsOf(d)) pts.push(alpha[j]!.mul(b).div(alpha[i]!));
    });
  const sorted = [...new Map(pts.filter((y) => y.sign() >= 0 && y.le(vbar)).map((y) => [y.toString(), y])).values()].sort((a, b) => a.cmp(b));
  const mids = sorted.slice(1).map((y, k) => y.add(sorted[k]!).div(Q.of(2)));
  return [...sorted, ...mids].sort((a, b) => a.cmp(b));
}

const utility = (mech: StageMechanism, beta: Q, i: number, x: Q, y: Q): Q => Q.ONE.sub(beta).mul(x).mul(mech.interimP(i, y)).add(beta.mul(mech.interimW(i, y)));

export const stageIc: Claim<StageCase, StageFamily> = {
  id: "bgs2019.stage-ic",
  section: "§3.1, (IC) for the main phase (9)–(10)",
  statement: "In the central region, truthful reporting is optimal in the stage game: (1−β)·vᵢ·P̂ᵢ(vᵢ) + β·Ŵᵢ(vᵢ) ≥ (1−β)·vᵢ·P̂ᵢ(yᵢ) + β·Ŵᵢ(yᵢ) for every agent i, value vᵢ and report yᵢ ∈ [0, v̄].",
  expect: "holds",
  note: "The paper: 'Because the interim allocation is increasing in an agent's report, Equation (10) is necessary and sufficient to guarantee incentive compatibility.' Exact over every report for discrete values (outside §2); on densities the reports compared are the breakpoints of P̂ᵢ, the midpoints between them and a grid.",
  ...STAGE_CLAIM,
  runs: 40,
  arbitrary: () => stageCaseArb({ tieBreaks: ["as-written", "lowest-index", "uniform"] }),
  check(c, family): Verdict {
    const pre = regionVerdict(c.model);
    if (pre) return pre;
    const mech = family.build(c.model);
    const ds = c.model.values, beta = c.model.beta!;
    const disc = hasDiscrete(c.model);
    let wit: Witness | null = null;
    for (let i = 0; i < ds.length && !wit; i++) {
      const d = ds[i]!;
      const grid = d.kind === "discrete" ? [] : Array.from({ length: 9 }, (_, k) => top(d).mul(Q.of(k, 8)));
      const reports = candidateReports(ds, mech.alpha, i, [...grid, c.v[i]!]);
      const values = d.kind === "discrete" ? d.points.map((p) => p.v) : reports;
      for (const x of values) {
        const truth = utility(mech, beta, i, x, x);
        let best: { y: Q; u: Q } | null = null;
        for (const y of reports) {
          const uy = utility(mech, beta, i, x, y);
          if (uy.gt(truth) && (!best || uy.gt(best.u))) best = { y, u: uy };
        }
        if (best) {
          wit = {
            summary: `agent ${i} of value ${x} gains ${best.u.sub(truth)} by reporting ${best.y}: (1−β)xP̂(y) + βŴ(y) = ${best.u} > ${truth}`,
            quantities: { agent: i, value: qs(x), report: qs(best.y), truthful: qs(truth), deviation: qs(best.u), P: [qs(mech.interimP(i, x)), qs(mech.interimP(i, best.y))], W: [qs(mech.interimW(i, x)), qs(mech.interimW(i, best.y))] },
            gain: best.u.sub(truth).toString(),
          };
          break;
        }
      }
    }
    if (disc >= 0) return densityVerdict(c.model, wit);
    return wit ? { kind: "violated", witness: wit } : { kind: "holds", basis: "search", how: "P̂ᵢ's breakpoints, the midpoints between them and a grid of reports" };
  },
};
