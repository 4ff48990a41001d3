/**
 * Planted-bug mechanisms and retractions for the repeated-model claims of zhu2021 (§2, §4).
 * Each is a realistic slip in implementing the paper; each claim must catch at least one.
 */
import { Q } from "../../../src/exact/rational.js";
import { allocateDate, type Order } from "../../../src/mechanisms/zhu2021/allocation.js";
import { REPEATED_KIND, unlinkedVcg, type Zhu2021Family, type Zhu2021Mechanism } from "../../../src/mechanisms/zhu2021/vcg.js";
import { dateValues } from "../../../src/models/zhu2021/payoffs.js";
import { column, cumulative, type Profile, type RepeatedModel } from "../../../src/models/zhu2021/repeated.js";
import { retractRow } from "../../../src/typespace/zhu2021-retraction.js";
import { propertyI } from "../../../src/models/zhu2021/smallness.js";
import { lemma6Linear } from "../../../src/mechanisms/zhu2021/small-surplus.js";

function family(name: string, build: (model: RepeatedModel) => Zhu2021Mechanism): Zhu2021Family {
  return { name, kind: REPEATED_KIND, build };
}

/** uWⁿ with the others' values summed by a custom rule over (date, player, value). */
function transfersWith(model: RepeatedModel, reports: Profile, order: Order, weight: (t: number, m: number, n: number) => Q | null): Q[] {
  const allocs = Array.from({ length: model.T }, (_, t) => allocateDate(model.econ, column(reports, t), order));
  const values = dateValues(model, allocs, reports);
  return Array.from({ length: model.N }, (_, n) =>
    values.reduce((acc, row, t) => row.reduce((a, v, m) => {
      const w = weight(t, m, n);
      return w === null ? a : a.add(w.mul(v));
    }, acc), Q.ZERO),
  );
}

/** The β^{t−T} factor of uWⁿ dropped (every date weighted 1). */
export const dropsBetaFactor = family("mutant/drops-beta-factor", (model) => ({
  ...unlinkedVcg(model),
  name: "mutant/drops-beta-factor",
  transfer: (r) => transfersWith(model, r, "ord", (_, m, n) => (m === n + 1 ? null : Q.ONE)),
}));

/** The sum over "everyone else" taken over the other agents only, forgetting the principal (m = 0). */
export const excludesPrincipal = family("mutant/excludes-principal", (model) => ({
  ...unlinkedVcg(model),
  name: "mutant/excludes-principal",
  transfer: (r) => transfersWith(model, r, "ord", (t, m, n) => (m === n + 1 || m === 0 ? null : model.beta.pow(t - (model.T - 1)))),
}));

/** Serves agent 1 first instead of agent N (still efficient, but not ordA). */
export const reverseOrder = family("mutant/reverse-order", (model) => {
  const base = unlinkedVcg(model);
  const flip = (r: Profile) => [...r].reverse();
  return {
    ...base,
    name: "mutant/reverse-order",
    allocate: (r, t) => {
      const a = allocateDate(model.econ, column(flip(r), t), "ord");
      return { ...a, shares: [...a.shares].reverse(), bundles: [...a.bundles].reverse() };
    },
  };
});

/** Allocates as if the last resource's stock were half of q̄: feasible but wasteful. */
export const halvesLastResource = family("mutant/halves-last-resource", (model) => {
  const econ = { ...model.econ, supply: model.econ.supply.map((x, r) => (r === model.econ.R - 1 ? x.mul(Q.HALF) : x)) };
  const base = unlinkedVcg(model);
  return {
    ...base,
    name: "mutant/halves-last-resource",
    allocate: (r, t) => {
      const a = allocateDate(econ, column(r, t), "ord");
      return { ...a, principalBundle: model.econ.supply.map((qr, k) => a.bundles.reduce((s, b) => s.sub(b[k]!), qr)) };
    },
  };
});

/** Ignores the reports: allocates for the lower bounds μ_ and pays nothing. Truthful reporting is then trivially dominant. */
export const ignoresReports = family("mutant/ignores-reports", (model) => {
  const base = unlinkedVcg(model);
  const fixed: Profile = model.muLow.map((row) => Array.from({ length: model.T }, () => row.slice()));
  return { ...base, name: "mutant/ignores-reports", allocate: (_, t) => base.allocate(fixed, t), transfer: () => new Array<Q>(model.N).fill(Q.ZERO) };
});

export type Retraction = (model: RepeatedModel, mu: Profile) => Q[][][];

/** Scales the whole row down to fit T μ̄ and tops up the last date: a retraction, but it looks ahead. */
export const proportionalRetraction: Retraction = (model, mu) =>
  mu.map((row, n) => {
    const total = cumulative(row, model.T, model.econ.I);
    const TQ = Q.of(model.T);
    const scaled = row.map((col) => col.map((x, i) => {
      const cap = model.muHigh[n]![i]!.mul(TQ);
      return total[i]!.gt(cap) ? x.mul(cap).div(total[i]!) : x;
    }));
    return retractRow(model, n, scaled);
  });

