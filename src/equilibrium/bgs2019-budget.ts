/**
 * Exact values of bgs2019 §5's budget mechanism for one agent i against the other, j:
 *   - the security value S_i(β, τ) = sup_{σᵢ} inf_{σⱼ} V_i (Proposition 5.1's "secures"),
 *   - i's best response to a fixed strategy of j (the "only if" competitor: highest types first),
 *   - what a fixed strategy of i guarantees against every j (the "if" half's approximately truthful one),
 *   - the efficient level u*_i and the lower bound the "if" half's argument gives at finite (β, τ).
 * V is normalised as in §2, V = (1 − β)E[Σₜ β^{t−1} vₜπₜ]; β = 1 stands for the limit β ↑ 1 at fixed τ,
 * the undiscounted average per period.
 *
 * Why a cycle is a finite zero-sum game solved state by state. Budgets reset every cycle and values
 * are i.i.d., so every cycle is the same game and V = (1 − β)/(1 − β^τ)·(cycle value): a strategy of
 * i securing the cycle value from each cycle's start, whatever happened before, secures it in every
 * cycle, and j can hold i to it cycle by cycle. Within a cycle, what the future can bring depends only
 * on the public state (t, i's remaining budgets, j's remaining budgets): i's past values are
 * independent of its future values and enter no future payoff, and past tie-breaks change nothing.
 * So the cycle is a finite-horizon zero-sum stochastic game with an observed state (Shapley): its
 * value exists and is computed backwards, each state's stage game a finite matrix game. There, i
 * (knowing only its current value) picks a plan, a report for each possible value within budget, and
 * j picks a report within budget; the entry is E_v[v·πᵢ + β·W(next state)], the next state given by
 * the two reports. j's own values enter neither i's payoff nor the budgets, so for the inf j needs no
 * values. The value of a matrix game with rational entries is rational: an exact LP gives it.
 */
import { InternalError } from "../exact/errors.js";
import { Q, maxQ, minQ } from "../exact/rational.js";
import { solveLP, type LpRow } from "../lp/index.js";
import { paperBudgets, type BudgetMechanism, type BudgetModel, type BudgetType } from "../mechanisms/bgs2019/budget.js";

export type Agent = 0 | 1;

/** A state of the cycle game, seen from i: period t (0-based) and both agents' remaining budgets. */
export interface CycleState {
  readonly t: number;
  readonly own: readonly number[];
  readonly other: readonly number[];
}

/** A distribution over type indices. */
export type Mix = readonly Q[];
/** A behaviour strategy of i: a report distribution at each state, for i's current value (a type index). */
export type OwnStrategy = (s: CycleState, value: number) => Mix;
/** A behaviour strategy of j, as a function of the public state. */
export type OpponentStrategy = (s: CycleState) => Mix;

const admissible = (budget: readonly number[]): number[] => budget.flatMap((b, k) => (b > 0 ? [k] : []));
const unit = (n: number, k: number): Q[] => Array.from({ length: n }, (_, j) => (j === k ? Q.ONE : Q.ZERO));

/** §2's normalisation per cycle: V = (1 − β)/(1 − β^τ)·Σ_{t<τ} β^t·(period t's payoff); at β = 1 the average 1/τ. */
export function cycleWeight(beta: Q, tau: number): Q {
  return beta.eq(Q.ONE) ? Q.of(1, tau) : Q.ONE.sub(beta).div(Q.ONE.sub(beta.pow(tau)));
}

/** u*ᵢ = E[vᵢ·1{vᵢ > vⱼ}] + E[vᵢ·1{vᵢ = vⱼ}]/2: the efficient allocation's utility with ties split (§5). */
export function efficientUtility(types: readonly BudgetType[]): Q {
  let below = Q.ZERO, u = Q.ZERO;
  for (const x of types) {
    u = u.add(x.p.mul(x.v).mul(below.add(x.p.div(Q.of(2)))));
    below = below.add(x.p);
  }
  return u;
}

/**
 * The value of the zero-sum matrix game M (row player maximises, mixed strategies), exactly: a pure
 * saddle point when there is one, else the LP max z s.t. Σ_f x_f·M[f][r] ≥ z for every column r, x a
 * distribution.
 */
