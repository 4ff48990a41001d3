/** Mutant: zhu2021 §4: the "p-ordA" side of the comparison built with ordA (the same mechanism twice), so neither order can be cheaper. */
import { linkedVcgFamily } from "../../src/mechanisms/zhu2021/linked.js";

export const family = { name: "mutant/order-pair-ord-twice", kind: "zhu2021/order-pair", ord: linkedVcgFamily("ord"), pord: linkedVcgFamily("ord") };
export const description = "zhu2021 §4: the \"p-ordA\" side of the comparison built with ordA (the same mechanism twice), so neither order can be cheaper";
export const kills = ["zhu2021.ord-cheaper", "zhu2021.ord-cheaper.converse"];
