/**
 * The last step of shrinking: greedy simplification of a failing instance, keeping the failure
 * certified at every step (each candidate is decoded and re-checked exactly; a candidate is kept
 * only if the check still reports a violation). Two kinds of moves:
 *  - structural reductions a claim offers (fewer agents, fewer dates …);
 *  - generic number simplification on the JSON encoding: every rational string leaf is tried as 0,
 *    1, its floor, and its nearest fraction with a smaller denominator, so shrunk counterexamples
 *    read like hand-made ones.
 */
import { parseQ, Q } from "../exact/rational.js";

export interface SimplifyHooks<I> {
  encode(inst: I): unknown;
  decode(json: unknown): I;
  stillFails(inst: I): boolean;
  reduce?(inst: I): I[];
}

type Path = (string | number)[];

function leaves(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof v === "string") {
    if (/^-?\d+(\/\d+)?$/.test(v)) out.push(path);
  } else if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, i], out));
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
  return out;
}

function setAt(v: unknown, path: Path, value: string): unknown {
  if (path.length === 0) return value;
  const [h, ...rest] = path;
  if (Array.isArray(v)) return v.map((x, i) => (i === h ? setAt(x, rest, value) : x));
  const o = v as Record<string, unknown>;
  return { ...o, [h as string]: setAt(o[h as string], rest, value) };
}

function getAt(v: unknown, path: Path): unknown {
  return path.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], v);
}

/** Simpler candidates for one rational, simplest first; all strictly "smaller" (bit size). */
export function simplerNumbers(x: Q): Q[] {
  const out: Q[] = [];
  const push = (y: Q) => {
    if (y.bitSize() < x.bitSize() && !out.some((z) => z.eq(y))) out.push(y);
  };
  push(Q.ZERO);
  push(Q.ONE);
  push(x.floor());
  push(x.ceil());
  for (const d of [2, 3, 4, 6, 10]) push(x.mul(Q.of(d)).floor().div(Q.of(d)));
  return out;
}

export function simplify<I>(start: I, hooks: SimplifyHooks<I>, maxSteps = 300): { inst: I; steps: number } {
  let inst = start;
  let steps = 0;
  const tryAccept = (cand: I): boolean => {
    try {
      if (!hooks.stillFails(cand)) return false;
    } catch {
      return false; // a candidate the check cannot evaluate is not simpler, just invalid
    }
    inst = cand;
    steps++;
    return true;
  };
  let progress = true;
  while (progress && steps < maxSteps) {
    progress = false;
    for (const raw of hooks.reduce?.(inst) ?? []) {
      // A reduction must still be a valid instance: round-trip it through the codec, which
      // validates (e.g. a window Ω* needs T ≥ 2), and skip it if the codec rejects it.
      let cand: I;
      try {
        cand = hooks.decode(hooks.encode(raw));
      } catch {
        continue;
      }
      if (tryAccept(cand)) {
        progress = true;
        break;
      }
    }
    if (progress) continue;
    const json = hooks.encode(inst);
    for (const path of leaves(json)) {
      const x = parseQ(getAt(json, path) as string);
      for (const y of simplerNumbers(x)) {
        let cand: I;
        try {
          cand = hooks.decode(setAt(json, path, y.toString()));
        } catch {
          continue;
        }
        if (tryAccept(cand)) {
          progress = true;
          break;
        }
      }
      if (progress || steps >= maxSteps) break;
    }
  }
  return { inst, steps };
}
