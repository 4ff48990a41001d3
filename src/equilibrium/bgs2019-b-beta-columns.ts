/**
 * Exact column generation for B_β's LPs: most of A's vertices never carry a future promise, so the
 * LP is solved over the columns of a few vertices, and the answer is extended to the whole LP and
 * re-certified there: a feasible point padded with zeros (every left-out column sits at its lower
 * bound 0), a Farkas vector whose combined coefficient is ≥ 0 on every left-out column (so they
 * cannot lower yᵀAx below yᵀb), or an optimum whose left-out reduced costs have the optimal sign.
 * Where a left-out column breaks that, its group (a vertex of A, all profiles) joins and the LP is
 * solved again. Each answer is checked against the full LP by src/lp's certificate checks.
 */
import { InternalError } from "../exact/errors.js";
import { Q } from "../exact/rational.js";
import { checkCertificate, isFeasible, solveLP, type FeasibilityResult, type LinearProgram, type LpConstraints, type LpResult } from "../lp/index.js";
import { checkFarkas, checkPrimalPoint } from "../lp/certificate.js";
import { shapeOf } from "../lp/shape.js";

/** Column groups that enter together; columns in no group are always present. */
export interface ColumnGroups {
  readonly groups: readonly (readonly number[])[];
  /** Groups present from the start. */
  readonly start: readonly number[];
}

function restrict<T extends LpConstraints>(lp: T, cols: readonly number[]): T {
  const pick = <V>(xs: readonly V[] | undefined) => (xs === undefined ? undefined : cols.map((j) => xs[j]!));
  const rows = lp.rows.map((r) => ({ ...r, a: cols.map((j) => r.a[j]!) }));
  const c = (lp as unknown as { c?: readonly Q[] }).c;
  return { ...lp, rows, ...(c ? { c: pick(c) } : {}), ...(lp.lower ? { lower: pick(lp.lower) } : {}), ...(lp.upper ? { upper: pick(lp.upper) } : {}) };
}

/** yᵀA_j for the columns js. */
function combined(lp: LpConstraints, y: readonly Q[], js: readonly number[]): Q[] {
  return js.map((j) => lp.rows.reduce((s, r, i) => (y[i]!.isZero() || r.a[j]!.isZero() ? s : s.add(y[i]!.mul(r.a[j]!))), Q.ZERO));
}

interface Active {
  readonly cols: number[];
  /** Groups still left out. */
  readonly out: number[];
}

function activeColumns(n: number, G: ColumnGroups, on: ReadonlySet<number>): Active {
  const grouped = new Set(G.groups.flat());
  const cols: number[] = [];
  for (let j = 0; j < n; j++) if (!grouped.has(j)) cols.push(j);
  for (const g of on) cols.push(...G.groups[g]!);
  cols.sort((a, b) => a - b);
  return { cols, out: G.groups.map((_, g) => g).filter((g) => !on.has(g)) };
}

const pad = (n: number, cols: readonly number[], x: readonly Q[]): Q[] => {
  const full = new Array<Q>(n).fill(Q.ZERO);
  cols.forEach((j, k) => (full[j] = x[k]!));
  return full;
};

/** Left-out groups with a column whose yᵀA_j has sign `bad` (−1: breaks a Farkas vector or a min's dual; +1: a max's). */
function entering(lp: LpConstraints, G: ColumnGroups, out: readonly number[], y: readonly Q[], test: (j: number, g: Q) => boolean): number[] {
  return out.filter((g) => {
    const js = G.groups[g]!;
    return combined(lp, y, js).some((x, k) => test(js[k]!, x));
  });
}

/** The left-out columns must sit at lower bound 0 for padding to be right. */
function assertZeroLower(lp: LpConstraints, G: ColumnGroups): void {
  for (const j of G.groups.flat()) {
    const l = lp.lower?.[j];
    if (l !== undefined && (l === null || !l.isZero())) throw new InternalError(`column generation: column ${j} has lower bound ${l}, not 0`);
  }
}

export function feasibleByColumns(lp: LpConstraints, G: ColumnGroups): FeasibilityResult {
  assertZeroLower(lp, G);
  const shape = shapeOf(lp);
  const on = new Set(G.start);
  for (;;) {
    const { cols, out } = activeColumns(shape.n, G, on);
    const r = isFeasible(restrict(lp, cols));
    if (r.feasible) {
      const x = pad(shape.n, cols, r.x);
      checkPrimalPoint(lp, shape, x, "B_β column generation");
      return { feasible: true, x };
    }
    const add = entering(lp, G, out, r.farkas, (_, g) => g.sign() < 0);
    if (add.length === 0) {
      checkFarkas(lp, shape, r.farkas);
      return { feasible: false, farkas: r.farkas };
    }
    add.forEach((g) => on.add(g));
  }
}

export function optimizeByColumns(lp: LinearProgram, G: ColumnGroups): LpResult {
  assertZeroLower(lp, G);
  const shape = shapeOf(lp, lp.c);
  const sigma = lp.sense === "max" ? 1 : -1;
  const on = new Set(G.start);
  for (;;) {
    const { cols, out } = activeColumns(shape.n, G, on);
    const r = solveLP(restrict(lp, cols));
    if (r.status === "infeasible") {
      const add = entering(lp, G, out, r.farkas, (_, g) => g.sign() < 0);
      if (add.length === 0) {
        checkFarkas(lp, shape, r.farkas);
        return r;
      }
      add.forEach((g) => on.add(g));
      continue;
    }
    if (r.status === "unbounded") {
      const full: LpResult = { status: "unbounded", x: pad(shape.n, cols, r.x), ray: pad(shape.n, cols, r.ray) };
      checkCertificate(lp, full);
      return full;
    }
    // Reduced cost c_j − yᵀA_j of a left-out column (at 0): it must not improve the objective.
    const add = entering(lp, G, out, r.y, (j, g) => lp.c[j]!.sub(g).sign() * sigma > 0);
    if (add.length > 0) {
      add.forEach((g) => on.add(g));
      continue;
    }
    const m = lp.rows.length, nr = cols.length;
    const x = pad(shape.n, cols, r.x);
    const d = lp.c.map((cj, j) => cj.sub(combined(lp, r.y, [j])[0]!));
    const basis = r.basis.map((k) => (k < nr ? cols[k]! : shape.n + (k - nr))).sort((a, b) => a - b);
    const full: LpResult = { status: "optimal", x, value: r.value, y: r.y, d, basis };
    if (basis.length !== m) throw new InternalError("column generation: basis size changed");
    checkCertificate(lp, full);
    return full;
  }
}
