/**
 * Replicas (§8) by count vectors against the brute-force path: the full r-agent model (|A|^r
 * profiles) through the general informational-size and equilibrium code. Hand-derived numbers are
 * marked as such.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/exact/errors.js";
import { Q } from "../../../src/exact/rational.js";
import { Surd } from "../../../src/exact/surd.js";
import { evaluateTheorem3, lambdaStar, maxCyclicSum } from "../../../src/equilibrium/mp2013-replica.js";
import { largestInterimGain, lowestTruthfulPayoff, weakEpsFailure } from "../../../src/equilibrium/mp2013.js";
import { normalizedQ, REPLICA_REWARD_KIND, replicaAugmentedFamily, theorem3Reward, type ReplicaReward } from "../../../src/mechanisms/mp2013/replica.js";
import { informationalSize } from "../../../src/models/mp2013/informational.js";
import { derived, profileTypes } from "../../../src/models/mp2013/model.js";
import { compositions, multinomial, replicaDerived, replicaModel, replicaSize, type ReplicaBase } from "../../../src/models/mp2013/replica.js";
import { DEFAULT_REPLICA } from "../../../src/models/mp2013/replica-default.js";
import { readReplicaBase, replicaToJson } from "../../../src/models/mp2013/replica-json.js";
import { oneNormTail } from "../../../properties/mp2013/lemma-b.js";

const example = JSON.parse(readFileSync("examples/instances/mp2013-replica.json", "utf8"));
const base = readReplicaBase(example);

/** Three states, three signals, type-dependent payoffs: a second base for the cross-checks. */
const three: ReplicaBase = readReplicaBase({
  model: "mp2013-replica",
  states: ["a", "b", "c"],
  signals: ["x", "y", "z"],
  outcomes: ["none", "go"],
  joint: [
    { state: "a", signal: "x", p: "1/6" }, { state: "a", signal: "y", p: "1/12" }, { state: "a", signal: "z", p: "1/12" },
    { state: "b", signal: "x", p: "1/24" }, { state: "b", signal: "y", p: "5/24" }, { state: "b", signal: "z", p: "1/12" },
    { state: "c", signal: "x", p: "1/12" }, { state: "c", signal: "y", p: "1/24" }, { state: "c", signal: "z", p: "5/24" },
  ],
  values: [{ outcome: "go", state: "a", signal: "x", v: "1" }, { outcome: "go", state: "b", v: "1/2" }, { outcome: "go", state: "c", signal: "z", v: "3/4" }],
  epsilon: "1/5",
});

