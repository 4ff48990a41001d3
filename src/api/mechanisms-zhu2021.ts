/** zhu2021 §4: unlinked and linked VCG under ordA / p-ordA, and the exact quantities of a profile. */
export { linkedVcg, linkedVcgFamily, linkedTransferDetails } from "../mechanisms/zhu2021/linked.js";
export { unlinkedVcg, unlinkedVcgFamily, unlinkedTransfers, REPEATED_KIND, type Zhu2021Mechanism, type Zhu2021Family } from "../mechanisms/zhu2021/vcg.js";
export { linkedMinimum } from "../mechanisms/zhu2021/linked-min.js";
export { allocateDate } from "../mechanisms/zhu2021/allocation.js";
export { evaluateRepeated } from "../mechanisms/zhu2021/evaluate.js";
export { retract } from "../typespace/zhu2021-retraction.js";
