/**
 * The §3 claims of zhu2021: each holds for the reference solver on a fixed seed, and each catches
 * planted bugs (examples/mutants/faults/zhu2021-knapsack.ts). A caught mutant's counterexample must survive
 * the JSON round trip and still fail when re-checked from the decoded instance (what replay does).
 */
import { describe, expect, it } from "vitest";
import { runClaim } from "../../src/claims/run.js";
import type { AnyClaim } from "../../src/claims/types.js";
import { corollary1 } from "../../properties/zhu2021/corollary1.js";
import { lemma1 } from "../../properties/zhu2021/lemma1.js";
import { lemma2 } from "../../properties/zhu2021/lemma2.js";
import { lemma3 } from "../../properties/zhu2021/lemma3.js";
import { lemma4Envelope } from "../../properties/zhu2021/lemma4-envelope.js";
import type { KnapsackSolver } from "../../src/models/zhu2021/knapsack.js";
import { capsAtOne, doubleCountsValue, greedyByIndex, ignoresLastResource, notExhaustive, roundsToHalves } from "../../examples/mutants/faults/zhu2021-knapsack.js";

const SEED = 42;

const cases: [string, AnyClaim, KnapsackSolver[]][] = [
  [lemma1.id, lemma1, [ignoresLastResource, capsAtOne, greedyByIndex, notExhaustive, roundsToHalves]],
  [corollary1.id, corollary1, [capsAtOne, roundsToHalves]],
  [lemma2.id, lemma2, [greedyByIndex, capsAtOne, roundsToHalves]],
  [lemma3.id, lemma3, [doubleCountsValue, greedyByIndex, roundsToHalves]],
  [lemma4Envelope.id, lemma4Envelope, [doubleCountsValue, greedyByIndex]],
];

describe.each(cases)("%s", (_id, claim, mutants) => {
  it(`holds for the exact solver (seed ${SEED})`, () => {
    const r = runClaim(claim, { seed: SEED, runs: 120 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe("holds");
    expect(r.counts.holds).toBeGreaterThan(100);
  });

  it.each(mutants.map((m) => [m.name, m] as const))("catches %s", (_, mutant) => {
    const r = runClaim(claim, { seed: SEED, runs: 150, subject: mutant });
    expect(r.status).toBe("counterexample");
    const cx = r.counterexample!;
    const again = claim.check(claim.decode(JSON.parse(JSON.stringify(cx.instance))), mutant);
    expect(again.kind).toBe("violated");
    // ...and the reference solver is fine on the very same instance.
    expect(claim.check(claim.decode(cx.instance), claim.defaultSubject).kind).toBe("holds");
  });
});
