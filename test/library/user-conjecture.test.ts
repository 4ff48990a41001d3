/**
 * The README's worked example, run as a test: a user writes properties of their own in vitest with
 * @fast-check/vitest over mechcheck's arbitraries and mechanisms, imported from the package name as a
 * user would ("mechcheck" resolves to this repository through package.json's exports).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arbitraries, checkClaim, claims, codecs, exact, mechanisms, type Claim } from "mechcheck";

const { Q } = exact;
type Case = ReturnType<typeof arbitraries.repeatedCaseArb> extends fc.Arbitrary<infer C> ? C : never;

describe("a property of your own, with @fast-check/vitest", () => {
  // Conjecture (true: the linked minimum subtracts a minimum of nonnegative values): linking never
  // makes the zhu2021 VCG pay an agent more.
  test.prop([arbitraries.repeatedCaseArb({ maxN: 2, maxT: 2 })], { seed: 7, numRuns: 25 })("linked VCG transfer ≤ unlinked VCG transfer", (c) => {
    const linked = mechanisms.zhu2021.linkedVcg(c.model).transfer(c.truth);
    const unlinked = mechanisms.zhu2021.unlinkedVcg(c.model).transfer(c.truth);
    linked.forEach((w, n) => expect(w.le(unlinked[n]!)).toBe(true));
  });
});

describe("a conjecture of your own, refuted with the battery's shrinking and certification", () => {
  // Conjecture (false): linking at least halves every transfer, lWⁿ ≤ uWⁿ/2.
  const halves: Claim<Case, unknown> = {
    id: "mine.linked-halves",
    paper: "zhu2021",
    section: "user conjecture",
    statement: "the linked VCG transfer is at most half the unlinked one",
    expect: "holds",
    subjectKind: mechanisms.zhu2021.REPEATED_KIND,
    defaultSubject: undefined,
    runs: 50,
    arbitrary: () => arbitraries.repeatedCaseArb({ maxN: 2, maxT: 2 }),
    check(c) {
      const lW = mechanisms.zhu2021.linkedVcg(c.model).transfer(c.truth);
      const uW = mechanisms.zhu2021.unlinkedVcg(c.model).transfer(c.truth);
      for (let n = 0; n < c.model.N; n++) {
        const excess = lW[n]!.sub(uW[n]!.div(Q.of(2)));
        if (excess.gt(Q.ZERO)) {
          return { kind: "violated", witness: { summary: `agent ${n + 1}: lW = ${lW[n]} > uW/2 = ${uW[n]!.div(Q.of(2))}`, gain: excess.toString(), quantities: { lW: lW[n]!.toString(), uW: uW[n]!.toString() } } };
        }
      }
      return { kind: "holds" };
    },
    encode: (c) => codecs.encodeRepeatedCase(c),
    decode: (j) => codecs.decodeRepeatedCase(j, []).c,
    size: (c) => codecs.repeatedCaseSize(c),
  };

  it("finds, shrinks and certifies a counterexample", () => {
    const r = checkClaim(halves, { seed: 1 });
    expect(r.status).toBe("counterexample");
    const cx = r.counterexample!;
    // Certified independently: decode the stored instance and recompute both transfers exactly.
    const c = codecs.decodeRepeatedCase(cx.instance, []).c;
    const lW = mechanisms.zhu2021.linkedVcg(c.model).transfer(c.truth);
    const uW = mechanisms.zhu2021.unlinkedVcg(c.model).transfer(c.truth);
    expect(lW.some((w, n) => w.sub(uW[n]!.div(Q.of(2))).toString() === cx.witness.gain)).toBe(true);
    // The sizes are recorded as found, after fast-check's shrinking and after simplification. Shrinking
    // minimizes fast-check's own value tree, not these measures, so one may grow while others shrink
    // (here: fewer types and dates for one more agent); simplification never grows any of them.
    expect(cx.sizeFound).toBeDefined();
    for (const k of Object.keys(cx.size!)) expect(cx.size![k]!).toBeLessThanOrEqual(cx.sizeBefore![k]!);
  });

  it("runs a catalogue claim against the reference by id", () => {
    expect(claims.get("zhu2021.lemma2")!.paper).toBe("zhu2021");
    const r = checkClaim("zhu2021.lemma2", { seed: 3, runs: 5 });
    expect(r).toMatchObject({ status: "holds", cases: 5, met: true });
    expect(() => checkClaim("nope.claim")).toThrow(/no claim has id "nope.claim"/);
  });
});

describe("the package entry", () => {
  it("exports from lib/index.js every value src/index.ts exports (the shim lists them by hand)", async () => {
    const shim = await import("../../lib/index.js");
    const src = await import("../../src/index.js");
    expect(Object.keys(shim).sort()).toEqual(Object.keys(src).sort());
  });
});
