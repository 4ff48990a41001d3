/**
 * The exact grid oracle: pointwise-cheapest ex-post IC transfers for one agent on a finite type grid.
 *
 * Types are grid indices 0..k-1 and g(i, j) is the agent's value, in transfer units, when its true
 * type is i and it reports j. Nonnegative transfers W are IC on the grid iff
 *     W(i) ≥ W(j) + d(i, j)   with   d(i, j) = g(i, j) − g(i, i),   and   W(i) ≥ 0.
 * As a graph: an edge j → i of weight d(i, j) per constraint, plus a virtual source with a 0-weight
 * edge to every node (the floor W ≥ 0). The least solution is the longest-path distance from the
 * source. A positive cycle i0 → i1 → … → i0, of weight Σ_t d(i_{t+1}, i_t), breaks cyclic
 * monotonicity (each type on it gains by reporting its predecessor's type), so no IC transfer exists.
 */
import { InputError, InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";

/** g(i, j): value of true grid type i reporting grid type j, in transfer units. */
export type Gain = (i: number, j: number) => Q;

export type LeastSolution =
  | {
      kind: "solved";
      /** The pointwise-least nonnegative IC transfers on the grid. */
      W: Q[];
      /**
       * Predecessor links of tight edges: pred[i] = −1 when W[i] = 0, else W[i] = W[pred[i]] + d(i, pred[i]).
       * Acyclic, so following them from i gives a tight path [start, …, i] of weight W[i] (witnessPath):
       * the certificate that W is least, in O(k) space.
       */
      pred: number[];
      /** Distinct (true, reported) pairs at which the gain was evaluated. */
      pairsConsidered: number;
    }
  | {
      kind: "cycle";
      /** i0 → i1 → … → i0, the first node repeated at the end. */
      cycle: number[];
      /** Σ_t d(i_{t+1}, i_t), exact and positive. */
      weight: Q;
      pairsConsidered: number;
    };

/** Which constraints a solution is checked against: every pair, or adjacent grid points only. */
export type EdgeSet = "all" | "adjacent";

/**
 * Increasing differences fails at types (i, i+1) and reports (j, j+1):
 * upperDiff = g(i+1, j+1) − g(i+1, j) < lowerDiff = g(i, j+1) − g(i, j).
 */
export interface CrossingViolation {
  i: number;
  j: number;
  lowerDiff: Q;
  upperDiff: Q;
}

export type CrossingCheck =
  | { ok: true; pairsConsidered: number }
  | { ok: false; violation: CrossingViolation; pairsConsidered: number };

export type LeastSolution1D =
  | LeastSolution
  | { kind: "not-single-crossing"; violation: CrossingViolation; pairsConsidered: number };

// ---------------------------------------------------------------------------------------------
// General grids

/**
 * Least solution by exact Bellman–Ford over the dense graph, or a verified positive cycle.
 * Evaluates the gain once per pair (k² evaluations).
 */
export function leastSolution(k: number, gain: Gain): LeastSolution {
  checkK(k);
  const G: Q[][] = [];
  for (let i = 0; i < k; i++) {
    const row: Q[] = [];
    for (let j = 0; j < k; j++) row.push(gain(i, j));
    G.push(row);
  }
  const d = G.map((row, i) => row.map((g) => g.sub(row[i])));
  const found = longestPaths(k, d);
  const sol: LeastSolution =
    found.kind === "solved"
      ? { ...found, pairsConsidered: k * k }
      : { kind: "cycle", cycle: found.cycle, weight: pathWeight(d, found.cycle), pairsConsidered: k * k };
  return checked(k, (i, j) => G[i][j], sol, "all");
}

type Found = { kind: "solved"; W: Q[]; pred: number[] } | { kind: "cycle"; cycle: number[] };

/**
 * Gauss–Seidel Bellman–Ford in "pull" form (dense rows), alternating the sweep direction so chains
 * of either orientation settle within one round. Relaxations are strict, so any cycle of
 * predecessor links has positive weight (the usual predecessor-subgraph argument, signs flipped); we
 * look for one after every round. Without a positive cycle every value is a walk weight ≤ the
 * optimum and round r dominates r Jacobi rounds, so rounds 1..k−1 reach the optimum: a change in
 * round k proves a positive cycle exists even if the predecessor links have not closed one yet.
 */
function longestPaths(k: number, d: Q[][]): Found {
  const W = new Array<Q>(k).fill(Q.ZERO);
  const pred = new Array<number>(k).fill(-1);
  for (let round = 1; ; round++) {
    let changed = false;
    for (let t = 0; t < k; t++) {
      const i = round % 2 === 1 ? t : k - 1 - t;
      const row = d[i];
      let best = W[i];
      let arg = -1;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        const c = W[j].add(row[j]);
        if (c.gt(best)) {
          best = c;
          arg = j;
        }
      }
      if (arg >= 0) {
        W[i] = best;
        pred[i] = arg;
        changed = true;
      }
    }
    if (!changed) {
      // At the fixed point every predecessor edge is tight, so the predecessor paths are witnesses.
      return { kind: "solved", W, pred };
    }
    const cycle = predCycle(pred);
    if (cycle) return { kind: "cycle", cycle };
    if (round >= k) return { kind: "cycle", cycle: positiveCycleByWalks(k, d) };
  }
}

