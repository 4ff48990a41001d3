/** zhu2022 §3.4, Proposition 3: if Ω* is smoothly path-connected, the linked VCG is the cheapest efficient ex-post mechanism over Ω* (see shared/cheapness.ts). */
import { linkedVcgFamily } from "../../src/mechanisms/single-resource/vcg.js";
import { CONNECTED, cheapnessClaim } from "../shared/cheapness.js";

export const zhu2022Proposition3 = cheapnessClaim({
  id: "zhu2022.proposition3",
  paper: "zhu2022",
  section: "§3.4, Proposition 3",
  statement: "If Ω* is smoothly path-connected, then the linked VCG mechanism (𝐀|Ω*, V*) is the cheapest efficient ex-post direct mechanism over Ω*.",
  defaultSubject: linkedVcgFamily,
  over: "omega-star",
  hypothesis: CONNECTED,
  note: "On a disconnected Ω* (e.g. two disjoint boxes) the boxes can carry different constants: VCG minus one constant per box is efficient ex-post and strictly cheaper (found and certified outside the hypothesis).",
});
