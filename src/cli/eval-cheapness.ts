/**
 * The `--cheapness` part of `mechcheck eval`: per agent, the linked VCG transfer beside the least
 * ex-post IC transfer on nested grids and the gap, as JSON and as a table; for zhu2021 also the
 * continuum competitor λ*·lWⁿ (exact). Flags: `--agent N` (default: every agent), `--divisions LIST`
 * (default 1,2,4,8).
 */
import Table from "cli-table3";
import { InputError } from "../exact/errors.js";
import type { Json } from "../exact/json.js";
import type { Q } from "../exact/rational.js";
import { showInterval } from "../mechanisms/types.js";
import type { Order } from "../mechanisms/zhu2021/allocation.js";
import type { Endowments, SingleResourceModel } from "../models/single-resource/model.js";
import { inTypeSpace, type Profile, type RepeatedModel } from "../models/zhu2021/repeated.js";
import { contains, type OmegaStar } from "../typespace/single-resource.js";
import { singleRefinement, zhu2021Refinement, type Refinement, type Zhu2021Continuum } from "../cheapness/refinement.js";

export interface EvalFlags {
  readonly instance: string;
  readonly json?: string;
  readonly cheapness?: boolean;
  readonly agent?: string;
  readonly divisions?: string;
  /** zhu2021 repeated instances with R = 2: §6.2's picture, to FILE.svg or FILE.png. */
  readonly plot?: string;
}

export interface CheapnessRequest {
  readonly agent?: number; // 1-based, checked against N later
  readonly divisions: number[];
}

export type CheapnessSubject =
  | { readonly kind: "zhu2021"; readonly model: RepeatedModel; readonly order: Order; readonly truth: Profile }
  | { readonly kind: "single"; readonly model: SingleResourceModel; readonly set: OmegaStar; readonly truth: Endowments };

/** undefined without --cheapness; --agent / --divisions without it are an error. */
export function parseCheapnessFlags(flags: EvalFlags): CheapnessRequest | undefined {
  if (!flags.cheapness) {
    if (flags.agent !== undefined && flags.plot === undefined) throw new InputError("--agent", "only with --cheapness or --plot");
    if (flags.divisions !== undefined) throw new InputError("--divisions", "only with --cheapness");
    return undefined;
  }
  let agent: number | undefined;
  if (flags.agent !== undefined) {
    if (!/^[1-9]\d*$/.test(flags.agent)) throw new InputError("--agent", `must be a positive integer (got "${flags.agent}")`);
    agent = Number(flags.agent);
  }
  const text = flags.divisions ?? "1,2,4,8";
  const divisions = text.split(",").map((d, k) => {
    if (!/^\d+$/.test(d.trim())) throw new InputError("--divisions", `entry ${k + 1} ("${d}") must be an integer in 1..64`);
    const v = Number(d.trim());
    if (v < 1 || v > 64) throw new InputError("--divisions", `entry ${k + 1} must be an integer in 1..64 (got ${v})`);
    return v;
  });
  return { ...(agent !== undefined ? { agent } : {}), divisions };
}

interface AgentCheapness {
  readonly refinement: Refinement;
  readonly continuum?: Zhu2021Continuum;
}

export interface CheapnessResult {
  readonly subject: CheapnessSubject;
  readonly agents: readonly AgentCheapness[];
  readonly json: Json;
}

const rows2 = (r: readonly (readonly Q[])[]) => r.map((x) => x.map(String));

