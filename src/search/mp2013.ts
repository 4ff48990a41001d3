/**
 * fast-check arbitraries over mp2013 models. A model is drawn as an integer recipe (sizes, prior
 * weights, payoffs) and built exactly, so shrinking works on small integers and shrunk
 * counterexamples read like hand-made examples. Three kinds of prior:
 *  - "free": independent weights per (θ, t), with zeros (T* ≠ T) and lopsided magnitudes (1 vs 10³);
 *  - "nei": nonexclusive information by construction (θ independent of t, or types that determine
 *    one another on T*, or a single state);
 *  - "small": P(t) with zeros, and posteriors that are one base belief plus tiny per-profile shifts,
 *    so that informational size is small but not zero — where the ε-statements bite.
 * Sizes stay where the exact checks are instant (n ≤ 3, |Tᵢ| ≤ 3, |Θ| ≤ 3, |C| ≤ 4).
 */
import * as fc from "fast-check";
import { Q } from "../exact/rational.js";
import { stridesOf, type Mp2013Model } from "../models/mp2013/model.js";

export type PriorKind = "free" | "nei" | "small";

export interface Mp2013Recipe {
  readonly kind: PriorKind;
  readonly sizes: readonly number[];
  readonly states: number;
  readonly outcomes: number;
  /** Weights per profile (all kinds) and per (θ, t) ("free"), or per-profile shifts ("small"). */
  readonly weights: readonly number[];
  readonly cells: readonly number[];
  /** Base belief weights per state ("nei", "small"). */
  readonly base: readonly number[];
  /** Payoffs per (i, c ≥ 1, θ, tᵢ) — tᵢ ignored when not type-dependent. */
  readonly payoffs: readonly number[];
  readonly typeDependent: boolean;
  /** "nei" variant: 0 θ ⟂ t, 1 types determine one another on T*. */
  readonly neiVariant: number;
  readonly epsNum: number;
}

export interface Mp2013Shape {
  readonly kinds?: readonly PriorKind[];
  readonly maxAgents?: number;
  readonly minAgents?: number;
  readonly maxTypes?: number;
  readonly maxStates?: number;
  readonly maxOutcomes?: number;
  /** Payoffs never depend on the own type (pure common values, Theorem 5). */
  readonly commonValues?: boolean;
  /** Payoffs are integers 0..maxPayoff (default 4; 1 gives 0/1 payoffs, where Lipschitz bounds are tight). */
  readonly maxPayoff?: number;
}

/** A weight: mostly 0..9, sometimes 10..99 or 100..999 (lopsided at two scales), shrinking toward small. */
const weight = fc.oneof({ weight: 3, arbitrary: fc.nat({ max: 9 }) }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 99 }) }, { weight: 1, arbitrary: fc.integer({ min: 100, max: 999 }) });

/** A "small" prior's per-(θ, t) shift of the base belief (in thousandths of its weight). */
const shift = fc.nat({ max: 3 });

export function recipeArb(shape: Mp2013Shape = {}): fc.Arbitrary<Mp2013Recipe> {
  const kinds = shape.kinds ?? ["free", "nei", "small"];
  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      sizes: fc.array(fc.integer({ min: 1, max: shape.maxTypes ?? 3 }), { minLength: shape.minAgents ?? 1, maxLength: shape.maxAgents ?? 3 }),
      states: fc.integer({ min: 1, max: shape.maxStates ?? 3 }),
      outcomes: fc.integer({ min: 2, max: shape.maxOutcomes ?? 4 }),
      typeDependent: shape.commonValues ? fc.constant(false) : fc.boolean(),
      neiVariant: fc.nat({ max: 1 }),
      epsNum: fc.integer({ min: 1, max: 20 }),
    })
    .map((r) => (r.kind === "nei" && r.neiVariant === 1 ? { ...r, sizes: r.sizes.map(() => r.sizes[0]!) } : r))
    .chain((r) => {
      const profiles = r.sizes.reduce((a, b) => a * b, 1);
      const maxK = Math.max(...r.sizes);
      return fc.record({
        weights: fc.array(weight, { minLength: profiles, maxLength: profiles }),
        cells: fc.array(r.kind === "small" ? shift : weight, { minLength: r.states * profiles, maxLength: r.states * profiles }),
        base: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: r.states, maxLength: r.states }),
        payoffs: fc.array(fc.nat({ max: shape.maxPayoff ?? 4 }), { minLength: r.sizes.length * (r.outcomes - 1) * r.states * maxK, maxLength: r.sizes.length * (r.outcomes - 1) * r.states * maxK }),
      }).map((w) => ({ ...r, ...w }));
    });
}

