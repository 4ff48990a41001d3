/**
 * bgs2019 §5's budget mechanism: the exact security value, best response and guarantee of
 * src/equilibrium/bgs2019-budget.ts against derivations that do not use its state decomposition:
 *  - τ = 2 by hand;
 *  - the security value from the sequence form (Koller–Megiddo–von Stengel) of the whole cycle's
 *    game tree: i remembers all its past values (perfect recall), j sees the public history only, and
 *    one exact LP over realisation plans gives max_x min_y, with no assumption that the public
 *    budgets summarise the past;
 *  - the best response to the descending competitor by enumerating all of i's pure strategy trees
 *    (a plan at every history of i's reports), and the approximately truthful guarantee by
 *    enumerating all of j's pure strategy trees (a report at every history of i's reports).
 * Budgets and the allocation are re-derived here (τ·P(θ), the higher report wins, ties halved).
 */
import { describe, expect, it } from "vitest";
import { Q } from "../../src/exact/rational.js";
import { solveLP, type LpRow } from "../../src/lp/index.js";
import { approximatelyTruthful, bestResponseValue, cycleWeight, descendingCompetitor, efficientUtility, guaranteedValue, matrixGameValue, securityValue, truthfulLowerBound } from "../../src/equilibrium/bgs2019-budget.js";
import { budgetMechanism, type BudgetType } from "../../src/mechanisms/bgs2019/budget.js";
import { budgetGapTable } from "../../src/equilibrium/bgs2019-budget-experiment.js";

const q = (n: number, d = 1) => Q.of(n, d);
const types = (...xs: [number, number, number, number][]): BudgetType[] => xs.map(([a, b, c, d]) => ({ v: q(a, b), p: q(c, d) }));
const HIGH_LOW = types([0, 1, 1, 2], [1, 1, 1, 2]);

interface Game {
  readonly types: readonly BudgetType[];
  readonly tau: number;
  readonly beta: Q;
}
const budgetsOf = (g: Game): number[] => g.types.map((x) => Number(x.p.mul(q(g.tau)).num));
const inBudget = (b: readonly number[]): number[] => b.flatMap((x, k) => (x > 0 ? [k] : []));
const minus = (b: readonly number[], k: number): number[] => b.map((x, j) => (j === k ? x - 1 : x));
/** Agent i's share of the good: higher report wins, ties halved. */
const share = (k: number, r: number): Q => (k > r ? Q.ONE : k < r ? Q.ZERO : Q.HALF);

/** The cycle's value (undiscounted sum, period t weighted βᵗ) from the sequence-form LP of the whole game tree. */
function sequenceFormValue(g: Game): Q {
  let iSeqs = 1, jSeqs = 1;
  const iSets: { parent: number; children: number[] }[] = [];
  const jSets: { parent: number; children: number[] }[] = [];
  const jByHistory = new Map<string, number[]>();
  const A = new Map<string, Q>();
  const credit = (si: number, sj: number, x: Q) => A.set(`${si},${sj}`, (A.get(`${si},${sj}`) ?? Q.ZERO).add(x));
  const newSet = (sets: typeof iSets, parent: number, n: number, fresh: () => number) => {
    const children = Array.from({ length: n }, fresh);
    sets.push({ parent, children });
    return children;
  };
  // One call per node of the tree: i's past values are distinct nodes, so i's information sets are the nodes themselves.
  const walk = (t: number, own: number[], other: number[], history: string, si: number, sj: number, prob: Q, disc: Q) => {
    if (t === g.tau) return;
    const rs = inBudget(other);
    let js = jByHistory.get(history);
    if (!js) {
      js = rs.length === 1 ? [sj] : newSet(jSets, sj, rs.length, () => jSeqs++);
      jByHistory.set(history, js);
    }
    const ks = inBudget(own);
    g.types.forEach((x, v) => {
      const is = ks.length === 1 ? [si] : newSet(iSets, si, ks.length, () => iSeqs++);
      ks.forEach((k, a) =>
        rs.forEach((r, b) => {
          credit(is[a]!, js![b]!, prob.mul(x.p).mul(disc).mul(x.v).mul(share(k, r)));
          walk(t + 1, minus(own, k), minus(other, r), `${history}|${k},${r}`, is[a]!, js![b]!, prob.mul(x.p), disc.mul(g.beta));
        }),
      );
    });
  };
  walk(0, budgetsOf(g), budgetsOf(g), "", 0, 0, Q.ONE, Q.ONE);
  // Variables: x (i's sequences, ≥ 0), then q (j's root and information sets, free). max q_root.
  const nx = iSeqs, nq = jSets.length + 1, n = nx + nq;
  const row = (): Q[] => Array.from({ length: n }, () => Q.ZERO);
  const rows: LpRow[] = [];
  const root = row();
  root[0] = Q.ONE;
  rows.push({ a: root, op: "=", b: Q.ONE });
  for (const s of iSets) {
    const a = row();
    for (const c of s.children) a[c] = Q.ONE;
    a[s.parent] = a[s.parent]!.sub(Q.ONE);
    rows.push({ a, op: "=", b: Q.ZERO });
  }
  // For each j sequence σ: q_{set owning σ} − Σ_{sets J after σ} q_J ≤ (Aᵀx)_σ.
  const owner = new Map<number, number>([[0, 0]]);
  jSets.forEach((s, J) => s.children.forEach((c) => owner.set(c, J + 1)));
  for (let sj = 0; sj < jSeqs; sj++) {
    const a = row();
    a[nx + owner.get(sj)!] = Q.ONE;
    jSets.forEach((s, J) => {
      if (s.parent === sj) a[nx + J + 1] = a[nx + J + 1]!.sub(Q.ONE);
    });
    for (const [key, val] of A) {
      const [si, s2] = key.split(",").map(Number) as [number, number];
      if (s2 === sj) a[si] = a[si]!.sub(val);
    }
    rows.push({ a, op: "<=", b: Q.ZERO });
  }
  const res = solveLP({ sense: "max", c: Array.from({ length: n }, (_, k) => (k === nx ? Q.ONE : Q.ZERO)), rows, lower: Array.from({ length: n }, (_, k) => (k < nx ? Q.ZERO : null)) });
  if (res.status !== "optimal") throw new Error(`sequence-form LP ${res.status}`);
  return res.value;
}

