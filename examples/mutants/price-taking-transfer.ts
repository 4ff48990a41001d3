/** Variant: zhu2021 §6.1: pay Lemma 6's price-weighted formula wherever Property I holds (proved only with Property II too), so the probe of Lemma 6 without Property II must find nothing. */
import { priceTakingTransfer } from "./faults/zhu2021-mechanisms.js";

export const family = priceTakingTransfer;
export const description = "zhu2021 §6.1: pay Lemma 6's price-weighted formula wherever Property I holds (proved only with Property II too), so the probe of Lemma 6 without Property II must find nothing";
export const kills = ["zhu2021.lemma6.equality.beyond"];
