// The package entry (`import … from "mechcheck"`): registers tsx's loader, then loads the TypeScript
// source, so the library needs no build step (like bin/mechcheck.js). Types come from src/index.ts.
import { register } from "tsx/esm/api";

register();
const m = await import("../src/index.ts");

export const { arbitraries, mechanisms, claims, checkClaim, exact, codecs } = m;
