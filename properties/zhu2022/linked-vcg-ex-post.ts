/** zhu2022 §3.4: linked VCG is an efficient ex-post mechanism over Ω* (see shared/linked-ex-post.ts). */
import { linkedExPostClaim } from "../shared/linked-ex-post.js";

export const zhu2022LinkedExPost = linkedExPostClaim("zhu2022", "§3.4, after the definition of the linked VCG mechanism");
