/**
 * Does a plug-in subject implement the interface its claims call? Checked against the reference
 * subject of the same kind: a function where the reference is a function, and every method the
 * reference has (build, solve, retract, adapt …). Shallow by design: what the methods return is
 * checked by the claims themselves, which turn a malformed answer into an `error` status.
 */
export function missingMembers(subject: unknown, reference: unknown): string | undefined {
  if (typeof reference === "function" && typeof subject !== "function") return "must be a function, like the reference subject of its kind";
  if (reference === null || typeof reference !== "object") return undefined;
  const s = subject as Record<string, unknown>;
  for (const [key, value] of Object.entries(reference as Record<string, unknown>)) {
    if (typeof value === "function" && typeof s[key] !== "function") return `has no ${key}() method (the reference subject of its kind has one)`;
    if (value !== null && typeof value === "object" && (s[key] === null || typeof s[key] !== "object")) return `has no ${key} (the reference subject of its kind has one)`;
  }
  return undefined;
}
