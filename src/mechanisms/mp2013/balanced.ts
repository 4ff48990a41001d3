/**
 * The balanced scheme of §9.4 (Theorem 5): with q outcome efficient,
 *   βᵢ(t) = (1/n)·Σⱼ v̂ⱼ(q(t), t) − v̂ᵢ(q(t), t)   on T*, 0 off T*,
 * so Σᵢ βᵢ = 0: agents above the average payoff pay those below it.
 */
import { Q } from "../../exact/rational.js";
import { Surd } from "../../exact/surd.js";
import { derived, inSupport, vHat, type Mp2013Model } from "../../models/mp2013/model.js";
import { efficientOutcome, groupValue } from "./gvcg.js";
import { memoMechanism, MP2013_KIND, type Mp2013Family } from "./types.js";

export const balancedFamily: Mp2013Family = {
  name: "mp2013/balanced",
  kind: MP2013_KIND,
  build(m: Mp2013Model) {
    const d = derived(m);
    const q = (t: number) => efficientOutcome(m, d, t);
    return memoMechanism("mp2013/balanced", m, q, (t) => {
      if (!inSupport(d, t)) return new Array<Surd>(d.n).fill(Surd.ZERO);
      const c = q(t);
      const avg = groupValue(m, d, c, t).div(Q.of(d.n));
      return Array.from({ length: d.n }, (_, i) => Surd.of(avg.sub(vHat(m, d, i, c, t))));
    });
  },
};
