/**
 * Implementation with statistics on process trees: zhu2022 Proposition 1 and Corollary 1 (§2.4–2.5),
 * stylized Proposition 1 (§2). N agents with private probabilities (their trees), Ω*ⁿ a window on the
 * T-date average, ε > 0, R̄ ≥ ε an upper bound of the regret, a constant c.
 *
 * THE REGRET AT ITS BOUND. The propositions hold for every statistical mechanism whose regret is at
 * most R̄, and the proofs use nothing else about it. A reasonable strategy must tell the truth while
 *  - zhu2022, condition (1): Pⁿ(ωⁿ ∉ Ω*ⁿ | ωⁿ|_s)·R_s < ε for all s ≤ t;
 *  - stylized, condition (1): E[R_s | ωⁿ|_s] ≤ ε for all s ≤ t, with R = 0 on Ω* (stylized Lemma 2);
 * so the largest release event — the worst case over all such mechanisms — is the one with R at its
 * bound: p·R̄ ≥ ε (zhu2022) or p·R̄ > ε (stylized), p = Pⁿ(ωⁿ ∉ Ω*ⁿ | ωⁿ|_s). Checked exactly there;
 * the conditional probabilities come from the SUBJECT engine, the unconditional ones from the leaves.
 * A reasonable strategy may lie from its release date on; the worst case lies.
 */
import * as fc from "fast-check";
import type { Claim, PaperKey, Verdict } from "../../src/claims/types.js";
import { vacuous, violated } from "../../src/claims/verdicts.js";
import { InputError } from "../../src/exact/errors.js";
import { Q } from "../../src/exact/rational.js";
import { backward, leaves, type ExpectationEngine } from "../../src/probability/tree.js";
import { unitOpen } from "../../src/search/numbers.js";
import { EXPECTATION_KIND } from "../zhu2021/lemma5.js";
import { boundMass, insideProbability, positiveAt, releaseJson, releases, treesCaseArb, treesFromJson, treesToJson, type TreesCase } from "./trees.js";

export interface StatisticalCase extends TreesCase {
  readonly epsilon: Q;
  readonly rbar: Q;
  readonly c: Q;
}

export type StatisticalResult = "zhu2022.proposition1" | "zhu2022.corollary1" | "stylized.proposition1";

interface Spec {
  readonly id: StatisticalResult;
  readonly paper: Extract<PaperKey, "zhu2022" | "stylized">;
  readonly section: string;
  readonly statement: string;
}

const SPECS: Record<StatisticalResult, Spec> = {
  "zhu2022.proposition1": {
    id: "zhu2022.proposition1",
    paper: "zhu2022",
    section: "§2.5, Proposition 1",
    statement: "Let R̄ ≥ ε be an upper bound of Rⁿ_t. For any c ≤ ε, if it is common knowledge that Pⁿ(ωⁿ ∉ Ω*ⁿ) ≤ c/(N − 1)·ε/R̄ for all agents n, then id is an ε-ex-post equilibrium (P^{−n}(σ^{−n}(ω^{−n}) ≠ ω^{−n}) ≤ ε for every reasonable σ and every n).",
  },
  "zhu2022.corollary1": {
    id: "zhu2022.corollary1",
    paper: "zhu2022",
    section: "§2.5, Corollary 1",
    statement: "Under the hypotheses of Proposition 1, any corresponding statistical mechanism implements the desired outcome with probability at least 1 − Nc/(N − 1).",
  },
  "stylized.proposition1": {
    id: "stylized.proposition1",
    paper: "stylized",
    section: "§2, Proposition 1",
    statement: "For any c > 0, if it is common knowledge that Pⁿ(ωⁿ ∉ Ω*ⁿ) ≤ cε/(NR) for all agents n, then P(σ(ω) ≠ ω) < c for all σ ∈ Σ(id).",
  },
};

const isZhu = (id: StatisticalResult) => id !== "stylized.proposition1";

/** The hypothesis' cap on Pⁿ(ωⁿ ∉ Ω*ⁿ). */
export function cap(id: StatisticalResult, c: Pick<StatisticalCase, "epsilon" | "rbar" | "c">, N: number): Q {
  return isZhu(id) ? c.c.div(Q.of(N - 1)).mul(c.epsilon).div(c.rbar) : c.c.mul(c.epsilon).div(Q.of(N).mul(c.rbar));
}

/** Released at date s with p = Pⁿ(ωⁿ ∉ Ω*ⁿ | ωⁿ|_s) when the regret sits at its bound R̄. */
export function releasedAt(id: StatisticalResult, c: Pick<StatisticalCase, "epsilon" | "rbar">): (s: number, p: Q) => boolean {
  return isZhu(id) ? (_s, p) => !p.mul(c.rbar).lt(c.epsilon) : (_s, p) => p.mul(c.rbar).gt(c.epsilon);
}

