/** stylized §3 "The Unlinked VCG Mechanism": "cost-to-surplus ratio … = N − 1" (see shared/proposition2-ratio.ts). */
import { proposition2Ratio } from "../shared/proposition2-ratio.js";

export const stylizedProposition2Ratio = proposition2Ratio("stylized", "§3, The Unlinked VCG Mechanism, after Proposition 2");