describe("replica bases", () => {
  it("the default base of simulate is the example file", () => {
    expect(DEFAULT_REPLICA).toEqual(example);
  });

  it("round-trips through its file", () => {
    expect(replicaToJson(readReplicaBase(replicaToJson(three)))).toEqual(replicaToJson(three));
  });

  it("Q and Λ* of the example, by hand: Q(·|h) = (3/8, 5/8), Q(·|l) = (5/8, 3/8), Λ* = 2 − 2·(30/64)/(34/64) = 4/17", () => {
    const d = replicaDerived(base);
    expect(d.Qm.map((row) => row.map(String))).toEqual([["5/8", "3/8"], ["3/8", "5/8"]]);
    expect(lambdaStar(d).value.rational()?.toString()).toBe("4/17");
  });

  it.each([
    ["a sum other than 1", (j: Record<string, unknown>) => ({ ...j, joint: (j.joint as object[]).map((e, k) => (k === 0 ? { ...e, p: "1/2" } : e)) }), "instance.joint", /sum to 1/],
    ["a zero probability", (j: Record<string, unknown>) => ({ ...j, joint: (j.joint as object[]).map((e, k) => (k === 0 ? { ...e, p: "0" } : e)) }), "instance.joint[0].p", /Definition 6\(a\)/],
    ["a missing cell", (j: Record<string, unknown>) => ({ ...j, joint: (j.joint as object[]).slice(1) }), "instance.joint", /missing/],
    ["a float", (j: Record<string, unknown>) => ({ ...j, epsilon: 0.1 }), "instance.epsilon", /numbers are not accepted/],
    ["a negative payoff", (j: Record<string, unknown>) => ({ ...j, values: [{ outcome: "expand", state: "low", v: "-1" }] }), "instance.values[0].v", /nonnegative/],
    ["an unknown signal", (j: Record<string, unknown>) => ({ ...j, values: [{ outcome: "expand", state: "low", signal: "m", v: "1" }] }), "instance.values[0].signal", /not one of the signals/],
  ])("refuses %s, naming the field and the rule", (_what, mutate, field, rule) => {
    let err: unknown;
    try {
      readReplicaBase(mutate(example));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe(field);
    expect((err as InputError).message).toMatch(rule);
  });

  it("refuses two states with the same signal law (Definition 6(a))", () => {
    const j = { ...example, joint: example.joint.map((e: { state: string; signal: string }) => ({ ...e, p: "1/4" })) };
    expect(() => readReplicaBase(j)).toThrow(/same signal law/);
  });
});

describe("ν^{P^r} by count vectors", () => {
  it.each([1, 2, 3, 4, 5, 6])("equals Definition 3 on the full model with r = %i (two signals)", (r) => {
    expect(replicaSize(base, r).value.toString()).toBe(informationalSize(replicaModel(base, r), 0).value.toString());
  });

  it.each([1, 2, 3, 4])("equals Definition 3 on the full model with r = %i (three signals), for every agent", (r) => {
    const m = replicaModel(three, r);
    const want = replicaSize(three, r).value.toString();
    for (let i = 0; i < r; i++) expect(informationalSize(m, i).value.toString()).toBe(want);
  });

  it("scans C(r−2+|A|, |A|−1) count vectors", () => {
    expect(compositions(9, 3)).toHaveLength(55);
    expect(replicaSize(three, 10).counts).toBe(55);
    expect(multinomial([2, 1, 1])).toBe(12n);
  });
});

describe("Theorem 3's mechanism by count vectors", () => {
  it.each([
    [base, 2], [base, 3], [base, 5], [three, 2], [three, 3], [three, 4],
  ] as const)("matches the full model (interim gain, weak-ε mass, IR, max Σz) — case %#", (b, r) => {
    const eps = b.epsilon!;
    const e = evaluateTheorem3(b, r, theorem3Reward, eps);
    const m = replicaModel(b, r);
    const mech = replicaAugmentedFamily(b).build(m);
    expect(e.interim.gain.cmp(largestInterimGain(mech)!.gain)).toBe(0);
    expect(e.ir.value.cmp(lowestTruthfulPayoff(mech).value)).toBe(0);
    // weakEpsFailure reports only masses above ε; ours is the largest mass whatever its size
    const w = weakEpsFailure(mech, eps);
    if (w) expect(e.weak.prob.toString()).toBe(w.prob.toString());
    else expect(e.weak.prob.le(eps)).toBe(true);
    // max Σᵢ zᵢ over every profile of the full model
    const d = derived(m), rd = replicaDerived(b);
    let best: Surd | null = null;
    for (let t = 0; t < d.profiles; t++) {
      const ts = profileTypes(d, t);
      const s = ts.reduce((acc, x, i) => acc.add(theorem3Reward.reward(rd, r, eps, x, ts[(i + 1) % r]!)), Surd.ZERO);
      if (best === null || s.gt(best)) best = s;
    }
    expect(e.zSumMax.cmp(best!)).toBe(0);
  });

  it("counts the weak-ε mass where lies pay (a reward 10ε·(1 − Q/‖Q‖₂)): both paths find the same failure", () => {
    const liar: ReplicaReward = { name: "liar", kind: REPLICA_REWARD_KIND, reward: (d, _r, eps, s, beta) => Surd.of(Q.ONE).sub(normalizedQ(d, s, beta)).scale(eps.mul(Q.of(10))) };
    for (const [b, r] of [[base, 3], [three, 3]] as const) {
      const e = evaluateTheorem3(b, r, liar, b.epsilon!);
      const w = weakEpsFailure(replicaAugmentedFamily(b, liar).build(replicaModel(b, r)), b.epsilon!);
      expect(w).not.toBeNull();
      expect(e.weak.prob.toString()).toBe(w!.prob.toString());
      expect(e.interim.gain.cmp(largestInterimGain(replicaAugmentedFamily(b, liar).build(replicaModel(b, r)))!.gain)).toBe(0);
    }
  });

  it("max Σz over cyclic sequences: a walk that must close (by hand: weights 0/1 on one edge only are never closed)", () => {
    // z(0, 1) = 1, everything else 0: a cycle uses 0→1 at most as often as 1→0, which pays 0, so with r = 2 the best closed walk 0→1→0 pays 1.
    const z = (s: number, b: number) => Surd.of(s === 0 && b === 1 ? Q.ONE : Q.ZERO);
    expect(maxCyclicSum(2, 2, z).toString()).toBe("1");
    expect(maxCyclicSum(2, 3, z).toString()).toBe("1");
    expect(maxCyclicSum(2, 4, z).toString()).toBe("2");
  });
});

describe("the tail in Lemma B's Step 3", () => {
  it("equals a brute-force sum over every sequence of n draws", () => {
    const p = [Q.of(1, 6), Q.of(1, 3), Q.of(1, 2)];
    const n = 5, eta = Q.of(1, 2);
    let brute = Q.ZERO;
    for (let s = 0; s < 3 ** n; s++) {
      const f = [0, 0, 0];
      let prob = Q.ONE;
      for (let j = 0, x = s; j < n; j++, x = Math.floor(x / 3)) {
        f[x % 3]!++;
        prob = prob.mul(p[x % 3]!);
      }
      const dist = f.reduce((a, c, k) => a.add(Q.of(c, n).sub(p[k]!).abs()), Q.ZERO);
      if (dist.ge(eta)) brute = brute.add(prob);
    }
    expect(oneNormTail(p, n, eta).toString()).toBe(brute.toString());
  });

  it("by hand: one fair draw is always at 1-norm distance 1", () => {
    expect(oneNormTail([Q.HALF, Q.HALF], 1, Q.ONE).toString()).toBe("1");
  });
});
