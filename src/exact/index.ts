export { Q, q, parseQ, sum, minQ, maxQ } from "./rational.js";
export * from "./linalg.js";
export { InputError, InternalError } from "./errors.js";
export { readQ, readQVec, readQMat, readPositiveInt } from "./read.js";
