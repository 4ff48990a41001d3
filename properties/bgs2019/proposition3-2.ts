/**
 * bgs2019 §3.2, Proposition 3.2: among ex-post promises w̃ with the interim promises of (10),
 *   E_{v₋ᵢ}[w̃ᵢ(vᵢ, v₋ᵢ)] = Ŵᵢ(vᵢ)  ∀vᵢ, i                                    (12)
 * the ŵ of (11) maximizes min_v α*ᵀ(u − w̃(v)), α* = α*(u/F_β).
 *
 * Any feasible w̃ has E_v[α*ᵀ(u − w̃(v))] = α*ᵀu − Σᵢα*ᵢE[Ŵᵢ] =: B, so min_v ≤ B, and ŵ is optimal
 * iff it is feasible and α*ᵀ(u − ŵ(v)) ≥ B for every v. Discrete values: every profile is
 * enumerated, (12) is checked at every vᵢ, and on small supports the optimum of the problem itself
 * is solved as an exact LP (it must equal B). Densities: at the case's profile v, α*ᵀ(u − ŵ(v)) = B,
 * with E[Ŵᵢ] cross-checked against promise keeping, (1 − β)∂φ/∂αᵢ + βE[Ŵᵢ] = uᵢ.
 */
import type { Claim, Verdict, Witness } from "../../src/claims/types.js";
import { InternalError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { type LpRow, solveLP } from "../../src/lp/index.js";
import { type StageFamily, type StageMechanism } from "../../src/mechanisms/bgs2019/stage.js";
import type { ValueDist } from "../../src/models/bgs2019/distribution.js";
import { partialRight } from "../../src/models/bgs2019/support.js";
import { qs, vec } from "./common.js";
import { densityVerdict, hasDiscrete, STAGE_CLAIM, type StageCase, stageCaseArb, mainPhaseAt } from "./stage-common.js";

const dot = (a: readonly Q[], b: readonly Q[]): Q => a.reduce((s, x, i) => s.add(x.mul(b[i]!)), Q.ZERO);

/** Exact LPs on at most this many profiles (n·|V| + 1 variables). */
const LP_PROFILES = 16;

type Profile = { v: Q[]; p: Q };

function profiles(ds: readonly ValueDist[]): Profile[] {
  let out: Profile[] = [{ v: [], p: Q.ONE }];
  for (const d of ds) {
    if (d.kind !== "discrete") throw new InternalError("profiles of a density");
    out = out.flatMap((x) => d.points.map((pt) => ({ v: [...x.v, pt.v], p: x.p.mul(pt.p) })));
  }
  return out;
}

/** max_{w̃} min_v α*ᵀ(u − w̃(v)) subject to (12), as an exact LP: variables w̃ᵢ(v) (free) and t. */
function optimumByLp(ds: readonly ValueDist[], alpha: readonly Q[], u: readonly Q[], mech: StageMechanism, ps: readonly Profile[]): Q {
  const n = alpha.length, N = ps.length * n + 1;
  const at = (k: number, i: number) => k * n + i;
  const row = (entries: [number, Q][]) => {
    const a = new Array<Q>(N).fill(Q.ZERO);
    for (const [j, x] of entries) a[j] = a[j]!.add(x);
    return a;
  };
  const rows: LpRow[] = ps.map((_, k) => ({ a: row([...alpha.map((ai, i): [number, Q] => [at(k, i), ai]), [N - 1, Q.ONE]]), op: "<=", b: dot(alpha, u) }));
  ds.forEach((d, i) => {
    if (d.kind !== "discrete") return;
    for (const pt of d.points) {
      // E_{v₋ᵢ}[w̃ᵢ(vᵢ, ·)] = Σ_{v : vᵢ = pt} P(v)/P(vᵢ)·w̃ᵢ(v)
      const terms = ps.flatMap((x, k): [number, Q][] => (x.v[i]!.eq(pt.v) ? [[at(k, i), x.p.div(pt.p)]] : []));
      rows.push({ a: row(terms), op: "=", b: mech.interimW(i, pt.v) });
    }
  });
  const r = solveLP({ sense: "max", c: row([[N - 1, Q.ONE]]), rows, lower: new Array<Q | null>(N).fill(null) });
  if (r.status !== "optimal") throw new InternalError(`Proposition 3.2's LP is ${r.status}`);
  return r.value;
}

export const proposition32: Claim<StageCase, StageFamily> = {
  id: "bgs2019.proposition3.2",
  section: "§3.2, Proposition 3.2",
  statement: "For u in the central region, the ex-post promise ŵ(·|u) of (11) is an optimal solution of max_{w̃} min_v α*(u/F_β)ᵀ(u − w̃(v)) subject to E_{v₋ᵢ}[w̃ᵢ(vᵢ, v₋ᵢ)] = Ŵᵢ(vᵢ|u) for all vᵢ and i (12).",
  expect: "holds",
  note: "Averaging gives the bound: every feasible w̃ has mean α*ᵀ(u − w̃) = α*ᵀu − Σα*ᵢE[Ŵᵢ], and ŵ meets it at every v. The argument needs only independent values, so it holds for discrete values too (checked there against the exact LP). The paper writes u ∈ ℰ(Û_β); the conclusion does not depend on where u lies.",
  ...STAGE_CLAIM,
  runs: 60,
  arbitrary: () => stageCaseArb({ tieBreaks: ["as-written", "lowest-index", "uniform"] }),
  check(c, family): Verdict {
    const at = mainPhaseAt(c, family);
    if ("verdict" in at) return at.verdict;
    const mech = at.mech;
    const ds = c.model.values, u = c.model.u!, beta = c.model.beta!, a = mech.alpha;
    const B = dot(a, u).sub(ds.reduce((s, _, i) => s.add(a[i]!.mul(mech.meanW(i))), Q.ZERO));
    const disc = hasDiscrete(c.model);
    let wit: Witness | null = null;
    if (disc >= 0) {
      const ps = profiles(ds);
      for (const x of ps) if (mech.undefinedAt(x.v)) return { kind: "vacuous", hypothesis: `the main phase is defined at every profile: ${mech.undefinedAt(x.v)}` };
      const w = ps.map((x) => mech.transfer(x.v));
      // (12) for ŵ at every vᵢ
      for (let i = 0; i < ds.length && !wit; i++) {
        const d = ds[i]!;
        if (d.kind !== "discrete") continue;
        for (const pt of d.points) {
          const e = ps.reduce((s, x, k) => (x.v[i]!.eq(pt.v) ? s.add(x.p.div(pt.p).mul(w[k]![i]!)) : s), Q.ZERO);
          const W = mech.interimW(i, pt.v);
          if (!e.eq(W)) {
            wit = { summary: `ŵ breaks (12): E[ŵ${i}(${pt.v}, v₋${i})] = ${e} but Ŵ${i}(${pt.v}) = ${W}`, quantities: { agent: i, report: qs(pt.v), mean: qs(e), interim: qs(W) }, gain: e.sub(W).abs().toString() };
            break;
          }
        }
      }
      if (!wit) {
        const k = ps.reduce((best, x, k2) => (dot(a, u.map((y, i) => y.sub(w[k2]![i]!))).lt(dot(a, u.map((y, i) => y.sub(w[best]![i]!)))) ? k2 : best), 0);
        const worst = dot(a, u.map((y, i) => y.sub(w[k]![i]!)));
        const opt = ps.length <= LP_PROFILES ? optimumByLp(ds, a, u, mech, ps) : B;
        if (!opt.eq(B)) throw new InternalError(`Proposition 3.2: the exact LP's optimum ${opt} differs from the averaging bound ${B}`);
        if (worst.lt(opt))
          wit = { summary: `ŵ is not optimal: min_v α*ᵀ(u − ŵ(v)) = ${worst} at v = (${vec(ps[k]!.v).join(", ")}) < ${opt}, the optimum${ps.length <= LP_PROFILES ? " (exact LP)" : " (the averaging bound, attained by any w̃ with constant α*ᵀw̃)"}`, quantities: { v: vec(ps[k]!.v), alpha: vec(a), minimum: qs(worst), optimum: qs(opt) }, gain: opt.sub(worst).toString() };
      }
      return densityVerdict(c.model, wit);
    }
    // Densities: E[Ŵᵢ] against promise keeping, then ŵ(v) on the optimal level.
    for (let i = 0; i < ds.length; i++) {
      const pk = Q.ONE.sub(beta).mul(partialRight(ds, a, i)).add(beta.mul(mech.meanW(i)));
      if (!pk.eq(u[i]!)) return { kind: "violated", witness: { summary: `E[Ŵ${i}] breaks promise keeping: (1−β)∂φ/∂α${i} + βE[Ŵ${i}] = ${pk} ≠ u${i} = ${u[i]}`, quantities: { agent: i, promised: qs(pk), u: qs(u[i]!) }, gain: pk.sub(u[i]!).abs().toString() } };
    }
    const w = mech.transfer(c.v);
    const level = dot(a, u.map((y, i) => y.sub(w[i]!)));
    // A feasible w̃ averages to B, so a level ≠ B at one v means a level < B at some other v.
    if (!level.eq(B))
      return { kind: "violated", witness: { summary: `ŵ is not optimal: α*ᵀ(u − ŵ(v)) = ${level} ≠ ${B} at v = (${vec(c.v).join(", ")}); every feasible w̃ averages to ${B}, so its minimum is below the optimum B`, quantities: { v: vec(c.v), alpha: vec(a), promise: vec(w), level: qs(level), optimum: qs(B) }, gain: B.sub(level).abs().toString() } };
    return { kind: "holds" };
  },
};
