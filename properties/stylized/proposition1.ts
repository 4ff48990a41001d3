/** stylized.proposition1 on exact process trees, the regret at its bound R̄ (see shared/statistical.ts). */
import { statisticalClaim } from "../shared/statistical.js";

export const stylizedProposition1 = statisticalClaim("stylized.proposition1");
