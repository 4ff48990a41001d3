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
import { lemma5 } from "./zhu2021/lemma5.js";
import { proposition2 as zhu2021Proposition2 } from "./zhu2021/proposition2.js";
import { ordCheaper, ordCheaperConverse } from "./zhu2021/ord-cheaper.js";
import { theorem1Cheapness } from "./zhu2021/theorem1-cheapness.js";
import { theorem1CheapnessGroves } from "./zhu2021/theorem1-cheapness-groves.js";
import { theorem1ExPost } from "./zhu2021/theorem1-ex-post.js";
import { theorem1ExPostBeyond } from "./zhu2021/theorem1-ex-post-beyond.js";
import { transferBound } from "./zhu2021/transfer-bound.js";
import { zhu2022Lemma1 } from "./zhu2022/lemma1.js";
import { zhu2022Lemma2 } from "./zhu2022/lemma2.js";
import { lemma6 } from "./zhu2021/lemma6.js";
import { lemma6Equality } from "./zhu2021/lemma6-equality.js";
import { corollary2 as zhu2021Corollary2 } from "./zhu2021/corollary2.js";
import { geometric } from "./zhu2021/geometric.js";
import { lemma6EqualityBeyond } from "./zhu2021/lemma6-equality-beyond.js";
import { zhu2022Lemma3 } from "./zhu2022/lemma3.js";
import { zhu2022Theorem1Rbar } from "./zhu2022/theorem1-rbar.js";
import { zhu2022Proposition1 } from "./zhu2022/proposition1.js";
import { zhu2022Corollary1 } from "./zhu2022/corollary1.js";
import { stylizedProposition1 } from "./stylized/proposition1.js";
import { zhu2022Lemma4 } from "./zhu2022/lemma4.js";
import { zhu2022Lemma5 } from "./zhu2022/lemma5.js";
import { zhu2022Lemma6 } from "./zhu2022/lemma6.js";
import { zhu2022LinkedExPost } from "./zhu2022/linked-vcg-ex-post.js";
import { zhu2022Proposition2Ratio } from "./zhu2022/proposition2-ratio.js";
import { zhu2022Proposition2 } from "./zhu2022/proposition2.js";
import { zhu2022Proposition3 } from "./zhu2022/proposition3.js";
import { stylizedProposition2 } from "./stylized/proposition2.js";
import { stylizedProposition3 } from "./stylized/proposition3.js";
import { zhu2022Theorem1Step3 } from "./zhu2022/theorem1-step3.js";
import { stylizedLemma1 } from "./stylized/lemma1.js";
import { stylizedLemma2 } from "./stylized/lemma2.js";
import { stylizedLemma3 } from "./stylized/lemma3.js";
import { stylizedLinkedExPost } from "./stylized/linked-vcg-ex-post.js";
import { stylizedProposition2Ratio } from "./stylized/proposition2-ratio.js";
import { stylizedTheorem1SurplusBounds } from "./stylized/theorem1-surplus-bounds.js";
import { stylizedTheorem1SurplusTangent } from "./stylized/theorem1-surplus-tangent.js";
import { lemmaA as mp2013LemmaA } from "./mp2013/lemma-a.js";
import { nei as mp2013Nei } from "./mp2013/nei.js";
import { proposition1 as mp2013Proposition1 } from "./mp2013/proposition1.js";
import { proposition2 as mp2013Proposition2 } from "./mp2013/proposition2.js";
import { sizeOrder as mp2013SizeOrder } from "./mp2013/size-order.js";
import { theorem2 as mp2013Theorem2 } from "./mp2013/theorem2.js";
import { lemma1 as mp2013Lemma1 } from "./mp2013/lemma1.js";
import { lemmaC as mp2013LemmaC } from "./mp2013/lemma-c.js";
import { theorem5 as mp2013Theorem5 } from "./mp2013/theorem5.js";
import { lemmaB as mp2013LemmaB } from "./mp2013/lemma-b.js";
import { theorem3 as mp2013Theorem3 } from "./mp2013/theorem3.js";
import { theorem2i as mp2013Theorem2i } from "./mp2013/theorem2i.js";
import { proposition3 as mp2013Proposition3 } from "./mp2013/proposition3.js";
import { proposition4 as mp2013Proposition4 } from "./mp2013/proposition4.js";
import { proposition4Step4 as mp2013Proposition4Step4 } from "./mp2013/proposition4-step4.js";
import { proposition23 as bgs2019Proposition23 } from "./bgs2019/proposition2-3.js";
import { allocationFeasible as bgs2019AllocationFeasible } from "./bgs2019/allocation-feasible.js";
import { proposition31 as bgs2019Proposition31 } from "./bgs2019/proposition3-1.js";
import { proposition32 as bgs2019Proposition32 } from "./bgs2019/proposition3-2.js";
import { stageIc as bgs2019StageIc } from "./bgs2019/stage-ic.js";
import { proposition61 as bgs2019Proposition61 } from "./bgs2019/proposition6-1.js";
import { proposition62 as bgs2019Proposition62 } from "./bgs2019/proposition6-2.js";
import { remark21 as bgs2019Remark21 } from "./bgs2019/remark2-1.js";
import { boundaryFa as bgs2019BoundaryFa } from "./bgs2019/boundary-fa.js";
import { proposition41 as bgs2019Proposition41 } from "./bgs2019/proposition4-1.js";
import { proposition71 as bgs2019Proposition71 } from "./bgs2019/proposition7-1.js";
import { proposition51 as bgs2019Proposition51 } from "./bgs2019/proposition5-1.js";
import { selfGeneration as bgs2019SelfGeneration } from "./bgs2019/self-generation.js";
import { remark21Set as bgs2019Remark21Set } from "./bgs2019/remark2-1-set.js";
import { sandwichUpper as bgs2019SandwichUpper } from "./bgs2019/sandwich-upper.js";

