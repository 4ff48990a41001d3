/** Mutant: zhu2022 §4.1.1: the regret bound misstated as R̄(N) = N·q f'(0) ∨ ε (one factor N dropped), which the exact regret must exceed. */
import { Q, q } from "../../src/exact/rational.js";
export const family = { name: "variant/rbar-Nqf0", kind: "zhu2022/regret-bound", rbar: (N: number, qq: Q, fp0: Q, eps: Q) => Q.max(q(N).mul(qq).mul(fp0), eps) };
export const description = "zhu2022 §4.1.1: the regret bound misstated as R̄(N) = N·q f'(0) ∨ ε (one factor N dropped), which the exact regret must exceed";
export const kills = ["zhu2022.theorem1.step-rbar"];
