/**
 * Agent n's exact best response (src/equilibrium/zhu2021-best-response.ts): Proposition 1 /
 * Theorem 1 (gain exactly 0 for the reference unlinked and linked VCG, both orders), independent
 * sampling of misreports, a planted bug (β^{t−T} dropped) with a hand-computed profitable
 * deviation, the cover of each date's box by cells, and pruning soundness. Fixed seeds throughout.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/exact/errors.js";
import { Q, q } from "../../src/exact/rational.js";
import { bestMisreport, bestResponseProblem, formulaValue, typeCaps, utilityConstant, type Kind } from "../../src/equilibrium/zhu2021-best-response.js";
import { cellContains, cellValue, definitionValue } from "../../src/equilibrium/zhu2021-best-response-cells.js";
import { utility } from "../../src/equilibrium/zhu2021-strategies.js";
import { allocateDate, type Order } from "../../src/mechanisms/zhu2021/allocation.js";
import { linkedMinInstanceArb } from "../../src/mechanisms/zhu2021/linked-min-arb.js";
import { randomLinkedMinInstance } from "../../src/mechanisms/zhu2021/linked-min-bench.js";
import { linkedVcg } from "../../src/mechanisms/zhu2021/linked.js";
import { unlinkedVcg, type Zhu2021Mechanism } from "../../src/mechanisms/zhu2021/vcg.js";
import { mulberry32 } from "../../src/exact/prng.js";
import { agentValue, principalValue } from "../../src/models/zhu2021/payoffs.js";
import { column, inTypeSpace, withRow, type Profile, type RepeatedModel } from "../../src/models/zhu2021/repeated.js";
import { nonNegRational } from "../../src/search/numbers.js";
import { repeatedCaseArb } from "../../src/search/zhu2021-repeated.js";
import { retractRow } from "../../src/typespace/zhu2021-retraction.js";

const ORDERS: readonly Order[] = ["ord", "p-ord"];
const KINDS: readonly Kind[] = ["unlinked", "linked"];

const mech = (model: RepeatedModel, order: Order, kind: Kind): Zhu2021Mechanism => (kind === "linked" ? linkedVcg(model, order) : unlinkedVcg(model, order));
const U = (m: Zhu2021Mechanism, truth: Profile, n: number, row: readonly (readonly Q[])[]): Q => utility(m, truth, withRow(truth, n, row), n).U;

/** A misreport row: small rationals, sometimes a large entry (beyond the box of unlinked misreports). */
function rowArb(T: number, I: number): fc.Arbitrary<Q[][]> {
  const entry = fc.oneof({ weight: 6, arbitrary: nonNegRational(6, 3) }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 60 }).map((k) => Q.of(k)) });
  return fc.array(fc.array(entry, { minLength: I, maxLength: I }), { minLength: T, maxLength: T });
}

/** The benchmark generator's instance (N = 3, T = 3, I = 4, R = 2) with the bounds moved around the truth (truth ∈ Ω). */
function benchCase(seed: number, inside: boolean): { model: RepeatedModel; truth: Profile; n: number; order: Order } {
  const inst = randomLinkedMinInstance(mulberry32(seed), { N: 3, T: 3, I: 4, R: 2 });
  const truth = inst.reports;
  if (!inside) return { model: inst.model, truth, n: inst.n, order: inst.order };
  const TQ = Q.of(inst.model.T);
  const avg = truth.map((row) => Array.from({ length: inst.model.econ.I }, (_, i) => row.reduce((s, c) => s.add(c[i] as Q), Q.ZERO).div(TQ)));
  const model: RepeatedModel = { ...inst.model, muLow: avg.map((a) => a.map((x) => x.div(Q.of(2)))), muHigh: avg.map((a) => a.map((x) => x.add(Q.ONE))) };
  return { model, truth, n: inst.n, order: inst.order };
}

