/** stylized §3, Proposition 3: if Ω* is convex, the linked VCG is the cheapest efficient ex-post mechanism over Ω* (see shared/cheapness.ts). */
import { linkedVcgFamily } from "../../src/mechanisms/single-resource/vcg.js";
import { CONVEX, cheapnessClaim } from "../shared/cheapness.js";

export const stylizedProposition3 = cheapnessClaim({
  id: "stylized.proposition3",
  paper: "stylized",
  section: "§3, Proposition 3",
  statement: "If Ω* is convex, then the linked VCG mechanism (𝐀|Ω*, V*) is the cheapest efficient ex-post direct mechanism over Ω*.",
  defaultSubject: linkedVcgFamily,
  over: "omega-star",
  hypothesis: CONVEX,
  note: "On a disconnected Ω* the linked VCG is not the cheapest (VCG minus one constant per component is cheaper); on a connected but non-convex union of boxes nothing cheaper is known.",
});
