/** Exact rationals (BigInt numerator/denominator): every verdict-deciding number in mechcheck is one. */
export { Q, q, parseQ, sum, minQ, maxQ } from "../exact/rational.js";
/** Exact sums of square roots (mp2013's ‖·‖₂ terms) and certified square roots. */
export { Surd } from "../exact/surd.js";
export { sqrtBounds, exactSqrt, isqrt } from "../exact/sqrt.js";
