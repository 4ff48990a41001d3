/** stylized §3: linked VCG "is an efficient ex-post direct mechanism over Ω*" (see shared/linked-ex-post.ts). */
import { linkedExPostClaim } from "../shared/linked-ex-post.js";

export const stylizedLinkedExPost = linkedExPostClaim("stylized", "§3, The Linked VCG Mechanism (definition)");
