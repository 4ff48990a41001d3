/** Mutant: zhu2022/stylized §3–4: f' taken as 0 (the derivative of the wrong function), so every tangent bound collapses. */
import { Q } from "../../src/exact/rational.js";
import { derivativeAtZero } from "./faults/single-resource.js";

export const family = { name: "mutant/project-derivative-dropped", kind: "single-resource/project", adapt: (f: Parameters<typeof derivativeAtZero.adapt>[0]) => ({ ...f, df: () => Q.ZERO }) };
export const description = "zhu2022/stylized §3–4: f' taken as 0 (the derivative of the wrong function), so every tangent bound collapses";
export const kills = ["stylized.theorem1.step-surplus-tangent", "zhu2022.theorem1.step-3"];
