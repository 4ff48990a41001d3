/** zhu2022 §3.3, Proposition 2: the unlinked VCG is the cheapest efficient ex-post direct mechanism over Ω (see shared/cheapness.ts). */
import { unlinkedVcgFamily } from "../../src/mechanisms/single-resource/vcg.js";
import { cheapnessClaim } from "../shared/cheapness.js";

export const zhu2022Proposition2 = cheapnessClaim({
  id: "zhu2022.proposition2",
  paper: "zhu2022",
  section: "§3.3, Proposition 2",
  statement: "The unlinked VCG mechanism is the cheapest efficient ex-post direct mechanism: for every efficient ex-post (𝐀, W) and every ω ∈ Ω, C(V(ω)) ≤ C(W(ω)).",
  defaultSubject: unlinkedVcgFamily,
  over: "omega",
});
