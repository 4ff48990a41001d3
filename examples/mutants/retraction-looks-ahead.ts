/** Mutant: zhu2021 §4: a retraction that scales the whole path (looks ahead: not adapted). */
import { namedSubject } from "../../src/mechanisms/plugin.js";
import { proportionalRetraction } from "./faults/zhu2021-mechanisms.js";

export const family = namedSubject("mutant/retraction-looks-ahead", "zhu2021/retraction", proportionalRetraction.bind(undefined));
export const description = "zhu2021 §4: a retraction that scales the whole path (looks ahead: not adapted)";
export const kills = ["zhu2021.retraction"];
