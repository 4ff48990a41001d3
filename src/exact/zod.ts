/** zod helpers for instance files: structural rules by zod, exact numbers by the strict parser. */
import { z } from "zod";
import { InputError } from "./errors.js";
import { parseQ, type Q } from "./rational.js";

/** A rational written as a string; JSON numbers are refused with the reason. */
export const zRational = z.custom<string>((v) => typeof v === "string", {
  error: (iss) =>
    typeof iss.input === "number"
      ? `numbers are not accepted as model data (got ${String(iss.input)}); write the exact rational as a string, e.g. "3/4"`
      : `expected a rational written as a string like "-7/12"`,
}).superRefine((s, ctx) => {
  try {
    parseQ(s);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: (e as Error).message });
  }
});

/** Parses with a zod schema, turning the first issue into an InputError naming the field path. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = [root, ...issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))].join("").replace(/\.\[/g, "[");
  const missing = issue.code === "invalid_type" && /received undefined$/.test(issue.message);
  const msg = issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}` : missing ? `this field is required (${issue.message.replace(/^Invalid input: /, "").replace(/, received undefined$/, "")})` : issue.message;
  throw new InputError(path.replace(/^\./, ""), msg);
}

export function toQ(s: string): Q {
  return parseQ(s);
}

/**
 * One rational from a decoded instance, outside a zod schema: a string through the strict parser,
 * anything else (a JSON number, a decimal, garbage) an InputError naming `field` and the rule.
 */
export function rationalAt(v: unknown, field: string): Q {
  if (typeof v !== "string") {
    throw new InputError(field, typeof v === "number" ? `numbers are not accepted as model data (got ${v}); write the exact rational as a string, e.g. "3/4"` : `expected a rational written as a string like "-7/12"`);
  }
  try {
    return parseQ(v);
  } catch (e) {
    throw new InputError(field, (e as Error).message);
  }
}