export function statisticalClaim(id: StatisticalResult): Claim<StatisticalCase, ExpectationEngine> {
  const spec = SPECS[id];
  const minN = isZhu(id) ? 2 : 1;
  const caseArb = treesCaseArb(minN, 3).chain((t) =>
    fc
      .record({ epsilon: unitOpen(8).map((e) => e.add(Q.of(1, 100))), k: fc.constantFrom(Q.ONE, Q.of(2), Q.of(4), Q.of(8)), u: unitOpen(4).map((u) => (isZhu(id) ? u : u.mul(Q.of(2)))) })
      // R̄ = k·ε ≥ ε; c = u·ε ≤ ε for zhu2022 (its hypothesis), any c > 0 for stylized
      .map(({ epsilon, k, u }) => ({ ...t, epsilon, rbar: k.mul(epsilon), c: isZhu(id) ? u.mul(epsilon) : u })),
  );
  return {
    ...spec,
    expect: "holds",
    note: "Exact on finite trees with the regret at its bound R̄ — the largest release event, so the worst case over every mechanism the proposition covers. The conditional probabilities come from the subject engine.",
    subjectKind: EXPECTATION_KIND,
    defaultSubject: backward,
    runs: 1000,
    arbitrary: () => caseArb,
    encode: (c) => ({ ...treesToJson(c, "low", "high"), epsilon: c.epsilon.toString(), rbar: c.rbar.toString(), c: c.c.toString() }),
    decode(json) {
      const raw = (json ?? {}) as Record<string, unknown>;
      const t = treesFromJson(raw, "low", "high", minN);
      const epsilon = positiveAt(raw.epsilon, "instance.epsilon");
      const rbar = positiveAt(raw.rbar, "instance.rbar");
      if (rbar.lt(epsilon)) throw new InputError("instance.rbar", `R̄ ≥ ε is required (got ${rbar} < ${epsilon})`);
      const c = positiveAt(raw.c, "instance.c", isZhu(id) ? epsilon : undefined);
      return { ...t, epsilon, rbar, c };
    },
    size: (c) => ({ agents: c.trees.length, dates: c.trees[0]!.T, leaves: c.trees.reduce((s, t) => s + leaves(t).length, 0) }),
    reduce: (c) =>
      c.trees.length <= minN ? [] : c.trees.map((_, m) => ({ ...c, trees: c.trees.filter((_, k) => k !== m), low: c.low.filter((_, k) => k !== m), high: c.high.filter((_, k) => k !== m) })),
    check: (c, engine) => checkStatistical(id, c, engine),
  };
}

function checkStatistical(id: StatisticalResult, c: StatisticalCase, engine: ExpectationEngine): Verdict {
  const N = c.trees.length;
  const bound = cap(id, c, N);
  const outside = c.trees.map((_, n) => Q.ONE.sub(insideProbability(c, n)));
  const hypothesis = outside.every((p) => p.le(bound));
  const released = releasedAt(id, c);
  const rel = releases(c, engine, (s, p) => !released(s, p));
  const bound1 = rel.map(boundMass);
  const base = { agents: N, dates: c.trees[0]!.T, "ε": c.epsilon.toString(), "R̄": c.rbar.toString(), c: c.c.toString(), cap: bound.toString(), outside: outside.map(String), releases: releaseJson(rel) };
  let failure: { summary: string; gain: Q; extra: Record<string, string> } | undefined;
  if (id === "zhu2022.proposition1") {
    for (let n = 0; n < N && !failure; n++) {
      const others = Q.ONE.sub(bound1.reduce((p, b, m) => (m === n ? p : p.mul(b)), Q.ONE));
      if (others.gt(c.epsilon)) failure = { summary: `P^{−${n + 1}}(some other agent lies) = ${others} > ε = ${c.epsilon}`, gain: others.sub(c.epsilon), extra: { agent: String(n + 1), othersLie: others.toString() } };
    }
  } else {
    const lie = Q.ONE.sub(bound1.reduce((p, b) => p.mul(b), Q.ONE));
    if (id === "zhu2022.corollary1") {
      const floor = Q.ONE.sub(Q.of(N).mul(c.c).div(Q.of(N - 1)));
      // bound to the truth everywhere ⇒ ω ∈ Ω* (released at T otherwise), so the outcome is the desired one
      if (Q.ONE.sub(lie).lt(floor)) failure = { summary: `P(implemented) ≥ P(nobody released) = ${Q.ONE.sub(lie)} < 1 − Nc/(N − 1) = ${floor}`, gain: floor.sub(Q.ONE.sub(lie)), extra: { implemented: Q.ONE.sub(lie).toString() } };
    } else if (!lie.lt(c.c)) {
      failure = { summary: `P(σ(ω) ≠ ω) = ${lie} ≥ c = ${c.c} for the worst reasonable σ`, gain: lie.sub(c.c), extra: { lie: lie.toString() } };
    }
  }
  if (!failure) return hypothesis ? { kind: "holds" } : vacuous(`some Pⁿ(ωⁿ ∉ Ω*ⁿ) exceeds ${bound}: (${outside.join(", ")})`);
  const quantities = { ...base, ...failure.extra };
  if (!hypothesis) return { kind: "outside", hypothesis: `some Pⁿ(ωⁿ ∉ Ω*ⁿ) exceeds the cap ${bound}: (${outside.join(", ")})`, witness: { summary: failure.summary, quantities, gain: failure.gain.toString() } };
  return violated(failure.summary, quantities, { gain: failure.gain.toString() });
}
