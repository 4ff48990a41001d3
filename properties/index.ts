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
import { lemma4 } from "./zhu2021/lemma4.js";
import { lemma4Envelope } from "./zhu2021/lemma4-envelope.js";
import { ordCheaper, ordCheaperConverse } from "./zhu2021/ord-cheaper.js";
import { theorem1Cheapness } from "./zhu2021/theorem1-cheapness.js";
import { theorem1ExPost } from "./zhu2021/theorem1-ex-post.js";
import { theorem1ExPostBeyond } from "./zhu2021/theorem1-ex-post-beyond.js";
import { transferBound } from "./zhu2021/transfer-bound.js";

let loaded = false;

/** Registers every claim (idempotent). */
export function loadCatalogue(): void {
  if (loaded) return;
  loaded = true;
  for (const c of [lemma1, corollary1, lemma2, lemma3, ordAllocation, retractionClaim, proposition1, proposition1StrategyProof, theorem1ExPost, theorem1ExPostBeyond, theorem1Cheapness, lemma4, lemma4Envelope, ordCheaper, ordCheaperConverse, transferBound]) register(c);
}