/** Every assignment of a choice to each of `points` (a history → its admissible choices, given the earlier ones). */
function* assignments(points: readonly string[], choices: (h: string, chosen: Map<string, number>) => number[] | null, at = 0, chosen = new Map<string, number>()): Generator<Map<string, number>> {
  if (at === points.length) return yield chosen;
  const cs = choices(points[at]!, chosen);
  if (cs === null) return yield* assignments(points, choices, at + 1, chosen);
  for (const c of cs) {
    chosen.set(points[at]!, c);
    yield* assignments(points, choices, at + 1, chosen);
  }
  chosen.delete(points[at]!);
}

/** Every history of i's reports of length < τ − 1 within i's budget (the last period is forced). */
function reportHistories(g: Game): string[] {
  const out: string[] = [];
  const grow = (h: number[], b: number[]) => {
    if (h.length >= g.tau - 1) return;
    out.push(h.join(""));
    for (const k of inBudget(b)) grow([...h, k], minus(b, k));
  };
  grow([], budgetsOf(g));
  return out.sort((a, b) => a.length - b.length);
}

/** i's best response to the highest-types-first competitor, over all of i's pure strategy trees. */
function bruteBestResponse(g: Game): Q {
  const K = g.types.length, budgets = budgetsOf(g);
  const ownBudget = (h: string) => [...h].reduce((b, c) => minus(b, Number(c)), budgets);
  const plans = (b: number[]): number[] => {
    const ks = inBudget(b);
    return ks.length === 1 ? [] : Array.from({ length: ks.length ** K }, (_, x) => x);
  };
  const decode = (plan: number, b: number[], v: number): number => {
    const ks = inBudget(b);
    return ks[Math.floor(plan / ks.length ** v) % ks.length]!;
  };
  const desc = budgets.flatMap((n, k) => Array.from({ length: n }, () => k)).reverse();
  let best: Q | null = null;
  for (const s of assignments(reportHistories(g), (h) => {
    const ps = plans(ownBudget(h));
    return ps.length === 0 ? null : ps;
  })) {
    const value = (t: number, h: string, disc: Q): Q => {
      if (t === g.tau) return Q.ZERO;
      const b = ownBudget(h);
      return g.types.reduce((a, x, v) => {
        const k = s.has(h) ? decode(s.get(h)!, b, v) : inBudget(b)[0]!;
        return a.add(x.p.mul(disc.mul(x.v).mul(share(k, desc[t]!)).add(value(t + 1, h + k, disc.mul(g.beta)))));
      }, Q.ZERO);
    };
    const v = value(0, "", Q.ONE);
    if (!best || v.gt(best)) best = v;
  }
  return best!;
}

