/** Variant: zhu2021 §6.1: the linked transfer in date-1 money (β^{T−1}·lWⁿ), under which Lemma 6 as written holds, so its refutation must disappear. */
import { linkedInDateOneMoney } from "./faults/zhu2021-mechanisms.js";

export const family = linkedInDateOneMoney;
export const description = "zhu2021 §6.1: the linked transfer in date-1 money (β^{T−1}·lWⁿ), under which Lemma 6 as written holds, so its refutation must disappear";
export const kills = ["zhu2021.lemma6"];
