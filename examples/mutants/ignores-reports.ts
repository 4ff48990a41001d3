/** Mutant: zhu2021 §4: a mechanism that ignores the reports and pays nothing (trivially strategy-proof, so the paper's own non-strategy-proofness remark and the reach probe must miss it). */
import { ignoresReports } from "./faults/zhu2021-mechanisms.js";

export const family = ignoresReports;
export const description = "zhu2021 §4: a mechanism that ignores the reports and pays nothing (trivially strategy-proof, so the paper's own non-strategy-proofness remark and the reach probe must miss it)";
export const kills = ["zhu2021.proposition1.strategy-proof", "zhu2021.theorem1.ex-post.beyond", "zhu2021.theorem1.cheapness"];
