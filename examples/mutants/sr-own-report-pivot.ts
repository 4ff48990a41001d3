/** Mutant: zhu2022/stylized: a linked VCG whose pivot depends on the agent's own report (not Groves). */
import { ownReportPivot } from "./faults/single-resource.js";

export const family = ownReportPivot;
export const description = "zhu2022/stylized: a linked VCG whose pivot depends on the agent's own report (not Groves)";
export const kills = ["zhu2022.linked-vcg.ex-post", "stylized.linked-vcg.ex-post", "zhu2022.proposition3", "stylized.proposition3"];