/** What the approximately truthful strategy guarantees, over all of j's pure strategy trees. */
function bruteTruthfulGuarantee(g: Game): Q {
  const budgets = budgetsOf(g);
  const points = reportHistories(g);
  // j's past reports along i's history h follow from its choices at h's prefixes.
  const jBudget = (h: string, s: Map<string, number>) => {
    let b = budgets;
    for (let t = 0; t < h.length; t++) b = minus(b, s.get(h.slice(0, t)) ?? inBudget(b)[0]!);
    return b;
  };
  let worst: Q | null = null;
  for (const s of assignments(points, (h, chosen) => {
    const rs = inBudget(jBudget(h, chosen));
    return rs.length === 1 ? null : rs;
  })) {
    const value = (t: number, h: string, own: number[], other: number[], disc: Q): Q => {
      if (t === g.tau) return Q.ZERO;
      const r = s.get(h) ?? inBudget(other)[0]!;
      return g.types.reduce((a, x, v) => {
        const lies = inBudget(own).filter((k) => k !== v);
        const mix = own[v]! > 0 ? [{ k: v, p: Q.ONE }] : lies.map((k) => ({ k, p: q(1, lies.length) }));
        return mix.reduce((c, { k, p }) => c.add(x.p.mul(p).mul(disc.mul(x.v).mul(share(k, r)).add(value(t + 1, h + k, minus(own, k), minus(other, r), disc.mul(g.beta))))), a);
      }, Q.ZERO);
    };
    const v = value(0, "", budgets, budgets, Q.ONE);
    if (!worst || v.lt(worst)) worst = v;
  }
  return worst!;
}

const GAMES: readonly (Game & { name: string })[] = [
  { name: "values 0/1 w.p. 1/2, τ = 2, β = 1", types: HIGH_LOW, tau: 2, beta: Q.ONE },
  { name: "values 0/1 w.p. 1/2, τ = 4, β = 1", types: HIGH_LOW, tau: 4, beta: Q.ONE },
  { name: "values 0/1 w.p. 1/2, τ = 4, β = 3/4", types: HIGH_LOW, tau: 4, beta: q(3, 4) },
  { name: "values 1/2, 1 w.p. 1/2, τ = 4, β = 3/4 (i mixes)", types: types([1, 2, 1, 2], [1, 1, 1, 2]), tau: 4, beta: q(3, 4) },
  { name: "values 0/1 w.p. 3/4, 1/4, τ = 4, β = 2/3", types: types([0, 1, 3, 4], [1, 1, 1, 4]), tau: 4, beta: q(2, 3) },
  // Three types at τ = 3: stage games without a pure saddle point. With pure strategies only, the state
  // recursion would give 11/74 instead of S = 9347/61938 (β = 3/4) and 169/648 instead of 2697421/10081368
  // (β = 1), and these cases fail: the sequence form checks the mixed values.
  { name: "values 0, 1/4, 1/2 w.p. 1/3, τ = 3, β = 3/4 (mixed)", types: types([0, 1, 1, 3], [1, 4, 1, 3], [1, 2, 1, 3]), tau: 3, beta: q(3, 4) },
  { name: "values 0, 1/4, 1 w.p. 1/3, τ = 3, β = 1 (mixed)", types: types([0, 1, 1, 3], [1, 4, 1, 3], [1, 1, 1, 3]), tau: 3, beta: Q.ONE },
];