/** The tight path [start, …, i] of a solved answer, from its predecessor links. */
export function witnessPath(sol: { readonly pred: readonly number[] }, i: number): number[] {
  const pred = sol.pred;
  const path = [i];
  for (let v = pred[i]; v !== -1; v = pred[v]) {
    if (path.length >= pred.length) throw new InternalError("predecessor links of a fixed point form a cycle");
    path.push(v);
  }
  return path.reverse();
}

/** A cycle of predecessor links, in edge direction and rotated to start at its least node. */
function predCycle(pred: readonly number[]): number[] | undefined {
  const mark = new Array<number>(pred.length).fill(-1);
  for (let s = 0; s < pred.length; s++) {
    let v = s;
    while (v !== -1 && mark[v] === -1) {
      mark[v] = s;
      v = pred[v];
    }
    if (v === -1 || mark[v] !== s) continue;
    const back = [v];
    for (let u = pred[v]; u !== v; u = pred[u]) back.push(u);
    return rotateToMin(back.reverse());
  }
  return undefined;
}

/** `nodes` lists a cycle without the closing repeat; returns it from its least node, closed. */
function rotateToMin(nodes: number[]): number[] {
  const at = nodes.indexOf(Math.min(...nodes));
  const rotated = [...nodes.slice(at), ...nodes.slice(0, at)];
  return [...rotated, rotated[0]];
}

/**
 * A positive cycle, for when one is known to exist: Jacobi rounds D_r = best weight of a walk of at
 * most r edges (0-weight stays allowed), recording each round's choice. Unbounded values never reach
 * a fixed point, so D_k > D_{k−1} at some node; that walk has weight above every walk of ≤ k−1 edges,
 * so it has k edges, is not simple, and one of the cycles it decomposes into must be positive
 * (removing only non-positive cycles would leave a simple path at least as heavy). O(k³); only reached
 * when the Bellman–Ford predecessor links did not close a cycle in k rounds. Exported for tests.
 */
export function positiveCycleByWalks(k: number, d: readonly (readonly Q[])[]): number[] {
  let D = new Array<Q>(k).fill(Q.ZERO);
  const choice: number[][] = [];
  let end = -1;
  for (let r = 1; r <= k; r++) {
    const next = D.slice();
    const arg = D.map((_, i) => i);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        const c = D[j].add(d[i][j]);
        if (c.gt(next[i])) {
          next[i] = c;
          arg[i] = j;
        }
      }
    }
    choice.push(arg);
    if (r === k) end = next.findIndex((x, i) => x.gt(D[i]));
    D = next;
  }
  if (end < 0) throw new InternalError("positiveCycleByWalks: no positive cycle exists");
  const walk = [end];
  for (let r = k - 1, v = end; r >= 0; r--) {
    v = choice[r][v];
    if (v !== walk[walk.length - 1]) walk.push(v);
  }
  walk.reverse();
  const stack: number[] = [];
  const pos = new Map<number, number>();
  for (const v of walk) {
    const p = pos.get(v);
    if (p === undefined) {
      pos.set(v, stack.length);
      stack.push(v);
      continue;
    }
    const cycle = [...stack.slice(p), v];
    if (pathWeight(d, cycle).sign() > 0) return rotateToMin(cycle.slice(0, -1));
    for (const u of stack.splice(p + 1)) pos.delete(u);
  }
  throw new InternalError("positiveCycleByWalks: the k-edge walk decomposed into no positive cycle");
}

// ---------------------------------------------------------------------------------------------
// One-dimensional single-crossing grids

/**
 * Exact check of increasing differences on the grid (types and reports in the order of `points`):
 *     g(i', j') − g(i', j) ≥ g(i, j') − g(i, j)   for all i < i', j < j'
 * (higher types value a higher report's increment at least as much). By telescoping in both
 * coordinates it is equivalent to the adjacent case i' = i+1, j' = j+1, which is what is checked:
 * O(k²) evaluations. It is what makes adjacent IC imply global IC (see leastSolution1D).
 */
export function checkSingleCrossing(points: readonly Q[], gain: Gain): CrossingCheck {
  checkPoints(points);
  const memo = memoGain(points.length, gain);
  const violation = crossingViolation(points.length, memo.get);
  return violation
    ? { ok: false, violation, pairsConsidered: memo.count() }
    : { ok: true, pairsConsidered: memo.count() };
}

