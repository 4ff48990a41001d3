/**
 * bgs2019 §7, the n-agent mechanism (16)–(19), exactly. Agents with uᵢ ≥ u̲⁽ⁿ⁾ = ξ⁽ⁿ⁾(1 − β)^{1/(n+4)}
 * are active; an inactive agent gets the good with probability uᵢ/E[v] and keeps w = uᵢ; the k active
 * agents share the rest, s(u) = 1 − Σ_inactive uᵢ/E[v], by the main phase of §3 on their k-agent
 * problem scaled by s(u)·F⁽ᵏ'ⁿ⁾, F⁽ᵏ'ⁿ⁾ = 1 − n(k − 1)u̲⁽ⁿ⁾/E[v].
 * Scaling: with P⁽ᵏ⁾ = s·P̂ (16), (10) gives W⁽ᵏ⁾ = s·Ŵ′ where Ŵ′ is (10) at the state u⁽ᵏ⁾/s, and (17) is
 * linear in W, so the active block is s × (the k-agent main phase at u⁽ᵏ⁾/s with F = F⁽ᵏ'ⁿ⁾): the
 * weights α⁽ᵏ⁾(u⁽ᵏ⁾/(sF⁽ᵏ'ⁿ⁾)) are the same. §7 assumes identical distributions (E[v] is common).
 */
import { InputError } from "../../exact/errors.js";
import { Q } from "../../exact/rational.js";
import { exactRoot } from "../../exact/sqrt.js";
import { mean } from "../../models/bgs2019/distribution.js";
import type { Bgs2019Model } from "../../models/bgs2019/json.js";
import type { Mechanism, MechanismFamily } from "../types.js";
import { inScaledSet } from "./region.js";
import { buildCertified, mainPhase, type StageFamily, type StageMechanism } from "./stage.js";

export const BGS_N_AGENT_KIND = "bgs2019/n-agent-mechanism";

/** u̲⁽ⁿ⁾, E[v] and k ↦ F⁽ᵏ'ⁿ⁾ (§7.1); the root must be rational for an exact check. */
export interface NAgentParameters {
  readonly uLow: Q;
  readonly Ev: Q;
  F(k: number): Q;
}

export function nAgentParameters(m: Bgs2019Model): NAgentParameters {
  const n = m.values.length;
  if (m.beta === null) throw new InputError("instance.beta", "§7's threshold u̲⁽ⁿ⁾ = ξ⁽ⁿ⁾(1 − β)^{1/(n+4)} needs the discount factor \"beta\"");
  if (m.xi === null) throw new InputError("instance.xi", "§7's threshold needs ξ⁽ⁿ⁾ (Definition F.2 of the missing appendix): give \"xi\"");
  const root = exactRoot(Q.ONE.sub(m.beta), n + 4);
  if (root === null) throw new InputError("instance.beta", `u̲⁽ⁿ⁾ = ξ⁽ⁿ⁾(1 − β)^{1/${n + 4}} must be rational for an exact check: 1 − β = ${Q.ONE.sub(m.beta)} is not a ${n + 4}-th power of a rational (e.g. β = 1 − 2^−${n + 4})`);
  const Ev = mean(m.values[0]!);
  m.values.forEach((d, i) => {
    if (!mean(d).eq(Ev)) throw new InputError(`instance.values[${i}]`, `§7 assumes identically distributed values: E[v${i}] = ${mean(d)} ≠ E[v0] = ${Ev}`);
  });
  if (Ev.isZero()) throw new InputError("instance.values", "§7 divides by E[v] > 0 (§2: m̲ > 0), here E[v] = 0");
  const uLow = m.xi.mul(root);
  return { uLow, Ev, F: (k) => Q.ONE.sub(Q.of(n * (k - 1)).mul(uLow).div(Ev)) };
}

/** The active agents {i : uᵢ ≥ u̲⁽ⁿ⁾} and s(u) = 1 − Σ_{inactive} uᵢ/E[v]. */
export function activeSplit(u: readonly Q[], p: NAgentParameters): { active: number[]; s: Q } {
  const active = u.map((_, i) => i).filter((i) => u[i]!.ge(p.uLow));
  const s = u.reduce((a, x, i) => (active.includes(i) ? a : a.sub(x.div(p.Ev))), Q.ONE);
  return { active, s };
}

