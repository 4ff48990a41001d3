/** Verdict constructors shared by every claim file. */
import type { Json, Verdict, Witness } from "./types.js";

export function violated(summary: string, quantities: Record<string, Json>, extra: Partial<Witness> = {}): Verdict {
  return { kind: "violated", witness: { summary, quantities, ...extra } };
}

export function vacuous(hypothesis: string): Verdict {
  return { kind: "vacuous", hypothesis };
}

export function inconclusive(reason: string): Verdict {
  return { kind: "inconclusive", reason };
}

/** Hypotheses not met: `outside` when the conclusion fails there (with its witness), `vacuous` when it holds. */
export function outsideOrVacuous(hypothesis: string, witness: Witness | null): Verdict {
  return witness ? { kind: "outside", hypothesis, witness } : { kind: "vacuous", hypothesis };
}