let loaded = false;

/** Registers every claim (idempotent). */
export function loadCatalogue(): void {
  if (loaded) return;
  loaded = true;
  for (const c of [lemma1, corollary1, lemma2, lemma3, ordAllocation, retractionClaim, proposition1, proposition1StrategyProof, theorem1ExPost, theorem1ExPostBeyond, theorem1Cheapness, theorem1CheapnessGroves, lemma4, lemma4Envelope, lemma5, zhu2021Proposition2, ordCheaper, ordCheaperConverse, transferBound, lemma6, lemma6Equality, zhu2021Corollary2, geometric, lemma6EqualityBeyond]) register(c);
  for (const c of [zhu2022Proposition1, zhu2022Corollary1, zhu2022Lemma1, zhu2022Lemma2, zhu2022Lemma3, zhu2022Lemma4, zhu2022Lemma5, zhu2022Lemma6, zhu2022LinkedExPost, zhu2022Proposition2Ratio, zhu2022Proposition2, zhu2022Proposition3, zhu2022Theorem1Step3, zhu2022Theorem1Rbar]) register(c);
  for (const c of [stylizedProposition1, stylizedLemma1, stylizedLemma2, stylizedLemma3, stylizedLinkedExPost, stylizedProposition2Ratio, stylizedProposition2, stylizedProposition3, stylizedTheorem1SurplusBounds, stylizedTheorem1SurplusTangent]) register(c);
  for (const c of [mp2013LemmaA, mp2013Nei, mp2013Proposition1, mp2013Proposition2, mp2013SizeOrder, mp2013Theorem2, mp2013Lemma1, mp2013LemmaC, mp2013Theorem5, mp2013LemmaB, mp2013Theorem3, mp2013Theorem2i, mp2013Proposition3, mp2013Proposition4, mp2013Proposition4Step4]) register(c);
  for (const c of [bgs2019Proposition23, bgs2019AllocationFeasible, bgs2019Proposition31, bgs2019Proposition32, bgs2019StageIc, bgs2019Proposition61, bgs2019Proposition62, bgs2019Remark21, bgs2019BoundaryFa, bgs2019Proposition41, bgs2019Proposition51, bgs2019Proposition71, bgs2019SelfGeneration, bgs2019Remark21Set, bgs2019SandwichUpper]) register(c);
}
