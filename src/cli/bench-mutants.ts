/**
 * `mechcheck bench --mutants`: every mutant of the zoo (examples/mutants/) hunted as `hunt` would —
 * every claim of its subject kind, held to the catalogue's expectations — from seeds 1..S. Per seed
 * the claims run in order (the mutant's declared claims first) until one misses its expectation:
 * the time to that first kill, the killing claim and the size of its shrunk counterexample are
 * recorded. A mutant is killed if some seed kills it; the mutation score is killed / mutants.
 * A repair (a mutant that mends a refuted claim) is killed by a run with no counterexample left, which
 * takes the whole search, not a first hit: its times are reported apart from the fault mutants'.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { allClaims } from "../claims/registry.js";
import { runClaim } from "../claims/run.js";
import { loadPlugin } from "../mechanisms/plugin.js";

export const ZOO = fileURLToPath(new URL("../../examples/mutants", import.meta.url));

export interface MutantRow {
  readonly mutant: string;
  readonly kind: string;
  readonly seeds: number;
  readonly killedSeeds: number;
  /** Claims that gave a first kill on some seed. */
  readonly killers: string[];
  readonly msMedian: number | null;
  readonly msMax: number | null;
  /** Whether every kill was a run ending without a counterexample (a repair), not a counterexample. */
  readonly repair: boolean;
  /** Size of the shrunk counterexample of the first kill by a counterexample (seed order). */
  readonly size: Readonly<Record<string, number>> | null;
}

export interface MutantBench {
  readonly rows: MutantRow[];
  readonly killed: number;
  readonly mutants: number;
  /** Claim id → mutants it gave the first kill for. */
  readonly perClaim: Record<string, number>;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2]! : Math.round((s[s.length / 2 - 1]! + s[s.length / 2]!) / 2);
};

export async function benchMutants(seeds: number, dir = ZOO, timeLimitMs = 60_000): Promise<MutantBench> {
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts") || f.endsWith(".js")).sort();
  const rows: MutantRow[] = [];
  const perClaim: Record<string, number> = {};
  for (const file of files) {
    const p = await loadPlugin(join(dir, file));
    const declared = p.kills ?? [];
    const ofKind = allClaims().filter((c) => c.subjectKind === p.subject.kind);
    const claims = [...ofKind.filter((c) => declared.includes(c.id)), ...ofKind.filter((c) => !declared.includes(c.id))];
    const times: number[] = [];
    const killers = new Set<string>();
    let size: Readonly<Record<string, number>> | null = null;
    let cleanKills = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const t0 = performance.now();
      for (const c of claims) {
        const r = runClaim(c, { seed, subject: p.subject, timeLimitMs });
        if (!r.met && !r.cut) {
          times.push(Math.round(performance.now() - t0));
          killers.add(c.id);
          if (!size && r.counterexample?.size) size = r.counterexample.size;
          if (!r.counterexample) cleanKills++;
          break;
        }
      }
    }
    for (const k of killers) perClaim[k] = (perClaim[k] ?? 0) + 1;
    rows.push({ mutant: file.replace(/\.(ts|js)$/, ""), kind: p.subject.kind, seeds, killedSeeds: times.length, killers: [...killers].sort(), msMedian: median(times), msMax: times.length ? Math.max(...times) : null, repair: times.length > 0 && cleanKills === times.length, size });
  }
  return { rows, killed: rows.filter((r) => r.killedSeeds > 0).length, mutants: rows.length, perClaim };
}