export function matrixGameValue(M: readonly (readonly Q[])[]): Q {
  const cols = M[0]!.length;
  const lower = maxQ(M.map((row) => minQ(row)));
  const upper = minQ(Array.from({ length: cols }, (_, r) => maxQ(M.map((row) => row[r]!))));
  if (lower.eq(upper)) return lower;
  // Variables: x_f for each row f, then z.
  const rows: LpRow[] = Array.from({ length: cols }, (_, r) => ({ a: [...M.map((row) => row[r]!), Q.MINUS_ONE], op: ">=" as const, b: Q.ZERO }));
  rows.push({ a: [...M.map(() => Q.ONE), Q.ZERO], op: "=", b: Q.ONE });
  const res = solveLP({ sense: "max", c: [...M.map(() => Q.ZERO), Q.ONE], rows, lower: [...M.map(() => Q.ZERO), null] });
  if (res.status !== "optimal") throw new InternalError(`a finite matrix game has a value, the LP said ${res.status}`);
  if (res.value.lt(lower) || res.value.gt(upper)) throw new InternalError(`matrix game value ${res.value} outside [${lower}, ${upper}]`);
  return res.value;
}

/**
 * One stage of a backward recursion: `pay(v, k, r)` is i's payoff from value index v, i's report k
 * and j's report r, v·πᵢ(k, r) plus β times the value of the state they lead to.
 */
type Stage = (s: CycleState, pay: (v: number, k: number, r: number) => Q) => Q;

/** Backward induction over the cycle's states, memoised; returns the normalised value from the cycle's start. */
function cycleValue(mech: BudgetMechanism, beta: Q, agent: Agent, stage: Stage): Q {
  const { types, tau } = mech.model;
  const memo = new Map<string, Q>();
  const win = new Map<number, Q[][]>();
  const winAt = (t: number): Q[][] => {
    let w = win.get(t);
    if (!w) {
      w = types.map((_, k) => types.map((__, r) => mech.allocate(agent === 0 ? [k, r] : [r, k], t)[agent]!));
      win.set(t, w);
    }
    return w;
  };
  const dec = (b: readonly number[], k: number): number[] => b.map((x, j) => (j === k ? x - 1 : x));
  const W = (t: number, own: readonly number[], other: readonly number[]): Q => {
    if (t === tau) return Q.ZERO;
    const key = `${t}|${own.join(",")}|${other.join(",")}`;
    const hit = memo.get(key);
    if (hit) return hit;
    if (admissible(own).length === 0 || admissible(other).length === 0) throw new InternalError(`no report within budget at period ${t} (budgets ${own} and ${other})`);
    const w = winAt(t);
    const cont = new Map<number, Q>();
    const pay = (v: number, k: number, r: number): Q => {
      const c = k * types.length + r;
      let next = cont.get(c);
      if (next === undefined) {
        next = beta.mul(W(t + 1, dec(own, k), dec(other, r)));
        cont.set(c, next);
      }
      return types[v]!.v.mul(w[k]![r]!).add(next);
    };
    const value = stage({ t, own, other }, pay);
    memo.set(key, value);
    return value;
  };
  return cycleWeight(beta, tau).mul(W(0, mech.budgets, mech.budgets));
}

/** Every plan: a report within budget for each of i's possible values. */
function plans(ks: readonly number[], values: number): number[][] {
  let out: number[][] = [[]];
  for (let v = 0; v < values; v++) out = out.flatMap((p) => ks.map((k) => [...p, k]));
  return out;
}

/** S_i(β, τ) = sup_{σᵢ} inf_{σⱼ} V_i, exactly (β ∈ (0, 1], β = 1 the undiscounted average). */
export function securityValue(mech: BudgetMechanism, beta: Q, agent: Agent = 0): Q {
  const types = mech.model.types;
  return cycleValue(mech, beta, agent, (s, pay) => {
    const rs = admissible(s.other);
    const M = plans(admissible(s.own), types.length).map((f) => rs.map((r) => f.reduce((a, k, v) => a.add(types[v]!.p.mul(pay(v, k, r))), Q.ZERO)));
    return matrixGameValue(M);
  });
}

function checkMix(m: Mix, budget: readonly number[], who: string, s: CycleState): void {
  if (m.some((x, k) => x.sign() > 0 && !(budget[k]! > 0))) throw new InternalError(`${who} reports a type out of budget at period ${s.t}`);
}