function crossingViolation(k: number, g: Gain): CrossingViolation | undefined {
  for (let j = 0; j + 1 < k; j++) {
    let lowerDiff = g(0, j + 1).sub(g(0, j));
    for (let i = 0; i + 1 < k; i++) {
      const upperDiff = g(i + 1, j + 1).sub(g(i + 1, j));
      if (upperDiff.lt(lowerDiff)) return { i, j, lowerDiff, upperDiff };
      lowerDiff = upperDiff;
    }
  }
  return undefined;
}

/**
 * The 1-D fast path: `points` are the grid types, strictly ascending, and gain indexes into them.
 *
 * Under increasing differences, adjacent IC implies global IC: for i < j, summing type m's
 * constraint against reporting m+1 over m = i..j−1 gives W(i) ≥ W(j) + Σ_m [g(m, m+1) − g(m, m)], and
 * each term is ≥ g(i, m+1) − g(i, m) because m ≥ i, which telescopes to d(i, j); i > j is symmetric.
 * On the resulting path graph every closed walk crosses each edge {m, m+1} equally often both ways,
 * so the only cycles that matter are the 2-cycles m → m+1 → m; without a positive one, longest paths
 * are simple, hence monotone: W(i) = max(0, best run ending at i from the left, … from the right),
 * two Kadane sweeps over the 3k − 2 adjacent pairs.
 *
 * singleCrossing: "check" (default) first runs the O(k²) check above and refuses with
 * "not-single-crossing" when it fails; the answer is then re-verified against every pair.
 * "assume" trusts the caller (e.g. a model whose structure guarantees it), evaluates O(k) pairs
 * and re-verifies against the adjacent constraints only. A positive 2-cycle is returned as a
 * cycle either way: it is a valid certificate with or without single crossing.
 */
export function leastSolution1D(
  points: readonly Q[],
  gain: Gain,
  options: { singleCrossing?: "check" | "assume" } = {},
): LeastSolution1D {
  checkPoints(points);
  const k = points.length;
  const memo = memoGain(k, gain);
  const check = (options.singleCrossing ?? "check") === "check";
  if (check) {
    const violation = crossingViolation(k, memo.get);
    if (violation) return { kind: "not-single-crossing", violation, pairsConsidered: memo.count() };
  }
  const sol: LeastSolution = { ...sweeps(k, memo.get), pairsConsidered: memo.count() };
  return checked(k, memo.get, sol, check ? "all" : "adjacent");
}

function sweeps(
  k: number,
  g: Gain,
): { kind: "solved"; W: Q[]; pred: number[] } | { kind: "cycle"; cycle: number[]; weight: Q } {
  // up[m]: edge m+1 → m (type m mimicking m+1); down[m]: edge m → m+1 (type m+1 mimicking m).
  const up: Q[] = [];
  const down: Q[] = [];
  for (let m = 0; m + 1 < k; m++) {
    up.push(g(m, m + 1).sub(g(m, m)));
    down.push(g(m + 1, m).sub(g(m + 1, m + 1)));
    const weight = up[m].add(down[m]);
    if (weight.sign() > 0) return { kind: "cycle", cycle: [m, m + 1, m], weight };
  }
  // L[i]: best run ending at i from the left (pred i − 1), R[i]: from the right (pred i + 1). The
  // winning side's neighbour wins on its own side too (a run through it is that side's best), so
  // the links never point at each other and follow one direction to a zero.
  const L = new Array<Q>(k).fill(Q.ZERO);
  for (let i = 1; i < k; i++) {
    const c = L[i - 1].add(down[i - 1]);
    if (c.sign() > 0) L[i] = c;
  }
  const R = new Array<Q>(k).fill(Q.ZERO);
  for (let i = k - 2; i >= 0; i--) {
    const c = R[i + 1].add(up[i]);
    if (c.sign() > 0) R[i] = c;
  }
  const W = L.map((l, i) => Q.max(l, R[i]));
  const pred = W.map((w, i) => (w.sign() === 0 ? -1 : R[i].gt(L[i]) ? i + 1 : i - 1));
  return { kind: "solved", W, pred };
}

// ---------------------------------------------------------------------------------------------
// Verification

/**
 * Independent exact re-check of an answer; returns the problems found (empty when it is sound).
 * "solved": W ≥ 0, every constraint of `edges` holds, every predecessor link is an allowed, tight
 * edge (W[i] = W[pred] + d; W[i] = 0 without one) and the links are acyclic. Then the path of links
 * to i weighs exactly W[i], which makes W least: any feasible W' has W'(i) ≥ W'(start) + weight ≥ W[i]. "cycle": closed, allowed edges, weight exactly as
 * claimed and positive.
 */