describe("Proposition 1 / Theorem 1: truth-telling is a best response (gain exactly 0)", () => {
  for (const kind of KINDS) {
    for (const order of ORDERS) {
      it(`${kind} VCG, ${order}: repeatedCaseArb (truth ∈ Ω), utility at the misreport = value`, () => {
        fc.assert(
          fc.property(repeatedCaseArb({ maxN: 3, maxT: 3 }), fc.nat(), ({ model, truth }, k) => {
            const n = k % model.N;
            expect(inTypeSpace(model, truth)).toBe(true);
            const r = bestMisreport(model, order, kind, truth, n);
            expect(r.gain.toString()).toBe("0");
            const m = mech(model, order, kind);
            expect(U(m, truth, n, r.misreport).toString()).toBe(r.value.toString());
            expect(U(m, truth, n, truth[n] as Q[][]).toString()).toBe(r.truthful.toString());
            expect(r.misreport.every((x) => x.length === model.econ.I && x.every((v) => v.sign() >= 0))).toBe(true);
          }),
          { seed: 5, numRuns: 25 },
        );
      });
    }
  }

  it("the same on the benchmark's generator (N = 3, T = 3, I = 4, R = 2, several regions per date), both kinds and orders", () => {
    let rich = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const { model, truth, n } = benchCase(seed, true);
      expect(inTypeSpace(model, truth)).toBe(true);
      for (const kind of KINDS) {
        for (const order of ORDERS) {
          const r = bestMisreport(model, order, kind, truth, n);
          expect(r.gain.toString()).toBe("0");
          if (r.stats.regionsPerDate.some((k) => k > 1)) rich++;
        }
      }
    }
    expect(rich).toBeGreaterThan(8);
  });
});

describe("independent sampling: value ≥ Uⁿ at random misreports (through the mechanism) and ≥ the truthful utility", () => {
  for (const kind of KINDS) {
    it(`${kind} VCG, both orders`, () => {
      fc.assert(
        fc.property(
          repeatedCaseArb({ maxN: 3, maxT: 2 }).chain((c) =>
            fc.record({ c: fc.constant(c), n: fc.nat({ max: c.model.N - 1 }), xs: fc.array(rowArb(c.model.T, c.model.econ.I), { minLength: 4, maxLength: 4 }) }),
          ),
          ({ c, n, xs }) => {
            for (const order of ORDERS) {
              const r = bestMisreport(c.model, order, kind, c.truth, n);
              expect(r.value.ge(r.truthful)).toBe(true);
              const m = mech(c.model, order, kind);
              for (const x of xs) expect(U(m, c.truth, n, x).le(r.value)).toBe(true);
            }
          },
        ),
        { seed: 11, numRuns: 20 },
      );
    });
  }

  it("linked VCG with the truth OUTSIDE Ω (no theorem applies; real search): samples and perturbations of the maximizer never beat it; pruning changes nothing", () => {
    let positive = 0;
    let searched = 0;
    for (let seed = 1; seed <= 14; seed++) {
      const { model, truth, n } = benchCase(seed, false);
      for (const order of ORDERS) {
        const r = bestMisreport(model, order, "linked", truth, n);
        const all = bestMisreport(model, order, "linked", truth, n, { prune: false });
        expect(all.value.toString()).toBe(r.value.toString());
        if (r.stats.leaves > 0) searched++;
        if (r.gain.sign() > 0) positive++;
        const m = linkedVcg(model, order);
        expect(U(m, truth, n, r.misreport).toString()).toBe(r.value.toString());
        const rnd = mulberry32(seed * 7 + (order === "ord" ? 0 : 1));
        for (let s = 0; s < 4; s++) {
          // A perturbation of the maximizer by ±k/8 in random entries (clipped at 0).
          const x = r.misreport.map((row) => row.map((v) => (rnd() < 0.4 ? Q.max(Q.ZERO, v.add(Q.of(Math.floor(rnd() * 9) - 4, 8))) : v)));
          expect(U(m, truth, n, x).le(r.value)).toBe(true);
        }
      }
    }
    expect(searched).toBeGreaterThan(5);
    expect(positive).toBeGreaterThan(5);
  });

  it("linked, T = 2, I ≤ 3, any truth: no point of a grid of Ωⁿ (step U/3, h_t by the definition) beats the value", () => {
    let beatTruth = 0;
    fc.assert(
      fc.property(linkedMinInstanceArb({ minT: 2, maxT: 2, maxExtra: 1 }), ({ model, order, reports: truth, n }) => {
        const r = bestMisreport(model, order, "linked", truth, n);
        const p = bestResponseProblem(model, order, "linked", truth, n);
        const K = utilityConstant(p);
        const I = model.econ.I;
        const { L, U: Up } = p.coupling!;
        const codes = Array.from({ length: 4 ** I }, (_, c) => Array.from({ length: I }, (_, i) => Math.floor(c / 4 ** i) % 4));
        const point = (k: number[]) => k.map((kk, i) => (Up[i] as Q).mul(Q.of(kk, 3)));
        const h = p.dates.map((d) => codes.map((k) => definitionValue(model, order, d, n, point(k)).value));
        let best: Q | null = null;
        codes.forEach((k0, a) =>
          codes.forEach((k1, b) => {
            const ok = k0.every((v, i) => {
              const s = Q.of(v + (k1[i] as number), 3).mul(Up[i] as Q);
              return (Up[i] as Q).isZero() ? true : s.le(Up[i] as Q) && s.ge(L[i] as Q);
            });
            if (!ok) return;
            const v = (h[0]![a] as Q).add(h[1]![b] as Q).add(K);
            if (best === null || v.gt(best)) best = v;
          }),
        );
        if (best !== null) {
          expect((best as Q).le(r.value)).toBe(true);
          if ((best as Q).gt(r.truthful)) beatTruth++;
        }
      }),
      { seed: 13, numRuns: 30 },
    );
    expect(beatTruth).toBeGreaterThan(0);
  });

  it("unlinked, T = 1: no point of a grid over the box (step 1/4 of it) beats the value", () => {
    fc.assert(
      fc.property(repeatedCaseArb({ maxN: 3, minT: 1, maxT: 1, economy: { maxR: 2, maxExtra: 1, maxCoord: 8 } }), fc.nat(), ({ model, truth }, k) => {
        const n = k % model.N;
        const caps = typeCaps(model);
        const X = caps.map((c, i) => Q.max(c, ((truth[n] as Q[][])[0] as Q[])[i] as Q));
        for (const order of ORDERS) {
          const r = bestMisreport(model, order, "unlinked", truth, n);
          const m = unlinkedVcg(model, order);
          const I = model.econ.I;
          for (let code = 0; code < 5 ** I; code++) {
            const x = X.map((u, i) => u.mul(Q.of(Math.floor(code / 5 ** i) % 5, 4)));
            expect(U(m, truth, n, [x]).le(r.value)).toBe(true);
          }
        }
      }),
      { seed: 3, numRuns: 15 },
    );
  });
});

