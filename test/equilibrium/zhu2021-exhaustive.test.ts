/** Only the reference families get the exhaustive oracle; a look-alike is searched, not "proved". */
import { describe, expect, it } from "vitest";
import { referenceOf } from "../../src/equilibrium/zhu2021-exhaustive.js";
import { linkedVcgFamily } from "../../src/mechanisms/zhu2021/linked.js";
import { unlinkedVcgFamily } from "../../src/mechanisms/zhu2021/vcg.js";
import { dropsBetaFactor } from "../../examples/mutants/faults/zhu2021-mechanisms.js";

describe("referenceOf", () => {
  it("recognises the four reference families", () => {
    expect(referenceOf(unlinkedVcgFamily("ord"))).toEqual({ kind: "unlinked", order: "ord" });
    expect(referenceOf(linkedVcgFamily("p-ord"))).toEqual({ kind: "linked", order: "p-ord" });
  });
  it("does not trust a name: a copy with the same name and a mutant are not references", () => {
    expect(referenceOf({ ...unlinkedVcgFamily("ord") })).toBeUndefined();
    expect(referenceOf(dropsBetaFactor)).toBeUndefined();
  });
});
