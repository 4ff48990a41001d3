/**
 * Project types f (zhu2022 §3.1, stylized §3): payoff of a resource quantity per unit of endowment.
 * The papers require f strictly concave, C¹, increasing, f(0) = 0 and f'(0) < ∞. Verdicts need f
 * and f' exactly on rationals, so every family here is a rational function (or piecewise one).
 *
 * Families:
 * - `saturating` f(a) = k·a/(b + a)               strictly concave, f'(0) = k/b, f'(∞) = 0
 * - `saturating2` f(a) = k·(1 − b²/(b + a)²)      strictly concave, f'(0) = 2k/b, f'(∞) = 0
 * - `quadlin` f(a) = a − a²/(2c) up to a₀ = c(1 − s), then slope s: C¹ and concave but NOT strictly
 *   concave (linear tail); for probing what breaks without the papers' strictness. With s = 0 it is
 *   flat beyond c (not increasing): allowed for probes, refused by `checkProjectType`.
 * Users supply their own family with `--project FILE` (registerProjectFamily; every f it builds goes
 * through customProject's exact sampled checks).
 */
import { InputError } from "../../exact/errors.js";
import { Q, q } from "../../exact/rational.js";

export interface ProjectType {
  /** e.g. "saturating(k=1,b=1)". */
  readonly name: string;
  readonly family: string;
  /** The rational parameters, as strings, so that an instance file can rebuild f. */
  readonly params: Readonly<Record<string, string>>;
  f(a: Q): Q;
  /** f'(a), exact. */
  df(a: Q): Q;
  /** f''(a) where it exists (one-sided at kinks of f'), exact; ≤ 0 for concave f. */
  d2f(a: Q): Q;
  /** lim_{a→∞} f'(a): the limit of ω·f(a/ω) as ω → 0 with a > 0 fixed is a·slopeAtInfinity. */
  readonly slopeAtInfinity: Q;
  /** True when f is strictly concave on [0, ∞) (the papers' hypothesis). */
  readonly strictlyConcave: boolean;
  /**
   * Sup of the u with 2f'(v) + v·f''(v) ≥ 0 for all v ∈ [0, u] (null: all u). The others' surplus
   * x ↦ O·f(q̄/(x + O)) that linked VCG minimizes is convex on x ≥ 0 iff q̄/O ≤ this (its second
   * derivative is O·u³·(2f'(u) + u f''(u))/q̄² with u = q̄/(x + O)).
   */
  readonly convexUpTo: Q | null;
  /** Float twins, for the float oracle and for choosing where exact work happens. */
  fF(a: number): number;
  dfF(a: number): number;
}

function requirePositive(field: string, x: Q): void {
  if (!x.gt(Q.ZERO)) throw new InputError(field, `must be > 0 (got ${x.toString()})`);
}

/** f(a) = k·a/(b + a). */
export function saturating(k: Q, b: Q): ProjectType {
  requirePositive("f.k", k);
  requirePositive("f.b", b);
  const kf = k.toNumber(), bf = b.toNumber();
  return {
    name: `saturating(k=${k},b=${b})`,
    family: "saturating",
    params: { k: k.toString(), b: b.toString() },
    f: (a) => k.mul(a).div(b.add(a)),
    df: (a) => k.mul(b).div(b.add(a).pow(2)),
    d2f: (a) => k.mul(b).mul(q(-2)).div(b.add(a).pow(3)),
    slopeAtInfinity: Q.ZERO,
    strictlyConcave: true,
    convexUpTo: null, // 2f' + u f'' = 2kb²/(b + u)³ > 0
    fF: (a) => (kf * a) / (bf + a),
    dfF: (a) => (kf * bf) / ((bf + a) * (bf + a)),
  };
}

/** f(a) = k·(1 − b²/(b + a)²) = k·a(a + 2b)/(b + a)². */
export function saturating2(k: Q, b: Q): ProjectType {
  requirePositive("f.k", k);
  requirePositive("f.b", b);
  const kf = k.toNumber(), bf = b.toNumber();
  const b2 = b.mul(b);
  return {
    name: `saturating2(k=${k},b=${b})`,
    family: "saturating2",
    params: { k: k.toString(), b: b.toString() },
    f: (a) => k.mul(Q.ONE.sub(b2.div(b.add(a).pow(2)))),
    df: (a) => k.mul(b2).mul(q(2)).div(b.add(a).pow(3)),
    d2f: (a) => k.mul(b2).mul(q(-6)).div(b.add(a).pow(4)),
    slopeAtInfinity: Q.ZERO,
    strictlyConcave: true,
    convexUpTo: b.mul(q(2)), // 2f' + u f'' = kb²(4b − 2u)/(b + u)⁴
    fF: (a) => kf * (1 - (bf * bf) / ((bf + a) * (bf + a))),
    dfF: (a) => (2 * kf * bf * bf) / ((bf + a) * (bf + a) * (bf + a)),
  };
}

