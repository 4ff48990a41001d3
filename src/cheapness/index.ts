export type {
  Gain,
  LeastSolution,
  LeastSolution1D,
  EdgeSet,
  CrossingViolation,
  CrossingCheck,
} from "./difference-constraints.js";
export {
  leastSolution,
  leastSolution1D,
  checkSingleCrossing,
  verifyLeastSolution,
  witnessPath,
} from "./difference-constraints.js";
