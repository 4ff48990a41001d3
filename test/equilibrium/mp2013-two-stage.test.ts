/** §7.3's two-stage game (src/equilibrium/mp2013-two-stage.ts) and the least reward scale (least-scale.ts). */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Q, q } from "../../src/exact/rational.js";
import { Surd } from "../../src/exact/surd.js";
import { fullSupport, stage1Lies, stage2Failure } from "../../src/equilibrium/mp2013-two-stage.js";
import { rationalAtLeast, rationalBelow, scaleRange } from "../../src/equilibrium/least-scale.js";
import { POSTED_KIND, postedVcg, type PostedMechanism } from "../../src/mechanisms/mp2013/posted.js";
import { derived, profileIndex, type Mp2013Model } from "../../src/models/mp2013/model.js";
import { fullSupportModels } from "../../properties/mp2013/proposition3.js";
import { postedPivotOnly } from "../../examples/mutants/faults/mp2013.js";

/**
 * Brute force, independent of the module: the deviator's best expected payoff after reporting r,
 * maximized over *every* map from posted beliefs to announcements, with expectations taken directly
 * from the joint prior P(θ, t) (no posteriors of the others' profiles are formed).
 */
function bruteBest(m: Mp2013Model, mech: PostedMechanism, i: number, ti: number, r: number, truthOnly = false): Q {
  const d = derived(m);
  const K = m.states.length;
  const post = (t: number): Q[] => {
    const pt = m.prior.reduce((a, row) => a.add(row[t]!), Q.ZERO);
    return m.prior.map((row) => row[t]!.div(pt));
  };
  const profilesWith = (x: number): number[][] => {
    const out: number[][] = [[]];
    for (let j = 0; j < d.n; j++) {
      const next: number[][] = [];
      for (const p of out) for (let y = 0; y < d.sizes[j]!; y++) if (j !== i || y === x) next.push([...p, y]);
      out.splice(0, out.length, ...next);
    }
    return out;
  };
  const truths = profilesWith(ti);
  const posted = truths.map((ts) => post(profileIndex(d, ts.map((y, j) => (j === i ? r : y)))).join(","));
  const keys = [...new Set(posted)];
  const pTi = truths.reduce((a, ts) => a.add(m.prior.reduce((b, row) => b.add(row[profileIndex(d, ts)]!), Q.ZERO)), Q.ZERO);
  let best: Q | null = null;
  const plans = truthOnly ? [keys.map(() => ti)] : keys.reduce<number[][]>((acc) => acc.flatMap((p) => Array.from({ length: d.sizes[i]! }, (_, s) => [...p, s])), [[]]);
  for (const plan of plans) {
    let total = Q.ZERO;
    truths.forEach((ts, k) => {
      const s = plan[keys.indexOf(posted[k]!)]!;
      const reported = ts.map((y, j) => (j === i ? s : y));
      const pi = posted[k]!.split(",").map((x) => q(x));
      const c = mech.outcome(m, reported, pi);
      const x = mech.transfer(m, i, reported, pi);
      for (let th = 0; th < K; th++) total = total.add(m.prior[th]![profileIndex(d, ts)]!.mul(m.values[i]![c]![th]![ti]!.add(x)));
    });
    total = total.div(pTi);
    if (best === null || total.gt(best)) best = total;
  }
  return best!;
}

const models = fc.sample(fullSupportModels().filter((m) => derived(m).n <= 2 || derived(m).sizes.every((k) => k <= 2)), { numRuns: 25, seed: 7 });

describe("the two-stage game, exactly", () => {
  it("samples full-support models with lies to tell", () => {
    expect(models.every((m) => fullSupport(derived(m)))).toBe(true);
    expect(models.filter((m) => derived(m).sizes.some((k) => k > 1)).length).toBeGreaterThan(10);
  });

  it("values each stage-1 lie with its best continuation, as the brute force over all continuation plans does", () => {
    let lies = 0;
    for (const m of models)
      for (const mech of [postedVcg, postedPivotOnly])
        for (const l of stage1Lies(m, mech)) {
          // D = the lie's best payoff − the payoff of truth at both stages.
          const truth = bruteBest(m, mech, l.i, l.ti, l.ti, true);
          expect(l.D.eq(bruteBest(m, mech, l.i, l.ti, l.r).sub(truth))).toBe(true);
          // For the VCG, truth at stage 2 is also the best continuation of a truthful report.
          if (mech === postedVcg) expect(bruteBest(m, mech, l.i, l.ti, l.ti).eq(truth)).toBe(true);
          lies++;
        }
    expect(lies).toBeGreaterThan(40);
  });

  it("finds the stage-2 VCG truthful at every information set, and a pivot-only stage 2 not", () => {
    for (const m of models) expect(stage2Failure(m, postedVcg)).toBeNull();
    expect(models.some((m) => stage2Failure(m, postedPivotOnly) !== null)).toBe(true);
  });
});

