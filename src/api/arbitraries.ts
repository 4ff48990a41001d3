/** fast-check arbitraries over the papers' type spaces, for users' own properties (`@fast-check/vitest`'s test.prop). */
export { nonNegRational, posRational, nonNegInt, posInt, unitOpen } from "../search/numbers.js";
export { economyArb, knapsackInstanceArb, resourceArb } from "../search/zhu2021.js";
export { repeatedCaseArb, profileArb, type RepeatedCase, type RepeatedShape } from "../search/zhu2021-repeated.js";
export { modelArb as singleResourceModelArb, omegaStarArb, endowmentsArb, singleCaseArb, familyCaseArb, projectArb, type SingleCase, type FamilyCase } from "../search/single-resource.js";
export { treeArb, type TreeShape } from "../search/probability.js";
export { modelArb as mp2013ModelArb, recipeArb as mp2013RecipeArb, buildModel as mp2013BuildModel, type Mp2013Shape, type PriorKind } from "../search/mp2013.js";
