/** zhu2022 / stylized: unlinked VCG (exact) and linked VCG (certified bounds on its irrational minimum). */
export {
  linkedVcg,
  linkedVcgFamily,
  unlinkedVcg,
  unlinkedVcgFamily,
  unlinkedTransfers,
  linkedTransferBounds,
  linkedMinimum,
  retractProfile,
  SINGLE_KIND,
  type SingleResourceMechanism,
  type SingleResourceFamily,
} from "../mechanisms/single-resource/vcg.js";
