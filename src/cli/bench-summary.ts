/**
 * The one summary table of `mechcheck bench`: each target of the issues with the figure measured in
 * this run, its baseline from the same run, and whether the target was met. A section that did not
 * run (e.g. --no-battery) is absent, never reported as met.
 */
export interface SummaryRow {
  readonly benchmark: string;
  readonly figure: string;
  readonly baseline: string;
  readonly target: string;
  /** "yes" / "NO", or "-" when the figure has no target. */
  readonly met: "yes" | "NO" | "-";
}

export const met = (ok: boolean): "yes" | "NO" => (ok ? "yes" : "NO");

/** A float with up to `digits` significant digits, for table cells. */
export const fig = (x: number, unit = "", digits = 3): string => `${Number(x.toPrecision(digits))}${unit}`;