/**
 * Agent n's utility under the PLANTED BUG "β^{t−T} dropped" (uWⁿ = Σ_t Σ_{m≠n} v(A^m_t, μ^m_t)),
 * written out here independently of the module: Σ_t β^t v(Aⁿ_t, μⁿ_t) + β^{T−1} Σ_t Σ_{m≠n} v(A^m_t, μ^m_t).
 */
function brokenUtility(model: RepeatedModel, order: Order, truth: Profile, n: number, row: readonly (readonly Q[])[]): Q {
  const reports = withRow(truth, n, row);
  let own = Q.ZERO;
  let others = Q.ZERO;
  for (let t = 0; t < model.T; t++) {
    const a = allocateDate(model.econ, column(reports, t), order);
    own = own.add(model.beta.pow(t).mul(agentValue(model.econ, a.bundles[n] as Q[], (truth[n] as Q[][])[t] as Q[])));
    others = others.add(principalValue(model.econ, a.principalBundle));
    for (let m = 0; m < model.N; m++) if (m !== n) others = others.add(agentValue(model.econ, a.bundles[m] as Q[], (reports[m] as Q[][])[t] as Q[]));
  }
  return own.add(model.beta.pow(model.T - 1).mul(others));
}

describe("planted bug: the transfer without β^{t−T} (transferWeights ≡ 1) makes a misreport profitable", () => {
  // R = 1, θ_1 = 2 (unit-like: the principal's last resort), θ_2 = 1, q̄ = 4; N = 2, T = 2, β = 1/4.
  // Agent n = 1 (0-based; the paper's agent 2 = N) is served FIRST under both orders; every date he
  // truly holds one θ_2 project and one θ_1 project, the other agent (served after him) holds three θ_2.
  // Efficient investment: all four θ_2 (total 4 = q̄), no θ_1. Truthfully agent n gets 1 unit of
  // resource, v = 1; the other agent gets 3, v = 3; the principal 0.
  // Date-1 deviation: report 1 + d of θ_2 (d ∈ [0, 3]): α_2 = 4 still, agent n (first) takes 1 + d, the
  // other 3 − d. Agent n's bundle 1 + d buys his θ_2 (1 unit) and d/2 of his θ_1 (2 per unit, at most
  // 1): v = 1 + min(d/2, 1). Others: 3 − d. (Reporting less θ_2 or any θ_1 does not help: for x_2 < 1,
  // α_2 = 3 + x_2, α_1 = (1 − x_2)/2 and agent n's bundle is at most 1.)
  // With the bug, Uⁿ = Σ_t β^t v_t + β^{T−1} Σ_t others_t; date 1 counts own × 1, others × β = 1/4:
  //   1 + d/2 + (3 − d)/4 = 7/4 + d/4 up to d = 2 (then 2 + (3 − d)/4, decreasing): best d = 2, i.e.
  //   report 3 of θ_2, date-1 term 2 + 1/4 = 9/4 instead of 7/4: gain 1/2 (= 1 − 2β in general).
  // Date 2 has own × β and others × β: the correct VCG balance, no gain there.
  // Truthful: dates 1, 2 own 1 + β·1 = 5/4; others β·(3 + 3) = 3/2; total 11/4. Best: 13/4.
  // (The correct transfer weighs date-1 others by β^{T−1}·β^{1−T} = 1: 1 + d/2 + 3 − d, decreasing.)
  const model: RepeatedModel = {
    econ: { R: 1, I: 2, theta: [[q(2)], [q(1)]], supply: [q(4)] },
    N: 2,
    T: 2,
    beta: q("1/4"),
    muLow: [[q(0), q(0)], [q(0), q(0)]],
    muHigh: [[q(0), q(3)], [q(1), q(1)]],
  };
  const truth: Profile = [
    [[q(0), q(3)], [q(0), q(3)]],
    [[q(1), q(1)], [q(1), q(1)]],
  ];
  const n = 1;
  const ones = () => Q.ONE;

  for (const order of ORDERS) {
    it(`finds gain 1/2 at the hand-computed deviation, equal to the independent utility difference (${order})`, () => {
      expect(brokenUtility(model, order, truth, n, truth[n] as Q[][]).toString()).toBe("11/4");
      expect(brokenUtility(model, order, truth, n, [[q(1), q(3)], [q(1), q(1)]]).toString()).toBe("13/4");
      const r = bestMisreport(model, order, "unlinked", truth, n, { transferWeights: ones });
      expect(r.truthful.toString()).toBe("11/4");
      expect(r.value.toString()).toBe("13/4");
      expect(r.gain.toString()).toBe("1/2");
      expect(((r.misreport[0] as Q[])[1] as Q).toString()).toBe("3");
      const independent = brokenUtility(model, order, truth, n, r.misreport).sub(brokenUtility(model, order, truth, n, truth[n] as Q[][]));
      expect(independent.toString()).toBe(r.gain.toString());
      // The reference transfer: no gain on the same instance.
      expect(bestMisreport(model, order, "unlinked", truth, n).gain.toString()).toBe("0");
    });
  }

  it("on random instances with β < 1, T ≥ 2: value ≥ the bugged utility at samples, the gain is the independent difference, and some gains are positive", () => {
    let positive = 0;
    fc.assert(
      fc.property(
        repeatedCaseArb({ minN: 2, maxN: 3, minT: 2, maxT: 3 })
          .filter((c) => c.model.beta.lt(Q.ONE))
          .chain((c) => fc.record({ c: fc.constant(c), n: fc.nat({ max: c.model.N - 1 }), xs: fc.array(rowArb(c.model.T, c.model.econ.I), { minLength: 4, maxLength: 4 }) })),
        ({ c, n, xs }) => {
          for (const order of ORDERS) {
            const r = bestMisreport(c.model, order, "unlinked", c.truth, n, { transferWeights: ones });
            const truthful = brokenUtility(c.model, order, c.truth, n, c.truth[n] as Q[][]);
            expect(r.truthful.toString()).toBe(truthful.toString());
            expect(brokenUtility(c.model, order, c.truth, n, r.misreport).sub(truthful).toString()).toBe(r.gain.toString());
            for (const x of xs) expect(brokenUtility(c.model, order, c.truth, n, x).le(r.value)).toBe(true);
            if (r.gain.sign() > 0) positive++;
          }
        },
      ),
      { seed: 9, numRuns: 25 },
    );
    expect(positive).toBeGreaterThan(0);
  });
});

