/**
 * fast-check arbitraries over bgs2019's value distributions: discrete supports (small integers
 * scaled by 1/2, lopsided weights, ties between agents likely) and piecewise-uniform densities on
 * [0, v̄] (contiguous pieces with integer breakpoints and positive masses), shrinking toward few
 * points, few pieces and small numbers so that counterexamples read like hand-made examples.
 */
import * as fc from "fast-check";
import { Q } from "../exact/rational.js";
import type { ValueDist } from "../models/bgs2019/distribution.js";

const weight = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }) }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 99 }) });

export function discreteArb(maxPoints = 4): fc.Arbitrary<ValueDist> {
  return fc.uniqueArray(fc.record({ v: fc.nat({ max: 8 }), w: weight }), { minLength: 1, maxLength: maxPoints, selector: (x) => x.v }).map((pts) => {
    const tot = pts.reduce((a, x) => a + x.w, 0);
    return { kind: "discrete" as const, points: [...pts].sort((a, b) => a.v - b.v).map((x) => ({ v: Q.of(x.v, 2), p: Q.of(x.w, tot) })) };
  });
}

export function densityArb(maxPieces = 4): fc.Arbitrary<ValueDist> {
  return fc.array(fc.record({ len: fc.integer({ min: 1, max: 4 }), w: weight }), { minLength: 1, maxLength: maxPieces }).map((ps) => {
    const tot = ps.reduce((a, x) => a + x.w, 0);
    let at = 0;
    return {
      kind: "density" as const,
      pieces: ps.map((x) => {
        const from = at;
        at += x.len;
        return { from: Q.of(from, 2), to: Q.of(at, 2), p: Q.of(x.w, tot) };
      }),
    };
  });
}

export interface DistShape {
  readonly minAgents?: number;
  readonly maxAgents?: number;
  /** Relative weights of densities (inside §2's hypotheses) and discrete supports (outside). */
  readonly densityWeight?: number;
  readonly discreteWeight?: number;
}

/** One distribution per agent; an instance mixes kinds only rarely (each agent drawn independently). */
export function distsArb(shape: DistShape = {}): fc.Arbitrary<ValueDist[]> {
  const one = fc.oneof({ weight: shape.densityWeight ?? 1, arbitrary: densityArb() }, { weight: shape.discreteWeight ?? 1, arbitrary: discreteArb() });
  return fc.array(one, { minLength: shape.minAgents ?? 1, maxLength: shape.maxAgents ?? 3 });
}

/** A weight vector α ≥ 0 over n agents: small rationals, some zero. */
export const alphaArb = (n: number): fc.Arbitrary<Q[]> => fc.array(fc.nat({ max: 6 }), { minLength: n, maxLength: n }).map((xs) => xs.map((x) => Q.of(x, 6)));
