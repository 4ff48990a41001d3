/**
 * mechcheck as a library: `import { arbitraries, mechanisms, claims, checkClaim, exact } from "mechcheck"`.
 * Write your own properties with fast-check (e.g. `@fast-check/vitest`) over the papers' type spaces,
 * run the battery's claims against your variants, or run a claim of your own with the battery's
 * shrinking and exact certification. See the README, "mechcheck as a library".
 */
export * as arbitraries from "./api/arbitraries.js";
export * as mechanisms from "./api/mechanisms.js";
export * as claims from "./api/claims.js";
export { checkClaim, type CheckOptions } from "./api/claims.js";
export * as exact from "./api/exact.js";
export * as codecs from "./api/codecs.js";
export type { Claim, AnyClaim, Verdict, Witness, PaperKey } from "./claims/types.js";
export type { ClaimResult, Status } from "./claims/run.js";
export type { Mechanism, MechanismFamily, BoundedMechanism, Interval } from "./mechanisms/types.js";
