/**
 * bgs2019's random allocation of Remark 2.1, used in the boundary region (§4): at a state u,
 *   p^L_i(v|u) = uᵢ/E[vᵢ] whatever the reports,  w^L(v|u) = u.
 * Promise keeping is immediate: (1 − β)·E[vᵢ]·uᵢ/E[vᵢ] + β·uᵢ = uᵢ. Feasibility (FA) is Σᵢuᵢ/E[vᵢ] ≤ 1,
 * i.e. u in the lower triangle L — which is why §4 needs the boundary region inside L.
 */
import { Q } from "../../exact/rational.js";
import { mean } from "../../models/bgs2019/distribution.js";
import type { Bgs2019Model } from "../../models/bgs2019/json.js";
import type { Mechanism, MechanismFamily } from "../types.js";
import { stageParameters } from "./stage.js";

export const BGS_BOUNDARY_KIND = "bgs2019/boundary-mechanism";

export type BoundaryMechanism = Mechanism<Bgs2019Model, readonly Q[], Q[], Q>;
export type BoundaryFamily = MechanismFamily<Bgs2019Model, BoundaryMechanism>;

export const randomAllocation: BoundaryFamily = {
  name: "bgs2019/random allocation (Remark 2.1)",
  kind: BGS_BOUNDARY_KIND,
  build(m) {
    const { u } = stageParameters(m);
    const p = u.map((x, i) => {
      const e = mean(m.values[i]!);
      return e.isZero() ? Q.ZERO : x.div(e);
    });
    return { name: this.name, kind: BGS_BOUNDARY_KIND, model: m, allocate: () => [...p], transfer: () => [...u] };
  },
};
