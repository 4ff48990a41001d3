/** Mutant: zhu2021 §4: an allocation that wastes half of the last resource (inefficient). */
import { halvesLastResource } from "./faults/zhu2021-mechanisms.js";

export const family = halvesLastResource;
export const description = "zhu2021 §4: an allocation that wastes half of the last resource (inefficient)";
export const kills = ["zhu2021.ord-allocation", "zhu2021.proposition1"];
