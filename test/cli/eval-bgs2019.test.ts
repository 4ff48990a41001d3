/**
 * `mechcheck eval` on bgs2019 instances. Reference numbers are independent of the code under test:
 * J^FB, u* and ŵ of (10)–(11) by enumerating every profile of small discrete supports (the integrals
 * of (10) as sums over the cells where the step functions are constant), and density numbers by hand.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateBgs2019, type Bracket, type MainPhaseEval } from "../../src/equilibrium/bgs2019-evaluate.js";
import { Q, q } from "../../src/exact/rational.js";
import { readBgs2019 } from "../../src/models/bgs2019/json.js";
import { cli, scratchDir } from "./run-cli.js";

type Point = { v: Q; p: Q };
type Rule = "as-written" | "lowest-index" | "uniform";

const DISCRETE = {
  model: "bgs2019",
  agents: 3,
  values: [
    [{ v: "0", p: "1/2" }, { v: "1", p: "1/2" }],
    [{ v: "1/2", p: "1/3" }, { v: "1", p: "2/3" }],
    [{ v: "0", p: "1/4" }, { v: "3/2", p: "3/4" }],
  ],
  beta: "9/10",
  F: "4/5",
  u: ["1/5", "1/4", "3/10"],
  tieBreak: "uniform",
  reports: ["1", "1", "0"],
};

const supports: Point[][] = DISCRETE.values.map((d) => d.map((x) => ({ v: q(x.v), p: q(x.p) })));

/** Every profile with its probability. */
function profiles(ds: readonly Point[][]): { v: Q[]; p: Q }[] {
  return ds.reduce<{ v: Q[]; p: Q }[]>((acc, d) => acc.flatMap((x) => d.map((pt) => ({ v: [...x.v, pt.v], p: x.p.mul(pt.p) }))), [{ v: [], p: Q.ONE }]);
}

/** Agent i's share of the good when the bids are b, under the rule. */
function share(b: readonly Q[], i: number, rule: Rule): Q {
  const best = b.reduce((a, x) => Q.max(a, x), b[0]!);
  if (!b[i]!.eq(best)) return Q.ZERO;
  const tied = b.flatMap((x, j) => (x.eq(best) ? [j] : []));
  if (rule === "as-written") return Q.ONE;
  if (rule === "lowest-index") return tied[0] === i ? Q.ONE : Q.ZERO;
  return Q.of(1, tied.length);
}

/** (10)–(11) by enumeration: P̂ᵢ over the others' profiles, integrals on the cells between breakpoints. */
function bruteForcePromise(ds: readonly Point[][], alpha: readonly Q[], u: readonly Q[], beta: Q, rule: Rule, v: readonly Q[]): { P: Q[]; W: Q[]; w: Q[] } {
  const n = ds.length;
  const others = (i: number) => profiles(ds.filter((_, j) => j !== i));
  const P = (i: number, y: Q): Q =>
    others(i).reduce((a, o) => {
      const b = [...o.v.slice(0, i), y, ...o.v.slice(i)].map((x, j) => x.mul(alpha[j]!));
      return a.add(o.p.mul(share(b, i, rule)));
    }, Q.ZERO);
  const cdf = (i: number, t: Q): Q => ds[i]!.filter((x) => x.v.le(t)).reduce((a, x) => a.add(x.p), Q.ZERO);
  const vbar = (i: number) => ds[i]!.reduce((a, x) => Q.max(a, x.v), Q.ZERO);
  /** ∫₀^y g for g constant between the breakpoints: P̂ᵢ jumps where αᵢt = αⱼvⱼ, Fᵢ at i's own values. */
  const integrate = (i: number, y: Q, g: (t: Q) => Q): Q => {
    const cuts = [Q.ZERO, y, ...ds.flatMap((d, j) => (j === i ? d.map((x) => x.v) : d.map((x) => x.v.mul(alpha[j]!).div(alpha[i]!))))].filter((t) => t.le(y));
    const sorted = [...new Map(cuts.map((t) => [t.toString(), t])).values()].sort((a, b) => a.cmp(b));
    return sorted.slice(1).reduce((a, t, k) => a.add(t.sub(sorted[k]!).mul(g(t.add(sorted[k]!).div(Q.of(2))))), Q.ZERO);
  };
  const W = (i: number, y: Q): Q => {
    const rent = integrate(i, y, (t) => P(i, t)).sub(P(i, y).mul(y)).sub(integrate(i, vbar(i), (t) => Q.ONE.sub(cdf(i, t)).mul(P(i, t))));
    return u[i]!.add(Q.ONE.sub(beta).mul(rent)).div(beta);
  };
  const EW = (j: number) => ds[j]!.reduce((a, x) => a.add(x.p.mul(W(j, x.v))), Q.ZERO);
  const Wv = v.map((y, i) => W(i, y));
  const w = Wv.map((Wi, i) => Wi.sub(Wv.reduce((a, Wj, j) => (j === i ? a : a.add(alpha[j]!.div(alpha[i]!).mul(Wj.sub(EW(j))))), Q.ZERO).div(Q.of(n - 1))));
  return { P: v.map((y, i) => P(i, y)), W: Wv, w };
}

