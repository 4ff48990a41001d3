/** zhu2022.corollary1 on exact process trees, the regret at its bound R̄ (see shared/statistical.ts). */
import { statisticalClaim } from "../shared/statistical.js";

export const zhu2022Corollary1 = statisticalClaim("zhu2022.corollary1");
