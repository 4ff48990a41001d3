/** Shared builders, an independent brute-force LP solver and random-LP generators for the LP tests. */
import fc from "fast-check";
import { solve } from "../../src/exact/linalg.js";
import { Q, q } from "../../src/exact/rational.js";
import type { LinearProgram, LpRow, RowOp } from "../../src/lp/index.js";

/** Terse row builder: row([1, 2], "<=", 4). Entries may be integers or "a/b" strings. */
export function row(a: readonly (number | string)[], op: RowOp, b: number | string): LpRow {
  return { a: a.map((v) => q(v)), op, b: q(b) };
}

export function qs(v: readonly (number | string)[]): Q[] {
  return v.map((x) => q(x));
}

export function bounds(v: readonly (number | string | null)[]): (Q | null)[] {
  return v.map((x) => (x === null ? null : q(x)));
}

export function strs(v: readonly Q[]): string[] {
  return v.map((x) => x.toString());
}

function holds(op: RowOp, lhs: Q, rhs: Q): boolean {
  const c = lhs.cmp(rhs);
  return op === "<=" ? c <= 0 : op === ">=" ? c >= 0 : c === 0;
}

function dotQ(a: readonly Q[], x: readonly Q[]): Q {
  return a.reduce((s, v, j) => s.add(v.mul(x[j] as Q)), Q.ZERO);
}

export function isFeasiblePoint(lp: LinearProgram, x: readonly Q[]): boolean {
  const n = lp.c.length;
  for (let j = 0; j < n; j++) {
    const l = lp.lower ? lp.lower[j] : Q.ZERO;
    const u = lp.upper ? lp.upper[j] : null;
    if (l != null && (x[j] as Q).lt(l)) return false;
    if (u != null && (x[j] as Q).gt(u)) return false;
  }
  return lp.rows.every((r) => holds(r.op, dotQ(r.a, x), r.b));
}

/** All hyperplanes the LP's vertices can lie on: every row as an equality and every finite bound. */
function hyperplanes(lp: LinearProgram): { a: Q[]; b: Q }[] {
  const n = lp.c.length;
  const unit = (j: number) => Array.from({ length: n }, (_, k) => (k === j ? Q.ONE : Q.ZERO));
  const planes = lp.rows.map((r) => ({ a: r.a.slice(), b: r.b }));
  for (let j = 0; j < n; j++) {
    const l = lp.lower ? lp.lower[j] : Q.ZERO;
    const u = lp.upper ? lp.upper[j] : null;
    if (l != null) planes.push({ a: unit(j), b: l });
    if (u != null) planes.push({ a: unit(j), b: u });
  }
  return planes;
}

function* subsets(size: number, k: number, start = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= size - k; i++) for (const rest of subsets(size, k - 1, i + 1)) yield [i, ...rest];
}

/**
 * Independent reference: enumerate every choice of n tight hyperplanes, solve it with linalg's `solve`,
 * keep the feasible points, return the best objective value (or undefined when there is no feasible vertex).
 * Only valid for LPs whose feasible region has a vertex and a bounded objective, e.g. all bounds finite.
 */
export function bruteForce(lp: LinearProgram): { value: Q; x: Q[] } | undefined {
  const n = lp.c.length;
  const planes = hyperplanes(lp);
  let best: { value: Q; x: Q[] } | undefined;
  for (const pick of subsets(planes.length, n)) {
    const x = solve(pick.map((i) => planes[i]!.a), pick.map((i) => planes[i]!.b));
    if (x === undefined || !isFeasiblePoint(lp, x)) continue;
    const value = dotQ(lp.c, x);
    const better = best === undefined || (lp.sense === "max" ? value.gt(best.value) : value.lt(best.value));
    if (better) best = { value, x };
  }
  return best;
}

const smallQ = (lo: number, hi: number): fc.Arbitrary<Q> =>
  fc.tuple(fc.integer({ min: lo, max: hi }), fc.constantFrom(1, 1, 1, 2, 3)).map(([n, d]) => Q.of(n, d));

/**
 * Random small LP with every variable boxed (lower in [-4, 2], width in [0, 6], so some variables are fixed),
 * integer or halves/thirds data, all three row kinds, both senses.
 */
export function boxedLp(opts: { nMin: number; nMax: number; mMin: number; mMax: number; coef?: number }): fc.Arbitrary<LinearProgram> {
  const coef = opts.coef ?? 5;
  return fc
    .record({ n: fc.integer({ min: opts.nMin, max: opts.nMax }), m: fc.integer({ min: opts.mMin, max: opts.mMax }) })
    .chain(({ n, m }) =>
      fc.record({
        sense: fc.constantFrom<"max" | "min">("max", "min"),
        c: fc.array(smallQ(-coef, coef), { minLength: n, maxLength: n }),
        rows: fc.array(
          fc.record({
            a: fc.array(smallQ(-coef, coef), { minLength: n, maxLength: n }),
            op: fc.constantFrom<RowOp>("<=", "<=", ">=", "="),
            b: smallQ(-2 * coef, 2 * coef),
          }),
          { minLength: m, maxLength: m },
        ),
        box: fc.array(fc.tuple(fc.integer({ min: -4, max: 2 }), fc.integer({ min: 0, max: 6 })), { minLength: n, maxLength: n }),
      }),
    )
    .map(({ sense, c, rows, box }) => ({
      sense,
      c,
      rows,
      lower: box.map(([l]) => Q.of(l)),
      upper: box.map(([l, w]) => Q.of(l + w)),
    }));
}

/** Readable dump for failure messages. */
export function describeLp(lp: LinearProgram): string {
  const f = (v: readonly (Q | null)[] | undefined) => (v ? v.map((x) => (x === null ? "inf" : x.toString())).join(",") : "default");
  return `${lp.sense} [${lp.c.join(",")}] s.t. ${lp.rows.map((r) => `[${r.a.join(",")}] ${r.op} ${r.b}`).join("; ")} lower ${f(lp.lower)} upper ${f(lp.upper)}`;
}
