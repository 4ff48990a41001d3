/**
 * Line charts of experiment results: a Vega-Lite spec compiled by vega-lite, rendered to SVG by
 * vega's headless View (no browser, no canvas), and to PNG by resvg when asked. Series are drawn
 * against a log₂ x axis (sizes double), with optional error bands for certified bounds.
 */
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

export interface SeriesPoint {
  readonly x: number;
  readonly y: number;
  /** Certified bounds, drawn as a band when lo < hi. */
  readonly lo?: number;
  readonly hi?: number;
  readonly series: string;
}

export interface ChartSpec {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly points: readonly SeriesPoint[];
  /** "log2" (default: sizes that double) or "linear" for x; "linear" (default) or "log" for y (exponential decay). */
  readonly xScale?: "log2" | "linear";
  readonly yScale?: "linear" | "log";
}

export function vegaLiteSpec(c: ChartSpec): TopLevelSpec {
  const x = { field: "x", type: "quantitative" as const, title: c.xTitle, scale: c.xScale === "linear" ? { type: "linear" as const } : { type: "log" as const, base: 2 }, axis: { values: [...new Set(c.points.map((p) => p.x))] } };
  const yScale = c.yScale === "log" ? { scale: { type: "log" as const } } : {};
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: c.title,
    width: 480,
    height: 300,
    data: { values: c.points.map((p) => ({ ...p, lo: p.lo ?? p.y, hi: p.hi ?? p.y })) },
    layer: [
      { mark: { type: "area", opacity: 0.25 }, encoding: { x, y: { field: "lo", type: "quantitative", ...yScale }, y2: { field: "hi" }, color: { field: "series", type: "nominal", title: null } } },
      { mark: { type: "line", point: true }, encoding: { x, y: { field: "y", type: "quantitative", title: c.yTitle, ...yScale }, color: { field: "series", type: "nominal", title: null, legend: { orient: "bottom", direction: "vertical", labelLimit: 400 } } } },
    ],
  };
}

export async function chartSvg(c: ChartSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(vegaLiteSpec(c)).spec), { renderer: "none" });
  return view.toSVG();
}

export function svgToPng(svg: string): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, background: "white" }).render().asPng();
}