const name = (prefix: string, k: number): string => `${prefix}${k + 1}`;

/** Builds the exact model of a recipe (full support repaired deterministically). */
export function buildModel(r: Mp2013Recipe): Mp2013Model {
  const n = r.sizes.length;
  const strides = stridesOf(r.sizes);
  const profiles = r.sizes.reduce((a, b) => a * b, 1);
  const typeAt = (t: number, i: number) => Math.floor(t / strides[i]!) % r.sizes[i]!;
  const S = r.states;
  // Integer weights W[θ][t], then normalized.
  const W: bigint[][] = Array.from({ length: S }, () => new Array<bigint>(profiles).fill(0n));
  const pt = r.weights.map((x) => BigInt(x));
  if (r.kind === "nei" && r.neiVariant === 1) {
    // T* on the "diagonal" tᵢ = k mod |Tᵢ|: every t₋ᵢ pins tᵢ, so NEI holds whatever the posteriors.
    for (let t = 0; t < profiles; t++) {
      const k = typeAt(t, 0);
      if (!r.sizes.every((K, i) => typeAt(t, i) === k % K)) pt[t] = 0n;
    }
  }
  // Make every type of every agent possible.
  for (let i = 0; i < n; i++)
    for (let x = 0; x < r.sizes[i]!; x++) {
      let has = false;
      for (let t = 0; t < profiles && !has; t++) if (typeAt(t, i) === x && pt[t]! > 0n) has = true;
      if (!has) {
        const t = r.sizes.reduce((acc, K, j) => acc + (j === i ? x : r.kind === "nei" && r.neiVariant === 1 ? x % K : 0) * strides[j]!, 0);
        pt[t] = 1n;
      }
    }
  for (let t = 0; t < profiles; t++) {
    for (let th = 0; th < S; th++) {
      const cell = BigInt(r.cells[th * profiles + t]!);
      const base = BigInt(r.base[th]!);
      if (r.kind === "free") W[th]![t] = cell;
      else if (r.kind === "nei") W[th]![t] = pt[t]! * (r.neiVariant === 0 ? base : base + cell);
      else W[th]![t] = pt[t]! * (1_000_000n * base + cell); // "small": base belief + a shift of at most 3·10⁻⁶
    }
  }
  if (r.kind === "free") {
    // Full support for the free kind: each state and each type somewhere.
    for (let th = 0; th < S; th++) if (W[th]!.every((x) => x === 0n)) W[th]![th % profiles] = 1n;
    for (let i = 0; i < n; i++)
      for (let x = 0; x < r.sizes[i]!; x++) {
        let has = false;
        for (let t = 0; t < profiles && !has; t++) if (typeAt(t, i) === x && W.some((row) => row[t]! > 0n)) has = true;
        if (!has) W[0]![x * strides[i]!] = 1n;
      }
  } else {
    for (let th = 0; th < S; th++) if (W[th]!.every((x) => x === 0n)) W[th]![pt.findIndex((x) => x > 0n)] = 1n;
  }
  const total = W.reduce((a, row) => row.reduce((b, x) => b + x, a), 0n);
  const prior = W.map((row) => row.map((x) => Q.of(x, total)));
  const maxK = Math.max(...r.sizes);
  const values = r.sizes.map((K, i) =>
    Array.from({ length: r.outcomes }, (_, c) =>
      Array.from({ length: S }, (_, th) =>
        Array.from({ length: K }, (_, ti) => (c === 0 ? Q.ZERO : Q.of(r.payoffs[((i * (r.outcomes - 1) + (c - 1)) * S + th) * maxK + (r.typeDependent ? ti : 0)]!))),
      ),
    ),
  );
  return {
    types: r.sizes.map((K, i) => Array.from({ length: K }, (_, x) => `${String.fromCharCode(97 + i)}${x + 1}`)),
    states: Array.from({ length: S }, (_, th) => name("s", th)),
    outcomes: Array.from({ length: r.outcomes }, (_, c) => (c === 0 ? "c0" : name("c", c))),
    prior,
    values,
    epsilon: Q.of(r.epsNum, 100),
  };
}

export const modelArb = (shape: Mp2013Shape = {}): fc.Arbitrary<Mp2013Model> => recipeArb(shape).map(buildModel);
