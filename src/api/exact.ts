/** Exact rationals (BigInt numerator/denominator): every verdict-deciding number in mechcheck is one. */
export { Q, q, parseQ, sum, minQ, maxQ } from "../exact/rational.js";