export function cheapnessJson(subject: CheapnessSubject, req: CheapnessRequest): CheapnessResult {
  const N = subject.model.N;
  if (req.agent !== undefined && req.agent > N) throw new InputError("--agent", `must be in 1..N = ${N} (got ${req.agent})`);
  if (subject.kind === "zhu2021" && !inTypeSpace(subject.model, subject.truth)) throw new InputError("instance.reports", "the cheapness comparison needs truthful reports inside Ω(T, μ_, μ̄)");
  if (subject.kind === "single") {
    const out = subject.truth.findIndex((row) => !contains(subject.set, row));
    if (out >= 0) throw new InputError(`instance.omega[${out + 1}]`, "the cheapness comparison needs every report inside Ω*ⁿ");
  }
  const agents = (req.agent !== undefined ? [req.agent - 1] : Array.from({ length: N }, (_, n) => n)).map((n): AgentCheapness => {
    if (subject.kind === "zhu2021") {
      const { continuum, ...refinement } = zhu2021Refinement({ model: subject.model, order: subject.order, profile: subject.truth, agent: n }, req.divisions);
      return { refinement, continuum };
    }
    return { refinement: singleRefinement(subject.model, subject.set, subject.truth, n, req.divisions) };
  });
  const continuumJson = (c: Zhu2021Continuum): Json => {
    if (c.kind === "linked-not-ic") return { linkedNotIc: { truth: rows2(c.point.truth), report: rows2(c.point.report) } };
    if (c.kind === "inconclusive") return { inconclusive: c.reason };
    const out: Record<string, Json> = { lambda: c.lambda.toString(), competitorTransfer: c.competitor.toString(), gap: c.gap.toString(), lps: c.lps };
    if (c.tight) out.tight = { truth: rows2(c.tight.truth), report: rows2(c.tight.report), valueGain: c.tight.a.toString(), uWGain: c.tight.b.toString() };
    return out;
  };
  const json: Json = agents.map(({ refinement: r, continuum: c }) => {
    const out: Record<string, Json> = {
      agent: r.agent + 1,
      mechanismTransfer: showInterval(r.linked),
      grids: r.rows.map((row) => ({ divisions: row.divisions, points: row.points, leastIcTransfer: row.least.toString(), gap: showInterval(row.gap) })),
    };
    if (c) out.continuum = continuumJson(c);
    return out;
  });
  return { subject, agents, json };
}

export function cheapnessLines(res: CheapnessResult): string[] {
  const name = res.subject.kind === "single" && res.subject.set.kind === "all" ? "unlinked VCG" : "linked VCG";
  const grid = res.subject.kind === "zhu2021" ? "segment μ̂* → μⁿ" : "Ω*ⁿ lattice + segment";
  const out: string[] = [];
  for (const { refinement: r, continuum: c } of res.agents) {
    out.push(`cheapness, agent ${r.agent + 1}: ${name} pays ${showInterval(r.linked)}; least ex-post IC transfer at the truth on nested grids (${grid}):`);
    const t = new Table({ head: ["steps", "points", "least IC transfer", "gap"], style: { head: [], border: [] }, colAligns: ["right", "right", "right", "right"] });
    for (const row of r.rows) t.push([String(row.divisions), String(row.points), row.least.toString(), showInterval(row.gap)]);
    out.push(t.toString());
    if (c?.kind === "found") {
      out.push(`continuum (exact, ${c.lps} LPs): the least λ with λ·lWⁿ ex-post IC on all of Ωⁿ is λ* = ${c.lambda}; it pays ${c.competitor}, ${c.gap.sign() > 0 ? `${c.gap} less than the linked VCG (Theorem 1's cheapness fails here)` : "as much as the linked VCG"}`);
      if (c.tight) out.push(`  every smaller λ fails at truth ${JSON.stringify(rows2(c.tight.truth))} reporting ${JSON.stringify(rows2(c.tight.report))} (value gain ${c.tight.a}, uWⁿ change ${c.tight.b})`);
    } else if (c?.kind === "linked-not-ic") out.push(`continuum: the linked VCG itself is not ex-post IC (truth ${JSON.stringify(rows2(c.point.truth))}, report ${JSON.stringify(rows2(c.point.report))})`);
    else if (c) out.push(`continuum: inconclusive (${c.reason})`);
  }
  return out;
}