/** Two agents with types {0, 1}, two states, every profile possible, four distinct posteriors. */
function handModel(): Mp2013Model {
  // P(θ, t) over profiles (a, b) = 00, 01, 10, 11 (agent 0 most significant).
  const prior = [
    [q(1, 10), q(1, 20), q(1, 10), q(1, 5)],
    [q(1, 20), q(3, 20), q(1, 10), q(1, 4)],
  ];
  return { types: [["a0", "a1"], ["b0", "b1"]], states: ["s1", "s2"], outcomes: ["c0"], prior, values: [[[[q(0), q(0)], [q(0), q(0)]]], [[[q(0), q(0)], [q(0), q(0)]]]], epsilon: null };
}

describe("stage-2 information sets never reached", () => {
  const m = handModel();
  const d = derived(m);
  const unreached = d.post[profileIndex(d, [1, 0])]!; // agent 0 of type a0 never sees ρ(a1, b0)
  const at = (pi: readonly Q[]) => pi.join(",") === unreached.join(",");
  // Pays agent 0 one unit for announcing a1 when b0 announces b1, at the unreached belief only. At (a1, ρ(a1, b0)) the
  // only other profile is b0, where truth earns 0 like the lie. At (a0, ρ(a1, b0)) the natural belief P(·|a0) gives b1
  // weight 1/2 + …, so the lie looks better; the belief "b0 for sure" makes truth a best reply.
  const somePays: PostedMechanism = { name: "pays a1 against b1 at ρ(a1, b0)", kind: POSTED_KIND, outcome: () => 0, transfer: (_m, i, ts, pi) => (i === 0 && at(pi) && ts[0] === 1 && ts[1] === 1 ? Q.ONE : Q.ZERO) };
  // Pays agent 0 for announcing a1 at the unreached belief whatever b announces: no belief supports truth for a0.
  const alwaysPays: PostedMechanism = { ...somePays, name: "pays a1 at ρ(a1, b0)", transfer: (_m, i, ts, pi) => (i === 0 && at(pi) && ts[0] === 1 ? Q.ONE : Q.ZERO) };

  it("accepts truth when some belief supports it (an exact LP), though the natural belief does not", () => {
    // By hand: P(b1 | a0) = (1/20 + 3/20)/(1/10 + 1/20 + 1/20 + 3/20) = 4/7 > 0, so a1 earns 4/7 > 0 under it.
    expect(stage2Failure(m, somePays)).toBeNull();
  });

  it("reports the unreached set when no belief does", () => {
    const f = stage2Failure(m, alwaysPays)!;
    expect(f).not.toBeNull();
    expect(f.reached).toBe(false);
    expect([f.i, f.ti, f.s]).toEqual([0, 0, 1]);
    expect(f.pi.join(",")).toBe(unreached.join(","));
  });
});

describe("the least reward scale", () => {
  const s = (x: Q) => Surd.of(x);
  it("is the largest D/S over the lies the reward discourages (by hand)", () => {
    // κ ≥ 1/2, κ ≥ 1/3, κ ≤ 2 (D = −2, S = −1), and a lie that needs nothing.
    const r = scaleRange([{ D: s(q(1)), S: s(q(2)), at: "a" }, { D: s(q(1)), S: s(q(3)), at: "b" }, { D: s(q(-2)), S: s(q(-1)), at: "c" }, { D: s(q(-1)), S: s(q(1)), at: "d" }]);
    expect(r.kind).toBe("interval");
    if (r.kind !== "interval") return;
    expect(r.leastAt).toBe("a");
    expect(r.upperAt).toBe("c");
    const k = rationalAtLeast(r.least!);
    expect(k.ge(q(1, 2))).toBe(true);
    expect(rationalBelow(r.least!).lt(q(1, 2))).toBe(true);
  });

  it("handles square roots: κ* = 1/(√2 − 1) = √2 + 1", () => {
    const r = scaleRange([{ D: s(q(1)), S: Surd.root(q(2)).sub(q(1)), at: 0 }]);
    if (r.kind !== "interval") throw new Error("expected an interval");
    const k = rationalAtLeast(r.least!), lo = rationalBelow(r.least!);
    expect(Surd.root(q(2)).add(q(1)).le(k)).toBe(true);
    expect(Surd.root(q(2)).add(q(1)).gt(lo)).toBe(true);
  });

  it("is empty when a lie gains at every scale, or two lies' ranges do not meet", () => {
    expect(scaleRange([{ D: s(q(1)), S: s(q(0)), at: 0 }]).kind).toBe("empty");
    expect(scaleRange([{ D: s(q(1)), S: s(q(-1)), at: 0 }]).kind).toBe("empty");
    const r = scaleRange([{ D: s(q(3)), S: s(q(1)), at: 0 }, { D: s(q(-2)), S: s(q(-1)), at: 1 }]); // κ ≥ 3 and κ ≤ 2
    expect(r.kind).toBe("empty");
    if (r.kind === "empty") expect(r.at).toEqual([0, 1]);
  });

  it("is [0, ∞) when no lie gains", () => {
    const r = scaleRange([{ D: s(q(-1)), S: s(q(1)), at: 0 }, { D: s(q(0)), S: s(q(2)), at: 1 }]);
    expect(r).toMatchObject({ kind: "interval", least: null, upper: null });
  });
});
