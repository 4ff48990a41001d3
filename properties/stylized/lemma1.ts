/** stylized §2, Lemma 1 (see shared/lemma1.ts). */
import { lemma1Claim } from "../shared/lemma1.js";

export const stylizedLemma1 = lemma1Claim("stylized", "§2, Stylized Type Spaces, Lemma 1");