const strs = (xs: readonly Q[]) => xs.map(String);
const inBracket = (b: Bracket, x: Q): boolean => (typeof b === "string" ? q(b).eq(x) : q(b.lo).le(x) && x.le(q(b.hi)));

describe("mechcheck eval on bgs2019 instances", () => {
  const dir = scratchDir("bgs2019-eval-");
  const file = (name: string, body: unknown): string => {
    const f = join(dir, name);
    writeFileSync(f, JSON.stringify(body));
    return f;
  };

  it("discrete values: J^FB, u* and ŵ of (10)–(11) agree with enumeration of every profile; the text names the tie rule", () => {
    const r = cli("eval", "--instance", file("discrete.json", DISCRETE), "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    const ps = profiles(supports);
    const jfb = ps.reduce((a, x) => a.add(x.p.mul(x.v.reduce((m, y) => Q.max(m, y), Q.ZERO))), Q.ZERO);
    const first = supports.map((_, i) => ps.reduce((a, x) => a.add(x.v.findIndex((y) => y.eq(x.v.reduce((m, z) => Q.max(m, z), Q.ZERO))) === i ? x.p.mul(x.v[i]!) : Q.ZERO), Q.ZERO));
    const asWritten = supports.map((_, i) => ps.reduce((a, x) => a.add(x.v.every((y) => x.v[i]!.ge(y)) ? x.p.mul(x.v[i]!) : Q.ZERO), Q.ZERO));
    expect(out.firstBest.JFB).toBe(jfb.toString());
    expect(out.firstBest.uStar).toEqual(strs(first));
    expect(out.firstBest.uStarAsWritten).toEqual(strs(asWritten));
    expect(out.state.region.kind).toBe("central");
    expect(out.state.alphaStar.exact).toBe(true);
    const alpha = (out.state.alphaStar.alpha as string[]).map((x) => q(x));
    const ref = bruteForcePromise(supports, alpha, DISCRETE.u.map((x) => q(x)), q("9/10"), "uniform", [Q.ONE, Q.ONE, Q.ZERO]);
    expect(out.stage.allocation).toEqual(["1/2", "1/2", "0"]);
    expect(out.stage.interimP).toEqual(strs(ref.P));
    expect(out.stage.interimW).toEqual(strs(ref.W));
    expect(out.stage.promise).toEqual(strs(ref.w));
    // A tie rule with discrete values leaves Proposition 3.1's plane (the claim reports it outside).
    expect(out.stage.plane.equal).toBe(false);
    const text = cli("eval", "--instance", join(dir, "discrete.json")).out;
    expect(text).toMatch(/J\^FB = E\[maxᵢ vᵢ\] = φ\(1, …, 1\) = 65\/48; u\* = \(1\/8, 5\/48, 9\/8\) \(ties to the lowest index\)/);
    expect(text).toMatch(/region: central/);
    expect(text).toMatch(/ŵ\(v\) = \(35\/216, 47\/216, 101\/288\) \(11\)/);
  });

  it("ŵ at every profile and under every tie rule agrees with enumeration; as written a tie allocates twice and stays on the plane", () => {
    for (const rule of ["as-written", "lowest-index", "uniform"] as const)
      for (const { v } of profiles(supports)) {
        const out = evaluateBgs2019(readBgs2019({ ...DISCRETE, tieBreak: rule, reports: strs(v) }));
        const st = out.stage as MainPhaseEval;
        const alpha = out.state!.alphaStar!.alpha.map((x) => q(x));
        const ref = bruteForcePromise(supports, alpha, DISCRETE.u.map((x) => q(x)), q("9/10"), rule, v);
        expect(st.promise).toEqual(strs(ref.w));
        expect(st.interimP).toEqual(strs(ref.P));
        if (rule === "as-written") {
          // E[vᵢP̂ᵢ] is then the ≥-formula's ∂φ/∂αᵢ, which is what the plane identity needs.
          expect(st.plane!.equal).toBe(true);
          expect(st.severalWin).toBe(st.winners.length > 1);
        }
      }
  });

  it("densities: the example instance is in the central region, with (13)'s thresholds and certified α*, μ", () => {
    const r = cli("eval", "--instance", "examples/instances/bgs2019-eval.json", "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    // By hand: F₀(t) = t on [0, 1]; F₁(t) = t/4 on [0, 1], 1/4 + 3(t − 1)/4 on [1, 2].
    // J^FB = ∫₀²(1 − F₀F₁) = (1 − 1/12) + 3/8 = 31/24; u*₀ = ∫₀¹ t·F₁(t) dt = 1/12, u*₁ = 31/24 − 1/12.
    expect(out.firstBest).toEqual({ JFB: "31/24", tieRule: "ties to the lowest index", uStar: ["1/12", "29/24"] });
    // (13): u̲ = ξ(1 − β) = 1/20, m̲ = 1/2, F = 1 − u̲/m̲ = 9/10.
    expect(out.thresholds).toMatchObject({ uLow: "1/20", F: "9/10", mLow: "1/2", FAtLeastHalf: true });
    expect(out.state.region.kind).toBe("central");
    expect(out.state.alphaStar.exact).toBe(false);
    const a = out.state.alphaStar;
    a.alpha.forEach((x: string, i: number) => expect(q(a.boxLo[i]).le(q(x)) && q(x).le(q(a.boxHi[i]))).toBe(true));
    expect(q(out.state.inFU.I.hi).sign()).toBe(-1);
    // μ = −I_𝒰(u/F): the two brackets mirror each other.
    expect([out.state.mu.lo, out.state.mu.hi]).toEqual([q(out.state.inFU.I.hi).neg().toString(), q(out.state.inFU.I.lo).neg().toString()]);
    expect(out.stage.kind).toBe("main phase (9)–(11)");
    expect(out.stage.plane.equal).toBe(true);
    expect(out.stage.allocation).toEqual(["0", "1"]);
  });

  it("densities by symmetry: two uniform agents at u = (1/5, 1/5) have α* = (1/2, 1/2), I_𝒰(u/F) = 1/4 − 1/3", () => {
    const out = evaluateBgs2019(
      readBgs2019({ model: "bgs2019", agents: 2, values: [{ density: [{ from: "0", to: "1", p: "1" }] }, { density: [{ from: "0", to: "1", p: "1" }] }], beta: "9/10", F: "4/5", u: ["1/5", "1/5"] }),
    );
    // E[max of two U(0, 1)] = 2/3, so φ(1/2, 1/2) = 1/3 and I_𝒰(u/F) = (1/4 + 1/4)/2 − 1/3 = −1/12; μ = 1/12.
    expect(inBracket(out.state!.inFU!.I, q("-1/12"))).toBe(true);
    expect(inBracket(out.state!.mu!, q("1/12"))).toBe(true);
    const a = out.state!.alphaStar!;
    a.boxLo.forEach((lo, i) => expect(q(lo).le(Q.HALF) && Q.HALF.le(q(a.boxHi[i]!))).toBe(true));
    expect(out.firstBest.uStar).toEqual(["1/3", "1/3"]);
    expect(out.stage).toBeNull();
  });

  it("the boundary region: Remark 2.1's p = uᵢ/E[vᵢ], w = u; outside F𝒰 there is no stage mechanism", () => {
    const boundary = { ...DISCRETE, agents: 2, values: DISCRETE.values.slice(0, 2), u: ["1/50", "1/4"], reports: ["1", "1/2"] };
    const r = cli("eval", "--instance", file("boundary.json", boundary), "--json", "-");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    // u̲ = (1 − F)m̲ = (1/5)(1/2) = 1/10 > u₀; E[v] = (1/2, 5/6).
    expect(out.state.region.kind).toBe("boundary");
    expect(out.stage).toMatchObject({ kind: "random allocation (Remark 2.1)", allocation: ["1/25", "3/10"], promise: ["1/50", "1/4"], total: "17/50", feasible: true });
    expect(cli("eval", "--instance", join(dir, "boundary.json")).out).toMatch(/Σp = 17\/50 ≤ 1: \(FA\) holds/);
    const outside = evaluateBgs2019(readBgs2019({ ...boundary, u: ["1/2", "1/2"] }));
    expect(outside.state!.region.kind).toBe("outside");
    expect(outside.state!.inU.member).toBe(false);
    expect(outside.stage).toMatchObject({ kind: "none" });
  });

  it("bad input exits 2 with the field and the rule, and writes no file", () => {
    const out = join(dir, "out.json");
    const cases: [unknown, RegExp][] = [
      [{ ...DISCRETE, reports: ["2", "1", "0"] }, /instance\.reports\[0\]: reports lie in \[0, v̄\] = \[0, 1\], got 2/],
      [{ ...DISCRETE, u: undefined }, /instance\.u: reports are evaluated at a promised-utility state: the instance needs "u"/],
      [{ ...DISCRETE, beta: undefined }, /instance\.beta: the main phase's promises \(10\)–\(11\) at the reports need the discount factor "beta"/],
      [{ ...DISCRETE, values: [[{ v: "0", p: "1/2" }], ...DISCRETE.values.slice(1)] }, /instance\.values\[0\]: probabilities sum to 1 exactly/],
    ];
    cases.forEach(([body, msg], k) => {
      const r = cli("eval", "--instance", file(`bad${k}.json`, body), "--json", out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/at .*\.ts/);
      expect(existsSync(out)).toBe(false);
    });
    const cheap = cli("eval", "--instance", "examples/instances/bgs2019-eval.json", "--cheapness", "--json", out);
    expect(cheap.code).toBe(2);
    expect(cheap.err).toMatch(/--cheapness: .*bgs2019 has none/);
    expect(existsSync(out)).toBe(false);
  });
});