describe("the cells cover each date's box and carry Uⁿ exactly", () => {
  it("random points: some cell contains each date's point, every containing cell gives h_t by the definition, Σ + constant = utility(...); unlinked: Uⁿ(x) = Uⁿ(min(x, X))", () => {
    fc.assert(
      fc.property(
        linkedMinInstanceArb({ maxT: 2 }),
        fc.array(fc.array(fc.nat({ max: 24 }), { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 40 }),
        ({ model, order, reports: truth, n }, samples, big) => {
          for (const kind of KINDS) {
            const p = bestResponseProblem(model, order, kind, truth, n);
            const K = utilityConstant(p);
            const m = mech(model, order, kind);
            // Per date: grid points of the box (1/24 steps, boundaries included) and the regions' interior points.
            for (const d of p.dates) {
              const pts = samples.map((s) => d.upper.map((u, i) => u.mul(Q.of(s[i % 4] as number, 24))));
              for (const c of d.cells) pts.push(c.region.interior.slice());
              for (const x of pts) {
                const h = definitionValue(model, order, d, n, x).value;
                const containing = d.cells.filter((c) => cellContains(c, x));
                expect(containing.length).toBeGreaterThan(0);
                for (const c of containing) expect(cellValue(model.econ, d, c, x).toString()).toBe(h.toString());
              }
            }
            // Whole profile: dates from different samples.
            for (let s = 0; s < 2; s++) {
              const x = p.dates.map((d, t) => d.upper.map((u, i) => u.mul(Q.of((samples[(s + t) % 4] as number[])[i % 4] as number, 24))));
              if (kind === "unlinked") {
                expect(formulaValue(p, x).toString()).toBe(U(m, truth, n, x).toString());
                // Beyond the box the utility does not change: add `big` to some entries, compare with the clipped point.
                const far = x.map((xt, t) => xt.map((v, i) => ((t + i + s) % 2 === 0 ? v.add(Q.of(big)) : v)));
                const clipped = far.map((xt, t) => xt.map((v, i) => Q.min(v, (p.dates[t]!.upper as Q[])[i] as Q)));
                expect(U(m, truth, n, far).toString()).toBe(U(m, truth, n, clipped).toString());
              } else {
                // Linked: the mechanism retracts; the formulas at the retracted row plus the constant.
                const y = retractRow(model, n, x);
                expect(formulaValue(p, y).add(K).toString()).toBe(U(m, truth, n, x).toString());
              }
            }
          }
        },
      ),
      { seed: 7, numRuns: 30 },
    );
  });
});

describe("input checks", () => {
  const model: RepeatedModel = {
    econ: { R: 1, I: 2, theta: [[q(2)], [q(1)]], supply: [q(8)] },
    N: 1,
    T: 1,
    beta: Q.ONE,
    muLow: [[q(0), q(0)]],
    muHigh: [[q(0), q(1)]],
  };
  const truth: Profile = [[[q(0), q(1)]]];
  it("rejects a bad agent, transfer weights for the linked mechanism, negative endowments, a broken condition 1", () => {
    expect(() => bestMisreport(model, "ord", "unlinked", truth, 1)).toThrow(InputError);
    expect(() => bestMisreport(model, "ord", "linked", truth, 0, { transferWeights: () => Q.ONE })).toThrow(InputError);
    expect(() => bestMisreport(model, "ord", "unlinked", [[[q(0), q(-1)]]], 0)).toThrow(InputError);
    // Condition 1 needs I > R: a single (unit-like) type is refused.
    const oneType: RepeatedModel = { ...model, econ: { R: 1, I: 1, theta: [[q(2)]], supply: [q(8)] }, muLow: [[q(0)]], muHigh: [[q(1)]] };
    expect(() => bestMisreport(oneType, "ord", "unlinked", [[[q(0)]]], 0)).toThrow(InputError);
    expect(bestMisreport(model, "ord", "unlinked", truth, 0).gain.toString()).toBe("0");
  });
});
