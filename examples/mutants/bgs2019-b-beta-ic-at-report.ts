/** Mutant: bgs2019: B_β's (IC) values the misreport at the reported value v′ instead of the true v. */
import { icAtReportOperator } from "./faults/bgs2019-b-beta.js";

export const family = icAtReportOperator;
export const description = "bgs2019: B_β's (IC) values the misreport at the reported value v′ instead of the true v";
export const kills = ["bgs2019.remark2.1-set"];
