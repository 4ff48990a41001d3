/**
 * α*(u) ∈ argmax_{x ≥ 0, ‖x‖₁ = 1} {xᵀu − φ(x)} (eq. (6)) and the signed distance I_𝒰(u), its value
 * (eq. (14)), certified in exact arithmetic. φ(x) = max_{u′ ∈ 𝒰} xᵀu′, and the support point u′(x)
 * (allocate each profile to the first agent with the largest xᵢvᵢ) is a point of 𝒰 with xᵀu′(x) = φ(x),
 * so every cut φ(y) ≥ yᵀu′(x) is exact where it was taken and valid everywhere. Floats only decide
 * where the cuts go and propose dual multipliers; every returned number is an exact rational:
 *  - discrete values (alpha-star-discrete.ts): 𝒰 is a polytope; Kelley's method in doubles, then the
 *    exact master LP until its optimum is a true one, and the exact box of all maximizers;
 *  - densities (alpha-star-density.ts): a float Newton guess (alpha-star-newton.ts; a float Kelley
 *    when kinds are mixed), exact cuts around it, and bounds by weak duality: certified bounds on
 *    I_𝒰(u) within the tolerance and a certified box enclosing every maximizer, to the width asked.
 */
import { InputError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import type { ValueDist } from "./distribution.js";
import { supportOracle } from "./alpha-star-support.js";
import { discreteAlphaStar, floatKelley } from "./alpha-star-discrete.js";
import { densityAlphaStar } from "./alpha-star-density.js";
import { newtonGuesses } from "./alpha-star-newton.js";
import type { AlphaStar, AlphaStarOptions } from "./alpha-star-common.js";

export type { AlphaStar, AlphaStarOptions } from "./alpha-star-common.js";

/**
 * u′ᵢ = E[vᵢ·1{i is the first agent with the largest xⱼvⱼ}]: the point of 𝒰 that a deterministic
 * tie-break reaches in direction x (ties of positive probability go to the lowest index).
 */
export const supportPoint = (ds: readonly ValueDist[], x: readonly Q[]): Q[] => supportOracle(ds).exact(x);

export function alphaStar(ds: readonly ValueDist[], u: readonly Q[], opts: AlphaStarOptions = {}): AlphaStar {
  const n = ds.length;
  if (u.length !== n) throw new InputError("u", `one promised utility per agent: ${n} agents, ${u.length} entries`);
  const O = supportOracle(ds);
  const maxCuts = opts.maxCuts ?? 400;
  const discrete = ds.every((d) => d.kind === "discrete");
  if (n === 1) {
    // The simplex is the point x = (1): I_𝒰(u) = u₀ − E[v₀].
    const v = u[0]!.sub(O.exact([Q.ONE])[0]!);
    return { alpha: [Q.ONE], valueLo: v, valueHi: v, boxLo: [Q.ONE], boxHi: [Q.ONE], exact: discrete, cuts: 1 };
  }
  if (discrete) return discreteAlphaStar(ds, u, O, maxCuts);
  const uf = u.map((x) => x.toNumber());
  // Densities make x ↦ xᵀu − φ(x) smooth (Proposition 2.3); a discrete agent makes it kinked.
  const guesses = ds.every((d) => d.kind === "density") ? newtonGuesses(O.jet, uf) : [floatKelley(O, uf, maxCuts).at(-1)!];
  return densityAlphaStar(u, O, guesses, {
    tolerance: opts.tolerance ?? Q.of(1, 1_000_000),
    width: opts.width ?? Q.of(1, 1_000_000),
    maxCuts,
    signOnly: opts.signOnly ?? false,
  });
}
