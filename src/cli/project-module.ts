/**
 * `--project FILE`: a user's family of project types f for zhu2022/stylized instances. The module
 * exports `project = { family, params, example, build(params) }`: `build` returns a ProjectType
 * (exact f, f', f'', float twins, strictness and convexity facts; see src/models/single-resource/
 * project.ts), `example` is one parameter choice, built and checked at load so a broken module fails
 * at once. Instances then name the family like a built-in one: {"family": "<family>", …params}.
 */
import { InputError } from "../exact/errors.js";
import { parseQ, type Q } from "../exact/rational.js";
import { projectFamily, registerProjectFamily, type ProjectFamilySpec } from "../models/single-resource/project.js";
import { importUserModule } from "../mechanisms/plugin.js";

export async function loadProjectModule(file: string): Promise<string> {
  const mod = await importUserModule(file, "--project");
  const p = (mod.project ?? mod.default) as Record<string, unknown> | undefined;
  const ok = p && typeof p.family === "string" && Array.isArray(p.params) && p.params.every((x) => typeof x === "string") && typeof p.build === "function" && typeof p.example === "object" && p.example !== null;
  if (!ok) throw new InputError("--project", `${file} must export \`project\` = { family: string, params: string[], example: { param: "rational" }, build(params) }`);
  const spec = p as unknown as ProjectFamilySpec & { family: string; example: Record<string, unknown> };
  const example: Record<string, Q> = {};
  for (const k of spec.params) {
    const v = spec.example[k];
    if (typeof v !== "string") throw new InputError("--project", `${file}: example.${k} must be a rational written as a string`);
    example[k] = parseQ(v);
  }
  registerProjectFamily(spec.family, spec);
  try {
    projectFamily(spec.family)!.build(example); // customProject's checks, on the example
  } catch (e) {
    throw new InputError("--project", `${file}: its example f fails the papers' hypotheses: ${(e as Error).message}`);
  }
  return spec.family;
}
