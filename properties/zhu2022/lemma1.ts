/** zhu2022 appendix, Lemma 1 (see shared/lemma1.ts). */
import { lemma1Claim } from "../shared/lemma1.js";

export const zhu2022Lemma1 = lemma1Claim("zhu2022", "§2.3 and appendix, Lemma 1");
