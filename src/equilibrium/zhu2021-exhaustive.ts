/**
 * Which subjects have an exhaustive best-response oracle: exactly the reference VCG families of
 * zhu2021 (recognised by object identity, never by name, so a user's variant that reuses a name
 * is still searched, not "proved" with the reference's structure).
 */
import { linkedVcgFamily } from "../mechanisms/zhu2021/linked.js";
import type { Order } from "../mechanisms/zhu2021/allocation.js";
import { unlinkedVcgFamily, type Zhu2021Family } from "../mechanisms/zhu2021/vcg.js";
import type { Kind } from "./zhu2021-best-response.js";

export function referenceOf(family: Zhu2021Family): { kind: Kind; order: Order } | undefined {
  for (const order of ["ord", "p-ord"] as const) {
    if (family === unlinkedVcgFamily(order)) return { kind: "unlinked", order };
    if (family === linkedVcgFamily(order)) return { kind: "linked", order };
  }
  return undefined;
}
