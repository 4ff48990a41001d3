/** Mutant: zhu2021 §4: a retraction that tops up the shortfall at the first date (looks ahead). */
import { namedSubject } from "../../src/mechanisms/plugin.js";
import { topsUpFirstDate } from "./faults/zhu2021-mechanisms.js";

export const family = namedSubject("mutant/retraction-tops-up-first-date", "zhu2021/retraction", topsUpFirstDate.bind(undefined));
export const description = "zhu2021 §4: a retraction that tops up the shortfall at the first date (looks ahead)";
export const kills = ["zhu2021.retraction"];
