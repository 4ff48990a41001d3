/**
 * stylized.lemma2 (R = 0 on Ω*): holds for the reference linked VCG ∘ Lemma 1 retraction from a fixed
 * seed, and catches what only it can see: a retraction that depends on the others' reports, which
 * the ex-post claim (others inside Ω*) passes. The counterexample replays from its encoded instance.
 */
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { getClaim } from "../../src/claims/registry.js";
import { runClaim } from "../../src/claims/run.js";
import { othersDependentRetraction, ownReportPivot, unlinkedWithoutDiscount } from "../../examples/mutants/faults/single-resource.js";
import { expectCaught, expectMet } from "./catches.js";

loadCatalogue();
const lemma2 = getClaim("stylized.lemma2")!;

describe("stylized.lemma2", () => {
  it("holds for the reference (seed 42)", () => expectMet(lemma2));
  it.each([
    ["a retraction that depends on the others' reports", othersDependentRetraction],
    ["unlinked VCG without β^{t−T}", unlinkedWithoutDiscount],
    ["an own-report pivot", ownReportPivot],
  ] as const)("catches the planted bug: %s", (_, mutant) => expectCaught(lemma2, mutant));
  it("sees the others-dependent retraction where the ex-post claim cannot (its others stay inside Ω*)", () => {
    expect(runClaim(getClaim("stylized.linked-vcg.ex-post")!, { seed: 42, subject: othersDependentRetraction }).status).toBe("holds");
    const r = runClaim(lemma2, { seed: 42, subject: othersDependentRetraction });
    expect(r.counterexample!.witness.quantities.othersInsideOmegaStar).toBe(false);
  });
  it("rejects a misreport that does not agree with the truth on its first dates", () => {
    const inst = { model: "single-resource", agents: 2, dates: 2, beta: "1", qbar: "1", f: { family: "saturating", k: "1", b: "1" }, omegaStar: { kind: "all" }, omega: [["1", "1"], ["1", "1"]], agent: 1, misreport: ["2", "1"], agree: 1 };
    expect(() => lemma2.decode(inst)).toThrow(/instance.misreport: must agree with the truth on dates 1..1/);
  });
});
