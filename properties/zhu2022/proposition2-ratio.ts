/** zhu2022 §3.3: "cost-to-surplus ratio C(ω)/S(𝐀(ω), ω) = N − 1" (see shared/proposition2-ratio.ts). */
import { proposition2Ratio } from "../shared/proposition2-ratio.js";

export const zhu2022Proposition2Ratio = proposition2Ratio("zhu2022", "§3.3, after Proposition 2");
