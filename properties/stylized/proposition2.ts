/** stylized §3, Proposition 2: the unlinked VCG is the cheapest efficient ex-post direct mechanism over Ω (see shared/cheapness.ts). */
import { unlinkedVcgFamily } from "../../src/mechanisms/single-resource/vcg.js";
import { cheapnessClaim } from "../shared/cheapness.js";

export const stylizedProposition2 = cheapnessClaim({
  id: "stylized.proposition2",
  paper: "stylized",
  section: "§3, Proposition 2",
  statement: "The unlinked VCG mechanism is the cheapest efficient ex-post direct mechanism: for every efficient ex-post (𝐀, W) and every ω ∈ Ω, C(V(ω)) ≤ C(W(ω)).",
  defaultSubject: unlinkedVcgFamily,
  over: "omega",
});