/** Tops up the FIRST date (instead of the last) to reach T μ_: that needs the future sum, so it is not adapted. */
export const topsUpFirstDate: Retraction = (model, mu) =>
  mu.map((row, n) => {
    const noFloor = { ...model, muLow: model.muLow.map((r) => r.map(() => Q.ZERO)) };
    const r = retractRow(noFloor, n, row);
    const total = cumulative(r, model.T, model.econ.I);
    return r.map((col, t) => col.map((x, i) => {
      if (t !== 0) return x;
      const need = model.muLow[n]![i]!.mul(Q.of(model.T)).sub(total[i]!);
      return need.sign() > 0 ? x.add(need) : x;
    }));
  });

/** Clips at T μ_ instead of T μ̄ (the wrong bound): not the identity on the type space. */
export const clipsAtLowerBound: Retraction = (model, mu) =>
  retractRowsWith({ ...model, muHigh: model.muLow }, mu);

function retractRowsWith(model: RepeatedModel, mu: Profile): Q[][][] {
  return mu.map((row, n) => retractRow(model, n, row));
}

// ---- linked VCG mutants -------------------------------------------------------------------------
import { linkedMinimum } from "../../../src/mechanisms/zhu2021/linked-min.js";
import { linkedVcg } from "../../../src/mechanisms/zhu2021/linked.js";
import { unlinkedTransfers } from "../../../src/mechanisms/zhu2021/vcg.js";
import { retract } from "../../../src/typespace/zhu2021-retraction.js";

/** Linked VCG whose minimum is taken over agent n's set as described by `setFor` (a wrong set). */
function linkedWithSet(name: string, setFor: (model: RepeatedModel, n: number) => RepeatedModel) {
  return family(name, (model) => ({
    ...linkedVcg(model),
    name,
    transfer: (reports) => {
      const r = retract(model, reports);
      const u = unlinkedTransfers(model, r, "ord");
      return u.map((w, n) => w.sub(linkedMinimum(setFor(model, n), "ord", r, n).value));
    },
  }));
}

/** The linked minimum over (almost) the whole message space Ω instead of Ωⁿ(T, μ_, μ̄). */
export const minOverWholeSpace = linkedWithSet("mutant/min-over-whole-space", (model) => ({
  ...model,
  muLow: model.muLow.map((r) => r.map(() => Q.ZERO)),
  muHigh: model.muHigh.map((r) => r.map((x) => x.mul(Q.of(10)).add(Q.of(10)))),
}));

/** The linked minimum over the NEXT agent's type space (an index slip). */
export const minOverNextAgentsSet = linkedWithSet("mutant/min-over-next-agents-set", (model, n) => {
  const m = (n + 1) % model.N;
  return {
    ...model,
    muLow: model.muLow.map((r, k) => (k === n ? model.muLow[m]! : r)),
    muHigh: model.muHigh.map((r, k) => (k === n ? model.muHigh[m]! : r)),
  };
});

/** Linked VCG built on the β-less unlinked transfer (uWⁿ without β^{t−T}). */
export const linkedDropsBeta = family("mutant/linked-drops-beta", (model) => {
  const bad = dropsBetaFactor.build(model);
  return {
    ...linkedVcg(model),
    name: "mutant/linked-drops-beta",
    transfer: (reports) => {
      const r = retract(model, reports);
      // The same β-less rule inside the minimum would keep IC; the slip is in uWⁿ([μ]) only.
      return bad.transfer(r).map((w, n) => w.sub(linkedMinimum(model, "ord", r, n).value));
    },
  };
});

/** Claims to implement ordA but allocates with p-ordA (the principal first): p-ordA swapped in. */
export const pOrdSwappedIn = family("mutant/p-ord-swapped-in", (model) => ({ ...linkedVcg(model, "p-ord"), name: "mutant/p-ord-swapped-in", order: "ord" }));

/** The linked VCG transfer off by a constant (lWⁿ − 1/2): cheaper than every competitor, so only the grid's limited-liability audit can catch it. */
export const linkedMinusHalf = family("mutant/linked-minus-half", (model) => {
  const base = linkedVcg(model);
  return { ...base, name: "mutant/linked-minus-half", transfer: (reports) => base.transfer(reports).map((w) => w.sub(Q.HALF)) };
});

/**
 * The linked VCG transfer stated in date-1 money (β^{T−1}·lWⁿ). Not a bug of the mechanism: the
 * variant under which zhu2021 Lemma 6 as written (Sⁿ in date-1 money) holds — its refutation must disappear.
 */
export const linkedInDateOneMoney = family("variant/linked-in-date-1-money", (model) => {
  const base = linkedVcg(model);
  const pv = model.beta.pow(model.T - 1);
  return { ...base, name: "variant/linked-in-date-1-money", transfer: (reports) => base.transfer(reports).map((w) => w.mul(pv)) };
});

/**
 * A "price-taking" linked transfer: wherever Property I holds, pay Lemma 6's price-weighted formula
 * instead of the linked VCG's (the formula is only proved equal under Property II as well). The variant
 * under which the probe zhu2021.lemma6.equality.beyond finds nothing — so the probe can fail.
 */
export const priceTakingTransfer = family("variant/price-taking-transfer", (model) => {
  const base = linkedVcg(model);
  return {
    ...base,
    name: "variant/price-taking-transfer",
    transfer: (reports) =>
      base.transfer(reports).map((w, n) => {
        const one = propertyI(model, reports, n);
        return one.kind === "holds" ? lemma6Linear(model, reports, n, one.prices) : w;
      }),
  };
});
