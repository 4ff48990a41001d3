/** Mutant: zhu2021 §4: ordA serving agent 1 first instead of agent N (ties broken wrongly). */
import { reverseOrder } from "./faults/zhu2021-mechanisms.js";

export const family = reverseOrder;
export const description = "zhu2021 §4: ordA serving agent 1 first instead of agent N (ties broken wrongly)";
export const kills = ["zhu2021.ord-allocation"];
