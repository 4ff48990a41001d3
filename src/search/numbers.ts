/**
 * Arbitraries for exact numbers. Small numerators and denominators, shrinking toward 0 and toward
 * denominator 1, so that shrunk counterexamples read like hand-made examples.
 */
import * as fc from "fast-check";
import { Q } from "../exact/rational.js";

const DENOMINATORS = [1, 2, 3, 4, 5, 6, 8, 10, 12];

/** A nonnegative rational n/d with n ≤ maxNum and d from a short list (d shrinks toward 1). */
export function nonNegRational(maxNum = 12, maxDenIndex = DENOMINATORS.length - 1): fc.Arbitrary<Q> {
  return fc
    .tuple(fc.nat({ max: maxNum }), fc.nat({ max: maxDenIndex }))
    .map(([n, di]) => Q.of(n, DENOMINATORS[di] as number));
}

/** A positive rational (n + 1)/d. */
export function posRational(maxNum = 12, maxDenIndex = DENOMINATORS.length - 1): fc.Arbitrary<Q> {
  return fc
    .tuple(fc.nat({ max: maxNum - 1 }), fc.nat({ max: maxDenIndex }))
    .map(([n, di]) => Q.of(n + 1, DENOMINATORS[di] as number));
}

/** A nonnegative integer as a rational. */
export function nonNegInt(max = 10): fc.Arbitrary<Q> {
  return fc.nat({ max }).map((n) => Q.of(n));
}

/** A positive integer as a rational. */
export function posInt(max = 10): fc.Arbitrary<Q> {
  return fc.integer({ min: 1, max }).map((n) => Q.of(n));
}

/** A rational in the open interval (0, 1). */
export function unitOpen(maxDen = 12): fc.Arbitrary<Q> {
  return fc.integer({ min: 2, max: maxDen }).chain((d) => fc.integer({ min: 1, max: d - 1 }).map((n) => Q.of(n, d)));
}