/** f(a) = a − a²/(2c) for a ≤ a₀ = c(1 − s); f(a₀) + s(a − a₀) beyond. Concave, not strictly. */
export function quadlin(c: Q, s: Q): ProjectType {
  requirePositive("f.c", c);
  if (s.lt(Q.ZERO) || !s.lt(Q.ONE)) throw new InputError("f.s", `must satisfy 0 ≤ s < 1 (got ${s})`);
  const a0 = c.mul(Q.ONE.sub(s));
  const fa0 = a0.sub(a0.mul(a0).div(c.mul(q(2))));
  const cf = c.toNumber(), sf = s.toNumber(), a0f = a0.toNumber(), fa0f = fa0.toNumber();
  return {
    name: `quadlin(c=${c},s=${s})`,
    family: "quadlin",
    params: { c: c.toString(), s: s.toString() },
    f: (a) => (a.le(a0) ? a.sub(a.mul(a).div(c.mul(q(2)))) : fa0.add(s.mul(a.sub(a0)))),
    df: (a) => (a.le(a0) ? Q.ONE.sub(a.div(c)) : s),
    d2f: (a) => (a.lt(a0) ? Q.ONE.div(c).neg() : Q.ZERO),
    slopeAtInfinity: s,
    strictlyConcave: false,
    // 2f' + u f'' = 2 − 3u/c on the quadratic part (≥ 0 iff u ≤ 2c/3), 2s ≥ 0 on the tail
    convexUpTo: a0.le(c.mul(q(2, 3))) ? null : c.mul(q(2, 3)),
    fF: (a) => (a <= a0f ? a - (a * a) / (2 * cf) : fa0f + sf * (a - a0f)),
    dfF: (a) => (a <= a0f ? 1 - a / cf : sf),
  };
}

export interface ProjectFamilySpec {
  readonly params: readonly string[];
  build(p: Record<string, Q>): ProjectType;
}

const BUILT_IN: Readonly<Record<string, ProjectFamilySpec>> = {
  saturating: { params: ["k", "b"], build: (p) => saturating(p.k as Q, p.b as Q) },
  saturating2: { params: ["k", "b"], build: (p) => saturating2(p.k as Q, p.b as Q) },
  quadlin: { params: ["c", "s"], build: (p) => quadlin(p.c as Q, p.s as Q) },
};
const families = new Map<string, ProjectFamilySpec>(Object.entries(BUILT_IN));

/** The named families an instance file can refer to: the built-in ones and those a user registered. */
export function projectFamily(name: string): ProjectFamilySpec | undefined {
  return families.get(name);
}
export function projectFamilyNames(): string[] {
  return [...families.keys()];
}

/**
 * Adds a user's family (from `--project FILE`). Built-in names cannot be replaced; registering the
 * same spec again is a no-op. Every f it builds goes through customProject's checks.
 */
export function registerProjectFamily(name: string, spec: ProjectFamilySpec): void {
  if (name in BUILT_IN) throw new InputError("--project", `"${name}" is a built-in family; choose another name`);
  const old = families.get(name);
  if (old && old !== spec) throw new InputError("--project", `a family "${name}" is already registered`);
  families.set(name, { params: spec.params, build: (p) => customProject(spec.build(p)) });
}

/** Sample points on which a user-supplied f is checked: 0, small dyadics, integers, large values. */
export function samplePoints(upTo: Q = q(64)): Q[] {
  const pts: Q[] = [Q.ZERO];
  for (let k = 6; k >= 1; k--) pts.push(Q.of(1, 2 ** k));
  for (let i = 1; q(i).le(upTo); i *= 2) pts.push(q(i), q(3 * i, 2));
  return pts.sort((a, b) => a.cmp(b)).filter((x, i, xs) => i === 0 || !x.eq(xs[i - 1] as Q));
}

/**
 * Checks the papers' hypotheses on a project type at the sample points, exactly: f(0) = 0,
 * f' > 0 (increasing), f'' ≤ 0 and f' non-increasing between samples (concave), f' strictly
 * decreasing if it claims strict concavity, f(b) − f(a) between f'(b)(b − a) and f'(a)(b − a)
 * (f' really is the derivative of a concave f). A sampled check cannot prove concavity for an
 * arbitrary user function; the named families are concave by construction (see their formulas).
 */
export function checkProjectType(p: ProjectType, points: readonly Q[] = samplePoints()): void {
  if (!p.f(Q.ZERO).isZero()) throw new InputError("f", `must satisfy f(0) = 0 (got f(0) = ${p.f(Q.ZERO)})`);
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as Q;
    if (!p.df(a).gt(Q.ZERO)) throw new InputError("f", `must be increasing: f'(${a}) = ${p.df(a)} ≤ 0`);
    if (p.d2f(a).gt(Q.ZERO)) throw new InputError("f", `must be concave: f''(${a}) = ${p.d2f(a)} > 0`);
    if (i === 0) continue;
    const prev = points[i - 1] as Q;
    const rise = p.f(a).sub(p.f(prev));
    const run = a.sub(prev);
    if (rise.gt(p.df(prev).mul(run)) || rise.lt(p.df(a).mul(run))) {
      throw new InputError("f", `f' is not the derivative of a concave f between ${prev} and ${a} (chord slope ${rise.div(run)} outside [f'(${a}), f'(${prev})])`);
    }
    if (p.strictlyConcave && !p.df(a).lt(p.df(prev))) {
      throw new InputError("f", `claims strict concavity but f'(${prev}) = ${p.df(prev)} ≤ f'(${a}) = ${p.df(a)}`);
    }
  }
  if (p.slopeAtInfinity.lt(Q.ZERO)) throw new InputError("f.slopeAtInfinity", "must be ≥ 0 for an increasing f");
}

/** Wraps a user's f (from `--module`), checks it, and returns it. */
export function customProject(p: ProjectType): ProjectType {
  checkProjectType(p);
  return p;
}
