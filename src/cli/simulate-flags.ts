/** `mechcheck simulate`'s flags and their parsers, shared by every experiment and the worker threads. */
import { writeFileSync } from "node:fs";
import { InputError } from "../exact/errors.js";
import { svgToPng } from "../report/plot.js";
import { parseQ, type Q } from "../exact/rational.js";

export interface SimulateFlags {
  readonly sizes?: string;
  readonly runs?: string;
  readonly seed?: string;
  readonly q?: string;
  readonly f?: string;
  readonly support?: string;
  readonly stay?: string;
  readonly epsilon?: string;
  readonly instance?: string;
  readonly kappa?: string;
  readonly sigma?: string;
  readonly d?: string;
  readonly c?: string;
  readonly k?: string;
  readonly betas?: string;
  readonly xi?: string;
  readonly horizon?: string;
  readonly tau?: string;
  readonly plot?: string;
  readonly json?: string;
  readonly workers?: string;
}

export function rational(s: string, flag: string): Q {
  try {
    return parseQ(s);
  } catch (e) {
    throw new InputError(flag, (e as Error).message);
  }
}

export function intList(s: string, flag: string): number[] {
  return s.split(",").map((v, k) => {
    if (!/^\d+$/.test(v.trim())) throw new InputError(flag, `entry ${k + 1} ("${v}") must be a positive integer`);
    return Number(v.trim());
  });
}

/** Refuses flags that belong to another experiment (a silently ignored flag would mislead). */
export function onlyFlags(id: string, flags: SimulateFlags, foreign: readonly (keyof SimulateFlags)[], owner: string): void {
  for (const f of foreign) if (flags[f] !== undefined) throw new InputError(`--${f}`, `applies to ${owner} only, not to ${id}`);
}

export const dec = (x: Q, digits = 6): string => x.toNumber().toPrecision(digits);

/** A float for a table cell: `digits` significant figures, 0 as "0", NaN and ±∞ as themselves. */
export const sig = (x: number, digits = 4): string => (x === 0 ? "0" : Number.isFinite(x) ? x.toPrecision(digits) : String(x));

/** Writes `svg` to `file` (PNG when the name says so). */
export function writePlot(file: string, svg: string): void {
  writeFileSync(file, /\.png$/i.test(file) ? svgToPng(svg) : svg);
}

export function checkPlotName(plot: string | undefined): void {
  if (plot !== undefined && !/\.(svg|png)$/i.test(plot)) throw new InputError("--plot", `the file must end in .svg or .png (got "${plot}")`);
}
