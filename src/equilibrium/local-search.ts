/**
 * Exact local improvement of a misreport: coordinate moves x_ti ± δ (x stays ≥ 0) accepted while the
 * exact utility strictly rises. Deterministic (fixed move order), so a stored instance replays to
 * the same improved misreport and the same exact gain. It strengthens random search: a generated
 * misreport only needs to land near a profitable region.
 */
import { Q } from "../exact/rational.js";

export interface LocalSearchOptions {
  /** Step sizes tried, largest first. */
  readonly steps?: readonly Q[];
  /** Maximum number of accepted moves. */
  readonly maxMoves?: number;
}

const DEFAULT_STEPS = [Q.ONE, Q.of(1, 4)];

export function improveRow(
  start: readonly (readonly Q[])[],
  utility: (row: readonly (readonly Q[])[]) => Q,
  opts: LocalSearchOptions = {},
): { row: Q[][]; value: Q; evaluations: number } {
  const steps = opts.steps ?? DEFAULT_STEPS;
  const maxMoves = opts.maxMoves ?? 8;
  let row = start.map((c) => c.slice());
  let value = utility(row);
  let evaluations = 1;
  let moves = 0;
  let improved = true;
  while (improved && moves < maxMoves) {
    improved = false;
    for (const delta of steps) {
      for (let t = 0; t < row.length && !improved; t++) {
        for (let i = 0; i < row[t]!.length && !improved; i++) {
          for (const sign of [1, -1]) {
            const x = row[t]![i]!.add(sign > 0 ? delta : delta.neg());
            if (x.sign() < 0) continue;
            const cand = row.map((c) => c.slice());
            cand[t]![i] = x;
            const v = utility(cand);
            evaluations++;
            if (v.gt(value)) {
              row = cand;
              value = v;
              improved = true;
              moves++;
              break;
            }
          }
        }
      }
      if (improved) break;
    }
  }
  return { row, value, evaluations };
}
