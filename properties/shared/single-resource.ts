/**
 * Shared pieces of the zhu2022 and stylized claims: the Theorem 1 family (T = N, q̄ = Nq, β = 1),
 * its two stylized type spaces Ω*(N) and the two "good events" Ω**(N), and instance codecs.
 *
 * Ω** involves the agents' beliefs in both papers; a claim about a single profile ω ∈ Ω** is taken
 * with P the point mass at ω (then every conditional probability of leaving Ω* is 0), so Ω**
 * reduces to: ω ∈ Ω*(N) and the date-sum window of the paper.
 */
import { InputError } from "../../src/exact/errors.js";
import type { Json } from "../../src/exact/json.js";
import { Q, q, sum } from "../../src/exact/rational.js";
import { rationalAt } from "../../src/exact/zod.js";
import { makeModel, type SingleResourceModel } from "../../src/models/single-resource/model.js";
import type { FamilyCase, SingleCase } from "../../src/search/single-resource.js";
import { contains, type OmegaStar } from "../../src/typespace/single-resource.js";
import { projectFromJson, projectToJson, readSingleInstance, singleInstanceToJson } from "../../src/typespace/single-resource-json.js";

export function familyModel(c: FamilyCase): SingleResourceModel {
  return makeModel({ N: c.N, T: c.N, beta: Q.ONE, qbar: q(c.N).mul(c.q), f: c.f });
}

/** stylized: Ω*ⁿ(N) = {ω_t ≤ ω_max, |Σ_t ω_t/N − ω_avg| ≤ x(N)}. */
export function stylizedStar(c: FamilyCase): OmegaStar {
  return { kind: "box-average", max: c.max, avg: c.avg, x: c.x };
}

/** zhu2022 §4.1.1: Ω*ⁿ(N) = {|Σ_{s≠t} ω_s/(N − 1) − ω_avg| ≤ x(N) ∀t}. */
export function zhu2022Star(c: FamilyCase): OmegaStar {
  return { kind: "window", avg: c.avg, x: c.x };
}

function negative(c: FamilyCase): string | null {
  for (let n = 0; n < c.N; n++) for (let t = 0; t < c.N; t++) if (c.omega[n]![t]!.lt(Q.ZERO)) return `ω[${n + 1}][${t + 1}] = ${c.omega[n]![t]} < 0 (outside Ω)`;
  return null;
}

function outsideStar(c: FamilyCase, star: OmegaStar): string | null {
  const n = c.omega.findIndex((row) => !contains(star, row));
  return n < 0 ? null : `ω^${n + 1} ∉ Ω*^${n + 1}(N)`;
}

/** null when ω ∈ Ω**(N) of stylized (|Σ_n ω_t^n/N − ω_avg| ≤ y ∀t); otherwise the failed hypothesis. */
export function outsideStylizedDoubleStar(c: FamilyCase): string | null {
  const bad = negative(c) ?? outsideStar(c, stylizedStar(c));
  if (bad) return bad;
  for (let t = 0; t < c.N; t++) {
    const mean = sum(c.omega.map((r) => r[t]!)).div(q(c.N));
    if (mean.sub(c.avg).abs().gt(c.y)) return `|Σ_n ω_${t + 1}^n/N − ω_avg| = ${mean.sub(c.avg).abs()} > y(N)`;
  }
  return null;
}

/** null when ω ∈ Ω**(N) of zhu2022 (|Σ_{m≠n} ω_t^m/(N − 1) − ω_avg| ≤ y ∀n, t). */
export function outsideZhu2022DoubleStar(c: FamilyCase): string | null {
  const bad = negative(c) ?? outsideStar(c, zhu2022Star(c));
  if (bad) return bad;
  for (let t = 0; t < c.N; t++) {
    const total = sum(c.omega.map((r) => r[t]!));
    for (let n = 0; n < c.N; n++) {
      const mean = total.sub(c.omega[n]![t]!).div(q(c.N - 1));
      if (mean.sub(c.avg).abs().gt(c.y)) return `|Σ_{m≠${n + 1}} ω_${t + 1}^m/(N − 1) − ω_avg| = ${mean.sub(c.avg).abs()} > y(N)`;
    }
  }
  return null;
}

export function encodeFamily(c: FamilyCase): Json {
  return { N: c.N, q: c.q.toString(), f: projectToJson(c.f), avg: c.avg.toString(), max: c.max.toString(), x: c.x.toString(), y: c.y.toString(), omega: c.omega.map((r) => r.map(String)) };
}

/** o[k] as an exact rational, > 0 when `positive`, else ≥ 0; the field named on error. */
export function rationalField(o: Record<string, unknown>, k: string, positive = false): Q {
  const x = rationalAt(o[k], `instance.${k}`);
  if (positive ? !x.gt(Q.ZERO) : x.lt(Q.ZERO)) throw new InputError(`instance.${k}`, positive ? "must be > 0" : "must be ≥ 0");
  return x;
}

export function decodeFamily(v: unknown): FamilyCase {
  const o = (v ?? {}) as Record<string, unknown>;
  const N = Number(o.N);
  if (!Number.isInteger(N) || N < 2) throw new InputError("instance.N", "N ≥ 2 (the Theorem 1 family has T = N dates)");
  const rat = (k: string, positive = false) => rationalField(o, k, positive);
  const omega = o.omega;
  if (!Array.isArray(omega) || omega.length !== N || omega.some((r) => !Array.isArray(r) || r.length !== N)) throw new InputError("instance.omega", `must be N × N = ${N} × ${N}`);
  const avg = rat("avg", true), max = rat("max", true);
  if (!max.gt(avg)) throw new InputError("instance.max", `ω_max must exceed ω_avg (stylized Assumption 1; got ${max} ≤ ${avg})`);
  return {
    N,
    q: rat("q", true),
    f: projectFromJson((o.f ?? {}) as Record<string, unknown>, "instance.f"),
    avg,
    max,
    x: rat("x", true),
    y: rat("y", true),
    omega: (omega as unknown[][]).map((r, n) => r.map((s, t) => rationalAt(s, `instance.omega[${n + 1}][${t + 1}]`))),
  };
}

/** A report row of length T from an instance file: exact, nonnegative, the cell named on error. */
export function reportRowAt(v: unknown, T: number, field: string): Q[] {
  if (!Array.isArray(v) || v.length !== T) throw new InputError(field, `must be a row of T = ${T} rationals`);
  return v.map((s, t) => {
    const x = rationalAt(s, `${field}[${t + 1}]`);
    if (x.lt(Q.ZERO)) throw new InputError(`${field}[${t + 1}]`, `reports must be ≥ 0 (got ${x})`);
    return x;
  });
}

export function familySize(c: FamilyCase): Record<string, number> {
  return { agents: c.N, dates: c.N };
}

export function encodeSingle(c: SingleCase): Json {
  return singleInstanceToJson({ model: c.model, omegaStar: c.omegaStar, omega: c.truth });
}

export function decodeSingle(v: unknown): SingleCase {
  const inst = readSingleInstance(v);
  if (!inst.omega) throw new InputError("instance.omega", "required: the truthful profile ω (N × T)");
  return { model: inst.model, omegaStar: inst.omegaStar, truth: inst.omega.map((r) => [...r]) };
}
