/**
 * The main-phase stage mechanism (9)–(11) against independent paths: promise keeping by brute-force
 * enumeration of every discrete report profile, E[vᵢP̂ᵢ] against Proposition 2.3's partial derivative
 * (computed by support.ts, not by the mechanism), incentive compatibility on a grid of reports, and
 * the plane identity Σαᵢŵᵢ(v) = const of Proposition 3.1.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/exact/errors.js";
import { Q, q as qs } from "../../../src/exact/rational.js";
import { mainPhase } from "../../../src/mechanisms/bgs2019/stage.js";
import { readBgs2019, type Bgs2019Model } from "../../../src/models/bgs2019/json.js";
import { partialRight } from "../../../src/models/bgs2019/support.js";

const q = (s: string): Q => qs(s);
const dot = (a: readonly Q[], b: readonly Q[]): Q => a.reduce((s, x, i) => s.add(x.mul(b[i]!)), Q.ZERO);

/** Every profile of the discrete supports with its probability. */
function profiles(m: Bgs2019Model): { v: Q[]; p: Q }[] {
  let out: { v: Q[]; p: Q }[] = [{ v: [], p: Q.ONE }];
  for (const d of m.values) {
    if (d.kind !== "discrete") throw new Error("discrete only");
    out = out.flatMap((x) => d.points.map((pt) => ({ v: [...x.v, pt.v], p: x.p.mul(pt.p) })));
  }
  return out;
}

const discrete3 = (tieBreak: string) =>
  readBgs2019({
    model: "bgs2019",
    agents: 3,
    values: [[{ v: "0", p: "1/2" }, { v: "1", p: "1/2" }], [{ v: "1/2", p: "1/3" }, { v: "1", p: "2/3" }], [{ v: "0", p: "1/4" }, { v: "3/2", p: "3/4" }]],
    beta: "9/10",
    F: "4/5",
    u: ["1/5", "1/4", "3/10"],
    tieBreak,
  });

describe("bgs2019 main phase, discrete values (brute force over all profiles)", () => {
  for (const rule of ["as-written", "lowest-index", "uniform"]) {
    it(`promise keeping E[(1−β)vᵢp̂ᵢ + βŵᵢ] = uᵢ and the interim P̂ᵢ, ties ${rule}`, () => {
      const m = discrete3(rule);
      const mech = mainPhase.build(m);
      const beta = m.beta!;
      const ps = profiles(m);
      m.values.forEach((_, i) => {
        const pk = ps.reduce((a, { v, p }) => a.add(p.mul(Q.ONE.sub(beta).mul(v[i]!).mul(mech.allocate(v, 0)[i]!).add(beta.mul(mech.transfer(v)[i]!)))), Q.ZERO);
        // As written, a tie's double allocation is what makes (10)'s ≥-formula keep the promise.
        expect(pk.toString()).toBe(m.u![i]!.toString());
        for (const y of new Set(ps.map((x) => x.v[i]!.toString()))) {
          const given = ps.filter((x) => x.v[i]!.toString() === y);
          const mass = given.reduce((a, x) => a.add(x.p), Q.ZERO);
          const brute = given.reduce((a, x) => a.add(x.p.mul(mech.allocate(x.v, 0)[i]!)), Q.ZERO).div(mass);
          expect(mech.interimP(i, q(y)).toString()).toBe(brute.toString());
        }
      });
    });
  }

  it("as written, a tie hands the good to every tied agent; the rules split it", () => {
    const v = [Q.ONE, Q.ONE, Q.ONE];
    for (const [rule, total] of [["as-written", "3"], ["lowest-index", "1"], ["uniform", "1"]] as const) {
      const mech = mainPhase.withAlpha(discrete3(rule), [Q.of(1, 3), Q.of(1, 3), Q.of(1, 3)], true);
      expect(mech.allocate(v, 0).reduce((a, x) => a.add(x), Q.ZERO).toString()).toBe(total);
    }
  });
});

describe("bgs2019 main phase, densities", () => {
  const m = readBgs2019({
    model: "bgs2019",
    agents: 2,
    values: [{ density: [{ from: "0", to: "1", p: "1" }] }, { density: [{ from: "0", to: "1", p: "1/4" }, { from: "1", to: "2", p: "3/4" }] }],
    beta: "9/10",
    F: "9/10",
    u: ["1/5", "3/5"],
  });
  const alpha = [Q.of(2, 5), Q.of(3, 5)];
  const mech = mainPhase.withAlpha(m, alpha, false);
  const beta = m.beta!;

  it("promise keeping: (1−β)E[vᵢP̂ᵢ] + βE[Ŵᵢ] = uᵢ with E[vᵢP̂ᵢ] = ∂φ/∂αᵢ from support.ts", () => {
    m.values.forEach((_, i) => {
      const lhs = Q.ONE.sub(beta).mul(partialRight(m.values, alpha, i)).add(beta.mul(mech.meanW(i)));
      expect(lhs.toString()).toBe(m.u![i]!.toString());
    });
  });

  it("truth-telling is a best reply on a grid of reports: (1−β)xP̂ᵢ(y) + βŴᵢ(y) is largest at y = x", () => {
    const grid = Array.from({ length: 17 }, (_, k) => Q.of(k, 8));
    for (let i = 0; i < 2; i++)
      for (const x of grid.filter((g) => g.le(i === 0 ? Q.ONE : Q.of(2)))) {
        const U = (y: Q) => Q.ONE.sub(beta).mul(x).mul(mech.interimP(i, y)).add(beta.mul(mech.interimW(i, y)));
        for (const y of grid.filter((g) => g.le(i === 0 ? Q.ONE : Q.of(2)))) expect(U(y).le(U(x))).toBe(true);
      }
  });

  it("Σαᵢŵᵢ(v) does not depend on v (Proposition 3.1's plane)", () => {
    const level = dot(alpha, mech.transfer([Q.ZERO, Q.ZERO]));
    for (const v of [[Q.of(1, 3), Q.of(7, 4)], [Q.ONE, Q.ZERO], [Q.of(1, 2), Q.of(1, 2)]]) expect(dot(alpha, mech.transfer(v)).toString()).toBe(level.toString());
  });

  it("(11) is undefined where a weight is 0 and another agent's promise deviates: named, not a division error", () => {
    // Two agents with α₀ = 0: agent 1 always wins, both Ŵ are constant, and (11) is defined (0/0 terms vanish).
    const two = mainPhase.withAlpha(m, [Q.ZERO, Q.ONE], false);
    expect(two.undefinedAt([Q.of(1, 2), Q.of(3, 2)])).toBeNull();
    // Three agents with α₀ = 0: agents 1 and 2 compete, so Ŵ₁ varies and ŵ₀ needs α₁/α₀.
    const m3 = readBgs2019({ model: "bgs2019", agents: 3, beta: "9/10", F: "9/10", u: ["0", "1/5", "1/5"], values: [{ density: [{ from: "0", to: "1", p: "1" }] }, { density: [{ from: "0", to: "1", p: "1" }] }, { density: [{ from: "0", to: "1", p: "1" }] }] });
    const three = mainPhase.withAlpha(m3, [Q.ZERO, Q.HALF, Q.HALF], false);
    const v = [Q.of(1, 2), Q.of(3, 4), Q.of(1, 4)];
    expect(three.undefinedAt(v)).toMatch(/divides by α0 = 0/);
    expect(() => three.transfer(v)).toThrow(InputError);
  });
});
