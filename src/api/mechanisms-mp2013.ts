/** mp2013: the generalized VCG, spherical-scoring augmented mechanisms, the balanced scheme, the stage-2 VCG at a posted belief; exact transfers (`Surd`). */
export { gvcgFamily, efficientOutcome, gvcgTransfers, pivot } from "../mechanisms/mp2013/gvcg.js";
export { augmentedFamily, sphericalReward, beliefNormsSquared } from "../mechanisms/mp2013/augmented.js";
export { balancedFamily } from "../mechanisms/mp2013/balanced.js";
export { postedVcg, type PostedMechanism } from "../mechanisms/mp2013/posted.js";
export { MP2013_KIND, memoMechanism, type Mp2013Mechanism, type Mp2013Family } from "../mechanisms/mp2013/types.js";
export { readMp2013, mp2013ToJson } from "../models/mp2013/json.js";
export { derived, vHat, type Mp2013Model } from "../models/mp2013/model.js";
export { informationalSize, strictSize, variability, neiFailure } from "../models/mp2013/informational.js";
export { utility, gain, largestExPostGain, largestInterimGain, lowestTruthfulPayoff, weakEpsFailure } from "../equilibrium/mp2013.js";
