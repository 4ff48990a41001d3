/**
 * The two error kinds every layer may throw. They live at the bottom of the dependency order so
 * that every layer can use them; the CLI maps InputError to exit 2 and InternalError to a bug report.
 */

/** Bad user input: a field broke a rule. The CLI prints `field: rule` and exits 2, writing nothing. */
export class InputError extends Error {
  readonly field: string;
  readonly rule: string;
  constructor(field: string, rule: string) {
    super(`${field}: ${rule}`);
    this.name = "InputError";
    this.field = field;
    this.rule = rule;
  }
}

/** A broken internal invariant, e.g. an LP answer whose exact certificate does not check. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InternalError";
  }
}

/** Throws InputError(field) unless `agent` is a 0-based index of one of N agents (shown 1-based). */
export function requireAgent(agent: number, N: number, field = "agent"): void {
  if (!Number.isInteger(agent) || agent < 0 || agent >= N) throw new InputError(field, `must be an integer in 1..N = ${N}`);
}
