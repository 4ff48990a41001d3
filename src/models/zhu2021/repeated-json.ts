/**
 * The zhu2021 instance file of INTERFACE.md: resources, types, supply (the economy), agents N,
 * dates T, beta, muLow, muHigh (N × I), reports (N × T × I), optional allocation "ord" | "p-ord".
 * Every rule of §2 is enforced with the field named: T ≥ 1, β ∈ (0, 1], 0 ≤ μ_ⁿ ≤ μ̄ⁿ, reports in
 * the message space Ω = [0, ∞)^I.
 */
import { z } from "zod";
import { InputError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import { parseWith, rationalAt, toQ, zRational } from "../../exact/zod.js";
import { economyFields, economyFromFields, economyToJson } from "./json.js";
import type { Profile, RepeatedModel } from "./repeated.js";

export const repeatedFields = {
  ...economyFields,
  agents: z.number().int().min(1, "N ≥ 1 agents (zhu2021 §2)"),
  dates: z.number().int().min(1, "T ≥ 1 dates (zhu2021 §2)"),
  beta: zRational,
  muLow: z.array(z.array(zRational)),
  muHigh: z.array(z.array(zRational)),
};

const repeatedSchema = z.strictObject({
  ...repeatedFields,
  reports: z.array(z.array(z.array(zRational))).optional(),
  allocation: z.enum(["ord", "p-ord"]).optional(),
});

export interface RepeatedInstance {
  readonly model: RepeatedModel;
  readonly reports?: Profile;
  readonly allocation: "ord" | "p-ord";
}

type RawRepeated = z.infer<typeof repeatedSchema>;

export function modelFromFields(raw: Omit<RawRepeated, "reports" | "allocation">, root = "instance"): RepeatedModel {
  const econ = economyFromFields(raw, root);
  const N = raw.agents, T = raw.dates;
  const beta = toQ(raw.beta);
  if (beta.sign() <= 0 || beta.gt(Q.ONE)) throw new InputError(`${root}.beta`, `β ∈ (0, 1] (zhu2021 §2), got ${beta}`);
  const bounds = (name: "muLow" | "muHigh") => {
    const m = raw[name];
    if (m.length !== N) throw new InputError(`${root}.${name}`, `expected N = ${N} rows, got ${m.length}`);
    return m.map((row, n) => {
      if (row.length !== econ.I) throw new InputError(`${root}.${name}[${n}]`, `expected I = ${econ.I} entries, got ${row.length}`);
      return row.map((s, i) => {
        const x = toQ(s);
        if (x.sign() < 0) throw new InputError(`${root}.${name}[${n}][${i}]`, `bounds are nonnegative I-vectors, got ${x}`);
        return x;
      });
    });
  };
  const muLow = bounds("muLow"), muHigh = bounds("muHigh");
  muLow.forEach((row, n) =>
    row.forEach((lo, i) => {
      if (lo.gt(muHigh[n]![i]!)) throw new InputError(`${root}.muLow[${n}][${i}]`, `μ_ ≤ μ̄ is required (zhu2021 §2): ${lo} > ${muHigh[n]![i]}`);
    }),
  );
  return { econ, N, T, beta, muLow, muHigh };
}

export function readProfile(value: readonly (readonly (readonly unknown[])[])[], model: RepeatedModel, field: string): Q[][][] {
  if (value.length !== model.N) throw new InputError(field, `expected N = ${model.N} agents, got ${value.length}`);
  return value.map((row, n) => {
    if (row.length !== model.T) throw new InputError(`${field}[${n}]`, `expected T = ${model.T} dates, got ${row.length}`);
    return row.map((col, t) => {
      if (col.length !== model.econ.I) throw new InputError(`${field}[${n}][${t}]`, `expected I = ${model.econ.I} entries, got ${col.length}`);
      return col.map((s, i) => {
        const x = rationalAt(s, `${field}[${n}][${t}][${i}]`);
        if (x.sign() < 0) throw new InputError(`${field}[${n}][${t}][${i}]`, `reports lie in the message space Ω = [0, ∞)^I, got ${x}`);
        return x;
      });
    });
  });
}

export function readRepeated(value: unknown, root = "instance"): RepeatedInstance {
  const raw = parseWith(repeatedSchema, value, root);
  const model = modelFromFields(raw, root);
  const reports = raw.reports === undefined ? undefined : readProfile(raw.reports, model, `${root}.reports`);
  return { model, ...(reports ? { reports } : {}), allocation: raw.allocation ?? "ord" };
}

export function profileToJson(mu: Profile): string[][][] {
  return mu.map((row) => row.map((col) => col.map(String)));
}

export function modelToJson(m: RepeatedModel): Record<string, unknown> {
  return {
    ...economyToJson(m.econ),
    agents: m.N,
    dates: m.T,
    beta: m.beta.toString(),
    muLow: m.muLow.map((r) => r.map(String)),
    muHigh: m.muHigh.map((r) => r.map(String)),
  };
}
