/**
 * A claim is a paper's statement, hypotheses and conclusion, checked exactly on one instance.
 * Claims are parameterized by a *subject* (the implementation under test: a knapsack solver, a
 * mechanism …) so that the same check runs against the reference implementation, a user's variant
 * (`hunt`) or a planted-bug mutant (tests).
 */
import type * as fc from "fast-check";

export type PaperKey = "zhu2021" | "zhu2022" | "stylized" | "bgs2019" | "mp2013";

import type { Json } from "../exact/json.js";

export type { Json };

/** Exact numbers that make a verdict checkable by hand, as "a/b" strings, plus a readable summary. */
export interface Witness {
  readonly summary: string;
  readonly quantities: Readonly<Record<string, Json>>;
  /** The misreport, competing object or perturbation that breaks the claim, when there is one. */
  readonly deviation?: Json;
  /** Size of the claimed violation (e.g. an exact utility gain), when it has one. */
  readonly gain?: string;
}

export type Verdict =
  /**
   * Hypotheses met, conclusion holds on this instance. `basis` says how: "exact" (default) when
   * the conclusion was evaluated exactly and completely, so "holds" is a proof for this instance;
   * "search" when it quantifies over something only sampled (e.g. misreports of a user variant), so
   * "holds" means "nothing found".
   */
  | { readonly kind: "holds"; readonly basis?: "exact" | "search"; readonly how?: string }
  /** Hypotheses met, conclusion fails: a certified counterexample. */
  | { readonly kind: "violated"; readonly witness: Witness }
  /** Hypotheses not met (`hypothesis` says which), conclusion fails there. */
  | { readonly kind: "outside"; readonly hypothesis: string; readonly witness: Witness }
  /** Hypotheses not met, conclusion holds (or is vacuous). */
  | { readonly kind: "vacuous"; readonly hypothesis: string }
  /** A certified bound could not decide. */
  | { readonly kind: "inconclusive"; readonly reason: string };

export interface Claim<I, S> {
  /** Stable id `<paper>.<claim>[.<part>]` from CLAIMS.md. */
  readonly id: string;
  readonly paper: PaperKey;
  /** Where in the paper: section, equation. */
  readonly section: string;
  /** The paper's statement, in its words as far as plain text allows. */
  readonly statement: string;
  /** What we expect after running: the paper's claim "holds", or we found a "counterexample". */
  readonly expect: "holds" | "counterexample";
  /**
   * A probe of a result's reach: every instance lies outside the hypotheses, and the claim is met
   * only when the search finds the conclusion failing there (so a subject that never fails it, e.g.
   * one that ignores the reports, is caught rather than passed).
   */
  readonly expectOutside?: boolean;
  /** Why the expectation is what it is (for known-false claims: what the paper got wrong). */
  readonly note?: string;
  /** Which subjects the claim applies to (e.g. "zhu2021/knapsack"); `hunt` matches on it. */
  readonly subjectKind: string;
  readonly defaultSubject: S;
  /** Instances the search explores (fast-check shrinks along it). */
  arbitrary(): fc.Arbitrary<I>;
  /** Exact check of the claim on one instance. */
  check(instance: I, subject: S): Verdict;
  /** Instance codec for counterexample files and `verify`. */
  encode(instance: I): Json;
  decode(json: unknown): I;
  /**
   * A user's instance (`verify`) must meet the conditions the claim is stated under that a file can
   * violate (e.g. a state in the set the claim names): throws InputError naming the field and the
   * rule. Separate from `decode`, which only reads the format, so that every generated case — the
   * search's vacuous ones included — still round-trips through the codec.
   */
  admit?(instance: I): void;
  /** Default number of cases per run (cheap claims more, expensive claims fewer). */
  readonly runs: number;
  /** Size of an instance for reports (agents, dates, types …). */
  size?(instance: I): Readonly<Record<string, number>>;
  /** Structurally smaller variants of an instance (fewer agents, dates …), tried after shrinking. */
  reduce?(instance: I): I[];
}

// Claims are stored heterogeneously; the registry erases the type parameters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClaim = Claim<any, any>;