describe("bgs2019 §5 budget mechanism: exact values", () => {
  it("matrix games: a saddle point, matching pennies, rock–paper–scissors (by hand)", () => {
    expect(matrixGameValue([[q(3), q(1)], [q(2), q(0)]]).toString()).toBe("1");
    expect(matrixGameValue([[q(1), q(0)], [q(0), q(1)]]).toString()).toBe("1/2");
    expect(matrixGameValue([[q(0), q(-1), q(1)], [q(1), q(0), q(-1)], [q(-1), q(1), q(0)]]).toString()).toBe("0");
    expect(matrixGameValue([[q(2), q(-1)], [q(-1), q(1)]]).toString()).toBe("1/5");
  });

  it("τ = 2, values 0/1 w.p. 1/2, β = 1: S = 5/16 < u* = 3/8 (by hand)", () => {
    // Truthful in period 1 against (H, L): 1/4 + 1/8 + 1/4 = 5/8 over two periods, and the same against (L, H);
    // reporting H whatever the value gives 1/2. u* = P(1)(P(0) + P(1)/2) = 3/8.
    const m = budgetMechanism.build({ types: HIGH_LOW, tau: 2 });
    expect(securityValue(m, Q.ONE).toString()).toBe("5/16");
    expect(efficientUtility(HIGH_LOW).toString()).toBe("3/8");
  });

  it.each(GAMES)("$name: S from the state recursion = S from the sequence form of the whole tree", (g) => {
    const m = budgetMechanism.build({ types: g.types, tau: g.tau });
    const S = securityValue(m, g.beta);
    expect(S.toString()).toBe(cycleWeight(g.beta, g.tau).mul(sequenceFormValue(g)).toString());
    expect(securityValue(m, g.beta, 1).toString()).toBe(S.toString());
  });

  it.each(GAMES.filter((g) => g.tau <= 4))("$name: best response and guarantee = enumeration of pure strategy trees", (g) => {
    const m = budgetMechanism.build({ types: g.types, tau: g.tau });
    const w = cycleWeight(g.beta, g.tau);
    expect(bestResponseValue(m, g.beta, descendingCompetitor).toString()).toBe(w.mul(bruteBestResponse(g)).toString());
    expect(guaranteedValue(m, g.beta, approximatelyTruthful).toString()).toBe(w.mul(bruteTruthfulGuarantee(g)).toString());
  });

  it("guarantee ≤ S ≤ best response, the 'if' bound ≤ guarantee, S < u* (values 0, 1/2, 1 w.p. 1/3, τ = 6)", () => {
    const ts = types([0, 1, 1, 3], [1, 2, 1, 3], [1, 1, 1, 3]);
    const m = budgetMechanism.build({ types: ts, tau: 6 });
    for (const beta of [q(3, 4), Q.ONE]) {
      const S = securityValue(m, beta), B = bestResponseValue(m, beta, descendingCompetitor), G = guaranteedValue(m, beta, approximatelyTruthful);
      expect(G.le(S) && S.le(B) && truthfulLowerBound(m.model, beta).le(G) && S.lt(efficientUtility(ts))).toBe(true);
      // Three types: the descending competitor is not j's optimum, nor approximate truth i's.
      expect(G.lt(S) && S.lt(B)).toBe(true);
    }
  });

  it("the cycle weight normalises a constant payoff to itself: (1 − β)/(1 − β^τ)·Σ_{t<τ} βᵗ = 1", () => {
    for (const [beta, tau] of [[q(3, 4), 5], [q(1, 2), 1], [Q.ONE, 7]] as const) {
      let s = Q.ZERO;
      for (let t = 0; t < tau; t++) s = s.add(beta.pow(t));
      expect(cycleWeight(beta, tau).mul(s).toString()).toBe("1");
    }
  });
});

describe("bgs2019 §5 budget mechanism: the gap table", () => {
  it("tabulates u* − S along β_k = 1 − 2^−k for the three τ-rules, gaps positive and exact", () => {
    const table = budgetGapTable({ ks: [1, 2, 3, 4], fixedTau: 2 });
    expect(table.uStar.toString()).toBe("3/8");
    expect(table.rows.map((r) => `${r.rule}:${r.k}:${r.tau}`)).toEqual(["fixed:1:2", "fixed:2:2", "fixed:3:2", "fixed:4:2", "sqrt:1:2", "sqrt:2:2", "sqrt:3:2", "sqrt:4:4", "linear:1:2", "linear:2:4", "linear:3:8", "linear:4:16"]);
    for (const r of table.rows) expect(r.gap.sign()).toBe(1);
    // τ = 2 at β = 1/2: S = (1 − β)/(1 − β²)·(cycle value), the cycle value from the sequence form above.
    const first = table.rows[0]!;
    expect(first.security.toString()).toBe(cycleWeight(q(1, 2), 2).mul(sequenceFormValue({ types: HIGH_LOW, tau: 2, beta: q(1, 2) })).toString());
    // The fixed rule's gap tends to u* − S(1⁻, 2) = 3/8 − 5/16 (the by-hand value above).
    expect(table.limits.fixed.toString()).toBe("1/16");
    for (const fit of [table.slopes, table.tailSlopes]) for (const rule of ["fixed", "sqrt", "linear"] as const) expect(Number.isFinite(fit[rule])).toBe(true);
    // The fixed rule at k = 3, 4 against the exact gaps of its rows: a float fit of two points is their secant.
    const [g3, g4] = [table.rows[2]!.gap.toNumber(), table.rows[3]!.gap.toNumber()];
    expect(budgetGapTable({ ks: [3, 4], fixedTau: 2 }).slopes.fixed).toBeCloseTo(Math.log(g4 / g3) / -Math.LN2, 9);
  });
});
