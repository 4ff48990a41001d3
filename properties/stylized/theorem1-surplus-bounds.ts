/** stylized §3 "Efficiency": the first inequality and the upper bound on S (see shared/surplus-bounds.ts). */
import { outsideStylizedDoubleStar, stylizedStar } from "../shared/single-resource.js";
import { surplusBoundsClaim } from "../shared/surplus-bounds.js";

export const stylizedTheorem1SurplusBounds = surplusBoundsClaim({ id: "stylized.theorem1.step-surplus-bounds", paper: "stylized", section: "§3, Efficiency (proof of Theorem 1)", star: stylizedStar, outside: outsideStylizedDoubleStar });