/** Whether w ∈ Ω_β (§7.2): w ≥ 0, s(w) > 0, and the active block in s(w)·F⁽ᵏ'ⁿ⁾·𝒰⁽ᵏ⁾ (certified). */
export function inOmega(m: Bgs2019Model, w: readonly Q[], p: NAgentParameters): { inside: true } | { inside: false; why: string } | { inside: null; why: string } {
  const neg = w.findIndex((x) => x.sign() < 0);
  if (neg >= 0) return { inside: false, why: `w${neg} = ${w[neg]} < 0` };
  const { active, s } = activeSplit(w, p);
  if (active.length === 0) return s.sign() >= 0 ? { inside: true } : { inside: false, why: `the inactive agents' shares Σuᵢ/E[v] = ${Q.ONE.sub(s)} exceed 1` };
  const scale = s.mul(p.F(active.length));
  if (scale.sign() <= 0) return { inside: false, why: `s(w)·F⁽${active.length},n⁾ = ${scale} ≤ 0` };
  const r = inScaledSet(active.map((i) => m.values[i]!), active.map((i) => w[i]!), scale);
  if (r.inside === true) return r;
  const who = `the active block (agents ${active.join(", ")}) of (${w.map(String).join(", ")})`;
  return r.inside === false ? { inside: false, why: `${who} ∉ s·F⁽${active.length},n⁾·𝒰⁽${active.length}⁾ = ${scale}·𝒰⁽${active.length}⁾: ${r.why.replace("ŵ", "w")}` } : { inside: null, why: `${who}: ${r.why}` };
}

export interface NAgentMechanism extends Mechanism<Bgs2019Model, readonly Q[], Q[], Q> {
  readonly active: readonly number[];
  readonly s: Q;
  /** The k-agent main phase at u⁽ᵏ⁾/s with F = F⁽ᵏ'ⁿ⁾ (null when no agent is active). */
  readonly stage: StageMechanism | null;
  /** Its weights are exactly α⁽ᵏ⁾(u⁽ᵏ⁾/(sF⁽ᵏ'ⁿ⁾)) (discrete LP, or certified by KKT); else an approximation. */
  readonly alphaCertified: boolean;
}

export type NAgentFamily = MechanismFamily<Bgs2019Model, NAgentMechanism>;

/** The §7 mechanism with the active block run by `stage` (the paper's main phase by default). */
export function nAgentFamily(stage: StageFamily = mainPhase, name = "bgs2019/n-agent mechanism (16)–(19)"): NAgentFamily {
  return {
    name,
    kind: BGS_N_AGENT_KIND,
    build(m) {
      const p = nAgentParameters(m);
      if (m.u === null) throw new InputError("instance.u", "the mechanism runs at a promised-utility state: the instance needs \"u\"");
      const u = m.u;
      const { active, s } = activeSplit(u, p);
      const k = active.length;
      let st: StageMechanism | null = null;
      let certified = true;
      if (k > 0) {
        if (s.sign() <= 0) throw new InputError("instance.u", `the inactive agents' shares Σuᵢ/E[v] = ${Q.ONE.sub(s)} leave nothing to the active ones (s(u) ≤ 0)`);
        const sub: Bgs2019Model = { ...m, values: active.map((i) => m.values[i]!), xi: null, F: p.F(k), u: active.map((i) => u[i]!.div(s)), reports: null };
        // One active agent: α⁽¹⁾ = (1) whatever the approximation says, and (17)'s sum is empty.
        if (k === 1) st = stage.build(sub);
        else ({ mech: st, certified } = buildCertified(stage, sub));
      }
      const pick = (v: readonly Q[]): Q[] => active.map((i) => v[i]!);
      const mech: NAgentMechanism = {
        name,
        kind: BGS_N_AGENT_KIND,
        model: m,
        active,
        s,
        stage: st,
        alphaCertified: certified,
        allocate(v) {
          const pa = st ? st.allocate(pick(v), 0) : [];
          return u.map((x, i) => (active.includes(i) ? s.mul(pa[active.indexOf(i)]!) : x.div(p.Ev)));
        },
        transfer(v) {
          const wa = st ? st.transfer(pick(v)) : [];
          return u.map((x, i) => (active.includes(i) ? s.mul(wa[active.indexOf(i)]!) : x));
        },
      };
      return mech;
    },
  };
}

export const nAgentMechanism = nAgentFamily();