/** sup_{σᵢ} V_i against a fixed strategy of j: i's best response, a one-player recursion. */
export function bestResponseValue(mech: BudgetMechanism, beta: Q, opponent: OpponentStrategy, agent: Agent = 0): Q {
  const types = mech.model.types;
  return cycleValue(mech, beta, agent, (s, pay) => {
    const q = opponent(s);
    checkMix(q, s.other, "the opponent", s);
    const ks = admissible(s.own);
    return types.reduce((a, x, v) => a.add(x.p.mul(maxQ(ks.map((k) => q.reduce((b, qr, r) => (qr.sign() > 0 ? b.add(qr.mul(pay(v, k, r))) : b), Q.ZERO))))), Q.ZERO);
  });
}

/** inf_{σⱼ} V_i for a fixed strategy of i: what that strategy guarantees (j's best response, a one-player recursion). */
export function guaranteedValue(mech: BudgetMechanism, beta: Q, own: OwnStrategy, agent: Agent = 0): Q {
  const types = mech.model.types;
  return cycleValue(mech, beta, agent, (s, pay) => {
    const mixes = types.map((_, v) => own(s, v));
    mixes.forEach((m) => checkMix(m, s.own, "the strategy", s));
    return minQ(admissible(s.other).map((r) => types.reduce((a, x, v) => a.add(x.p.mul(mixes[v]!.reduce((b, m, k) => (m.sign() > 0 ? b.add(m.mul(pay(v, k, r))) : b), Q.ZERO))), Q.ZERO)));
  });
}

/** §5's "only if" competitor: the highest type still in budget (for values 1 and 0 w.p. 1/2: high in the first τ/2 periods, low after). */
export const descendingCompetitor: OpponentStrategy = (s) => unit(s.other.length, Math.max(...admissible(s.other)));

/** §5's approximately truthful strategy: the true type while its budget lasts, otherwise another type in budget uniformly. */
export const approximatelyTruthful: OwnStrategy = (s, value) => {
  if (s.own[value]! > 0) return unit(s.own.length, value);
  const others = admissible(s.own);
  return s.own.map((b) => (b > 0 ? Q.of(1, others.length) : Q.ZERO));
};

/**
 * The "if" half's inequality at finite (β, τ): with the paper's budgets, the approximately truthful
 * strategy guarantees at least
 *   (1 − β)/(1 − β^τ)·[Σₜ βᵗ g(dₜ) − Σₜ βᵗ E[vₜ·1{i lies at t}]],
 * g(r) = E[v·π(v, r)] the payoff of a truthful report against r, d the budget's types highest first.
 * Why: i's value at t is independent of j's report rₜ (chosen from the past), so a truthful period
 * pays g(rₜ) in expectation; a lie forgoes at most v. The budget makes j's reports a permutation of d,
 * and g decreasing with discounting put the worst order first (rearrangement). When i lies depends on
 * i's own values only, so the lie term is a forward recursion over i's budgets.
 */
export function truthfulLowerBound(m: BudgetModel, beta: Q): Q {
  const { types, tau } = m;
  const budgets = paperBudgets(m);
  const g = types.map((_, r) => types.reduce((a, x, v) => (v < r ? a : a.add(x.p.mul(x.v).mul(v === r ? Q.HALF : Q.ONE))), Q.ZERO));
  const d = budgets.flatMap((n, k) => Array.from({ length: n }, () => k)).reverse();
  let total = Q.ZERO, disc = Q.ONE;
  let dist = new Map<string, { b: number[]; pr: Q }>([[budgets.join(","), { b: budgets, pr: Q.ONE }]]);
  for (let t = 0; t < tau; t++) {
    let lie = Q.ZERO;
    const next = new Map<string, { b: number[]; pr: Q }>();
    const add = (b: number[], pr: Q) => {
      const key = b.join(","), e = next.get(key);
      next.set(key, { b, pr: e ? e.pr.add(pr) : pr });
    };
    for (const { b, pr } of dist.values())
      types.forEach((x, v) => {
        const mix = approximatelyTruthful({ t, own: b, other: b }, v);
        if (b[v]! === 0) lie = lie.add(pr.mul(x.p).mul(x.v));
        mix.forEach((mk, k) => mk.sign() > 0 && add(b.map((y, j) => (j === k ? y - 1 : y)), pr.mul(x.p).mul(mk)));
      });
    total = total.add(disc.mul(g[d[t]!]!.sub(lie)));
    disc = disc.mul(beta);
    dist = next;
  }
  return cycleWeight(beta, tau).mul(total);
}
