/** Surplus and cost of a single-resource mechanism at a profile, through the mechanism's own allocation. */
import { Q, sum } from "../../src/exact/rational.js";
import { agentSurplus, type Endowments } from "../../src/models/single-resource/model.js";
import type { SingleResourceMechanism } from "../../src/mechanisms/single-resource/vcg.js";

/** Agent n's allocations at every date under the mechanism, at the reports. */
export function mechAllocations(mech: SingleResourceMechanism, reports: Endowments, n: number): Q[] {
  return Array.from({ length: mech.model.T }, (_, t) => mech.allocate(reports, t)[n] as Q);
}

/** S(A(reports), truth). */
export function mechSurplus(mech: SingleResourceMechanism, reports: Endowments, truth: Endowments): Q {
  return sum(truth.map((row, n) => agentSurplus(mech.model, mechAllocations(mech, reports, n), row)));
}
