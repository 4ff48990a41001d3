import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/exact/prng.js";
import { parseQ, Q } from "../../src/exact/rational.js";
import { buildCertified, mainPhase } from "../../src/mechanisms/bgs2019/stage.js";
import type { ValueDist } from "../../src/models/bgs2019/distribution.js";
import { runInThread } from "../../src/simulate/experiment.js";
import { drawValue, theorem41Experiment, theorem41Path, theorem41Setup, type Theorem41Options } from "../../src/simulate/bgs2019-theorem4.js";

const q = Q.of;
const uniform: ValueDist = { kind: "density", pieces: [{ from: Q.ZERO, to: Q.ONE, p: Q.ONE }] };
const thirds: ValueDist = { kind: "discrete", points: [q(1, 4), q(1, 2), Q.ONE].map((v) => ({ v, p: q(1, 3) })) };
const opts = (values: ValueDist[], betas: Q[], extra: Partial<Theorem41Options> = {}): Theorem41Options => ({ values, betas, xi: q(4), tieBreak: "lowest-index", runs: 4, horizon: 6, seed: 7, ...extra });

/** φ(α) for two discrete agents by enumerating the profiles (independent of src/models). */
function phiBrute(d: ValueDist, alpha: readonly Q[]): Q {
  if (d.kind !== "discrete") throw new Error("discrete only");
  let s = Q.ZERO;
  for (const a of d.points) for (const b of d.points) s = s.add(a.p.mul(b.p).mul(Q.max(alpha[0]!.mul(a.v), alpha[1]!.mul(b.v))));
  return s;
}

describe("bgs2019 Theorem 4.1 experiment: the exact columns", () => {
  it("uniform [0, 1]²: J^FB = E[max] = 2/3, u* = (1/3, 1/3), m̲ = 1/2, so F_β = 1 − 8(1 − β) at ξ = 4 (by hand)", () => {
    const s = theorem41Setup(opts([uniform, uniform], [q(63, 64)]), 0);
    expect(s.JFB.toString()).toBe("2/3");
    expect(s.F.toString()).toBe("7/8");
    expect(s.uLow.toString()).toBe("1/16");
    expect(s.u0.map(String)).toEqual(["7/24", "7/24"]);
    const [row] = runInThread(theorem41Experiment(opts([uniform, uniform], [q(63, 64)])));
    expect(row!.Jbeta).toBe("7/12");
    expect(row!.gap).toBe("1/8");
    expect(row!.gapRate).toBe("8");
    expect(row!.inHypothesis).toBe(true);
  });
});

describe("bgs2019 Theorem 4.1 experiment: the paths", () => {
  it("draws discrete values on their support and density values at cell midpoints inside the support", () => {
    const rnd = mulberry32(3);
    const seen = new Set<string>();
    for (let k = 0; k < 300; k++) seen.add(drawValue(thirds, rnd).toString());
    expect([...seen].sort()).toEqual(["1", "1/2", "1/4"]);
    for (let k = 0; k < 100; k++) {
      const v = drawValue(uniform, rnd);
      expect(v.sign() > 0 && v.lt(Q.ONE)).toBe(true);
      expect(v.den).toBe(2n ** 17n);
    }
  });

  it("the estimator's martingale step: from u₀ = F·u* the expected (1 − β)Σvp + βΣŵ over all nine profiles is Σu₀ = J_β exactly", () => {
    const o = opts([thirds, thirds], [q(255, 256)]);
    const s = theorem41Setup(o, 0);
    const { mech } = buildCertified(mainPhase, { values: o.values, beta: s.beta, xi: o.xi, F: null, u: s.u0, tieBreak: "lowest-index", reports: null });
    let e = Q.ZERO;
    for (const a of thirds.kind === "discrete" ? thirds.points : []) for (const b of thirds.kind === "discrete" ? thirds.points : []) {
      const v = [a.v, b.v], p = mech.allocate(v, 0), w = mech.transfer(v);
      const m = Q.ONE.sub(s.beta).mul(v[0]!.mul(p[0]!).add(v[1]!.mul(p[1]!))).add(s.beta.mul(w[0]!.add(w[1]!)));
      e = e.add(a.p.mul(b.p).mul(m));
    }
    expect(e.toString()).toBe(s.F.mul(s.JFB).toString());
  });

  it("a path of one period equals (1 − β)Σvp + βΣŵ at its draw; a boundary-only β leaves the state where it is", () => {
    const o = opts([uniform, uniform], [q(15, 16)], { horizon: 3 });
    // F = 1/2, u₀ = (1/6, 1/6) < u̲ = 1/4: Remark 2.1's random allocation, ŵ = u, every period.
    const p = theorem41Path(o, theorem41Setup(o, 0), 0);
    expect(p.boundary).toBe(3);
    expect(p.central).toBe(0);
    expect(p.periods).toBe(3);
    // welfare − played = β³Σu₀ (the state never moved)
    expect(p.welfare.sub(p.played).toString()).toBe(q(15, 16).pow(3).mul(q(1, 3)).toString());
  });

  it("discrete values (outside §2): a path reaches a state outside F_β𝒰, confirmed by a normal α with αᵀ(u/F) > φ(α) (φ by enumeration)", () => {
    const o = opts([thirds, thirds], [q(255, 256)], { runs: 6 });
    const s = theorem41Setup(o, 0);
    const stops = Array.from({ length: o.runs }, (_, r) => theorem41Path(o, s, r).stop).filter((x) => x !== null);
    expect(stops.length).toBeGreaterThan(0);
    const u = stops[0]!.u.map(parseQ);
    // a grid of normals on the simplex: some α separates u/F from 𝒰
    let sep = false;
    for (let k = 0; k <= 1000 && !sep; k++) {
      const alpha = [q(k, 1000), q(1000 - k, 1000)];
      sep = alpha[0]!.mul(u[0]!).add(alpha[1]!.mul(u[1]!)).div(s.F).gt(phiBrute(thirds, alpha));
    }
    expect(sep).toBe(true);
  });

  it("is deterministic: the same options give the same rows (timings aside)", () => {
    const o = opts([uniform, uniform], [q(31, 32), q(127, 128)]);
    const strip = (rows: ReturnType<typeof runInThread>) => JSON.stringify(rows.map((r) => ({ ...(r as object), ms: 0 })));
    expect(strip(runInThread(theorem41Experiment(o)))).toBe(strip(runInThread(theorem41Experiment(o))));
  });
});
