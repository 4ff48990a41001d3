/** Conditions 1 and 2 of zhu2021 §2, on the paper's own Figure 1 and on hand-made cases. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/exact/errors.js";
import { q } from "../../../src/exact/rational.js";
import { checkCondition1, checkCondition2 } from "../../../src/models/zhu2021/conditions.js";
import { readKnapsackPoint } from "../../../src/models/zhu2021/json.js";

const v = (...xs: (number | string)[]) => xs.map((x) => q(x as never));

describe("condition 2", () => {
  it("holds for Figure 1a: θ3 = (2, 1) is off the line through θ1 = (12, 0), θ2 = (0, 10)", () => {
    expect(checkCondition2([v(12, 0), v(0, 10), v(2, 1)], 2)).toEqual({ ok: true });
  });

  it("fails for Figure 1b: θ3 = (6, 5) = (θ1 + θ2)/2 lies on p·x = 1 with p = (1/12, 1/10)", () => {
    const rep = checkCondition2([v(12, 0), v(0, 10), v(6, 5)], 2);
    expect(rep.ok).toBe(false);
    if (rep.ok) return;
    expect(rep.condition).toBe(2);
    expect(rep.types).toEqual([0, 1, 2]);
    expect(rep.price?.map(String)).toEqual(["1/12", "1/10"]);
  });

  it("finds a dependent triple inside R = 3 (three collinear types on a positive hyperplane)", () => {
    // C = (3/2, 3/2, 2) is the midpoint of A = (2, 1, 1) and B = (1, 2, 3); by hand, A and B both lie
    // on p·x = 1 for p = (7/20, 5/20, 1/20) > 0, hence so does C. No other set of ≤ 3 types is dependent.
    const rep = checkCondition2([v(8, 0, 0), v(0, 8, 0), v(0, 0, 4), v(2, 1, 1), v(1, 2, 3), v("3/2", "3/2", 2)], 3);
    expect(rep.ok).toBe(false);
    if (!rep.ok) expect(rep.types).toEqual([3, 4, 5]);
  });

  it("ignores dependent sets that only lie on hyperplanes with a non-positive normal", () => {
    // (1,3) = (3,1)·(−1/2)+… : θ = (2,0),(0,2),(1,3),(3,1),(2,2)? Use collinear points on x − y = const:
    // (3,1), (4,2), (5,3) lie on y = x − 2, i.e. p·x = 1 with p = (1/2, −1/2): not positive, so allowed.
    expect(checkCondition2([v(9, 0), v(0, 9), v(3, 1), v(4, 2), v(5, 3)], 2)).toEqual({ ok: true });
  });
});

describe("condition 1", () => {
  it("requires the first R types to be unit-like", () => {
    const rep = checkCondition1([v(12, 1), v(0, 10), v(2, 1)], 2);
    expect(rep.ok).toBe(false);
  });
  it("requires I > R", () => {
    expect(checkCondition1([v(1, 0), v(0, 1)], 2).ok).toBe(false);
  });
});

describe("reading an instance names the field and the rule", () => {
  const good = { model: "zhu2021", resources: 2, types: [["12", "0"], ["0", "10"], ["2", "1"]], supply: ["12", "10"], q: ["12", "10"], mu: ["inf", "inf", "1"] };
  const bad = (patch: Record<string, unknown>) => () => readKnapsackPoint({ ...good, ...patch });
  it("accepts Figure 1a", () => {
    expect(readKnapsackPoint(good).econ.I).toBe(3);
  });
  it.each([
    [{ types: [["12", "0"], ["0", "10"], ["6", "5"]] }, "instance.types", /condition 2/],
    [{ types: [["12", "1"], ["0", "10"], ["2", "1"]] }, "instance.types", /condition 1/],
    [{ supply: ["12", "-1"] }, "instance.supply[1]", /positive/],
    [{ supply: [12, "10"] }, "instance.supply[0]", /numbers are not accepted/],
    [{ supply: ["0.5", "10"] }, "instance.supply[0]", /decimal/],
    [{ mu: ["inf", "1", "1"] }, "instance.mu[1]", /infinite supply/],
    [{ extra: 1 }, "instance", /unknown field/],
  ])("rejects %j", (patch, field, rule) => {
    try {
      bad(patch)();
      expect.fail("accepted a bad instance");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe(field);
      expect((e as InputError).message).toMatch(rule);
    }
  });
});
