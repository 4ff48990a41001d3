/** Instance codecs for users' own claims (the counterexample file's `instance`), as the battery's claims use them. */
export { encodeCase as encodeRepeatedCase, decodeCase as decodeRepeatedCase, caseSize as repeatedCaseSize } from "../../properties/zhu2021/repeated-common.js";
