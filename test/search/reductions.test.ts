/**
 * Structural reductions tried after shrinking: well-formed smaller instances (the claim re-checks
 * them), and the zhu2021 retraction's counterexamples now reduced to few agents and dates.
 */
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { dropFamilyIndex, dropSingleAgent, dropSingleDate, familyReductions, omegaStarWithoutDate, type FamilyCase, type SingleCase } from "../../src/search/single-resource.js";
import { makeModel } from "../../src/models/single-resource/model.js";
import { saturating } from "../../src/models/single-resource/project.js";
import { loadCatalogue } from "../../properties/index.js";
import { getClaim } from "../../src/claims/registry.js";
import { runClaim } from "../../src/claims/run.js";
import { proportionalRetraction } from "../../examples/mutants/faults/zhu2021-mechanisms.js";

loadCatalogue();
const f = saturating(q(1), q(1));

describe("Ω* without a date", () => {
  it("keeps the T-free families, cuts boxes (also inside unions), gives up on polytopes", () => {
    const box = { kind: "box" as const, lo: [q(0), q(1), q(2)], hi: [q(5), q(6), q(7)] };
    expect(omegaStarWithoutDate(box, 1)).toEqual({ kind: "box", lo: [q(0), q(2)], hi: [q(5), q(7)] });
    const win = { kind: "window" as const, avg: q(1), x: q(1, 4) };
    expect(omegaStarWithoutDate(win, 0)).toBe(win);
    expect(omegaStarWithoutDate({ kind: "union", parts: [box, win] }, 2)).toEqual({ kind: "union", parts: [{ kind: "box", lo: [q(0), q(1)], hi: [q(5), q(6)] }, win] });
    expect(omegaStarWithoutDate({ kind: "polytope", rows: [] }, 0)).toBeUndefined();
    expect(omegaStarWithoutDate({ kind: "union", parts: [box, { kind: "polytope", rows: [] }] }, 0)).toBeUndefined();
  });
});

describe("single-resource cases", () => {
  const c: SingleCase = { model: makeModel({ N: 3, T: 2, beta: q(1), qbar: q(1), f }), omegaStar: { kind: "all" }, truth: [[q(1), q(2)], [q(3), q(4)], [q(5), q(6)]] };
  it("drop an agent while two remain, and a date while one remains", () => {
    expect(dropSingleAgent(c, 1)!.truth).toEqual([[q(1), q(2)], [q(5), q(6)]]);
    expect(dropSingleAgent(dropSingleAgent(c, 0)!, 0)).toBeUndefined(); // N ≥ 2 (zhu2022 §3.1)
    const d = dropSingleDate(c, 0)!;
    expect(d.model.T).toBe(1);
    expect(d.truth).toEqual([[q(2)], [q(4)], [q(6)]]);
    expect(dropSingleDate(d, 0)).toBeUndefined();
  });
  it("family cases lose agent k and date k together (T = N), down to N = 2", () => {
    const fc3: FamilyCase = { N: 3, q: q(1), f, avg: q(1), max: q(2), x: q(1, 10), y: q(1, 3), omega: [[q(1), q(2), q(3)], [q(4), q(5), q(6)], [q(7), q(8), q(9)]] };
    expect(dropFamilyIndex(fc3, 1)!.omega).toEqual([[q(1), q(3)], [q(7), q(9)]]);
    expect(familyReductions(fc3)).toHaveLength(3);
    expect(familyReductions(dropFamilyIndex(fc3, 0)!)).toEqual([]);
  });
});

it("a look-ahead retraction's counterexample is reduced to the fewest agents and dates that show it", () => {
  const claim = getClaim("zhu2021.retraction")!;
  const r = runClaim(claim, { seed: 42, subject: proportionalRetraction });
  expect(r.status).toBe("counterexample");
  // Not adapted needs two dates (a report after the first date changing the first), and one agent suffices.
  expect(r.counterexample!.size).toMatchObject({ agents: 1, dates: 2 });
  expect(r.counterexample!.simplified!).toBeGreaterThan(0);
});
