/**
 * The catalogue: every claim file under properties/ is imported and registered here, once.
 * Order does not matter (the registry sorts by id).
 */
import { register } from "../src/claims/registry.js";
import { corollary1 } from "./zhu2021/corollary1.js";
import { lemma1 } from "./zhu2021/lemma1.js";
import { lemma2 } from "./zhu2021/lemma2.js";
import { lemma3 } from "./zhu2021/lemma3.js";
import { ordAllocation } from "./zhu2021/ord-allocation.js";
import { proposition1 } from "./zhu2021/proposition1.js";
import { proposition1StrategyProof } from "./zhu2021/proposition1-strategy-proof.js";
import { retractionClaim } from "./zhu2021/retraction.js";

let loaded = false;

/** Registers every claim (idempotent). */
export function loadCatalogue(): void {
  if (loaded) return;
  loaded = true;
  for (const c of [lemma1, corollary1, lemma2, lemma3, ordAllocation, retractionClaim, proposition1, proposition1StrategyProof]) register(c);
}
