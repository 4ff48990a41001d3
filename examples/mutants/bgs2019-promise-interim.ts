/** Mutant: bgs2019: the ex-post promise is the interim one, ŵᵢ(v) = Ŵᵢ(vᵢ), which meets (12) but not (11)'s max-min (§3.2: "this choice does not guarantee … future promises remain in F_β𝒰": Proposition 4.1 fails). */
import { interimPromiseMainPhase } from "./faults/bgs2019.js";

export const family = interimPromiseMainPhase;
export const description = "bgs2019: the ex-post promise is the interim one, ŵᵢ(v) = Ŵᵢ(vᵢ), which meets (12) but not (11)'s max-min";
export const kills = ["bgs2019.proposition3.2", "bgs2019.proposition4.1"];
