/**
 * The subject of the informational-size claims: an implementation of νᵢ^P (Definition 3), so that a
 * planted bug in it (a wrong event, a wrong extremum) is caught by the claims that relate ν to NEI
 * and to σ.
 */
import type { Q } from "../../src/exact/rational.js";
import { informationalSize } from "../../src/models/mp2013/informational.js";
import type { Mp2013Model } from "../../src/models/mp2013/model.js";

export const SIZE_KIND = "mp2013/informational-size";

export interface SizeImpl {
  readonly name: string;
  readonly kind: string;
  size(m: Mp2013Model, i: number): Q;
}

export const referenceSize: SizeImpl = { name: "mp2013/nu (Ky Fan minimum over sorted shifts)", kind: SIZE_KIND, size: (m, i) => informationalSize(m, i).value };
