/**
 * The counterexample file (INTERFACE.md): a certificate that `mechcheck replay` re-verifies from
 * the file alone. Validated by this schema on write and on read.
 */
import { z } from "zod";

const json: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)]));

export const counterexampleSchema = z.strictObject({
  /** Claim id, e.g. "zhu2021.proposition1.strategy-proof". */
  claim: z.string().regex(/^[a-z0-9]+(\.[a-zA-Z0-9-]+)+$/, "a claim id like paper.claim[.part]"),
  paper: z.enum(["zhu2021", "zhu2022", "stylized", "bgs2019", "mp2013"]),
  /** "violated": hypotheses met, conclusion fails; "outside": fails where the hypotheses do not hold. */
  kind: z.enum(["violated", "outside"]),
  expect: z.enum(["holds", "counterexample"]),
  /** The subject the counterexample was found against (the reference unless a mutant/variant). */
  subject: z.string().min(1),
  /** For a hunted variant: the module exporting it (a path relative to where mechcheck ran), loaded by replay. */
  module: z.string().min(1).optional(),
  instance: json,
  deviation: json.optional(),
  witness: z.strictObject({
    summary: z.string().min(1),
    gain: z.string().optional(),
    quantities: z.record(z.string(), json),
  }),
  found: z.strictObject({
    seed: z.number().int(),
    /** fast-check's counterexample path: replays the shrunk case from the seed. */
    path: z.string().optional(),
    runs: z.number().int().min(0),
    shrinks: z.number().int().min(0),
    /** Exact simplification steps after shrinking (numbers made simpler, agents/dates dropped). */
    simplified: z.number().int().min(0).optional(),
    version: z.string(),
  }),
  hypothesis: z.string().optional(),
  note: z.string(),
  size: z.record(z.string(), z.number()).optional(),
  /** Size of the first failing case generated, and after fast-check's shrinking (before simplification). */
  sizeFound: z.record(z.string(), z.number()).optional(),
  sizeShrunk: z.record(z.string(), z.number()).optional(),
});

export type CounterexampleFile = z.infer<typeof counterexampleSchema>;
