export type { RowOp, LpRow, LinearProgram, LpResult, LpConstraints, FeasibilityResult, FloatLpResult } from "./types.js";
export { solveLP, isFeasible } from "./simplex.js";
export { checkCertificate, checkFarkas, checkPrimalPoint } from "./certificate.js";
export { shapeOf, type LpShape } from "./shape.js";
export { optimizeOverOptimalFace } from "./face.js";
export { floatSolve } from "./float-oracle.js";
