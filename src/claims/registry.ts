/** The one catalogue: every claim registers here (properties/index.ts imports them all). */
import type { AnyClaim } from "./types.js";

const catalogue = new Map<string, AnyClaim>();

export function register(claim: AnyClaim): AnyClaim {
  if (catalogue.has(claim.id)) throw new Error(`claim ${claim.id} registered twice`);
  catalogue.set(claim.id, claim);
  return claim;
}

export function allClaims(): AnyClaim[] {
  return [...catalogue.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function getClaim(id: string): AnyClaim | undefined {
  return catalogue.get(id);
}

/** Glob over claim ids: `*` matches any run of characters, `?` one; comma-separated alternatives. */
export function matchClaims(glob: string): AnyClaim[] {
  const parts = glob.split(",").map((g) => g.trim()).filter((g) => g.length > 0);
  const res = parts.map((g) => new RegExp("^" + g.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$"));
  return allClaims().filter((c) => res.some((re) => re.test(c.id)));
}
