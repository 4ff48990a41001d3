/** Hand-built mp2013 instances for tests; each says where its reference numbers come from. */

/**
 * §9.2's example: two equiprobable states, three agents, each with a signal equal to the state with
 * probability 9/10, conditionally independent. P(θ, t) = ½·Π (9/10 or 1/10).
 */
export function accurateSignals(): Record<string, unknown> {
  const prior: { state: string; types: string[]; p: string }[] = [];
  for (const th of [1, 2])
    for (const a of [1, 2]) for (const b of [1, 2]) for (const c of [1, 2]) {
      const hits = [a, b, c].filter((x) => x === th).length;
      prior.push({ state: `s${th}`, types: [`${a}`, `${b}`, `${c}`], p: `${9 ** hits}/${2 * 1000}` });
    }
  return {
    model: "mp2013",
    agents: [0, 1, 2].map(() => ({ types: ["1", "2"] })),
    states: ["s1", "s2"],
    outcomes: ["none", "act"],
    prior,
    values: [0, 1, 2].map((i) => ({ agent: i, outcome: "act", state: "s1", v: "1" })),
  };
}

/**
 * A single-object auction (§8.2) with two bidders: outcome "k" gives the object to bidder k, whose
 * value is w_k(θ, t_k); "none" is c₀. The prior is lopsided and has one impossible profile.
 */
export function auction(): Record<string, unknown> {
  const w: Record<string, Record<string, Record<string, string>>> = {
    "0": { lo: { l: "1", h: "3" }, hi: { l: "2", h: "7" } },
    "1": { lo: { l: "2", h: "2" }, hi: { l: "1", h: "6" } },
  };
  const values: unknown[] = [];
  for (const i of ["0", "1"]) for (const th of ["lo", "hi"]) for (const t of ["l", "h"]) values.push({ agent: Number(i), outcome: `win${i}`, state: th, type: t, v: w[i]![th]![t]! });
  return {
    model: "mp2013",
    agents: [{ types: ["l", "h"] }, { types: ["l", "h"] }],
    states: ["lo", "hi"],
    outcomes: ["none", "win0", "win1"],
    prior: [
      { state: "lo", types: ["l", "l"], p: "3/10" },
      { state: "hi", types: ["l", "l"], p: "1/20" },
      { state: "lo", types: ["l", "h"], p: "1/10" },
      { state: "hi", types: ["l", "h"], p: "1/5" },
      { state: "lo", types: ["h", "l"], p: "1/20" },
      { state: "hi", types: ["h", "l"], p: "3/10" },
    ],
    values,
  };
}
