/** zhu2022 §4.1.2, Lemma 4: the surplus bounds on Ω**(N) and Ω(N) (see shared/surplus-bounds.ts). */
import { outsideZhu2022DoubleStar, zhu2022Star } from "../shared/single-resource.js";
import { surplusBoundsClaim } from "../shared/surplus-bounds.js";

export const zhu2022Lemma4 = surplusBoundsClaim({ id: "zhu2022.lemma4", paper: "zhu2022", section: "§4.1.2, Lemma 4", star: zhu2022Star, outside: outsideZhu2022DoubleStar });