export function verifyLeastSolution(k: number, gain: Gain, sol: LeastSolution, edges: EdgeSet = "all"): string[] {
  const problems: string[] = [];
  const report = (msg: string) => {
    if (problems.length < 20) problems.push(msg);
  };
  const diag = Array.from({ length: k }, (_, i) => gain(i, i));
  const d = (i: number, j: number) => gain(i, j).sub(diag[i]);
  const edgeOk = (a: number, b: number) =>
    Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < k && b < k && a !== b &&
    (edges === "all" || Math.abs(a - b) === 1);
  const weightOf = (nodes: readonly number[]): Q | undefined => {
    let w = Q.ZERO;
    for (let t = 0; t + 1 < nodes.length; t++) {
      if (!edgeOk(nodes[t], nodes[t + 1])) return undefined;
      w = w.add(d(nodes[t + 1], nodes[t]));
    }
    return w;
  };

  if (sol.kind === "cycle") {
    const c = sol.cycle;
    const w = c.length >= 3 && c[0] === c[c.length - 1] ? weightOf(c) : undefined;
    if (w === undefined) report(`cycle [${c.join(", ")}] is not a closed walk of allowed edges`);
    else if (!w.eq(sol.weight)) report(`cycle weight is ${w}, claimed ${sol.weight}`);
    else if (w.sign() <= 0) report(`cycle weight ${w} is not positive`);
    return problems;
  }

  if (sol.W.length !== k || sol.pred.length !== k) return [`expected ${k} values and predecessor links`];
  for (let i = 0; i < k; i++) {
    if (sol.W[i].sign() < 0) report(`W(${i}) = ${sol.W[i]} is negative`);
    // "adjacent" checks 2 neighbours per node (O(k)); "all" every pair (O(k²))
    const js = edges === "all" ? Array.from({ length: k }, (_, j) => j) : [i - 1, i + 1];
    for (const j of js) {
      if (edgeOk(j, i) && sol.W[i].lt(sol.W[j].add(d(i, j)))) {
        report(`IC fails: W(${i}) = ${sol.W[i]} < W(${j}) + d(${i}, ${j}) = ${sol.W[j].add(d(i, j))}`);
      }
    }
    const p = sol.pred[i];
    if (p === -1) {
      if (!sol.W[i].isZero()) report(`W(${i}) = ${sol.W[i]} has no predecessor but is not 0`);
    } else if (!edgeOk(p, i)) report(`pred(${i}) = ${p} is not an allowed edge`);
    else if (!sol.W[i].eq(sol.W[p].add(d(i, p)))) report(`the edge ${p} → ${i} is not tight: W(${i}) = ${sol.W[i]} ≠ W(${p}) + d = ${sol.W[p].add(d(i, p))}`);
  }
  // acyclic: then each chain of tight links ends at a zero, and W[i] is its path weight
  const state = new Array<number>(k).fill(0);
  for (let s = 0; s < k && problems.length === 0; s++) {
    const chain: number[] = [];
    let v = s;
    while (v !== -1 && Number.isInteger(v) && v >= 0 && v < k && state[v] === 0) {
      state[v] = 1;
      chain.push(v);
      v = sol.pred[v];
    }
    if (v !== -1 && v >= 0 && v < k && state[v] === 1) report(`predecessor links form a cycle through ${v}`);
    for (const u of chain) state[u] = 2;
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function checked(k: number, gain: Gain, sol: LeastSolution, edges: EdgeSet): LeastSolution {
  const problems = verifyLeastSolution(k, gain, sol, edges);
  if (problems.length > 0) throw new InternalError(`least IC transfers failed verification: ${problems.join("; ")}`);
  return sol;
}

function pathWeight(d: readonly (readonly Q[])[], nodes: readonly number[]): Q {
  let w = Q.ZERO;
  for (let t = 0; t + 1 < nodes.length; t++) w = w.add(d[nodes[t + 1]][nodes[t]]);
  return w;
}

/** Evaluates each pair at most once and counts the distinct pairs evaluated. */
function memoGain(k: number, gain: Gain): { get: Gain; count: () => number } {
  const seen = new Map<number, Q>();
  const get = (i: number, j: number): Q => {
    const key = i * k + j;
    let v = seen.get(key);
    if (v === undefined) {
      v = gain(i, j);
      seen.set(key, v);
    }
    return v;
  };
  return { get, count: () => seen.size };
}

function checkK(k: number): void {
  if (!Number.isSafeInteger(k) || k < 0) throw new InputError("k", "must be a nonnegative integer");
}

function checkPoints(points: readonly Q[]): void {
  for (let i = 0; i + 1 < points.length; i++) {
    if (!points[i].lt(points[i + 1])) throw new InputError("points", "must be strictly increasing");
  }
}
