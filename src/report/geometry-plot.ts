/**
 * zhu2021 §6.2's picture for R = 2 (Figure 4): the project types Θ as points, each date's price line
 * H_t = {x : p_t·x = 1} (β^{t−1}-scaled when β < 1, as the algorithm's step 3 says), and each type
 * coloured by τ(θ_i), the date the algorithm assigns it for one agent. A Vega-Lite spec rendered to SVG
 * headlessly, like plot.ts.
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

export interface GeometryPicture {
  readonly title: string;
  /** θ_i as (x, y), its label and its τ (e.g. "τ = 2", "τ = {1, 2}", "not enclosed"). */
  readonly types: readonly { readonly x: number; readonly y: number; readonly label: string; readonly tau: string }[];
  /** Each line's price (p(1), p(2)) and its name. */
  readonly lines: readonly { readonly p: readonly [number, number]; readonly name: string }[];
}

export function geometrySpec(g: GeometryPicture): TopLevelSpec {
  // each line p·x = 1 meets the axes at 1/p(1) and 1/p(2): a segment between the intercepts
  const segments = g.lines.flatMap((l) => [
    { x: 1 / l.p[0], y: 0, line: l.name },
    { x: 0, y: 1 / l.p[1], line: l.name },
  ]);
  const xMax = Math.max(...g.types.map((t) => t.x), ...segments.map((s) => s.x)) * 1.1;
  const yMax = Math.max(...g.types.map((t) => t.y), ...segments.map((s) => s.y)) * 1.1;
  const x = { field: "x", type: "quantitative" as const, title: "resource 1", scale: { domain: [0, xMax] } };
  const y = { field: "y", type: "quantitative" as const, title: "resource 2", scale: { domain: [0, yMax] } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: g.title,
    width: 420,
    height: 420,
    layer: [
      { data: { values: segments }, mark: { type: "line", strokeDash: [6, 3] }, encoding: { x, y, detail: { field: "line" }, color: { field: "line", type: "nominal", title: "price lines H_t" } } },
      { data: { values: [...g.types] }, mark: { type: "point", filled: true, size: 90 }, encoding: { x, y, shape: { field: "tau", type: "nominal", title: "τ(θ_i)" } } },
      { data: { values: [...g.types] }, mark: { type: "text", dx: 10, dy: -8 }, encoding: { x, y, text: { field: "label" } } },
    ],
  };
}

export async function geometrySvg(g: GeometryPicture): Promise<string> {
  const view = new vega.View(vega.parse(compile(geometrySpec(g)).spec), { renderer: "none" });
  return view.toSVG();
}
