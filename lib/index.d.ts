// Types of the package entry: those of the TypeScript source it loads.
export { arbitraries, mechanisms, claims, checkClaim, exact, codecs } from "../src/index.js";
