/**
 * The simplest rational in a closed interval (least denominator, then least numerator in absolute
 * value): the Stern–Brocot descent, exact. Cutting-plane searches snap their iterates to it, so an
 * optimum with a small denominator is hit exactly instead of approached forever.
 */
import { InternalError } from "./errors.js";
import { Q } from "./rational.js";

export function simplestBetween(lo: Q, hi: Q): Q {
  if (lo.gt(hi)) throw new InternalError(`simplestBetween: empty interval [${lo}, ${hi}]`);
  if (lo.sign() <= 0 && hi.sign() >= 0) return Q.ZERO;
  if (hi.sign() < 0) return simplestBetween(hi.neg(), lo.neg()).neg();
  // 0 < lo ≤ hi: the continued-fraction descent on the shared integer parts.
  const fl = lo.floor();
  if (fl.lt(lo) === false) return fl; // lo is an integer
  if (fl.add(Q.ONE).le(hi)) return fl.add(Q.ONE);
  // lo, hi share the integer part fl and (lo − fl) > 0: recurse on the reciprocals, reversed.
  return fl.add(simplestBetween(hi.sub(fl).inv(), lo.sub(fl).inv()).inv());
}
