/** Reading mp2013 instance files: every broken rule names its field (src/models/mp2013/json.ts). */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/exact/errors.js";
import { mp2013ToJson, readMp2013 } from "../../../src/models/mp2013/json.js";
import { modelArb } from "../../../src/search/mp2013.js";
import { auction } from "./fixtures.js";

function rejects(edit: (o: Record<string, any>) => void, field: RegExp, rule: RegExp): void {
  const o = JSON.parse(JSON.stringify(auction()));
  edit(o);
  try {
    readMp2013(o);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).field).toMatch(field);
    expect((e as InputError).rule).toMatch(rule);
    return;
  }
  throw new Error("accepted a bad instance");
}

describe("readMp2013", () => {
  it("round-trips generated models through the instance file", () => {
    fc.assert(
      fc.property(modelArb(), (m) => {
        const again = readMp2013(JSON.parse(JSON.stringify(mp2013ToJson(m))));
        expect(mp2013ToJson(again)).toEqual(mp2013ToJson(m));
      }),
      { seed: 9, numRuns: 100 },
    );
  });

  it("rejects a prior that does not sum to 1", () => rejects((o) => (o.prior[0].p = "1/5"), /^instance\.prior$/, /sum to 1/));
  it("rejects a negative probability", () => rejects((o) => (o.prior[0].p = "-3/10"), /prior\[0\]\.p/, /nonnegative/));
  it("rejects a float", () => rejects((o) => (o.prior[0].p = 0.3), /prior\[0\]\.p/, /numbers are not accepted/));
  it("rejects a type with probability 0 (its conditionals are undefined)", () =>
    rejects((o) => {
      o.prior = o.prior.filter((e: { types: string[] }) => e.types[0] !== "h");
      o.prior[0].p = "13/20";
    }, /^instance\.prior$/, /type "h" of agent 0 has probability 0/));
  it("rejects an unknown outcome or state in the value table", () => {
    rejects((o) => (o.values[0].outcome = "lose"), /values\[0\]\.outcome/, /not one of the outcomes/);
    rejects((o) => (o.values[0].state = "mid"), /values\[0\]\.state/, /not one of the states/);
  });
  it("rejects a negative payoff and a model without a uniformly worst outcome", () => {
    rejects((o) => (o.values[0].v = "-1"), /values\[0\]\.v/, /nonnegative/);
    rejects((o) => o.values.push({ agent: 0, outcome: "none", state: "lo", v: "1" }), /values/, /c₀/);
  });
  it("rejects a prior entry with the wrong number of types, a duplicate and an unknown field", () => {
    rejects((o) => (o.prior[0].types = ["l"]), /prior\[0\]\.types/, /one type per agent/);
    rejects((o) => o.prior.push({ ...o.prior[0] }), /prior\[6\]/, /given twice/);
    rejects((o) => (o.extra = 1), /instance/, /unknown field/);
  });
  it("rejects ε ≤ 0", () => rejects((o) => (o.epsilon = "0"), /epsilon/, /positive/));
});
